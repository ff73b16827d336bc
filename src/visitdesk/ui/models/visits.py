"""The visits list: every visit, newest first."""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QColor

from visitdesk.domain.dates import short_date
from visitdesk.domain.enums import VisitStatus
from visitdesk.services.search_rows import VisitRow
from visitdesk.ui.models.rows import Column, RowTableModel


def _dates(row: VisitRow) -> str:
    if row.start_date == row.end_date:
        return short_date(row.start_date)
    if (row.start_date.year, row.start_date.month) == (row.end_date.year, row.end_date.month):
        return f"{row.start_date.day}–{short_date(row.end_date)}"
    return f"{short_date(row.start_date)} – {short_date(row.end_date)}"


class VisitsModel(RowTableModel):
    columns = (
        Column("Dates", _dates, lambda r: r.start_date.isoformat()),
        Column("Visit", lambda r: r.title, tooltip=lambda r: r.title),
        Column("Guests", lambda r: r.guest),
        Column("City", lambda r: r.city),
        Column("Status", lambda r: r.status.label),
        Column("Reference", lambda r: r.ref),
    )

    def extra_data(self, row: Any, column: int, role: int) -> Any:
        from PySide6.QtCore import Qt

        if role == Qt.ItemDataRole.ForegroundRole and row.status is VisitStatus.CANCELLED:
            return QColor("#777777")
        return None
