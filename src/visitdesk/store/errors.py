"""Store errors; each message is written for the officer who sees it."""

from __future__ import annotations


class StoreError(RuntimeError):
    """The store cannot be opened or changed; the message says why in plain words."""


class NewerDatabaseError(StoreError):
    """The database was written by a newer VisitDesk: opening it could damage it."""
