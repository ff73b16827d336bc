"""The engagement dialog's time zone: the visit's by default, any other found by typing."""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import Qt

from visitdesk.app import Desk
from visitdesk.app.itinerary import EngagementData
from visitdesk.ui.dialogs.engagement_dialog import EngagementDialog
from visitdesk.ui.dialogs.zone_combo import ZoneCombo


def _dialog(qtbot, example_store, data: EngagementData | None = None) -> EngagementDialog:
    dialog = EngagementDialog(
        Desk(example_store), lambda _d: True, data, date(2017, 3, 21), set(), None, "Asia/Karachi"
    )
    qtbot.addWidget(dialog)
    return dialog


def test_a_new_engagement_is_in_the_visits_zone(qtbot, example_store) -> None:
    dialog = _dialog(qtbot, example_store)
    zone = dialog.findChild(ZoneCombo, "engagement-time-zone")
    assert zone is not None
    assert zone.currentText() == "Same as the visit (Asia/Karachi)"
    assert dialog.data().time_zone is None


def test_typing_part_of_a_city_finds_its_zone(qtbot, example_store) -> None:
    dialog = _dialog(qtbot, example_store)
    zone = dialog.findChild(ZoneCombo, "engagement-time-zone")
    assert zone is not None
    line = zone.lineEdit()
    assert line is not None
    line.clear()
    qtbot.keyClicks(line, "Europe/London")
    qtbot.keyClick(line, Qt.Key.Key_Return)
    assert dialog.data().time_zone == "Europe/London"
    completer = zone.completer()
    assert completer is not None
    completer.setCompletionPrefix("seoul")
    assert completer.currentCompletion() == "Asia/Seoul"


def test_an_engagement_elsewhere_shows_its_own_zone(qtbot, example_store) -> None:
    data = EngagementData(
        title="Call at KIPO",
        start=datetime(2017, 3, 22, 14),
        end=datetime(2017, 3, 22, 15),
        time_zone="Asia/Seoul",
    )
    dialog = _dialog(qtbot, example_store, data)
    zone = dialog.findChild(ZoneCombo, "engagement-time-zone")
    assert zone is not None and zone.currentText() == "Asia/Seoul"
    assert dialog.data().time_zone == "Asia/Seoul"
