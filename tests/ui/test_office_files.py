"""Calendars, lists and delegation imports from the window (issue 6), through its widgets."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

import pytest
from icalendar import Calendar
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox

from visitdesk.domain.enums import Side
from visitdesk.domain.models import Person, VisitParticipant
from visitdesk.ui.dialogs.document_options import DocumentOptionsDialog
from visitdesk.ui.dialogs.people_import_dialog import ERROR_COLOUR, PeopleImportDialog
from visitdesk.ui.views.visit_view import VisitView


def _open_sipo(qtbot, window) -> VisitView:
    qtbot.keyClicks(window.visits_view.search, "sipo china")
    qtbot.keyClick(window.visits_view.search, Qt.Key.Key_Return)
    view = window.tabs.currentWidget()
    assert isinstance(view, VisitView)
    return view


def _save_as(monkeypatch, path: Path, chosen_filter: str = "") -> list[str]:
    suggested: list[str] = []

    def answer(_parent: Any, _title: str, name: str = "", *args: Any, **kwargs: Any) -> Any:
        suggested.append(Path(name).name)  # the dialog opens in the last folder used
        return str(path), chosen_filter

    monkeypatch.setattr(QFileDialog, "getSaveFileName", answer)
    return suggested


def _events(path: Path) -> list[Any]:
    calendar = Calendar.from_ical(path.read_bytes())
    return list(calendar.walk("VEVENT"))


def test_the_visit_s_calendar_has_one_event_per_engagement(
    qtbot, window, fill_dialog, tmp_path, monkeypatch
):
    view = _open_sipo(qtbot, window)
    fill_dialog(DocumentOptionsDialog, lambda d: d.whole.setChecked(True))
    suggested = _save_as(monkeypatch, tmp_path / "sipo")
    qtbot.mouseClick(view.calendar_button, Qt.MouseButton.LeftButton)
    assert suggested == ["sipo-2017-03.ics"]
    events = _events(tmp_path / "sipo.ics")
    assert len(events) == view.itinerary.model.rowCount() == 4
    assert "4 events" in window.statusBar().currentMessage()
    assert "Asia/Karachi" in window.statusBar().currentMessage()


def test_one_person_s_calendar_from_the_visit_menu_has_only_their_engagements(
    qtbot, window, fill_dialog, tmp_path, monkeypatch
):
    _open_sipo(qtbot, window)

    def choose_minister(dialog: DocumentOptionsDialog) -> None:
        assert dialog.classification is None  # a calendar carries no marking
        dialog.one.setChecked(True)
        dialog.person.setCurrentIndex(
            next(i for i, r in enumerate(dialog.people) if r.ref == "dastgir")
        )

    fill_dialog(DocumentOptionsDialog, choose_minister)
    suggested = _save_as(monkeypatch, tmp_path / "minister.ics")
    assert window.visit_actions["calendar"].isEnabled()
    window.visit_actions["calendar"].trigger()
    assert suggested == ["sipo-2017-03 dastgir.ics"]
    events = _events(tmp_path / "minister.ics")
    assert len(events) == 1
    assert "Dastgir" in str(events[0]["DESCRIPTION"])


def test_visit_actions_are_off_until_a_visit_is_in_front(qtbot, window):
    assert not window.visit_actions["briefing_pack"].isEnabled()
    _open_sipo(qtbot, window)
    assert window.visit_actions["briefing_pack"].isEnabled()
    window.show_visits()
    assert not window.visit_actions["import_people"].isEnabled()


def test_the_arrivals_list_of_a_visit_without_journeys_says_where_to_add_them(
    qtbot, window, tmp_path, monkeypatch
):
    _open_sipo(qtbot, window)
    _save_as(monkeypatch, tmp_path / "arrivals", "CSV, comma-separated (*.csv)")
    said: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a: said.append(text))
    window.visit_actions["list_arrivals"].trigger()
    assert said and "no journeys yet" in said[0] and "Travel and hotels" in said[0]
    assert not (tmp_path / "arrivals.csv").exists()


def test_the_delegation_list_from_the_lists_button_is_a_workbook(
    qtbot, window, tmp_path, monkeypatch
):
    view = _open_sipo(qtbot, window)
    suggested = _save_as(monkeypatch, tmp_path / "delegation.xlsx")
    menu = view.lists_button.menu()
    assert menu is not None
    action = next(a for a in menu.actions() if a.text().startswith("Delegation"))
    action.trigger()
    assert suggested == ["sipo-2017-03 delegation list.xlsx"]
    sheet = load_workbook(tmp_path / "delegation.xlsx").active
    names = [row[3] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert names == ["HE Zhimin", "ZHANG Wei"]


def test_a_list_that_cannot_be_written_says_so(qtbot, window, tmp_path, monkeypatch, messages):
    _open_sipo(qtbot, window)
    _save_as(monkeypatch, tmp_path / "no such folder" / "followups.xlsx")
    window.visit_actions["list_followups"].trigger()
    title, text = messages[-1]
    assert title == "List not exported" and "no such folder" in text


def _write_csv(path: Path, rows: list[list[str]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as stream:
        csv.writer(stream).writerows([["Name", "Title/Position", "Organisation", "Email"], *rows])
    return path


def _people(store) -> int:
    with store.session() as session:
        count: int = session.query(Person).count()
        return count


def test_a_list_with_an_error_shows_it_in_red_and_imports_nothing(
    qtbot, window, tmp_path, monkeypatch, example_store
):
    path = _write_csv(
        tmp_path / "list.csv",
        [
            ["Ms. Li Na", "Counsellor", "SIPO", "li.na@example.cn"],
            ["Mr. Wang Fang", "Attaché", "SIPO", "not an address"],
        ],
    )
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    seen: dict[str, Any] = {}

    def look(dialog: PeopleImportDialog) -> int:
        model = dialog.model
        seen["rows"] = model.rowCount()
        seen["second"] = model.index(1, 2).data()
        seen["colour"] = model.index(1, 2).data(Qt.ItemDataRole.ForegroundRole)
        seen["first colour"] = model.index(0, 2).data(Qt.ItemDataRole.ForegroundRole)
        seen["import"] = dialog.import_button.isEnabled()
        seen["verdict"] = dialog.verdict.text()
        return int(QDialog.DialogCode.Rejected)

    monkeypatch.setattr(PeopleImportDialog, "exec", look)
    before = _people(example_store)
    view = _open_sipo(qtbot, window)
    qtbot.mouseClick(view.import_button, Qt.MouseButton.LeftButton)
    assert seen["rows"] == 2
    assert "'not an address' is not an email address" in seen["second"]
    assert seen["colour"] == ERROR_COLOUR and seen["first colour"] is None
    assert seen["import"] is False
    assert "1 row has an error" in seen["verdict"]
    assert _people(example_store) == before


@pytest.mark.parametrize("side", ["guest", "host"])
def test_a_clean_list_joins_the_side_chosen_all_at_once(
    qtbot, window, tmp_path, monkeypatch, fill_dialog, example_store, side
):
    hostile = "<b>Bold</b> & Co 🙂"
    path = _write_csv(
        tmp_path / "list.csv",
        [
            ["Ms. Li Na", "Counsellor", hostile, "li.na@example.cn"],
            ["Mr. Wang Fang", "Attaché", "SIPO", ""],
        ],
    )
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    described: list[str] = []

    def fill(dialog: PeopleImportDialog) -> None:
        if side == "host":
            dialog.side.setCurrentIndex(1)
        described.append(dialog.model.index(0, 2).data())
        described.append(dialog.notes.text())

    fill_dialog(PeopleImportDialog, fill)
    before = _people(example_store)
    view = _open_sipo(qtbot, window)
    view.sections.setCurrentWidget(view.delegation)
    button = window.visit_actions["import_people"]
    button.trigger()
    assert _people(example_store) == before + 2
    group = "the delegation" if side == "guest" else "the host side"
    assert described[0].endswith(f"joins {group}")
    assert f"New organisations: {hostile}" in described[1]
    names = [r.name for r in view.delegation.model.rows()]
    if side == "guest":  # the imported join after the ranked members
        # Names of a Chinese organisation or delegation are family name first.
        assert names == ["Dr. HE Zhimin", "Mr. ZHANG Wei", "Ms. LI Na", "Mr. WANG Fang"]
    else:
        assert names == ["Dr. HE Zhimin", "Mr. ZHANG Wei"]
        with example_store.session() as session:
            hosts = session.query(VisitParticipant).filter_by(side=Side.HOST).all()
            # SIPO is Chinese; the new organisation gives no hint on the host side.
            assert {"Ms. Li Na", "Mr. WANG Fang"} <= {p.person.display_name for p in hosts}
    assert "2 joined the visit" in window.statusBar().currentMessage()
