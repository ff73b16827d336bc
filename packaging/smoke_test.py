"""Use a built VisitDesk folder as an officer would, and fail loudly on the first problem.

    python packaging/smoke_test.py DIR [--example FILE.visit.json]

DIR is the one-folder app (packaging/dist/visitdesk, or where the installer put it). Runs the
console program on a throwaway data folder: every command the source defines must be in the
bundle's `--help` (a command PyInstaller dropped is a failure, not a skip), the example visit
imports, and the calendar, lists, press release and briefing pack are written; then the window
program takes a screenshot offscreen. Used by tests/test_packaging.py on Linux and by
.github/workflows/windows.yml on Windows.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "tests" / "fixtures" / "sipo-2017.visit.json"


class SmokeError(Exception):
    pass


def expected_commands() -> list[str]:
    """The commands of the source tree's command line, which the bundle must all have."""
    sys.path.insert(0, str(ROOT / "src"))
    from visitdesk.cli import build_parser

    parser = build_parser()
    for action in parser._actions:  # argparse keeps its subcommands only here
        choices = getattr(action, "choices", None)
        if isinstance(choices, dict):
            return sorted(choices)
    raise SmokeError("the source's command line defines no commands")


def program(app: Path, name: str) -> Path:
    suffix = ".exe" if os.name == "nt" else ""
    found = app / f"{name}{suffix}"
    if not found.is_file():
        raise SmokeError(f"the bundle has no program {found.name} in {app}")
    return found


def run(app: Path, data: Path, *args: str, name: str = "visitdesk") -> str:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "VISITDESK_DATA_DIR": str(data)}
    env.pop("PYTHONPATH", None)  # the bundle must not lean on the source tree
    done = subprocess.run(
        [str(program(app, name)), *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
        env=env,
        cwd=data,
        timeout=300,
    )
    if done.returncode != 0:
        raise SmokeError(f"{name} {' '.join(args)} failed:\n{done.stdout}\n{done.stderr}")
    return done.stdout


def smoke(app: Path, example: Path, work: Path) -> list[str]:
    """Every check in order; returns what was done, one line each."""
    done: list[str] = []
    help_text = run(app, work, "--help")
    missing = [c for c in expected_commands() if f" {c} " not in f" {help_text} "]
    if missing:
        raise SmokeError("commands missing from the bundle: " + ", ".join(missing))
    done.append("every command is in the bundle")
    if "Imported visit" not in run(app, work, "import", str(example)):
        raise SmokeError("the example visit did not import")
    ref = "sipo-2017-03"
    if ref not in run(app, work, "visits"):
        raise SmokeError("the imported visit is not listed")
    for args, output in (
        (("ics", ref, "-o", "visit.ics"), "visit.ics"),
        (("export-list", ref, "--list", "delegation", "-o", "delegation.xlsx"), "delegation.xlsx"),
        (("press-release", ref, "-o", "press-release.pdf"), "press-release.pdf"),
        (("briefing-pack", ref, "-o", "briefing-pack.pdf"), "briefing-pack.pdf"),
    ):
        run(app, work, *args)
        written = work / output
        if not written.is_file() or written.stat().st_size == 0:
            raise SmokeError(f"{args[0]} wrote nothing to {output}")
        done.append(f"{args[0]}: {written.stat().st_size:,} bytes")
    japanese = work / "japan.csv"  # as Japanese Excel saves CSV: cp932, not UTF-8
    japanese.write_bytes("Name,Position\nMr. Suzuki Ichiro,課長\n".encode("cp932"))
    preview = run(app, work, "import-people", str(japanese), "--visit", ref, "--preview")
    if "Read as Japanese (Shift JIS, cp932)" not in preview:
        raise SmokeError(f"a cp932 list was not recognised:\n{preview}")
    done.append("a Japanese cp932 list is recognised")
    run(app, work, "--visit", ref, "--screenshot", "window.png", name="visitdesk-gui")
    if (work / "window.png").stat().st_size < 10_000:
        raise SmokeError("the window's screenshot is (nearly) empty")
    done.append("the window opens and draws")
    return done


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("app", type=Path, help="the one-folder app")
    parser.add_argument("--example", type=Path, default=EXAMPLE)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="visitdesk-smoke-") as folder:
        try:
            for line in smoke(args.app.resolve(), args.example.resolve(), Path(folder)):
                print(f"ok: {line}")
        except SmokeError as exc:
            print(f"FAILED: {exc}", file=sys.stderr)
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
