"""Time to build the example's press release PDF: in a cold process, and warm (repeated).

Run: `.venv/bin/python bench/bench_press_release.py`. Prints figures; asserts nothing.
Cold = a new Python process that imports VisitDesk, opens the store, drafts and writes the PDF
(what an officer waits for with `visitdesk press-release`). Warm = the same build again in a
process that has already made one (what the window does on the second click).
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
EXAMPLE = REPO.parent / "shared" / "examples" / "sipo-2017.visit.json"
if not EXAMPLE.exists():
    EXAMPLE = REPO / "tests" / "fixtures" / "sipo-2017.visit.json"
RUNS = 10


def build_once(data_dir: Path, out: Path) -> float:
    from visitdesk.documents.press_release_pdf import build_press_release_pdf
    from visitdesk.documents.release_content import release_content
    from visitdesk.services.press_release.record import office_of, prepare_release
    from visitdesk.services.visits import load_visit
    from visitdesk.store.database import Store

    start = time.perf_counter()
    store = Store.open(data_dir=data_dir)
    with store.transaction() as session:
        visit = load_visit(session, "sipo-2017-03")
        release = prepare_release(session, visit).release
        build_press_release_pdf(release_content(release, office_of(session)), out)
    store.close()
    return time.perf_counter() - start


def _timed(command: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True)
    return time.perf_counter() - start


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        data_dir = Path(folder) / "data"
        out = Path(folder) / "pr.pdf"
        from visitdesk.services.exchange.importer import import_file
        from visitdesk.store.database import Store

        store = Store.open(data_dir=data_dir)
        import_file(store, EXAMPLE)
        store.close()
        command = [sys.executable, "-m", "visitdesk", "--data-dir", str(data_dir)]
        cold = [_timed([*command, "press-release", "sipo-2017-03", "-o", str(out)])]
        cold += [_timed([*command, "press-release", "sipo-2017-03", "-o", str(out)])]
        cold += [_timed([*command, "press-release", "sipo-2017-03", "-o", str(out)])]
        baseline = statistics.median(_timed([*command, "visits"]) for _ in range(3))
        first = build_once(data_dir, out)
        warm = [build_once(data_dir, out) for _ in range(RUNS)]
        size = out.stat().st_size
    print(f"press release PDF of the example visit ({size:,} bytes)")
    print(f"  cold process (visitdesk press-release), median of 3: {statistics.median(cold):.3f} s")
    print(f"  for scale, cold `visitdesk visits`, median of 3:     {baseline:.3f} s")
    print(f"  first build in this process (fonts loaded):        {first:.3f} s")
    print(
        f"  warm build, median of {RUNS}:                          {statistics.median(warm):.3f} s"
    )
    print(f"  warm build, slowest of {RUNS}:                         {max(warm):.3f} s")


if __name__ == "__main__":
    main()
