"""The Travel and hotels tab: a journey deleted comes back with Undo; a journey or a room
another officer saved meanwhile shows both versions, and Keep mine keeps their other changes."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QAbstractButton, QApplication, QLineEdit, QTabWidget, QWidget

from tests.travel_visits import TravelVisit, make_travel_visit
from visitdesk.app import Desk
from visitdesk.app.hotels import HotelData, RoomData, RoomType
from visitdesk.app.travel import LegData, TravelKind
from visitdesk.ui.main_window import MainWindow
from visitdesk.ui.views.travel_panel import TravelPanel
from visitdesk.ui.views.visit_view import VisitView


@pytest.fixture
def setup(
    qtbot: Any, tmp_path: Path, messages: list[Any]
) -> Iterator[tuple[MainWindow, Desk, TravelVisit]]:
    mine = Desk.open(data_dir=tmp_path / "records", user="akhan")
    made = make_travel_visit(mine)
    other = Desk.open(data_dir=tmp_path / "records", user="bmalik")
    main = MainWindow(mine)
    qtbot.addWidget(main)
    main.resize(1366, 768)
    main.show()
    yield main, other, made
    other.close()


def _open(qtbot: Any, main: MainWindow) -> tuple[VisitView, TravelPanel]:
    qtbot.keyClicks(main.visits_view.search, "kipo")
    qtbot.keyClick(main.visits_view.search, Qt.Key.Key_Return)
    view = main.tabs.currentWidget()
    assert isinstance(view, VisitView)
    view.sections.setCurrentWidget(view.travel)
    return view, view.travel


def _button(parent: QWidget, text: str) -> QAbstractButton:
    found = [b for b in parent.findChildren(QAbstractButton) if b.text().replace("&", "") == text]
    assert found, text
    return found[0]


def _when_modal(title: str, act: Callable[[QWidget], None]) -> list[QWidget]:
    seen: list[QWidget] = []
    timer = QTimer(QApplication.instance())

    def poll() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None or not dialog.isVisible() or dialog.windowTitle() != title:
            return
        # Once: a poller left running would act on the next test's dialog of that title.
        timer.stop()
        timer.deleteLater()
        seen.append(dialog)
        act(dialog)

    timer.timeout.connect(poll)
    timer.start(20)
    return seen


def _arrival(v: TravelVisit) -> LegData:
    return LegData(
        kind=TravelKind.ARRIVAL,
        number="KE 9641",
        arrives=datetime(2027, 4, 12, 14, 30),
        travellers=((v.leader, None), (v.deputy, None)),
    )


def test_a_journey_deleted_comes_back_with_undo(
    qtbot: Any, setup: tuple[MainWindow, Desk, TravelVisit]
) -> None:
    main, _other, v = setup
    main.desk.travel.add(v.visit_id, _arrival(v))
    view, panel = _open(qtbot, main)
    journeys = panel.journeys
    journeys.table.selectRow(0)
    qtbot.mouseClick(_button(journeys, "Delete journey"), Qt.MouseButton.LeftButton)
    assert journeys.model.rowCount() == 0
    assert view.undo_stack.undoText() == "Delete the arrival KE 9641"
    view.undo_stack.undo()
    assert [r.travellers for r in journeys.model.rows()] == ["H.E. KIM Minjun, Mr. SATO Ken"]


def test_a_journey_changed_by_another_officer_shows_both_and_keeps_their_terminal(
    qtbot: Any, setup: tuple[MainWindow, Desk, TravelVisit]
) -> None:
    main, other, v = setup
    leg = main.desk.travel.add(v.visit_id, _arrival(v))
    _view, panel = _open(qtbot, main)
    panel.journeys.table.selectRow(0)
    choices: list[str] = []

    def in_conflict(dialog: QWidget) -> None:
        choices.append(dialog.windowTitle())
        qtbot.mouseClick(_button(dialog, "Keep mine"), Qt.MouseButton.LeftButton)

    def edit(dialog: QWidget) -> None:
        theirs = other.travel.load(leg.id)
        other.travel.update(leg.id, dataclasses.replace(theirs.data, terminal="T1"), theirs.version)
        field = dialog.findChild(QLineEdit, "carrier")
        assert field is not None
        qtbot.keyClicks(field, "Korean Air")
        _when_modal("Changed by another officer", in_conflict)
        qtbot.mouseClick(_button(dialog, "Save"), Qt.MouseButton.LeftButton)

    _when_modal("Edit journey", edit)
    qtbot.mouseClick(_button(panel.journeys, "Edit journey…"), Qt.MouseButton.LeftButton)
    assert choices == ["Changed by another officer"]
    saved = main.desk.travel.load(leg.id).data
    assert (saved.carrier, saved.terminal) == ("Korean Air", "T1")


def test_a_room_saved_over_another_officer_s_hotel_change_keeps_it(
    qtbot: Any, setup: tuple[MainWindow, Desk, TravelVisit]
) -> None:
    main, other, v = setup
    room = RoomData(v.leader, date(2027, 4, 12), date(2027, 4, 14), RoomType.SUITE)
    hotel = main.desk.hotels.add(v.visit_id, HotelData("Serena Hotel", "Islamabad", rooms=(room,)))
    view, panel = _open(qtbot, main)
    inner = panel.findChild(QTabWidget, "travel sections")
    assert inner is not None
    inner.setCurrentWidget(panel.hotels)
    panel.hotels.table.selectRow(0)

    def edit(dialog: QWidget) -> None:
        theirs = other.hotels.load(hotel.id)
        other.hotels.update(
            hotel.id, dataclasses.replace(theirs.data, phone="+92 51 111 505 505"), theirs.version
        )
        field = dialog.findChild(QLineEdit, "room number")
        assert field is not None
        qtbot.keyClicks(field, "1501")
        _when_modal(
            "Changed by another officer",
            lambda d: qtbot.mouseClick(_button(d, "Keep mine"), Qt.MouseButton.LeftButton),
        )
        qtbot.mouseClick(_button(dialog, "Save"), Qt.MouseButton.LeftButton)

    _when_modal("Edit room", edit)
    qtbot.mouseClick(_button(panel.hotels, "Edit room…"), Qt.MouseButton.LeftButton)
    saved = main.desk.hotels.load(hotel.id).data
    assert saved.phone == "+92 51 111 505 505" and saved.rooms[0].room_number == "1501"
    assert [r.room_number for r in panel.hotels.model.rows()] == ["1501"]
    # Undo puts the room back as it was and keeps the other officer's phone.
    view.undo_stack.undo()
    after = main.desk.hotels.load(hotel.id).data
    assert after.rooms[0].room_number is None and after.phone == "+92 51 111 505 505"
