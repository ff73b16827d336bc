"""GUI figures: start-up against a bare PySide6 window, and filtering big lists a keystroke.

The people list is measured on the synthetic ten-year office (bench/synthetic.py) imported into
a temporary store: its rows come from the real queries, its names in four scripts.

Prints figures; asserts nothing. Run: QT_QPA_PLATFORM=offscreen .venv/bin/python bench/bench_gui.py
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

# Both programs take the time of the window's first paint, with the same event filter: what
# happens after it (VisitDesk opening its records) is measured apart, as "records in the window".
FIRST_PAINT = """
import time, sys
t0 = time.perf_counter()
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication
app = QApplication(sys.argv[:1])
painted = []

class FirstPaint(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint and not painted:
            painted.append(time.perf_counter() - t0)
        return False
"""

BARE = (
    FIRST_PAINT
    + """
from PySide6.QtWidgets import QMainWindow
w = QMainWindow(); w.resize(1366, 768)
spy = FirstPaint(); w.installEventFilter(spy); w.show()
while not painted:
    app.processEvents()
print(painted[0])
"""
)

VISITDESK = (
    FIRST_PAINT
    + """
import argparse
from visitdesk.ui.refcounts import pin_singletons
pin_singletons()
from visitdesk.ui.app import show_window
args = argparse.Namespace(data_dir=sys.argv[1], database_url=None, visit=None, view=None)
spy = FirstPaint()
ready = []
w, opened = show_window(args, before_show=lambda window: window.installEventFilter(spy))
w.records_ready.connect(lambda: (ready.append(time.perf_counter() - t0), app.quit()))
while not painted:
    app.processEvents()
light = not any(m.startswith("sqlalchemy") for m in sys.modules)
app.exec()
print(painted[0], ready[0], light)
"""
)


def _startup(script: str, *args: str, runs: int = 5) -> tuple[float, float, bool]:
    """Median time to the window shown, to the records in it, and whether no SQL was loaded."""
    shown, ready, light = [], [], True
    for _ in range(runs):
        out = subprocess.run(
            [sys.executable, "-c", script, *args], capture_output=True, text=True, check=True
        )
        figures = out.stdout.strip().splitlines()[-1].split()
        shown.append(float(figures[0]))
        ready.append(float(figures[1]) if len(figures) > 1 else shown[-1])
        light = light and (len(figures) < 3 or figures[2] == "True")
    return statistics.median(shown), statistics.median(ready), light


def _filter_figures() -> None:
    from PySide6.QtWidgets import QApplication

    from visitdesk.domain.enums import EngagementKind, VisitStatus
    from visitdesk.services.itinerary import ProgrammeRow
    from visitdesk.services.search import VisitRow, fold
    from visitdesk.ui.models.itinerary import ProgrammeModel
    from visitdesk.ui.models.rows import SearchProxy
    from visitdesk.ui.models.visits import VisitsModel
    from visitdesk.ui.refcounts import pin_singletons

    pin_singletons()
    QApplication.instance() or QApplication(sys.argv[:1])
    guests = ["SIPO", "JPO", "KIPO", "WIPO", "EUIPO", "USPTO", "中国国家知识产权局", "وزارت تجارت"]
    start = date(2000, 1, 1)
    visits = [
        VisitRow(
            i,
            f"v{i}",
            f"Visit {i} of the {g} delegation",
            g,
            "Islamabad",
            start + timedelta(days=i),
            start + timedelta(days=i + 2),
            VisitStatus.PLANNED,
            fold(f"Visit {i} of the {g} delegation", g, "Islamabad"),
        )
        for i, g in ((i, guests[i % len(guests)]) for i in range(2000))
    ]
    engagements = [
        ProgrammeRow(
            i,
            i // 20,
            f"Visit {i // 20}",
            datetime(2000, 1, 1) + timedelta(hours=i),
            EngagementKind.MEAL,
            f"Meeting {i} on patents",
            f"Venue {i % 97}",
            fold(f"Meeting {i} on patents", f"Venue {i % 97}", f"Visit {i // 20}"),
        )
        for i in range(40_000)
    ]
    for name, model, rows in (
        ("2,000 visits", VisitsModel(), visits),
        ("40,000 engagements", ProgrammeModel(), engagements),
    ):
        proxy = SearchProxy()
        proxy.setSourceModel(model)
        proxy.sort(0)
        t0 = time.perf_counter()
        model.set_rows(rows)
        proxy.refresh()
        load = time.perf_counter() - t0
        typed = "venue 42" if "engagements" in name else "sipo delegation"
        per_key = []
        query = ""
        for char in typed:
            query += char
            t0 = time.perf_counter()
            proxy.set_query(query)
            proxy.rowCount()
            per_key.append(time.perf_counter() - t0)
        print(
            f"{name}: load {load * 1000:.0f} ms; filter per keystroke median "
            f"{statistics.median(per_key) * 1000:.1f} ms, worst {max(per_key) * 1000:.1f} ms "
            f"({proxy.rowCount()} rows match {typed!r})"
        )


def _typed(model: Any, typed: str) -> list[float]:
    """Seconds each keystroke of `typed` takes to filter the model (a word at a time)."""
    per_key = []
    query = ""
    for char in typed:
        query += char
        t0 = time.perf_counter()
        model.set_query(query)
        model.rowCount()
        per_key.append(time.perf_counter() - t0)
    return per_key


def _read(label: str, read: Callable[[], list[Any]]) -> list[Any]:
    """The rows `read` gives, and the median time of three reads printed."""
    times, rows = [], []
    for _ in range(3):
        t0 = time.perf_counter()
        rows = read()
        times.append(time.perf_counter() - t0)
    print(f"  read {len(rows):,} {label} in {statistics.median(times) * 1000:.0f} ms (median of 3)")
    return rows


def _people_figures(folder: Path) -> None:
    """The people list and the visits list as an officer searches them, on real query rows."""
    sys.path.insert(0, str(Path(__file__).parent))
    from sqlalchemy import select

    from synthetic import write
    from visitdesk.domain.models import Person, Visit
    from visitdesk.services import search
    from visitdesk.services.exchange.importer import import_file
    from visitdesk.store.database import Store
    from visitdesk.ui.models.people import PeopleModel
    from visitdesk.ui.models.visits import VisitsModel

    store = Store.open(data_dir=folder / "office")
    import_file(store, write(folder / "office.visit.json"))
    print("synthetic office (2,000 visits, 40,000 engagements, 20,000 people):")
    with store.session() as session:
        people = _read("people", lambda: search.people_rows(session))
        _read("organisations", lambda: search.organisation_rows(session))
        visits = _read("visits with their delegations", lambda: search.visit_rows(session))
        busiest = max(people, key=lambda row: row.visits)
        # A delegation leader halfway through the archive, as typed in the Visits tab.
        leader = session.scalars(
            select(Person.given_name).join(Visit, Visit.leader_id == Person.id).offset(1000)
        ).first()
        _read(
            f"visits of {busiest.name}, the busiest person",
            lambda: search.person_visit_rows(session, busiest.id),
        )
    store.close()
    for label, model, rows, typed in (
        ("20,000 people", PeopleModel(), people, "family1234 director"),
        ("20,000 people, native script", PeopleModel(), people, "何志敏 dr"),
        ("2,000 visits, by a delegate's name", VisitsModel(), visits, f"{leader}".casefold()),
    ):
        t0 = time.perf_counter()
        model.set_rows(rows)
        load = time.perf_counter() - t0
        per_key = _typed(model, typed)
        print(
            f"{label}: load {load * 1000:.0f} ms; filter per keystroke median "
            f"{statistics.median(per_key) * 1000:.1f} ms, worst {max(per_key) * 1000:.1f} ms "
            f"({model.rowCount()} rows match {typed!r})"
        )


def main() -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    with tempfile.TemporaryDirectory() as folder:
        data = Path(folder) / "data"
        # A first opening creates and migrates the database: not what an officer waits for daily.
        _startup(VISITDESK, str(data), runs=1)
        bare, _, _ = _startup(BARE)
        desk, ready, light = _startup(VISITDESK, str(data))
    print(
        f"start-up, median of 5: bare PySide6 window {bare * 1000:.0f} ms, "
        f"VisitDesk main window {desk * 1000:.0f} ms, ratio {desk / bare:.2f}; "
        f"records in the window at {ready * 1000:.0f} ms"
        + ("" if light else " (SQLAlchemy was imported before the window showed!)")
    )
    _filter_figures()
    with tempfile.TemporaryDirectory() as folder:
        _people_figures(Path(folder))


if __name__ == "__main__":
    main()
