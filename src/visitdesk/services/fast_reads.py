"""Reads for the first thing an officer asks, over a plain sqlite3 connection (no SQLAlchemy).

Each function gives exactly what its SQLAlchemy twin in `services/` gives for the same store
(a test holds each pair to the same answer on the same data), for a store that
`store.quick.current_file` found at this version's schema. Values come back in the types the
models give them: dates as `date`, enums as their members.
"""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from datetime import date
from typing import NamedTuple

from visitdesk.domain.enums import Side, VisitStatus
from visitdesk.services.search_rows import VisitRow, fold


class RegisterRow(NamedTuple):
    """A line of `visitdesk visits`: the fields of `services.visits.VisitRow` (a NamedTuple:
    a dataclass would import `dataclasses`, a good part of the command's time)."""

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


def _delegation_text(connection: sqlite3.Connection) -> dict[int, str]:
    """Each visit's delegation members' names, Latin and native (as `search._delegation_text`)."""
    from visitdesk.domain.names import NameParts, display_name  # imports dataclasses

    names: defaultdict[int, list[str]] = defaultdict(list)
    query = (
        "SELECT p.visit_id, person.honorific, person.given_name, person.family_name, "
        "person.family_name_first, person.native_name "
        "FROM visit_participant AS p JOIN person ON p.person_id = person.id "
        "WHERE p.side = ?"
    )
    for vid, hon, given, family, first, native in connection.execute(query, (Side.GUEST.value,)):
        names[vid].append(display_name(NameParts(hon, given, family, bool(first))))
        if native:
            names[vid].append(native)
    return {vid: " ".join(parts) for vid, parts in names.items()}


def visit_rows(connection: sqlite3.Connection, delegations: bool = True) -> list[VisitRow]:
    """Every visit, newest first, guest organisation named (as `search.visit_rows`).

    Without `delegations`, the rows' search text leaves out the delegates' names, which are
    most of the work (the window's first list, read again with them once the store is open).
    """
    names = _delegation_text(connection) if delegations else {}
    query = (
        "SELECT visit.id, visit.ref, visit.title, guest.name, guest.short_name, "
        "guest.native_name, visit.city, visit.start_date, visit.end_date, visit.status "
        "FROM visit LEFT OUTER JOIN organisation AS guest "
        "ON visit.guest_organisation_id = guest.id "
        "ORDER BY visit.start_date DESC, visit.id DESC"
    )
    rows: list[VisitRow] = []
    for vid, ref, title, g_name, g_short, g_native, city, start, end, value in connection.execute(
        query
    ):
        status = VisitStatus(value)
        rows.append(
            VisitRow(
                vid,
                ref,
                title,
                g_short or g_name or "",
                city or "",
                date.fromisoformat(start),
                date.fromisoformat(end),
                status,
                fold(ref, title, g_name, g_short, g_native, city, status.label, names.get(vid)),
            )
        )
    return rows
