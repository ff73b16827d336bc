"""Reads for the first thing an officer asks, over a plain sqlite3 connection (no SQLAlchemy).

Each function gives exactly what its SQLAlchemy twin in `services/` gives for the same store
(a test holds each pair to the same answer on the same data), for a store that
`store.quick.current_file` found at this version's schema. Values come back in the types the
models give them: dates as `date`, enums as their members.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import date

from visitdesk.domain.enums import VisitStatus


@dataclass(frozen=True, slots=True)
class RegisterRow:
    """A line of `visitdesk visits`: the fields of `services.visits.VisitRow`."""

    ref: str
    start_date: date
    end_date: date
    title: str
    status: VisitStatus


def visit_register(connection: sqlite3.Connection) -> list[RegisterRow]:
    """Every visit, newest first (as `services.visits.list_visits`)."""
    rows = connection.execute(
        "SELECT ref, start_date, end_date, title, status FROM visit ORDER BY start_date DESC, ref"
    )
    return [
        RegisterRow(
            ref, date.fromisoformat(start), date.fromisoformat(end), title, VisitStatus(status)
        )
        for ref, start, end, title, status in rows
    ]
