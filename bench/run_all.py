"""Every benchmark in one run, printed as one table: figure, baseline, ratio, goal, memory.

    python bench/run_all.py [--quick] [--runs N]     (or: python3 packaging/dev.py bench)

Each figure is the median of several runs with their spread (slowest minus fastest), beside a
baseline measured in the same run on the same machine: a bare PySide6 window showing a table,
`python -c pass`, LibreOffice's .docx -> PDF (when `soffice` is installed), a bare reportlab
build of as many pages. Start-ups are measured twice: with Python's bytecode cached in a folder
of this run's own (as an installed VisitDesk runs), and with no bytecode at all (every module
compiled at every start). The peak memory is that of the process that made the figure (for
figures made inside a process, of the worker process that made them).

`--quick` (one or two runs, a 200-visit office) is what CI runs so that a change that doubles
a figure shows in its log. Nothing here asserts a time: a figure that misses its goal says
"not met" and the run still succeeds.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import platform
import shutil
import sys
import tempfile
import traceback
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from measure import (
    PEAK_SOURCE,
    Figure,
    Runs,
    bytecode_env,
    bytecode_note,
    run_once,
    run_process,
)

REPO = Path(__file__).resolve().parents[1]

WINDOW_RATIO_GOAL = 2.5
WINDOW_MEMORY_GOAL_MB = 250.0
WORKER_TIMEOUT_S = 900
BUNDLE = REPO / "packaging" / "dist" / "visitdesk" / "visitdesk"


@dataclasses.dataclass
class Plan:
    quick: bool
    runs: int
    visits: int
    folder: Path
    env: dict[str, str]  # every child's: offscreen Qt, settings of this run's own

    @property
    def cached(self) -> dict[str, str]:
        return bytecode_env(True, self.folder / "pycache", self.env)

    @property
    def compiled(self) -> dict[str, str]:
        """No bytecode: an empty cache folder Python may not write to."""
        return bytecode_env(False, self.folder / "no-pycache", self.env)


# --- figures made in a worker process (their memory is the worker's) ---------------------------


def _worker(name: str, quick: bool, folder: Path, data: Path) -> list[Figure]:
    runs = 2 if quick else 5
    if name == "filter":
        import bench_gui

        return bench_gui.filter_figures()
    if name == "people":
        import bench_gui

        return bench_gui.people_figures(folder, office=data)
    if name == "release":
        import bench_press_release

        store = bench_press_release.example_store(folder)
        return bench_press_release.build_figures(store, folder / "pr.pdf", runs)
    if name == "pack":
        import bench_briefing

        store = bench_briefing.pack_store(folder)
        return bench_briefing.build_figures(store, folder / "pack.pdf", runs)
    if name == "fonts":
        import bench_fonts

        return bench_fonts.font_figures(folder, 1 if quick else 3)
    if name == "entry":
        import bench_data_entry

        figures: list[Figure] = bench_data_entry.entry_figures()
        return figures
    if name == "stress":
        import stress_concurrent_edits

        stressed: list[Figure] = stress_concurrent_edits.stress_figures(10 if quick else 100, 2)
        return stressed
    raise SystemExit(f"no worker {name!r}")


def _to_json(figures: list[Figure]) -> str:
    return json.dumps([dataclasses.asdict(f) for f in figures])


def _from_json(text: str) -> list[Figure]:
    figures = []
    for item in json.loads(text):
        item["runs"] = Runs(**item["runs"])
        if item["base"] is not None:
            item["base"] = Runs(**item["base"])
        figures.append(Figure(**item))
    return figures


def in_worker(plan: Plan, name: str, data: Path) -> list[Figure]:
    folder = plan.folder / f"worker-{name}"
    folder.mkdir()
    command = [sys.executable, __file__, "--worker", name, "--folder", str(folder)]
    command += ["--data", str(data)] + (["--quick"] if plan.quick else [])
    _seconds, peak, out = run_once(command, plan.cached, timeout=WORKER_TIMEOUT_S)
    figures = _from_json(out.strip().splitlines()[-1])
    for figure in figures:
        figure.runs.peak_kb = figure.runs.peak_kb or peak
    return figures


# --- figures of whole processes -----------------------------------------------------------------


def window_figures(plan: Plan, data: Path) -> list[Figure]:
    import bench_gui

    figures = []
    for how, env in (("bytecode cached", plan.cached), ("no bytecode", plan.compiled)):
        if "PYTHONDONTWRITEBYTECODE" not in env:  # fill the cache first
            bench_gui.startup(bench_gui.BARE, str(plan.visits), 1, env, linger_ms=0)
            bench_gui.startup(bench_gui.VISITDESK, str(data), 1, env, linger_ms=0)
        runs = plan.runs if "PYTHONDONTWRITEBYTECODE" not in env else max(1, plan.runs // 2)
        bare = bench_gui.startup(bench_gui.BARE, str(plan.visits), runs, env)
        desk = bench_gui.startup(bench_gui.VISITDESK, str(data), runs, env)
        baseline = f"bare PySide6 window, table of {plan.visits:,} rows"
        figures.append(
            Figure(
                f"window first painted, {how}",
                desk.shown,
                baseline=baseline + " (first paint)",
                base=bare.shown,
                note="" if desk.light else "SQLAlchemy was imported before the first paint",
            )
        )
        figures.append(
            Figure(
                f"window with the records shown, {plan.visits:,}-visit office, {how}",
                desk.table,
                baseline=baseline,
                base=bare.table,
                max_ratio=WINDOW_RATIO_GOAL,
                max_mb=WINDOW_MEMORY_GOAL_MB,
                note="Alembic was imported" if desk.alembic else "Alembic never imported",
            )
        )
    return figures


def cli_figures(plan: Plan, data: Path) -> list[Figure]:
    import bench_store

    cached = bench_store.cli_figures(data, plan.visits, plan.runs, plan.cached, "bytecode cached")
    runs = max(1, plan.runs // 2)
    cold = bench_store.cli_figures(data, plan.visits, runs, plan.compiled, "no bytecode")
    for figure in cold:
        figure.max_value = None  # the budget is for an installed VisitDesk, bytecode cached
    return cached + cold


def release_figures(plan: Plan) -> list[Figure]:
    import bench_press_release

    folder = plan.folder / "release"
    folder.mkdir()
    store = bench_press_release.example_store(folder)
    figures = bench_press_release.process_figures(folder, store, plan.runs, plan.cached)
    figures[1].max_ratio = None  # the budget is for an installed VisitDesk, bytecode cached
    figures[1].note = ""
    return figures


def bundle_figures(plan: Plan, data: Path) -> list[Figure]:
    """`visitdesk visits` from the PyInstaller bundle against the same from the venv."""
    if not BUNDLE.exists():
        return [
            Figure(
                "bundle start (`visits`)",
                Runs(),
                note="not measured: no bundle in packaging/dist (packaging/build.py makes it)",
            )
        ]
    bundle = [str(BUNDLE), "--data-dir", str(data), "visits"]
    venv = [sys.executable, "-m", "visitdesk", "--data-dir", str(data), "visits"]
    run_process(bundle, 1, plan.env)
    run_process(venv, 1, plan.cached)
    # The bundle's modules are always compiled (PyInstaller ships bytecode): it is held to the
    # venv with bytecode cached, and shown beside the venv compiling at every start.
    shown = run_process(bundle, plan.runs, plan.env)
    return [
        Figure(
            "bundle: `visitdesk visits`, whole process (bytecode is always in the bundle)",
            shown,
            baseline="the same from the venv, bytecode cached",
            base=run_process(venv, plan.runs, plan.cached),
            max_ratio=1.0,
        ),
        Figure(
            "bundle: `visitdesk visits`, whole process, the same runs",
            shown,
            baseline="the same from the venv, no bytecode",
            base=run_process(venv, max(1, plan.runs // 2), plan.compiled),
        ),
    ]


# --- the table -----------------------------------------------------------------------------------


def _cells(figure: Figure) -> list[str]:
    runs, met = figure.runs, figure.met()
    if not runs.values:
        return [figure.name, "—", "", "", "", "", figure.goal(), "", "", figure.note]
    ratio = figure.ratio
    base = figure.base
    return [
        figure.name,
        figure.show(runs.median),
        f"±{figure.show(runs.spread)}" if len(runs.values) > 1 else "",
        str(len(runs.values)),
        figure.baseline,
        figure.show(base.median) if base is not None and base.values else "",
        f"{ratio:.2f}x" if ratio is not None else "",
        figure.goal(),
        "" if met is None else ("met" if met else "NOT MET"),
        f"{runs.peak_mb:.0f}" if runs.peak_kb else "",
        figure.note,
    ]


HEADINGS = [
    "figure", "median", "spread", "runs", "baseline", "baseline median", "ratio", "goal",
    "met?", "peak MB", "note",
]  # fmt: skip


def table(figures: list[Figure]) -> str:
    rows = [HEADINGS, *(_cells(f) for f in figures)]
    rows = [row + [""] * (len(HEADINGS) - len(row)) for row in rows]
    widths = [max(len(row[i]) for row in rows) for i in range(len(HEADINGS))]
    lines = []
    for number, row in enumerate(rows):
        lines.append(" | ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)))
        if number == 0:
            lines.append("-+-".join("-" * width for width in widths))
    return "\n".join(line.rstrip() for line in lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="1-2 runs, a 200-visit office")
    parser.add_argument("--runs", type=int, help="runs of each figure (default 5, quick 2)")
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    parser.add_argument("--folder", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--data", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker:
        print(_to_json(_worker(args.worker, args.quick, args.folder, args.data)))
        return 0
    with tempfile.TemporaryDirectory(prefix="visitdesk-bench-") as name:
        folder = Path(name)
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(folder / "cfg"))
        # The parsed fonts are cached in a folder of this run's own, filled by its first runs
        # (as an installed VisitDesk fills its own once): figures never lean on the developer's.
        env["VISITDESK_FONT_CACHE"] = str(folder / "font-cache")
        runs = args.runs or (2 if args.quick else 5)
        plan = Plan(args.quick, runs, 200 if args.quick else 2000, folder, env)
        return measure_everything(plan)


def measure_everything(plan: Plan) -> int:
    import bench_store

    started = datetime.now(UTC)
    mode = "quick" if plan.quick else "full"
    print(f"VisitDesk benchmarks, {mode} run, {started:%Y-%m-%d %H:%M} UTC")
    load = os.getloadavg() if hasattr(os, "getloadavg") else None
    print(
        f"Python {platform.python_version()} on {platform.platform()}, {os.cpu_count()} cores"
        + (f", load average {load[0]:.2f}" if load else "")
    )
    print(f"Bytecode: {bytecode_note()}; start-ups are measured with and without it.")
    print(f"Memory: {PEAK_SOURCE}.")
    print("Fonts: parsed once into this run's own font cache, then read from it (every figure).")
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    print(f"LibreOffice: {soffice or 'not installed (no soffice): its baseline is left out'}.")
    figures: list[Figure] = []
    failed: list[str] = []

    def step(what: str, measure: Callable[[], list[Figure]]) -> None:
        print(f"  measuring {what}…", flush=True)
        try:
            figures.extend(measure())
        except Exception as exc:  # one benchmark broken still leaves the others' figures
            failed.append(f"{what}: {type(exc).__name__}: {exc}")
            traceback.print_exc()

    office: list[Path] = []

    def make() -> list[Figure]:
        data, imported = bench_store.make_office(plan.folder, plan.visits)
        office.append(data)
        return [imported]

    step(f"the import of a {plan.visits:,}-visit office", make)
    data = office[0] if office else plan.folder / "office"
    step("the window's start", lambda: window_figures(plan, data))
    step("`visits` and `show`", lambda: cli_figures(plan, data))
    step("the press release against LibreOffice", lambda: release_figures(plan))
    for worker, what in (
        ("release", "the press release's build"),
        ("pack", "the briefing pack"),
        ("filter", "filtering big lists"),
        ("people", "the people and visits lists"),
        ("fonts", "the fonts"),
        ("entry", "entering a visit in the window"),
        ("stress", "two officers editing one file"),
    ):
        step(what, lambda worker=worker: in_worker(plan, worker, data))  # type: ignore[misc]
    step("the bundle's start", lambda: bundle_figures(plan, data))
    print()
    print(table(figures))
    missed = [f.name for f in figures if f.met() is False]
    print()
    met = sum(f.met() is True for f in figures)
    print(f"{len(figures)} figures, {met} goals met, {len(missed)} not met.")
    for line in failed:
        print(f"Could not be measured: {line}")
    elapsed = (datetime.now(UTC) - started).total_seconds()
    print(f"Measured in {elapsed:.0f} s. Times are a guide on a shared machine, never a test.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
