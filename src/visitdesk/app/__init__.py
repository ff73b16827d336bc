"""VisitDesk's application layer: the one Qt-free API both front ends use (docs/api.md).

from visitdesk.app import Desk, RefusedError
desk = Desk.open()
"""

from visitdesk.app.desk import Desk
from visitdesk.app.errors import (
    BusyError,
    ConflictError,
    FileGoneError,
    MissingRecordsError,
    NotFoundError,
    OpenError,
    ReadOnlyError,
    RefusedError,
    StoreFaultError,
)
from visitdesk.app.records import Record

__all__ = [
    "BusyError",
    "ConflictError",
    "Desk",
    "FileGoneError",
    "MissingRecordsError",
    "NotFoundError",
    "OpenError",
    "ReadOnlyError",
    "Record",
    "RefusedError",
    "StoreFaultError",
]
