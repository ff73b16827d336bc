"""The Cars tab's tables: the visit's movements, and the cars of the one selected."""

from __future__ import annotations

from datetime import datetime
from typing import NamedTuple

from visitdesk.app.text import short_date
from visitdesk.ui.models.rows import Column, RowTableModel


def _when(value: datetime | None) -> str:
    return f"{short_date(value.date())} {value:%H:%M}" if value else ""


class CarRow(NamedTuple):
    """One car of the movement shown, its seats by name (the row id is its place)."""

    id: int
    car: str
    role: str
    registration: str
    driver: str
    phone: str
    rear_right: str
    rear_left: str
    rear_middle: str
    front: str
    others: str
    haystack: str


class MovementsModel(RowTableModel):
    columns = (
        Column("Leaves", lambda r: _when(r.departs), lambda r: r.departs.isoformat()),
        Column("Arrives", lambda r: f"{r.arrives:%H:%M}" if r.arrives else ""),
        Column("Movement", lambda r: r.title, tooltip=lambda r: r.title),
        Column("From", lambda r: r.origin, tooltip=lambda r: r.origin),
        Column("To", lambda r: r.destination, tooltip=lambda r: r.destination),
        Column("Cars", lambda r: str(r.cars) if r.cars else "none yet"),
        Column("Seated", lambda r: str(r.seated)),
        Column("For", lambda r: r.linked, tooltip=lambda r: r.linked, hide_when_empty=True),
    )


class CarsModel(RowTableModel):
    columns = (
        Column("Car", lambda r: r.car),
        Column("Role", lambda r: r.role),
        Column("Registration", lambda r: r.registration),
        Column("Driver", lambda r: r.driver),
        Column("Phone", lambda r: r.phone),
        Column("Rear right", lambda r: r.rear_right),
        Column("Rear left", lambda r: r.rear_left),
        Column("Rear middle", lambda r: r.rear_middle, hide_when_empty=True),
        Column("Front", lambda r: r.front),
        Column("Other seats", lambda r: r.others, tooltip=lambda r: r.others, hide_when_empty=True),
    )
