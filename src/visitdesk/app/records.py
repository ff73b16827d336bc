"""A record as the app layer hands it out: its id, the version it was read at, its details.

A dialog keeps the `Record` it opened; its save passes `version=record.version` back, and the
app layer refuses the save (ConflictError) when the stored version has moved on since.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Generic, TypeVar

T = TypeVar("T")


@dataclass(frozen=True)
class Record(Generic[T]):
    id: int
    version: int
    data: T
    changed_at: datetime | None = None  # UTC
    changed_by: str | None = None


@dataclass(frozen=True)
class Stamp:
    """A record's version as stored now, and who changed it last and when (UTC)."""

    version: int
    changed_at: datetime | None
    changed_by: str | None


# The records an officer edits, by the names the app uses for them (as `desk.history` does).
KINDS = (
    "visit",
    "engagement",
    "person",
    "organisation",
    "statement",
    "outcome",
    "press_release",
    "office",
)
