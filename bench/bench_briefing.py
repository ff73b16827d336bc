"""Time and size of the briefing pack of a 5-day, 40-engagement, 30-delegates-with-photos visit.

Run: `.venv/bin/python bench/bench_briefing.py`. Prints figures; asserts nothing.
The targets: under 1 s of build time (issue 10) and under 5 MB. "Cold" is what an officer waits
for with `visitdesk briefing-pack` in a new process; "in process" is the build alone (gathering
from the store, one layout pass, writing the file), first (fonts loading, photos scaled) and
then repeated (photos already scaled in this process, as in the window).
"""

from __future__ import annotations

import json
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from briefing_fixture import visit_document
from measure import Figure, Runs, run_process

VISIT = "bench-2017"
RUNS = 5
BUILD_GOAL_S = 1.0  # issue 10
SIZE_GOAL_MB = 5.0


def build_once(data_dir: Path, out: Path, person: str | None = None) -> tuple[float, int]:
    """Wall-clock seconds of one build, and its pages."""
    elapsed, _cpu, pages = build_timed(data_dir, out, person)
    return elapsed, pages


def build_timed(data_dir: Path, out: Path, person: str | None = None) -> tuple[float, float, int]:
    """Wall-clock and CPU seconds of one build, and its pages. The CPU time is the steadier
    figure on a machine shared with other work; the wall-clock one is what an officer waits."""
    from visitdesk.documents.briefing import build_briefing_pack
    from visitdesk.store.database import Store

    store = Store.open(data_dir=data_dir)
    start, cpu = time.perf_counter(), time.process_time()
    with store.transaction() as session:
        result = build_briefing_pack(session, VISIT, out, for_person=person)
    elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu
    store.close()
    return elapsed, cpu, result.pages


def pack_store(folder: Path) -> Path:
    """A store in `folder` holding the benchmark's visit (photos made, 30 delegates)."""
    from visitdesk.services.exchange.importer import import_file
    from visitdesk.store.database import Store

    data_dir = folder / "data"
    source = folder / "bench.visit.json"
    source.write_text(json.dumps(visit_document(), ensure_ascii=False), encoding="utf-8")
    store = Store.open(data_dir=data_dir)
    import_file(store, source)
    store.close()
    return data_dir


def build_figures(data_dir: Path, out: Path, runs: int = RUNS) -> list[Figure]:
    """The full pack's build in this process, first and warm, against a bare reportlab build
    of as many pages of text; its size; the personal pack of the head of delegation."""
    first = Runs()
    seconds, pages = build_once(data_dir, out)
    first.add(seconds)
    warm, cpu = Runs(), Runs()
    for _ in range(runs):
        wall, spent, _pages = build_timed(data_dir, out)
        warm.add(wall)
        cpu.add(spent)
    size = Runs()
    size.add(out.stat().st_size / 1e6)
    bare = Runs()
    for _ in range(max(1, runs // 2)):
        bare.add(bare_reportlab(pages, out.with_name("bare.pdf")))
    personal = Runs()
    personal.add(build_once(data_dir, out, "delegate-0")[0])
    what = f"pack of a 5-day, 40-engagement, 30-delegate visit ({pages} pages)"
    return [
        Figure(f"{what}: build, first in a process (photos scaled)", first),
        Figure(
            f"{what}: build, warm",
            warm,
            baseline=f"bare reportlab, {pages} pages of text",
            base=bare,
            max_value=BUILD_GOAL_S,
        ),
        Figure(f"{what}: build, warm, CPU time", cpu, max_value=BUILD_GOAL_S),
        Figure(f"{what}: file size, MB", size, unit="", max_value=SIZE_GOAL_MB),
        Figure("personal pack of the head of delegation: build", personal),
    ]


def bare_reportlab(pages: int, out: Path) -> float:
    """Seconds reportlab takes to set `pages` A4 pages of plain paragraphs, nothing else."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate

    start = time.perf_counter()
    style = getSampleStyleSheet()["BodyText"]
    story: list[object] = []
    for page in range(pages):
        story += [Paragraph(f"Page {page}: the delegation meets the host. " * 12, style)] * 4
        story.append(PageBreak())
    SimpleDocTemplate(str(out), pagesize=A4).build(story)
    return time.perf_counter() - start


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        data_dir = pack_store(Path(folder))
        command = [sys.executable, "-m", "visitdesk", "--data-dir", str(data_dir)]
        out = Path(folder) / "pack.pdf"
        cold = run_process([*command, "briefing-pack", VISIT, "-o", str(out)], 3)
        print(Figure("`visitdesk briefing-pack`, whole process", cold).line())
        for figure in build_figures(data_dir, out):
            print(figure.line())


if __name__ == "__main__":
    main()
