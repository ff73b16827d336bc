"""GUI figures: start-up against a bare PySide6 window, and filtering big lists a keystroke.

The people list is measured on the synthetic ten-year office (bench/synthetic.py) imported into
a temporary store: its rows come from the real queries, its names in four scripts.

Prints figures; asserts nothing. Run: QT_QPA_PLATFORM=offscreen .venv/bin/python bench/bench_gui.py
(bench/run_all.py prints the same figures in its table, with the others.)
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from measure import Figure, Runs, run_once

# Issue 5: lists filter as the officer types without a visible pause.
FILTER_GOAL_S = 0.050

# Both programs take the time of the window's first paint and of the first paint of a table
# with rows in it, with the same application-wide event filter, then quit a moment later
# (VisitDesk a moment after its store is open: what it puts off until after the first paint
# counts in its peak memory).
FIRST_PAINT = """
import time, sys
t0 = time.perf_counter()
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QAbstractItemView, QApplication
app = QApplication(sys.argv[:1])
painted, table, light = [], [], []
LINGER_MS = int(sys.argv[2])
WAIT_READY = False  # VisitDesk: stay until its store is open too (records_ready)

class FirstPaint(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            now = time.perf_counter() - t0
            if not painted:
                painted.append(now)
                light.append(not any(m.startswith("sqlalchemy") for m in sys.modules))
            view = watched.parent()
            if (
                not table
                and isinstance(view, QAbstractItemView)
                and watched is view.viewport()
                and view.model() is not None
                and view.model().rowCount() > 0
            ):
                table.append(now)
                if not WAIT_READY:
                    QTimer.singleShot(LINGER_MS, app.quit)
        return False

spy = FirstPaint()
app.installEventFilter(spy)
"""

# A bare window showing a table of as many rows as the office has visits, over a plain list:
# what any Qt program that shows records pays.
BARE = (
    FIRST_PAINT
    + """
from PySide6.QtCore import QAbstractTableModel, Qt
from PySide6.QtWidgets import QMainWindow, QTableView
rows = [(f"visit-{i:04d}", f"Visit of delegation {i}", "Islamabad", "2020-01-01", "concluded")
        for i in range(int(sys.argv[1]))]

class Rows(QAbstractTableModel):
    def rowCount(self, parent=None):
        return len(rows)
    def columnCount(self, parent=None):
        return 5
    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole:
            return rows[index.row()][index.column()]
        return None

w = QMainWindow(); w.resize(1366, 768)
view = QTableView(w); model = Rows(); view.setModel(model); w.setCentralWidget(view)
w.show()
app.exec()
print(painted[0], table[0], True, False)
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
WAIT_READY = True
w, opened = show_window(args)
w.resize(1366, 768)
w.records_ready.connect(lambda: QTimer.singleShot(LINGER_MS, app.quit))
app.exec()
alembic = any(m.startswith("alembic") for m in sys.modules)
print(painted[0], table[0], light[0], alembic)
"""
)


@dataclass
class Startup:
    """A window's start: to its first paint, to a table with rows painted, and its memory."""

    shown: Runs
    table: Runs
    light: bool  # no SQLAlchemy imported when the window was first shown
    alembic: bool  # Alembic imported at some point


def startup(
    script: str, argument: str, runs: int, env: dict[str, str] | None = None, linger_ms: int = 500
) -> Startup:
    """Seconds from the program's first line to the window and to its table, each run a new
    process; peak memory is the process's whole life, `linger_ms` after the table (VisitDesk:
    after its store is open) included."""
    shown, table = Runs(), Runs()
    light, alembic = True, False
    for _ in range(runs):
        _seconds, peak, out = run_once(
            [sys.executable, "-c", script, argument, str(linger_ms)], env
        )
        figures = out.strip().splitlines()[-1].split()
        shown.add(float(figures[0]), peak)
        table.add(float(figures[1]), peak)
        light = light and figures[2] == "True"
        alembic = alembic or figures[3] == "True"
    return Startup(shown, table, light, alembic)


def filter_figures() -> list[Figure]:
    """Filtering lists of 2,000 visits and 40,000 engagements, a keystroke at a time."""
    sys.path.insert(0, str(Path(__file__).parent))
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
    figures = []
    for name, model, rows in (
        ("2,000 visits", VisitsModel(), visits),
        ("40,000 engagements", ProgrammeModel(), engagements),
    ):
        proxy = SearchProxy()
        proxy.setSourceModel(model)
        proxy.sort(0)
        model.set_rows(rows)
        proxy.refresh()
        typed = "venue 42" if "engagements" in name else "sipo delegation"
        per_key = Runs()
        query = ""
        for char in typed:
            query += char
            t0 = time.perf_counter()
            proxy.set_query(query)
            proxy.rowCount()
            per_key.add(time.perf_counter() - t0)
        figures.append(
            Figure(
                f"filter {name}, a keystroke ({typed!r})",
                per_key,
                unit="ms",
                max_value=FILTER_GOAL_S,
                note=f"{proxy.rowCount()} rows match",
            )
        )
    return figures


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


def _read(label: str, read: Callable[[], list[Any]], figures: list[Figure]) -> list[Any]:
    """The rows `read` gives; the time of three reads becomes a figure."""
    times, rows = Runs(), []
    for _ in range(3):
        t0 = time.perf_counter()
        rows = read()
        times.add(time.perf_counter() - t0)
    figures.append(Figure(f"read {len(rows):,} {label}", times, unit="ms"))
    return rows


def people_figures(folder: Path, office: Path | None = None) -> list[Figure]:
    """The people list and the visits list as an officer searches them, on real query rows:
    the store in `office` (a ten-year office already imported), or one made in `folder`."""
    sys.path.insert(0, str(Path(__file__).parent))
    from sqlalchemy import select

    from synthetic import write
    from visitdesk.domain.models import Person, Visit
    from visitdesk.services import search
    from visitdesk.services.exchange.importer import import_file
    from visitdesk.store.database import Store
    from visitdesk.ui.models.people import PeopleModel
    from visitdesk.ui.models.visits import VisitsModel

    if office is None:
        store = Store.open(data_dir=folder / "office")
        import_file(store, write(folder / "office.visit.json"))
    else:
        store = Store.open(data_dir=office)
    figures: list[Figure] = []
    with store.session() as session:
        people = _read("people", lambda: search.people_rows(session), figures)
        _read("organisations", lambda: search.organisation_rows(session), figures)
        visits = _read("visits with their delegations", lambda: search.visit_rows(session), figures)
        busiest = max(people, key=lambda row: row.visits)
        # A delegation leader halfway through the archive, as typed in the Visits tab.
        leader = session.scalars(
            select(Person.given_name)
            .join(Visit, Visit.leader_id == Person.id)
            .offset(len(visits) // 2)
        ).first()
        _read(
            "visits of the busiest person",
            lambda: search.person_visit_rows(session, busiest.id),
            figures,
        )
    store.close()
    for label, model, rows, typed in (
        (f"{len(people):,} people", PeopleModel(), people, "family1234 director"),
        (f"{len(people):,} people, native script", PeopleModel(), people, "何志敏 dr"),
        (
            f"{len(visits):,} visits, by a delegate's name",
            VisitsModel(),
            visits,
            f"{leader}".casefold(),
        ),
    ):
        model.set_rows(rows)
        per_key = Runs()
        for seconds in _typed(model, typed):
            per_key.add(seconds)
        figures.append(
            Figure(
                f"filter {label}, a keystroke ({typed!r})",
                per_key,
                unit="ms",
                max_value=FILTER_GOAL_S,
                note=f"{model.rowCount()} rows match",
            )
        )
    return figures


def main() -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    with tempfile.TemporaryDirectory() as folder:
        data = Path(folder) / "data"
        # A first opening creates and migrates the database: not what an officer waits for daily.
        startup(VISITDESK, str(data), runs=1, linger_ms=0)
        bare = startup(BARE, "0", runs=5, linger_ms=0)
        desk = startup(VISITDESK, str(data), runs=5, linger_ms=0)
    print(
        f"start-up, median of 5: bare PySide6 window {bare.shown.median * 1000:.0f} ms, "
        f"VisitDesk main window {desk.shown.median * 1000:.0f} ms, "
        f"ratio {desk.shown.median / bare.shown.median:.2f}; "
        f"records in the window at {desk.table.median * 1000:.0f} ms"
        + ("" if desk.light else " (SQLAlchemy was imported before the window showed!)")
    )
    for figure in filter_figures():
        print(figure.line())
    with tempfile.TemporaryDirectory() as folder:
        for figure in people_figures(Path(folder)):
            print(figure.line())


if __name__ == "__main__":
    main()
