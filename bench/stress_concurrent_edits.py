"""Two officers on one SQLite file: how many read-then-write edits are stored, refused with a
message, or lost without a word.

Each process does what the window does for an edit: read the record in one session (the dialog
opens), wait a moment (the officer types), then save the details it read with its own change in
another session. Each edit appends a token of its own to the visit's notes, so at the end every
token that is missing from the notes is an edit lost silently. Prints the three counts.

    python bench/stress_concurrent_edits.py [--edits 100] [--processes 2]
"""

from __future__ import annotations

import argparse
import dataclasses
import multiprocessing
import random
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

EXAMPLE = ROOT / "tests" / "fixtures" / "sipo-2017.visit.json"
VISIT = "sipo-2017-03"


def officer(
    data_dir: str, name: str, edits: int, results: multiprocessing.Queue[tuple[str, int, int]]
) -> None:
    from visitdesk.app import Desk, RefusedError

    desk = Desk.open(data_dir=data_dir, user=name)
    visit_id = desk.visits.id_of(VISIT)
    stored = refused = 0
    rng = random.Random(name)
    for number in range(edits):
        token = f"[{name}-{number}]"
        try:
            opened = desk.visits.details(visit_id)  # the dialog opens
            time.sleep(rng.uniform(0.0, 0.004))  # the officer types
            changed = dataclasses.replace(opened.data, notes=f"{opened.data.notes or ''}{token}")
            desk.visits.update(visit_id, changed, opened.version, opened=opened.data)  # Save
            stored += 1
        except RefusedError:
            refused += 1  # refused with a sentence (ConflictError, busy): the officer knows
    desk.close()
    results.put((name, stored, refused))


def visit_id_of_ref(store: object, ref: str) -> int:
    from sqlalchemy import select

    from visitdesk.domain.models import Visit

    with store.session() as session:  # type: ignore[attr-defined]
        return int(session.scalar(select(Visit.id).where(Visit.ref == ref)))


def stress(edits: int, processes: int) -> tuple[int, int, int, float]:
    """Edits stored, refused with a message and lost without a word, and the seconds taken."""
    from visitdesk.services.exchange.importer import import_file
    from visitdesk.store.database import Store

    with tempfile.TemporaryDirectory() as folder:
        store = Store.open(data_dir=folder)
        import_file(store, EXAMPLE)
        store.close()
        results: multiprocessing.Queue[tuple[str, int, int]] = multiprocessing.Queue()
        started = time.perf_counter()
        workers = [
            multiprocessing.Process(target=officer, args=(folder, f"o{n}", edits, results))
            for n in range(processes)
        ]
        for worker in workers:
            worker.start()
        counts = [results.get(timeout=600) for _ in workers]
        for worker in workers:
            worker.join()
        elapsed = time.perf_counter() - started
        store = Store.open(data_dir=folder)
        notes = visit_notes(store)
        store.close()
    stored = sum(c[1] for c in counts)
    refused = sum(c[2] for c in counts)
    kept = sum(notes.count(f"[{name}-") for name, _s, _r in counts)
    return kept, refused, stored - kept, elapsed


def stress_figures(edits: int, processes: int) -> list[Any]:
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from measure import Figure, Runs

    kept, refused, lost, _elapsed = stress(edits, processes)
    figures = []
    what = f"{processes} officers x {edits} edits on one SQLite file"
    for count, label, goal in (
        (kept, "stored", None),
        (refused, "refused with a message", None),
        (lost, "lost without a word", 0),
    ):
        runs = Runs()
        runs.add(count)
        figures.append(Figure(f"{what}: {label}", runs, unit="", max_value=goal))
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--edits", type=int, default=100, help="edits per officer")
    parser.add_argument("--processes", type=int, default=2)
    args = parser.parse_args()
    kept, refused, lost, elapsed = stress(args.edits, args.processes)
    attempted = args.edits * args.processes
    print(f"{args.processes} officers x {args.edits} read-then-write edits on one SQLite file")
    print(f"  attempted            {attempted:5d}")
    print(f"  stored (in the file) {kept:5d}")
    print(f"  refused with message {refused:5d}")
    print(f"  lost without a word  {lost:5d}   (reported saved, then overwritten)")
    print(f"  {elapsed:.1f} s")


def visit_notes(store: object) -> str:
    from sqlalchemy import select

    from visitdesk.domain.models import Visit

    with store.session() as session:  # type: ignore[attr-defined]
        return str(session.scalar(select(Visit.notes).where(Visit.ref == VISIT)) or "")


if __name__ == "__main__":
    main()
