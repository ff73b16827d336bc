"""The date and time fields of every dialog: typed as the office writes them, or picked.

Dates are read day first, as Pakistani and British offices write them (22/3/2017, 22 Mar 2017),
or as ISO (2017-03-22); times as 14:30, 1430 or 2:30 pm.
"""

from __future__ import annotations

import re
from datetime import date, time, timedelta

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCalendarWidget,
    QHBoxLayout,
    QLineEdit,
    QMenu,
    QToolButton,
    QWidget,
    QWidgetAction,
)

# English month names whatever the locale: the office writes its letters in English.
_MONTH_NAMES = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
]
_MONTHS = {
    **{name: n for n, name in enumerate(_MONTH_NAMES, 1)},
    **{name[:3]: n for n, name in enumerate(_MONTH_NAMES, 1)},
    "sept": 9,
}
_SHORT_MONTHS = [name[:3].capitalize() for name in _MONTH_NAMES]


def parse_typed_date(text: str, near: date) -> date | None:
    """A date as an office types it: day first (22/3/2017, 22-03-17, 22 Mar 2017, 22 March),
    or ISO (2017-03-22). A missing year is the year of `near`. None if it is no date."""
    words = [w for w in re.split(r"[\s/.,\-]+", text.strip().casefold()) if w]
    if not words:
        return None
    try:
        if len(words) == 3 and len(words[0]) == 4 and words[0].isdigit():
            year, month, day = int(words[0]), _month(words[1]), int(words[2])
        elif len(words) in (2, 3):
            if words[0].isdigit():
                day, month = int(words[0]), _month(words[1])
            else:  # "Mar 22 2017", as some letters write it
                month, day = _month(words[0]), int(words[1])
            year = int(words[2]) if len(words) == 3 else near.year
            if len(words) == 3 and len(words[2]) not in (2, 4):
                return None  # "22/3/201" is a year still being typed
            if len(words) == 3 and len(words[2]) == 2:
                year += 2000
        elif len(words) == 1 and len(words[0]) == 8 and words[0].isdigit():
            year, month, day = int(words[0][:4]), int(words[0][4:6]), int(words[0][6:])
        else:
            return None
        return date(year, month, day)
    except ValueError:
        return None


def _month(word: str) -> int:
    if word.isdigit():
        return int(word)
    if word in _MONTHS:
        return _MONTHS[word]
    raise ValueError(word)


def show_date(value: date) -> str:
    return f"{value.day:02d} {_SHORT_MONTHS[value.month - 1]} {value.year}"


class DateField(QWidget):
    """A date typed as the office writes it, or picked from a calendar.

    Accepts 22/3/2017, 22 Mar 2017 and 2017-03-22 (day first, as Pakistani and British offices
    write); shows "22 Mar 2017". An optional field may be left blank. The calendar opens on the
    date shown or, when there is none, on `near` (the visit's dates, or today).
    """

    changed = Signal()

    def __init__(
        self,
        parent: QWidget | None,
        value: date | None,
        name: str,
        optional: bool = False,
        blank_text: str = "no date",
    ) -> None:
        super().__init__(parent)
        self._value, self._optional, self.near = value, optional, value or date.today()
        self.edit = QLineEdit(self)
        self.edit.setObjectName(name)
        self.edit.setAccessibleName(name)
        self.edit.setPlaceholderText(blank_text if optional else "22/3/2017")
        self.edit.setToolTip("Type 22/3/2017, 22 Mar 2017 or 2017-03-22, or pick from the calendar")
        self.button = QToolButton(self)
        self.button.setText("▾")
        self.button.setObjectName(f"{name} calendar")
        self.button.setAccessibleName(f"{name}: calendar")
        self.button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.button.clicked.connect(self.open_calendar)
        self.calendar: QCalendarWidget | None = None
        self.typing = False
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.button)
        self.setFocusProxy(self.edit)
        self.edit.editingFinished.connect(self._tidy)
        # A date typed whole counts at once (To follows From as the officer types); the text
        # is written out in full only on leaving the field.
        self.edit.textEdited.connect(self._typed)
        self._show()

    def _show(self) -> None:
        self.edit.setText(show_date(self._value) if self._value else "")
        self.edit.setStyleSheet("")

    def _tidy(self) -> None:
        # Leaving the field writes the date out in full, so a misread is seen at once.
        parsed = parse_typed_date(self.edit.text(), self.near)
        if parsed is not None and parsed == self._value:
            self._show()
            self.changed.emit()  # finished typing: followers may now put an end right
        elif parsed is not None:
            self.set_value(parsed)
        elif not self.edit.text().strip() and self._optional:
            self.set_value(None)
        else:
            self.edit.setStyleSheet("color: #b00020;")

    def _typed(self, text: str) -> None:
        parsed = parse_typed_date(text, self.near)
        if parsed is not None and parsed != self._value:
            self._value = parsed
            self.edit.setStyleSheet("")
            # Whoever follows this date must not rewrite it while it is being typed.
            self.typing = True
            try:
                self.changed.emit()
            finally:
                self.typing = False

    def problem(self) -> str | None:
        """A sentence when what is typed is not a date (the field keeps the text)."""
        text = self.edit.text().strip()
        if not text:
            return None if self._optional else f"Give the {self.edit.accessibleName().lower()}."
        if parse_typed_date(text, self.near) is None:
            return (
                f"“{text}” is not a date VisitDesk can read: type it as 22/3/2017, "
                "22 Mar 2017 or 2017-03-22."
            )
        return None

    def value(self) -> date | None:
        """The date typed (read from the text, so even before leaving the field), else the
        last good one."""
        text = self.edit.text().strip()
        if not text and self._optional:
            return None
        parsed = parse_typed_date(text, self.near)
        return parsed if parsed is not None else self._value

    def set_value(self, value: date | None) -> None:
        before = self._value
        self._value = value
        if value is not None:
            self.near = value
        self._show()
        if value != before:
            self.changed.emit()

    def open_calendar(self) -> None:
        popup = QMenu(self)
        calendar = QCalendarWidget(popup)
        calendar.setObjectName("date calendar")
        calendar.setGridVisible(True)
        shown = self.value() or self.near
        calendar.setSelectedDate(QDate(shown.year, shown.month, shown.day))
        calendar.setCurrentPage(shown.year, shown.month)

        def chosen(value: QDate) -> None:
            self.set_value(date(value.year(), value.month(), value.day()))
            popup.close()

        calendar.clicked.connect(chosen)
        calendar.activated.connect(chosen)
        action = QWidgetAction(popup)
        action.setDefaultWidget(calendar)
        popup.addAction(action)
        self.calendar = calendar
        popup.popup(self.mapToGlobal(self.rect().bottomLeft()))
        calendar.setFocus()


def follow_dates(start: DateField, end: DateField) -> None:
    """Moving the start moves the end by the same span; the end never comes before the start."""
    span = {
        "days": (
            (end.value() or start.value() or date.today()) - (start.value() or date.today())
        ).days
    }

    def start_moved() -> None:
        first = start.value()
        if first is None:
            return
        end.near = first
        end.set_value(first + timedelta(days=max(0, span["days"])))

    def end_moved() -> None:
        first, last = start.value(), end.value()
        if first is None or last is None:
            return
        if last < first and not end.typing:  # never rewrite a date being typed
            end.set_value(first)
            return
        span["days"] = (last - first).days

    start.changed.connect(start_moved)
    end.changed.connect(end_moved)


_TIME = re.compile(r"^\s*(\d{1,2})(?:\s*[:.h]?\s*(\d{2}))?\s*(am|pm|a\.m\.|p\.m\.)?\s*$")


_WHOLE_TIME = re.compile(
    r"^\s*(\d{3,4}|\d{1,2}\s*[:.h]\s*\d{2}|\d{1,2}(\s*[:.h]\s*\d{2})?\s*[ap]\.?m\.?)\s*$"
)


def parse_typed_time(text: str) -> time | None:
    """14:30, 1430, 14.30, 9 (nine o'clock), 2:30 pm. None if it is no time."""
    match = _TIME.match(text.casefold())
    if match is None:
        return None
    hour, minute = int(match.group(1)), int(match.group(2) or 0)
    half = match.group(3)
    if half is not None:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if half.startswith("p") else 0)
    try:
        return time(hour, minute)
    except ValueError:
        return None


class TimeField(QLineEdit):
    """A time of day typed as 14:30, 1430 or 2:30 pm; shown as 14:30. Up and Down move it by a
    quarter of an hour."""

    changed = Signal()

    def __init__(self, parent: QWidget | None, value: time, name: str) -> None:
        super().__init__(parent)
        self._value = value
        self.setObjectName(name)
        self.setAccessibleName(name)
        self.setToolTip("Type 14:30, 1430 or 2:30 pm; Up and Down move by a quarter of an hour")
        self.setMaximumWidth(90)
        self.typing = False
        # A time typed whole ("1030", "10:30", "2 pm") counts at once, as a date does; "1" or
        # "10" wait for the officer to leave the field.
        self.textEdited.connect(self._typed)
        self.editingFinished.connect(self._tidy)
        self._show()

    def _show(self) -> None:
        self.setText(f"{self._value:%H:%M}")
        self.setStyleSheet("")

    def _typed(self, text: str) -> None:
        if _WHOLE_TIME.match(text.casefold()) is None:
            return
        parsed = parse_typed_time(text)
        if parsed is not None and parsed != self._value:
            self._value = parsed
            self.setStyleSheet("")
            self.typing = True
            try:
                self.changed.emit()
            finally:
                self.typing = False

    def _tidy(self) -> None:
        parsed = parse_typed_time(self.text())
        if parsed is None:
            self.setStyleSheet("color: #b00020;")
        elif parsed == self._value:
            # Taken while typed; leaving the field tells followers again, now it is finished
            # (an end before the start may be put right only now).
            self._show()
            self.changed.emit()
        else:
            self.set_value(parsed)

    def problem(self) -> str | None:
        if parse_typed_time(self.text()) is None:
            return f"“{self.text()}” is not a time VisitDesk can read: type it as 14:30 or 2:30 pm."
        return None

    def value(self) -> time:
        return parse_typed_time(self.text()) or self._value

    def set_value(self, value: time) -> None:
        changed = value != self._value
        self._value = value
        self._show()
        if changed:
            self.changed.emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        step = {Qt.Key.Key_Up: 15, Qt.Key.Key_Down: -15}.get(Qt.Key(event.key()))
        if step is None:
            super().keyPressEvent(event)
            return
        minutes = (self.value().hour * 60 + self.value().minute + step) % (24 * 60)
        self.set_value(time(minutes // 60, minutes % 60))
