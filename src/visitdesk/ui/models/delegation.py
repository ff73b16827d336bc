"""The delegation in order of precedence, and the people picker's list."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont

from visitdesk.app.people import rank_text, role_text
from visitdesk.ui.models.rows import Column, RowTableModel


class DelegationModel(RowTableModel):
    columns = (
        Column(
            "Name",
            lambda r: r.name + ("  (leader)" if r.is_leader else ""),
            tooltip=lambda r: r.name,
        ),
        Column("Native name", lambda r: r.native_name),
        Column("Position", lambda r: r.position, tooltip=lambda r: r.position),
        Column("Organisation", lambda r: r.organisation),
        Column("Precedence", lambda r: rank_text(r.precedence)),
        Column("Role", lambda r: role_text(r.role), tooltip=lambda r: role_text(r.role)),
    )

    def extra_data(self, row: Any, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.FontRole and row.is_leader:
            font = QFont()
            font.setBold(True)
            return font
        return None

    def haystack(self, row: Any) -> str:
        return f"{row.name} {row.native_name} {row.position}".casefold()


PRECEDENCE_COLUMN = 4


class PeopleModel(RowTableModel):
    """Everyone in the store, for choosing attendees and delegates: position and rank shown.

    Sorted by name, it goes by family name (never by honorific); by precedence, the rank and
    then the family name."""

    columns = (
        Column("Name", lambda r: r.name, lambda r: r.order[1:], tooltip=lambda r: r.name),
        Column("Native name", lambda r: r.native_name),
        Column("Position", lambda r: r.position, tooltip=lambda r: r.position),
        Column("Organisation", lambda r: r.organisation),
        Column(
            "Precedence",
            lambda r: rank_text(r.precedence),
            lambda r: r.order,
        ),
    )
