"""Each table model alone: rows in, cells and filtering out."""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import Qt

from visitdesk.domain.enums import EngagementKind, OutcomeKind, OutcomeStatus, VisitStatus
from visitdesk.services.followups import FollowUpRow
from visitdesk.services.itinerary import EngagementRow
from visitdesk.services.search import VisitRow, fold
from visitdesk.ui.models.itinerary import WARNING_BACKGROUND, ItineraryModel
from visitdesk.ui.models.records import OVERDUE_TEXT, FollowUpsModel
from visitdesk.ui.models.rows import SearchProxy
from visitdesk.ui.models.visits import VisitsModel


def _visit(i: int, title: str, guest: str = "SIPO") -> VisitRow:
    start = date(2017, 3, i)
    return VisitRow(
        i, f"v{i}", title, guest, "Islamabad", start, start, VisitStatus.PLANNED, fold(title, guest)
    )


def test_visits_model_shows_cells_and_filters_as_you_type(qtbot):
    model = VisitsModel()
    model.set_rows(
        [
            _visit(1, "Visit of the SIPO China delegation"),
            _visit(2, "Call of the <b>WIPO</b> & friends 🎌", guest="WIPO"),
        ]
    )
    proxy = SearchProxy()
    proxy.setSourceModel(model)
    assert model.rowCount() == 2
    assert model.data(model.index(1, 1)) == "Call of the <b>WIPO</b> & friends 🎌"
    assert model.headerData(2, Qt.Orientation.Horizontal) == "Guests"
    proxy.set_query("china SIPO")
    assert proxy.rowCount() == 1
    assert proxy.source_row_at(0).ref == "v1"
    proxy.set_query("wipo friends")
    assert [proxy.source_row_at(0).ref] == ["v2"]
    proxy.set_query("nothing-like-this")
    assert proxy.rowCount() == 0
    proxy.set_query("")
    assert proxy.rowCount() == 2


def test_itinerary_model_writes_each_day_once_and_marks_warnings(qtbot):
    def row(i: int, day: int, hour: int, warnings: tuple[str, ...] = ()) -> EngagementRow:
        start = datetime(2017, 3, day, hour)
        return EngagementRow(
            i,
            f"e{i}",
            start.date(),
            start,
            start.replace(hour=hour + 1),
            EngagementKind.MEAL,
            f"Lunch {i}",
            "",
            "",
            "",
            "",
            warnings,
            "",
        )

    model = ItineraryModel()
    model.set_rows([row(1, 21, 10), row(2, 21, 15, ("Dr. HE is booked twice",)), row(3, 22, 9)])
    assert model.data(model.index(0, 0)) == "Tue 21 Mar"
    assert model.data(model.index(1, 0)) == ""
    assert model.data(model.index(2, 0)) == "Wed 22 Mar"
    assert model.data(model.index(1, ItineraryModel.WARNINGS)) == "⚠ Dr. HE is booked twice"
    assert model.data(model.index(1, 3), Qt.ItemDataRole.BackgroundRole) == WARNING_BACKGROUND
    assert model.data(model.index(0, 3), Qt.ItemDataRole.BackgroundRole) is None
    assert model.warning_count() == 1


def test_followups_model_makes_overdue_stand_out(qtbot):
    def row(i: int, overdue: bool) -> FollowUpRow:
        return FollowUpRow(
            i,
            1,
            "SIPO visit",
            OutcomeKind.ACTION,
            f"Send list {i}",
            "Mr. Rashid",
            date(2017, 4, 1),
            OutcomeStatus.OPEN,
            "",
            overdue,
            "",
            1,  # the version it was read at
        )

    model = FollowUpsModel()
    model.set_rows([row(1, True), row(2, False)])
    assert model.data(model.index(0, FollowUpsModel.DUE)) == "OVERDUE 1 Apr 2017"
    assert model.data(model.index(1, FollowUpsModel.DUE)) == "1 Apr 2017"
    assert model.data(model.index(0, 1), Qt.ItemDataRole.ForegroundRole) == OVERDUE_TEXT
    assert model.data(model.index(1, 1), Qt.ItemDataRole.ForegroundRole) is None


def test_thousands_of_qt_calls_do_not_wear_out_none(qapp):
    """shiboken6 6.12 on Python 3.11 loses a reference to None per void call (refcounts.py)."""
    import subprocess
    import sys

    script = (
        "from PySide6.QtWidgets import QApplication, QLineEdit\n"
        "from visitdesk.ui.refcounts import pin_singletons\n"
        "pin_singletons()\n"
        "app = QApplication([])\n"
        "box = QLineEdit()\n"
        "for i in range(20000):\n"
        "    box.setText(str(i))\n"
        "print('done')\n"
    )
    run = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        timeout=120,
        env={**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert run.returncode == 0, run.stderr[-500:]
    assert run.stdout.strip() == "done"


def _person(i: int, name: str, sort_name: str, rank: int | None, visits: int, **more: str):
    from visitdesk.services.search import PersonListRow

    native, position, org = more.get("native", ""), more.get("position", ""), more.get("org", "")
    return PersonListRow(
        i, name, native, position, org, rank, visits, sort_name, fold(name, native, position, org)
    )


def test_people_model_sorts_by_family_name_rank_and_visit_count_and_filters_every_word(qtbot):
    from visitdesk.ui.models.people import PeopleModel

    model = PeopleModel()
    proxy = SearchProxy()
    proxy.setSourceModel(model)
    model.set_rows(
        [
            _person(1, "Mr. ZHANG Wei", "zhang wei", 2, 1, native="张伟", org="SIPO"),
            _person(2, "Dr. HE Zhimin", "he zhimin", 1, 12, native="何志敏", org="SIPO"),
            _person(3, "Ms. Ayesha <i>Khan</i> &", "khan ayesha", None, 3, position="Adviser"),
        ]
    )
    proxy.sort(0)
    assert [r.id for r in model.shown_rows()] == [2, 3, 1]  # HE, Khan, ZHANG: not by honorific
    assert model.data(model.index(1, 0)) == "Ms. Ayesha <i>Khan</i> &"
    assert model.data(model.index(1, 4)) == ""  # unranked
    proxy.sort(4)
    assert [r.id for r in model.shown_rows()] == [2, 1, 3]  # the unranked come last
    proxy.sort(5, Qt.SortOrder.DescendingOrder)
    assert [model.data(model.index(n, 5)) for n in range(3)] == ["12", "3", "1"]  # not "3" > "12"
    proxy.set_query("sipo 张伟")
    assert [r.id for r in model.shown_rows()] == [1]
    proxy.set_query("SIPO zhimin")
    assert [r.id for r in model.shown_rows()] == [2]
    proxy.set_query("sipo adviser")
    assert model.rowCount() == 0
    assert [r.id for r in model.rows()] == [2, 3, 1]  # every row kept for the next query


def test_organisations_model_cells(qtbot):
    from visitdesk.domain.enums import OrganisationKind
    from visitdesk.services.search import OrganisationListRow
    from visitdesk.ui.models.people import OrganisationsModel

    model = OrganisationsModel()
    name = "State Intellectual Property Office"
    model.set_rows(
        [
            OrganisationListRow(
                1,
                name,
                "SIPO",
                "国家知识产权局",
                "CN",
                OrganisationKind.GOVERNMENT_AGENCY,
                4,
                fold(name, "SIPO", "国家知识产权局"),
            )
        ]
    )
    assert [model.data(model.index(0, c)) for c in range(6)] == [
        name,
        "SIPO",
        "国家知识产权局",
        "CN",
        "Government agency",
        "4",
    ]
    tooltip = model.data(model.index(0, 0), Qt.ItemDataRole.ToolTipRole)
    assert tooltip == f"{name}\n国家知识产权局"
    model.set_query("知识产权")
    assert model.rowCount() == 1
