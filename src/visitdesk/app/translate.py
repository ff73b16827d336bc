"""Lower layers' failures turned into the app layer's sentences, in one place."""

from __future__ import annotations

import logging

from visitdesk.app.errors import (
    BusyError,
    FileGoneError,
    MissingRecordsError,
    NotFoundError,
    OpenError,
    ReadOnlyError,
    RefusedError,
    StoreFaultError,
)

log = logging.getLogger("visitdesk.app")

KEEP = "Nothing was changed."


def refusal(exc: BaseException) -> RefusedError | None:
    """The RefusedError an exception stands for, or None for a fault of the program itself."""
    import sqlite3

    from sqlalchemy.exc import SQLAlchemyError

    from visitdesk.domain.errors import DomainError
    from visitdesk.services.errors import NotFoundError as ServiceNotFound
    from visitdesk.services.errors import ServiceError
    from visitdesk.store.errors import (
        FileReplacedError,
        NewerDatabaseError,
        ReadOnlyStoreError,
        StoreBusyError,
        StoreError,
        busy_error,
    )
    from visitdesk.store.missing import MissingRecordsError as StoreMissing

    if isinstance(exc, RefusedError):
        return exc
    if isinstance(exc, ServiceNotFound):
        return NotFoundError(str(exc))
    if isinstance(exc, ServiceError | DomainError):
        return RefusedError(str(exc))
    if isinstance(exc, StoreBusyError):
        return BusyError(str(exc))
    if isinstance(exc, ReadOnlyStoreError):
        return ReadOnlyError(str(exc))
    if isinstance(exc, FileReplacedError):
        return FileGoneError(str(exc))
    if isinstance(exc, StoreMissing):
        return MissingRecordsError(str(exc), exc.path, tuple(exc.backups))
    if isinstance(exc, NewerDatabaseError):
        return OpenError(str(exc))
    if isinstance(exc, StoreError):
        return StoreFaultError(str(exc))
    if isinstance(exc, SQLAlchemyError | sqlite3.Error):
        original = getattr(exc, "orig", None) or exc
        detail = " ".join(str(original).split()) or type(original).__name__
        if getattr(original, "sqlstate", None) == "42501":  # the server: permission denied
            from visitdesk.app.server import not_allowed

            return not_allowed(detail)
        busy = busy_error(detail)
        if busy is not None:
            return BusyError(str(busy))
        if "readonly database" in detail or "read-only" in detail:
            return ReadOnlyError(
                "The records are open for reading only (their file or folder cannot be "
                f"written to), so the change was not saved. {KEEP}"
            )
        if "disk is full" in detail or "database or disk is full" in detail:
            return StoreFaultError(
                "The disk that holds the records is full, so the change was not saved. "
                f"{KEEP} Free some space and try again."
            )
        log.warning("Database error: %s", detail, exc_info=exc)
        return StoreFaultError(
            f"The database refused the change ({detail}). {KEEP} If it happens again, check "
            "that the disk or the network folder of the records is reachable."
        )
    if isinstance(exc, OSError):
        where = f" {exc.filename}" if exc.filename else ""
        reason = exc.strerror or str(exc)
        return StoreFaultError(f"Cannot use the file{where}: {reason}.")
    return None
