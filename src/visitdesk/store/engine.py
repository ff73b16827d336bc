"""Engines: SQLite tuned for a desktop (WAL, foreign keys), any other URL as it comes."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    # Imported where used: store/quick.py reads BUSY_TIMEOUT_MS without loading SQLAlchemy.
    from sqlalchemy import Engine
    from sqlalchemy.engine import URL

# An antivirus scan or a second window may hold the file for a moment: wait, don't fail.
# One second at a time: the app layer tries again several times (app/desk.py), and the window
# says "waiting for the other VisitDesk" after the first second rather than after five.
BUSY_TIMEOUT_MS = 1000


def make_engine(url: URL, *, journal_mode: str = "WAL", read_only: bool = False) -> Engine:
    """An engine for the URL; SQLite files get their journal mode and read-only access here.

    `journal_mode` is WAL on a local disk (the window reads while an import writes) and DELETE,
    the rollback journal, on a network share, where WAL does not work.
    """
    from sqlalchemy import create_engine, event

    if url.get_backend_name() != "sqlite":
        return create_engine(url, pool_pre_ping=True)
    if read_only and url.database not in (None, "", ":memory:"):
        engine = create_engine(
            "sqlite+pysqlite://",
            creator=_read_only_creator(Path(str(url.database)).resolve()),
        )
        event.listen(engine, "connect", _tune_read_only)
        return engine
    # The window runs store calls on a worker thread and the pool hands a connection to one
    # thread at a time, so a connection made on one thread may serve the next call on another.
    engine = create_engine(url, connect_args={"check_same_thread": False})

    def tune(dbapi_connection: Any, _record: Any) -> None:
        cursor = dbapi_connection.cursor()
        # Foreign keys are off by default in SQLite.
        cursor.execute(f"PRAGMA journal_mode={journal_mode}")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(
            "PRAGMA synchronous=NORMAL" if journal_mode == "WAL" else "PRAGMA synchronous=FULL"
        )
        cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        cursor.close()

    event.listen(engine, "connect", tune)
    return engine


def _read_only_creator(path: Path) -> Any:
    import sqlite3

    def connect() -> sqlite3.Connection:
        # mode=ro never writes; a WAL file whose folder cannot hold the -shm index only opens
        # as immutable (nothing else may be writing it then: the folder is read-only).
        try:
            connection = sqlite3.connect(
                f"{path.as_uri()}?mode=ro", uri=True, check_same_thread=False
            )
            connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except sqlite3.OperationalError:
            connection = sqlite3.connect(
                f"{path.as_uri()}?mode=ro&immutable=1", uri=True, check_same_thread=False
            )
        return connection

    return connect


def _tune_read_only(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA query_only=ON")
    cursor.close()
