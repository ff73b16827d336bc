"""The gifts of one visit and the office-wide gifts register: a gift still awaiting its deposit
stands out as an overdue follow-up does."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from visitdesk.app.gifts import GiftDirection, GiftRow
from visitdesk.app.text import short_date
from visitdesk.ui.models.rows import Column, RowTableModel

OPEN_TEXT = QColor("#b00020")


def _date(row: GiftRow) -> str:
    return short_date(row.given_on) if row.given_on else ""


def _date_key(row: GiftRow) -> str:
    return row.given_on.isoformat() if row.given_on else f"{row.year}-00"


def amount(value: int | None, currency: str | None) -> str:
    """45,000 CNY."""
    if value is None:
        return ""
    return f"{value:,} {currency}" if currency else f"{value:,}"


def deposit(row: GiftRow) -> str:
    """Deposited 27 Mar 2017, TK/2017/0412: what became of the gift, and when."""
    if row.decision is None:
        return ""
    parts = [row.decision.label]
    if row.deposited_on:
        parts.append(short_date(row.deposited_on))
    elif row.reported_on:
        parts.append(short_date(row.reported_on))
    text = " ".join(parts)
    return f"{text}, {row.deposit_reference}" if row.deposit_reference else text


def direction(row: GiftRow) -> str:
    return "Received" if row.direction is GiftDirection.RECEIVED else "Given"


def _columns(with_visit: bool) -> tuple[Column, ...]:
    visit = (
        (
            Column(
                "Visit",
                lambda r: r.visit_title,
                tooltip=lambda r: f"{r.visit_title} ({r.visit_ref})",
            ),
        )
        if with_visit
        else ()
    )
    return (
        Column("Date", _date, _date_key),
        *visit,
        Column("At", lambda r: r.engagement, tooltip=lambda r: r.engagement),
        Column("Given or received", direction),
        Column("From", lambda r: r.giver, tooltip=lambda r: r.giver),
        Column("To", lambda r: r.receiver, tooltip=lambda r: r.receiver),
        Column("Gift", lambda r: r.description, tooltip=lambda r: r.description),
        Column(
            "Estimated value",
            lambda r: amount(r.estimated_value, r.currency),
            lambda r: (r.currency or "", r.estimated_value or 0),
        ),
        # The register across visits has no room for it: a gift's visit shows its photo.
        *(
            ()
            if with_visit
            else (Column("Photo", lambda r: "Yes" if r.has_photo else "", hide_when_empty=True),)
        ),
        Column("Deposit", deposit, tooltip=deposit),
        Column(
            "Awaits",
            lambda r: r.warning or "",
            tooltip=lambda r: r.warning or "",
            hide_when_empty=True,
        ),
    )


class _GiftsModel(RowTableModel):
    def extra_data(self, row: Any, column: int, role: int) -> Any:
        if row.warning and role == Qt.ItemDataRole.ForegroundRole:
            return OPEN_TEXT
        return None


class GiftsModel(_GiftsModel):
    """One visit's gifts."""

    columns = _columns(with_visit=False)


class GiftsRegisterModel(_GiftsModel):
    """Every visit's gifts."""

    columns = _columns(with_visit=True)
