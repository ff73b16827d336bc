"""The row of the visits list and the folding of searchable text, free of SQLAlchemy.

The window's first list is filled from `services/fast_reads.py` before SQLAlchemy is loaded,
so the row it shows and the folding of its search text live here, where both the fast read and
`services/search.py` take them from.
"""

from __future__ import annotations

from datetime import date
from typing import NamedTuple

from visitdesk.domain.enums import VisitStatus


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
