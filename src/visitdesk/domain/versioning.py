"""Versioned records: every record an officer edits carries a version, when and by whom.

`version` is SQLAlchemy's version counter (`version_id_col`): each UPDATE of the row says
`WHERE version = <the version read>` and raises StaleDataError when another officer saved in
between, so two saves of one record can never silently overwrite each other. A change to a
record's own parts (an engagement's attendees and talking points, a visit's delegation, an
outcome's status history) counts as a change of the record: the flush hook below stamps the
owner too, which makes its row UPDATE and its version rise.
"""

from __future__ import annotations

import getpass
from contextvars import ContextVar
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import DateTime, Integer, String, event
from sqlalchemy.orm import Mapped, Session, declared_attr, mapped_column

# Who is making the change: the app layer sets the officer's name; else the OS user.
current_user: ContextVar[str | None] = ContextVar("visitdesk_current_user", default=None)


def user_name() -> str:
    name = current_user.get()
    if name:
        return name[:100]
    try:
        return getpass.getuser()[:100]
    except (OSError, KeyError, ImportError):  # no user name in a service account's environment
        return "unknown"


def now_utc() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


class Versioned:
    """Mixed into each model an officer edits on its own (visit, engagement, person, …)."""

    version: Mapped[int] = mapped_column(Integer, nullable=False, server_default="1")
    # UTC, naive: SQLite has no time zones, and both stores then compare alike.
    changed_at: Mapped[datetime | None] = mapped_column(DateTime)
    changed_by: Mapped[str | None] = mapped_column(String(100))

    @declared_attr.directive
    def __mapper_args__(cls) -> dict[str, Any]:  # noqa: N805 (SQLAlchemy's declared_attr)
        return {"version_id_col": cls.version}


def _stamp(record: Versioned, when: datetime, who: str) -> None:
    record.changed_at = when
    record.changed_by = who


def _owner(obj: object) -> Versioned | None:
    """The versioned record a part belongs to (None for a record on its own or an orphan).

    A part of a part (a seat in a car of a movement's car plan) belongs to its part's owner."""
    for _depth in range(4):
        name = getattr(type(obj), "__version_owner__", None)
        if name is None:
            return None
        obj = getattr(obj, name, None)
        if isinstance(obj, Versioned):
            return obj
    return None


@event.listens_for(Session, "before_flush")
def _stamp_changes(session: Session, _context: Any, _instances: Any) -> None:
    when, who = now_utc(), user_name()
    with session.no_autoflush:
        for obj in list(session.new):
            if isinstance(obj, Versioned):
                _stamp(obj, when, who)
            owner = _owner(obj)
            if owner is not None and owner not in session.new:
                _stamp(owner, when, who)
        for obj in list(session.dirty):
            if not session.is_modified(obj, include_collections=True):
                continue
            if isinstance(obj, Versioned):
                _stamp(obj, when, who)
            owner = _owner(obj)
            if owner is not None:
                _stamp(owner, when, who)
        for obj in list(session.deleted):
            owner = _owner(obj)
            if owner is not None and owner not in session.deleted:
                _stamp(owner, when, who)
