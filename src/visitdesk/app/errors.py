"""What the application layer raises: every failure an officer can meet, as one sentence.

Front ends catch `RefusedError` (and its kinds, for what they do differently: Retry on `BusyError`,
the two versions side by side on `ConflictError`) and show `str(exc)`. Nothing below the app
layer (SQLAlchemy, sqlite3, the store's and the services' own errors) reaches them.
"""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime
from pathlib import Path
from typing import Any


class RefusedError(Exception):
    """What was asked cannot be done, or not now; `str()` says why, for the officer."""


class NotFoundError(RefusedError):
    """A visit, person or record named does not exist (any more)."""


class BusyError(RefusedError):
    """Another VisitDesk kept the records busy for longer than we wait; nothing was changed."""


class ReadOnlyError(RefusedError):
    """The records are open for reading only (a read-only file or folder)."""


class FileGoneError(RefusedError):
    """The database file was replaced or deleted under the running program; nothing written."""


class StoreFaultError(RefusedError):
    """The database itself refused (a full disk, a dropped network share, a damaged file)."""


class NotAllowedError(RefusedError):
    """The server refused: the officer's role may not do this (a reader editing, …)."""


class OpenError(RefusedError):
    """The records cannot be opened (a newer database, a file that is not VisitDesk's, …)."""


class MissingRecordsError(OpenError):
    """The records file that was in the folder is gone; nothing was created in its place.

    `path` is where it was, `backups` its backups in that folder, newest first. The officer
    restores one (`Desk.restore_backup`) or starts with empty records on purpose
    (`Desk.open(..., start_empty=True)`).
    """

    def __init__(self, text: str, path: Path, backups: tuple[Path, ...]) -> None:
        super().__init__(text)
        self.path, self.backups = path, backups


def local_time(utc: datetime | None) -> str:
    """A stored UTC time as the officer's clock shows it: '10:42 on 2 Dec 2026'."""
    if utc is None:
        return "an unknown time"
    from visitdesk.domain.dates import day_month_year

    here = utc.replace(tzinfo=UTC).astimezone()
    return f"{here:%H:%M} on {day_month_year(here.date())}"


def changed_fields(opened: Any, theirs: Any) -> tuple[str, ...]:
    """The fields of two records of one kind (dataclasses) that differ, as words."""
    if not (dataclasses.is_dataclass(opened) and dataclasses.is_dataclass(theirs)):
        return ()
    return tuple(
        f.name.replace("_", " ")
        for f in dataclasses.fields(opened)
        if getattr(opened, f.name, None) != getattr(theirs, f.name, None)
    )


class ConflictError(RefusedError):
    """A save made from a stale copy: another officer changed the record after it was opened.

    `mine` is what this officer typed (never lost: the window keeps it), `theirs` the record as
    stored now (a `visitdesk.app.records.Record`), `fields` what the other officer changed.
    Saving again with `version=theirs.version` keeps `mine` on purpose.
    """

    def __init__(
        self,
        what: str,
        mine: Any,
        theirs: Any,
        fields: tuple[str, ...] = (),
        deleted: bool = False,
    ) -> None:
        self.what, self.mine, self.theirs, self.fields = what, mine, theirs, fields
        self.deleted = deleted
        if deleted or theirs is None:
            text = (
                f"{_capital(what)} was deleted by another officer after you opened it, so "
                "your changes were not saved. What you typed is still in the dialog."
            )
        else:
            who = getattr(theirs, "changed_by", None) or "another officer"
            when = local_time(getattr(theirs, "changed_at", None))
            what_changed = f" ({', '.join(fields)})" if fields else ""
            text = (
                f"{_capital(what)} was changed by {who} at {when}{what_changed}, after you "
                "opened it. Your changes were not saved yet: compare the two versions, then "
                "take theirs or keep yours."
            )
        super().__init__(text)


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]
