"""Watching the database file from outside: another program's commits, and the file itself.

SQLite's `PRAGMA data_version` changes on a connection whenever another connection (another
VisitDesk, a command, this program's own engine) commits to the file, and costs no read of the
data. The file's identity (device and inode) changes when a sync tool or a restore puts another
file in its place; it is gone when the file was deleted. The window polls both every few
seconds: it refreshes what it shows when the records changed, and stops writing, saying why,
when the file is no longer the one it opened.
"""

from __future__ import annotations

import contextlib
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from visitdesk.store.database import file_identity


@dataclass(frozen=True)
class Seen:
    changed: bool  # someone committed since the last look
    gone: str | None = None  # "deleted or moved" / "replaced by another file", else None


class FileWatch:
    def __init__(
        self, path: Path, identity: tuple[int, int] | None, writable: bool = False
    ) -> None:
        self._path, self._identity, self._writable = path, identity, writable
        self._connection: sqlite3.Connection | None = None
        self._version: int | None = None

    def _open(self) -> sqlite3.Connection:
        if self._connection is None:
            # It never writes a record. Read-write only so that, should the file be replaced,
            # it can empty the old file's WAL (see `_let_go`); read-only on a read-only file.
            mode = "rw" if self._writable else "ro"
            self._connection = sqlite3.connect(
                f"{self._path.resolve().as_uri()}?mode={mode}", uri=True, check_same_thread=False
            )
        return self._connection

    def _let_go(self) -> None:
        """The file was replaced: move what the old file's WAL holds into the old file (which
        this connection still has open) and empty the WAL. Left behind, that WAL would be
        played into the new file by the next program to open it, and damage it; SQLite ties a
        WAL to its file by name only."""
        if self._connection is not None and self._writable:
            # Another program may hold it this instant: nothing more can be done here then.
            with contextlib.suppress(sqlite3.Error):
                self._connection.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
        self.close()

    def look(self) -> Seen:
        now = file_identity(self._path)
        if now != self._identity:
            self._let_go()
            return Seen(False, "deleted or moved" if now is None else "replaced by another file")
        try:
            version = int(self._open().execute("PRAGMA data_version").fetchone()[0])
        except sqlite3.Error:
            return Seen(False)  # busy or locked this instant: look again next time
        changed = self._version is not None and version != self._version
        self._version = version
        return Seen(changed)

    def close(self) -> None:
        if self._connection is not None:
            self._connection.close()
            self._connection = None
