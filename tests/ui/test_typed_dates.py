"""Dates and times typed as offices write them, in every date field of the programme."""

from __future__ import annotations

from datetime import date, datetime, time

import pytest
from PySide6.QtCore import Qt

from visitdesk.app import Desk
from visitdesk.ui.dialogs.engagement_dialog import EngagementDialog
from visitdesk.ui.widgets import parse_typed_date, parse_typed_time

NEAR = date(2017, 3, 1)


@pytest.mark.parametrize(
    "typed",
    ["22/3/2017", "22 Mar 2017", "2017-03-22", "22-03-17", "22.3.2017", "22 March", "Mar 22 2017",
     "22 MAR 2017", " 22 / 3 / 2017 ", "20170322"],
)  # fmt: skip
def test_day_first_and_iso_dates_are_read(typed: str) -> None:
    assert parse_typed_date(typed, NEAR) == date(2017, 3, 22)


@pytest.mark.parametrize("typed", ["31/2/2017", "3/22/2017", "22/3/201", "tomorrow", "", "22"])
def test_what_is_no_date_is_refused_not_guessed(typed: str) -> None:
    # 3/22/2017 is American month-first: a Pakistani or British office means no such date.
    assert parse_typed_date(typed, NEAR) is None


@pytest.mark.parametrize(
    ("typed", "meant"),
    [("14:30", time(14, 30)), ("1430", time(14, 30)), ("9", time(9)), ("2:30 pm", time(14, 30)),
     ("12 am", time(0)), ("09.15", time(9, 15))],
)  # fmt: skip
def test_times_are_read(typed: str, meant: time) -> None:
    assert parse_typed_time(typed) == meant


@pytest.mark.parametrize("typed", ["25:00", "13 pm", "noonish", "14:75"])
def test_what_is_no_time_is_refused(typed: str) -> None:
    assert parse_typed_time(typed) is None


def test_the_end_follows_the_start_and_never_comes_before_it(qtbot, store, messages) -> None:
    dialog = EngagementDialog(Desk(store), lambda _d: True, None, date(2017, 3, 22), set())
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitActive(dialog)
    day = dialog.start.day.edit
    day.setFocus()
    day.selectAll()
    qtbot.keyClicks(day, "23 Mar 2017")
    # Typed whole, the date counts at once: the end has moved with it, keeping the hour.
    assert dialog.end.value() == datetime(2017, 3, 23, 11, 0)
    end_time = dialog.end.time
    end_time.setFocus()
    end_time.selectAll()
    qtbot.keyClicks(end_time, "0900")
    # Enter finishes the field (and saves the engagement): an end before the start is put
    # back on the start.
    qtbot.keyClick(end_time, Qt.Key.Key_Return)
    assert dialog.end.value() == datetime(2017, 3, 23, 10, 0)
    assert dialog.end.time.text() == "10:00"
