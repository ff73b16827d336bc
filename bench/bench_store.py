"""Import a ten-year office, then time `visitdesk visits` and `visitdesk show` as whole processes.

Run: .venv/bin/python bench/bench_store.py [--visits 2000]
Aims: the import under 20 s (issue 2); `visits` and `show` at most 0.25 s each as a whole
process (issue 15). Figures are also given as ratios to `python -c pass` run the same way, the
floor any command pays. (bench/run_all.py prints them in its table, with the others.)
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from measure import Figure, Runs, bytecode_env, run_once, run_process
from synthetic import write

IMPORT_GOAL_S = 20.0
COMMAND_GOAL_S = 0.25


def make_office(root: Path, visits: int = 2000) -> tuple[Path, Figure]:
    """A synthetic office of `visits` visits imported into a new store in `root`; the store's
    folder, and the import as a whole process."""
    source = write(root / "office.visit.json", visits=visits, people=visits * 10)
    data = root / "office"
    seconds, peak, _out = run_once(
        [sys.executable, "-m", "visitdesk", "--data-dir", str(data), "import", str(source)]
    )
    runs = Runs()
    runs.add(seconds, peak)
    name = f"import of a {visits:,}-visit office (whole process)"
    return data, Figure(name, runs, max_value=IMPORT_GOAL_S if visits >= 2000 else None)


def cli_figures(data: Path, visits: int, runs: int, env: dict[str, str], how: str) -> list[Figure]:
    """`visits` and `show` as whole processes in `env`, against `python -c pass` in it."""
    floor = run_process([sys.executable, "-c", "pass"], runs, env)
    cli = [sys.executable, "-m", "visitdesk", "--data-dir", str(data)]
    figures = []
    for label, command in (
        ("visits", [*cli, "visits"]),
        ("show REF", [*cli, "show", f"visit-{visits // 2:04d}"]),
    ):
        if "PYTHONDONTWRITEBYTECODE" not in env:
            run_process(command, 1, env)  # compiles into the cache what this command imports
        figures.append(
            Figure(
                f"`visitdesk {label}`, {visits:,}-visit office, {how}",
                run_process(command, runs, env),
                baseline="python -c pass",
                base=floor,
                max_value=COMMAND_GOAL_S,
            )
        )
    return figures


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--visits", type=int, default=2000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        data, imported = make_office(root, args.visits)
        print(imported.line())
        cached = bytecode_env(True, root / "pycache", os.environ)
        run_process(
            [sys.executable, "-m", "visitdesk", "--data-dir", str(data), "visits"], 1, cached
        )
        for figure in cli_figures(data, args.visits, 5, cached, "bytecode cached"):
            print(figure.line())
        export = run_process(
            [
                sys.executable,
                "-m",
                "visitdesk",
                "--data-dir",
                str(data),
                "export",
                "-o",
                str(root / "all.json"),
            ],
            1,
        )
        print(Figure("visitdesk export (everything)", export).line())


if __name__ == "__main__":
    main()
