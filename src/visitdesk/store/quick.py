"""A current SQLite store read with the standard library alone: the fast path of reading.

Importing SQLAlchemy and mapping the models costs more than half a second on an office PC,
several times what `visitdesk visits` or the first list in the window needs. A store whose
file already holds this version's schema (`alembic_version` at `SCHEMA_HEAD`, read by the
precheck through a read-only sqlite3 connection) can be read directly; anything else (no file
yet, an older or newer schema, a file that is not a database, a server URL) returns None here
and takes the ordinary way, which creates, upgrades or refuses with its sentence.

Only reads go this way: every change still goes through the Store and its sessions.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from visitdesk.store.engine import BUSY_TIMEOUT_MS
from visitdesk.store.errors import StoreError
from visitdesk.store.location import DATA_DIR_ENV, DATABASE_FILE, DATABASE_URL_ENV
from visitdesk.store.migrate import SCHEMA_HEAD
from visitdesk.store.precheck import inspect_file


def current_file(database_url: str | None, data_dir: str | Path | None) -> Path | None:
    """The SQLite file the arguments name if it exists and is at SCHEMA_HEAD, else None."""
    if database_url or os.environ.get(DATABASE_URL_ENV):
        return None  # a URL may name any server: the engine knows how to open it
    named = data_dir or os.environ.get(DATA_DIR_ENV)
    if named:
        folder = Path(named).expanduser()
    else:
        from visitdesk.store.location import default_data_dir

        folder = default_data_dir()
    path = folder / DATABASE_FILE
    try:
        state = inspect_file(path)
    except StoreError:
        return None  # the ordinary way says what is wrong, in its words
    if state is None or state.revision != SCHEMA_HEAD:
        return None
    return path


def read_connection(path: Path) -> sqlite3.Connection:
    """A connection that cannot change the file, waiting as the engine does for a busy one."""
    uri = path.resolve().as_uri()
    try:
        connection = sqlite3.connect(f"{uri}?mode=ro", uri=True)
        connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.OperationalError:
        # A WAL file in a folder where its index cannot be made: read as a still image.
        connection = sqlite3.connect(f"{uri}?mode=ro&immutable=1", uri=True)
    connection.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    return connection
