"""Import a ten-year office, then time `visitdesk visits` and `visitdesk show` as whole processes.

Run: .venv/bin/python bench/bench_store.py [--visits 2000]
Aims (issue 2): import under 20 s; `visits` under 1 s as a whole process. Figures are also
given as ratios to `python -c pass` run the same way, the floor any command pays.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from synthetic import write


def timed(command: list[str], repeat: int = 5) -> float:
    runs = []
    for _ in range(repeat):
        began = time.perf_counter()
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
        runs.append(time.perf_counter() - began)
    return statistics.median(runs)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--visits", type=int, default=2000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        began = time.perf_counter()
        source = write(root / "office.visit.json", visits=args.visits, people=args.visits * 10)
        print(
            f"generated {source.stat().st_size / 2**20:.1f} MB in "
            f"{time.perf_counter() - began:.1f} s ({args.visits} visits, "
            f"{args.visits * 20} engagements, {args.visits * 10} people)"
        )
        cli = [sys.executable, "-m", "visitdesk", "--data-dir", str(root / "data")]
        began = time.perf_counter()
        subprocess.run([*cli, "import", str(source)], check=True, stdout=subprocess.DEVNULL)
        print(f"import (whole process):        {time.perf_counter() - began:6.2f} s   aim < 20 s")
        floor = timed([sys.executable, "-c", "pass"])
        listing = timed([*cli, "visits"])
        show = timed([*cli, "show", f"visit-{args.visits // 2:04d}"])
        export = timed([*cli, "export", "-o", str(root / "all.json")], repeat=1)
        print(f"python -c pass (floor):        {floor:6.3f} s")
        print(
            f"visitdesk visits ({args.visits} rows):  {listing:6.3f} s   aim < 1 s   "
            f"{listing / floor:5.1f}x the floor"
        )
        print(f"visitdesk show:                {show:6.3f} s   {show / floor:5.1f}x the floor")
        print(f"visitdesk export (everything): {export:6.2f} s")


if __name__ == "__main__":
    main()
