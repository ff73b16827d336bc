"""The journeys, rooms and liaison officers of a visit, as tables."""

from __future__ import annotations

from datetime import datetime

from visitdesk.app.text import short_date
from visitdesk.ui.models.rows import Column, RowTableModel


def _when(moment: datetime | None) -> str:
    return f"{short_date(moment.date())} {moment:%H:%M}" if moment else ""


def _sortable(moment: datetime | None) -> str:
    return moment.isoformat() if moment else ""


class JourneysModel(RowTableModel):
    columns = (
        Column("Journey", lambda r: r.kind.label),
        Column("Flight", lambda r: r.flight, tooltip=lambda r: r.flight),
        Column("From", lambda r: r.origin, tooltip=lambda r: r.origin),
        Column("Departs", lambda r: _when(r.departs), lambda r: _sortable(r.departs)),
        Column(
            "To", lambda r: r.destination, tooltip=lambda r: r.destination, hide_when_empty=True
        ),
        Column("Arrives", lambda r: _when(r.arrives), lambda r: _sortable(r.arrives)),
        Column("Terminal", lambda r: r.terminal, hide_when_empty=True),
        Column("Travellers", lambda r: r.travellers, tooltip=lambda r: r.travellers),
        Column("Received by", lambda r: r.received_by, hide_when_empty=True),
        Column("VIP lounge", lambda r: "Yes" if r.vip_lounge else "", hide_when_empty=True),
        Column(
            "Baggage",
            lambda r: "" if r.baggage_pieces is None else str(r.baggage_pieces),
            lambda r: -1 if r.baggage_pieces is None else r.baggage_pieces,
            hide_when_empty=True,
        ),
    )
    TRAVELLERS = 7


class RoomsModel(RowTableModel):
    columns = (
        Column("Guest", lambda r: r.name, tooltip=lambda r: r.name),
        Column("Room type", lambda r: r.room_type.label, lambda r: r.room_type.rank),
        Column("Room number", lambda r: r.room_number, hide_when_empty=True),
        Column("Check-in", lambda r: short_date(r.check_in), lambda r: r.check_in.isoformat()),
        Column("Check-out", lambda r: short_date(r.check_out), lambda r: r.check_out.isoformat()),
        Column("Nights", lambda r: str(r.nights), lambda r: r.nights),
        Column("Paid by", lambda r: r.paid_by, hide_when_empty=True),
        Column("Requests", lambda r: " ".join(r.requests.split()), tooltip=lambda r: r.requests),
    )
    REQUESTS = 7


class LiaisonModel(RowTableModel):
    columns = (
        Column("Delegate", lambda r: r.name, tooltip=lambda r: r.name),
        Column("Liaison officer", lambda r: r.officer or "—"),
    )
