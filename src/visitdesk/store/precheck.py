"""A look at a database file before anything may change it.

Opening a file through the engine already writes to it (switching it to WAL rewrites bytes 18-19
of its header), so whether it is VisitDesk's, and not newer than this version, is decided first
through a read-only connection that cannot change a byte.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import NamedTuple

from visitdesk.store.errors import StoreError

SQLITE_MAGIC = b"SQLite format 3\x00"


class FileState(NamedTuple):
    """What a look at the file found (a NamedTuple: a dataclass would have `visitdesk visits`
    import dataclasses, a good part of its time)."""

    revision: str | None
    has_tables: bool
    journal_mode: str


def inspect_file(path: Path) -> FileState | None:
    """The state of an existing database file; None for a file that is still to be made."""
    try:
        with path.open("rb") as stream:
            header = stream.read(len(SQLITE_MAGIC))
    except (FileNotFoundError, NotADirectoryError):
        return None  # to be made (a folder that cannot be made is named by the caller)
    except OSError as exc:
        raise StoreError(f"Cannot open the database {path}: {exc.strerror}.") from exc
    if not header:
        return None  # an empty file is what SQLite makes before the first table
    if header != SQLITE_MAGIC:
        raise StoreError(
            f"Cannot open the database {path}: the file is not a database. "
            "VisitDesk will not change it; choose another data folder."
        )
    try:
        connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        raise StoreError(f"Cannot open the database {path}: {exc}.") from exc
    try:
        return _read_state(connection)
    except sqlite3.OperationalError:
        # A WAL file in a folder where its index cannot be made: read it as a still image.
        connection.close()
        connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro&immutable=1", uri=True)
        return _read_state(connection)
    except sqlite3.DatabaseError as exc:
        raise StoreError(f"Cannot open the database {path}: {exc}.") from exc
    finally:
        connection.close()


def _read_state(connection: sqlite3.Connection) -> FileState:
    tables = {
        row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")
    }
    revision = None
    if "alembic_version" in tables:
        row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
        revision = row[0] if row else None
    journal = connection.execute("PRAGMA journal_mode").fetchone()[0]
    return FileState(revision=revision, has_tables=bool(tables), journal_mode=str(journal))
