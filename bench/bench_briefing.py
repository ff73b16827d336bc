"""Time and size of the briefing pack of a 5-day, 40-engagement, 30-delegates-with-photos visit.

Run: `.venv/bin/python bench/bench_briefing.py`. Prints figures; asserts nothing.
The targets: under 1 s of build time (issue 10) and under 5 MB. "Cold" is what an officer waits
for with `visitdesk briefing-pack` in a new process; "in process" is the build alone (gathering
from the store, one layout pass, writing the file), first (fonts loading, photos scaled) and
then repeated (photos already scaled in this process, as in the window).
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from briefing_fixture import visit_document

VISIT = "bench-2017"
RUNS = 5


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


def _timed(command: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True)
    return time.perf_counter() - start


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        data_dir = Path(folder) / "data"
        source = Path(folder) / "bench.visit.json"
        out = Path(folder) / "pack.pdf"
        source.write_text(json.dumps(visit_document(), ensure_ascii=False), encoding="utf-8")
        from visitdesk.services.exchange.importer import import_file
        from visitdesk.store.database import Store

        store = Store.open(data_dir=data_dir)
        import_file(store, source)
        store.close()
        photos = source.stat().st_size
        command = [sys.executable, "-m", "visitdesk", "--data-dir", str(data_dir)]
        cold = [_timed([*command, "briefing-pack", VISIT, "-o", str(out)]) for _ in range(3)]
        first, pages = build_once(data_dir, out)
        timed = [build_timed(data_dir, out) for _ in range(RUNS)]
        warm = [wall for wall, _cpu, _pages in timed]
        warm_cpu = [cpu for _wall, cpu, _pages in timed]
        size = out.stat().st_size
        personal, personal_pages = build_once(data_dir, out, "delegate-0")
        personal_size = out.stat().st_size
    print("briefing pack: 5 days, 40 engagements, 30 delegates with photos")
    print(f"  exchange file with the photos: {photos / 1e6:.1f} MB")
    print(f"  full pack: {pages} pages, {size / 1e6:.2f} MB ({size:,} bytes)")
    print(f"  cold process (visitdesk briefing-pack), median of 3: {statistics.median(cold):.3f} s")
    print(f"  first build in this process (fonts loaded):          {first:.3f} s")
    print(
        f"  warm build, median of {RUNS}:                           {statistics.median(warm):.3f} s"
    )
    print(f"  warm build, slowest of {RUNS}:                          {max(warm):.3f} s")
    print(
        f"  warm build, CPU time, median of {RUNS}:                 "
        f"{statistics.median(warm_cpu):.3f} s"
    )
    print(
        f"  personal pack of the head of delegation: {personal_pages} pages, "
        f"{personal_size / 1e6:.2f} MB, {personal:.3f} s"
    )


if __name__ == "__main__":
    main()
