"""Statements and outcomes of one visit, and the follow-ups across all visits."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont

from visitdesk.app.enums import StatementRole
from visitdesk.app.text import short_date
from visitdesk.ui.models.rows import Column, RowTableModel

OVERDUE_TEXT = QColor("#b00020")


def _due(value: date | None) -> str:
    return short_date(value) if value else ""


def _due_key(value: date | None) -> str:
    return value.isoformat() if value else "9999"


def _status(row: Any) -> str:
    """`Signed 24 Mar 2017`: where the outcome stands and since when."""
    return f"{row.status.label} {short_date(row.status_on)}" if row.status_on else row.status.label


class StatementsModel(RowTableModel):
    columns = (
        Column("Speaker", lambda r: r.speaker),
        Column("What was said", lambda r: " ".join(r.text.split())[:300], tooltip=lambda r: r.text),
        Column("Style", lambda r: r.style.label),
        Column("For the press", lambda r: "Yes" if r.for_press else "No"),
        Column("Use", lambda r: "" if r.role is StatementRole.NONE else r.role.label),
        Column("At", lambda r: r.engagement),
    )


class OutcomesModel(RowTableModel):
    columns = (
        Column("Kind", lambda r: r.kind.label),
        Column("Outcome", lambda r: r.title, tooltip=lambda r: r.title),
        Column("Owner", lambda r: r.owner),
        Column("Due", lambda r: _due(r.due_date), lambda r: _due_key(r.due_date)),
        Column(
            "Status",
            _status,
            lambda r: (r.status.label, r.status_on.isoformat() if r.status_on else ""),
            tooltip=lambda r: " → ".join(f"{s.label} {short_date(on)}" for s, on in r.history),
        ),
        Column("From", lambda r: r.engagement),
    )


class FollowUpsModel(RowTableModel):
    DUE = 3
    columns = (
        Column("Kind", lambda r: r.kind.label),
        Column("Follow-up", lambda r: r.title, tooltip=lambda r: r.title),
        Column("Owner", lambda r: r.owner),
        Column(
            "Due",
            lambda r: ("OVERDUE " if r.overdue else "") + _due(r.due_date),
            lambda r: _due_key(r.due_date),
        ),
        Column("Status", lambda r: r.status.label),
        Column("Next step", lambda r: r.next_step, tooltip=lambda r: r.next_step),
        Column("Visit", lambda r: r.visit_title, tooltip=lambda r: r.visit_title),
    )

    def extra_data(self, row: Any, column: int, role: int) -> Any:
        if not row.overdue:
            return None
        if role == Qt.ItemDataRole.ForegroundRole:
            return OVERDUE_TEXT
        if role == Qt.ItemDataRole.FontRole and column in (1, self.DUE):
            font = QFont()
            font.setBold(True)
            return font
        return None
