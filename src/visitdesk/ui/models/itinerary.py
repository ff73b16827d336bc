"""The programme of one visit, day by day, with each engagement's warnings beside it."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont

from visitdesk.app.itinerary import EngagementRow, ProgrammeRow
from visitdesk.app.text import day_month, short_datetime, short_day
from visitdesk.ui.models.rows import Column, RowTableModel

WARNING_BACKGROUND = QColor("#fff1c2")
WARNING_TEXT = QColor("#8a1c00")


def _time(row: EngagementRow) -> str:
    end = (
        f"{row.end:%H:%M}"
        if row.end.date() == row.start.date()
        else f"{day_month(row.end)} {row.end:%H:%M}"
    )
    return f"{row.start:%H:%M}–{end}"


def _warning_text(row: EngagementRow) -> str:
    if not row.warnings:
        return ""
    first = row.warnings[0]
    more = f" (+{len(row.warnings) - 1} more)" if len(row.warnings) > 1 else ""
    return f"⚠ {first}{more}"


class ItineraryModel(RowTableModel):
    DAY, TIME, KIND, TITLE, VENUE, HOSTS, GUESTS, WARNINGS = range(8)
    columns = (
        Column("Day", lambda r: short_day(r.day), lambda r: r.start.isoformat()),
        Column("Time", _time, lambda r: r.start.isoformat()),
        Column("Kind", lambda r: r.kind.label),
        Column("Engagement", lambda r: r.title, tooltip=lambda r: r.title),
        Column("Venue", lambda r: r.venue, tooltip=lambda r: r.venue),
        Column("Host side", lambda r: r.hosts, tooltip=lambda r: r.hosts),
        Column("Delegation", lambda r: r.guests, tooltip=lambda r: r.guests),
        Column("Warnings", _warning_text, None, lambda r: "\n".join(r.warnings), True),
    )

    def extra_data(self, row: Any, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.BackgroundRole and row.warnings:
            return WARNING_BACKGROUND
        if role == Qt.ItemDataRole.ForegroundRole and column == self.WARNINGS:
            return WARNING_TEXT
        if role == Qt.ItemDataRole.FontRole and column == self.DAY and self._first_of_day(row):
            font = QFont()
            font.setBold(True)
            return font
        return None

    def _first_of_day(self, row: EngagementRow) -> bool:
        for other in self._rows:
            if other.day == row.day:
                return bool(other is row)
        return False

    def data(self, index: Any, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # The day is written once, on its first engagement: the list then reads day by day.
        if (
            role == Qt.ItemDataRole.DisplayRole
            and index.isValid()
            and index.column() == self.DAY
            and index.row() > 0
            and self._rows[index.row() - 1].day == self._rows[index.row()].day
        ):
            return ""
        return super().data(index, role)

    def warning_count(self) -> int:
        return sum(len(r.warnings) for r in self._rows)


class ProgrammeModel(RowTableModel):
    """Every engagement of every visit: the search across 40,000 engagements."""

    columns = (
        Column("When", lambda r: short_datetime(r.start), lambda r: r.start.isoformat()),
        Column("Kind", lambda r: r.kind.label),
        Column("Engagement", lambda r: r.title, tooltip=lambda r: r.title),
        Column("Venue", lambda r: r.venue),
        Column("Visit", lambda r: r.visit_title, tooltip=lambda r: r.visit_title),
    )


__all__ = ["ItineraryModel", "ProgrammeModel", "ProgrammeRow"]
