"""The open store: one engine, sessions on demand, migrated on opening."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.engine import URL
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

# Every model must be mapped before the first query configures the relationships.
import visitdesk.domain.models  # noqa: F401
from visitdesk.store import (
    migrate,
    trail_sqlite,  # noqa: F401  (the trail on SQLite: registers its hook)
)
from visitdesk.store.engine import make_engine
from visitdesk.store.errors import (
    FileReplacedError,
    ReadOnlyStoreError,
    StoreError,
    busy_error,
)
from visitdesk.store.filesystem import can_write, is_network_path
from visitdesk.store.location import resolve_url, sqlite_file
from visitdesk.store.missing import MissingRecordsError, mark, was_here
from visitdesk.store.precheck import inspect_file


def file_identity(path: Path) -> tuple[int, int] | None:
    """The device and file number of a file (None when it is gone): what a rename changes."""
    try:
        status = path.stat()
    except OSError:
        return None
    return (status.st_dev, status.st_ino)


def _make_folder(path: Path) -> bool:
    """Create the data folder of a new database; False when it exists but is read-only."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StoreError(f"Cannot create the data folder {path.parent}: {exc.strerror}.") from exc
    return can_write(path)


@dataclass
class Store:
    url: URL
    engine: Engine
    backup: Path | None = None
    # A file or folder the officer may not write to opens for reading, searching and printing.
    read_only: bool = False
    # Read-only because the officer asked for it (the file may well be writable): the reason
    # they are told is then their own choice, not a folder they should ask access to.
    read_only_asked: bool = False
    # SQLite only: "WAL" on a local disk, "DELETE" (the rollback journal) on a network share.
    journal_mode: str | None = None

    def __post_init__(self) -> None:
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        path = self.database_file
        # The file this store opened: a sync tool or a restore may put another in its place
        # (or delete it) while the window runs, and a write then would go to the old one.
        self._identity = file_identity(path) if path is not None else None

    @property
    def identity(self) -> tuple[int, int] | None:
        """The device and file number of the database file as opened (None on a server)."""
        return self._identity

    def check_file(self) -> None:
        """Raise FileReplacedError if the database file is no longer the one opened."""
        path = self.database_file
        if path is None or self._identity is None:
            return
        now = file_identity(path)
        if now == self._identity:
            return
        what = "deleted or moved" if now is None else "replaced by another file"
        raise FileReplacedError(
            f"The database file {path} was {what} while VisitDesk had it open (a sync tool, "
            "a restore or another program did it). To keep both copies safe, nothing more is "
            "written to it: close VisitDesk and start it again to open the file now there."
        )

    @classmethod
    def open(
        cls,
        database_url: str | None = None,
        data_dir: str | Path | None = None,
        read_only: bool = False,
        start_empty: bool = False,
    ) -> Store:
        """Open (creating and migrating as needed) the store the arguments and environment name.

        `read_only` opens an existing file for reading only, as a read-only folder does.
        `start_empty` creates empty records where records were before and are now missing
        (otherwise MissingRecordsError, see missing.py).
        """
        url = resolve_url(database_url, data_dir)
        return cls.open_url(url, read_only, start_empty)

    @classmethod
    def open_url(cls, url: URL, read_only: bool = False, start_empty: bool = False) -> Store:
        path = sqlite_file(url)
        if path is None:
            return cls._open_engine(url, make_engine(url), None)
        state = inspect_file(path)
        if state is not None:
            # Decided through a read-only connection, before the engine may change a byte.
            migrate.check_ours(state.revision, state.has_tables)
        if state is None and not start_empty and was_here(path):
            raise MissingRecordsError(path)
        if read_only and state is None:
            raise StoreError(f"There is no VisitDesk database at {path} to open for reading.")
        writable = can_write(path) if state is not None else _make_folder(path)
        if read_only or not writable:
            if state is None:
                raise StoreError(
                    f"The data folder {path.parent} is read-only and holds no VisitDesk "
                    "database yet. Choose a folder you may write to."
                )
            if state.revision != migrate.SCHEMA_HEAD:
                raise StoreError(
                    f"The database {path} needs upgrading to this version of VisitDesk, "
                    "but it is opened for reading only. Open it once from a folder you may "
                    "write to."
                )
            engine = make_engine(url, read_only=True)
            store = cls._open_engine(url, engine, path, read_only=True)
            store.read_only_asked = read_only
            return store
        journal = "DELETE" if is_network_path(path) else "WAL"
        engine = make_engine(url, journal_mode=journal)
        if state is not None and state.revision == migrate.SCHEMA_HEAD:
            # Already current (read above through the standard library): no reflection, no
            # migration machinery; the engine connects at the first session.
            opened = cls(url=url, engine=engine, journal_mode=journal)
        else:
            opened = cls._open_engine(url, engine, path, journal)
        mark(path)
        return opened

    @classmethod
    def _open_engine(
        cls,
        url: URL,
        engine: Engine,
        path: Path | None,
        journal_mode: str | None = None,
        read_only: bool = False,
    ) -> Store:
        try:
            backup = None if read_only else migrate.upgrade(engine, path)
            if read_only:
                with engine.connect() as connection:
                    connection.exec_driver_sql("SELECT count(*) FROM visit").scalar()
        except DBAPIError as exc:
            engine.dispose()
            where = path if path is not None else url.render_as_string(hide_password=True)
            raise StoreError(f"Cannot open the database {where}: {exc.orig}") from exc
        except StoreError:
            engine.dispose()
            raise
        return cls(
            url=url, engine=engine, backup=backup, read_only=read_only, journal_mode=journal_mode
        )

    @property
    def database_file(self) -> Path | None:
        return sqlite_file(self.url)

    def session(self) -> Session:
        return self._sessions()

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """A session whose work is committed together, or not at all."""
        self.check_file()
        try:
            with self._sessions.begin() as session:
                yield session
                self.check_file()
        except OperationalError as exc:
            busy = busy_error(str(exc.orig))
            if busy is not None:
                raise busy from exc
            if self.read_only_asked:
                raise ReadOnlyStoreError(
                    "These records were opened for reading only, so the change was not saved. "
                    "To change them, close VisitDesk and start it again without read-only."
                ) from exc
            if self.read_only or "readonly database" in str(exc.orig):
                raise ReadOnlyStoreError(
                    "This database is open for reading only (its file or folder cannot be "
                    "written to), so the change was not saved. Ask for write access to the "
                    "folder, or copy the database to a folder of yours."
                ) from exc
            raise

    def close(self) -> None:
        self.engine.dispose()
