"""Rows for the lists an officer searches as they type: visits, people, organisations.

Each list is one query returning plain tuples, so that a window of 2,000 visits never touches
an ORM object per row. `haystack` is the row's searchable text, folded once here so that
filtering a keystroke is a substring test per row.
"""

from __future__ import annotations

from datetime import date
from typing import NamedTuple

from sqlalchemy import select
from sqlalchemy.orm import Session, aliased

from visitdesk.domain.enums import VisitStatus
from visitdesk.domain.models import Organisation, Visit


class VisitRow(NamedTuple):
    id: int
    ref: str
    title: str
    guest: str
    city: str
    start_date: date
    end_date: date
    status: VisitStatus
    haystack: str


def fold(*parts: str | None) -> str:
    """Text for case-blind matching; casefold also matches ß with ss."""
    return " ".join(p for p in parts if p).casefold()


def visit_rows(session: Session) -> list[VisitRow]:
    """Every visit, newest first, with its guest organisation named."""
    guest = aliased(Organisation)
    query = (
        select(
            Visit.id,
            Visit.ref,
            Visit.title,
            guest.name,
            guest.short_name,
            guest.native_name,
            Visit.city,
            Visit.start_date,
            Visit.end_date,
            Visit.status,
        )
        .outerjoin(guest, Visit.guest_organisation_id == guest.id)
        .order_by(Visit.start_date.desc(), Visit.id.desc())
    )
    rows: list[VisitRow] = []
    for vid, ref, title, g_name, g_short, g_native, city, start, end, status in session.execute(
        query
    ):
        guest_name = g_short or g_name or ""
        rows.append(
            VisitRow(
                vid,
                ref,
                title,
                guest_name,
                city or "",
                start,
                end,
                status,
                fold(ref, title, g_name, g_short, g_native, city, status.label),
            )
        )
    return rows


def matches(haystack: str, query: str) -> bool:
    """Every word typed must appear somewhere in the row, in any order."""
    return all(word in haystack for word in query.casefold().split())
