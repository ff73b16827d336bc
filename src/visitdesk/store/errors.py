"""Store errors; each message is written for the officer who sees it."""

from __future__ import annotations


class StoreError(RuntimeError):
    """The store cannot be opened or changed; the message says why in plain words."""


class NewerDatabaseError(StoreError):
    """The database was written by a newer VisitDesk: opening it could damage it."""


class ReadOnlyStoreError(StoreError):
    """A change was asked of a store opened for reading only."""


class StoreBusyError(StoreError):
    """Another VisitDesk held the database for longer than we wait; nothing was changed."""


def busy_error(detail: str) -> StoreBusyError | None:
    """The sentence for SQLite's "database is locked"/"busy", or None for any other fault."""
    lowered = detail.lower()
    if "database is locked" not in lowered and "database is busy" not in lowered:
        return None
    return StoreBusyError(
        "The database is busy: another VisitDesk (a window or a command, here or on another "
        "PC) has been writing to it for several seconds. Nothing was changed; try again in a "
        "moment."
    )


class FileReplacedError(StoreError):
    """The database file was replaced or deleted under a running VisitDesk; nothing is written."""
