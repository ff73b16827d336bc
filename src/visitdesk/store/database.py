"""The open store: one engine, sessions on demand, migrated on opening."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.engine import URL
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker

# Every model must be mapped before the first query configures the relationships.
import visitdesk.domain.models  # noqa: F401
from visitdesk.store import migrate
from visitdesk.store.engine import make_engine
from visitdesk.store.errors import StoreError
from visitdesk.store.location import resolve_url, sqlite_file


@dataclass
class Store:
    url: URL
    engine: Engine
    backup: Path | None = None

    def __post_init__(self) -> None:
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)

    @classmethod
    def open(cls, database_url: str | None = None, data_dir: str | Path | None = None) -> Store:
        """Open (creating and migrating as needed) the store the arguments and environment name."""
        url = resolve_url(database_url, data_dir)
        return cls.open_url(url)

    @classmethod
    def open_url(cls, url: URL) -> Store:
        path = sqlite_file(url)
        if path is not None:
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise StoreError(
                    f"Cannot create the data folder {path.parent}: {exc.strerror}."
                ) from exc
        engine = make_engine(url)
        try:
            backup = migrate.upgrade(engine, path)
        except DBAPIError as exc:
            engine.dispose()
            where = path if path is not None else url.render_as_string(hide_password=True)
            raise StoreError(f"Cannot open the database {where}: {exc.orig}") from exc
        except StoreError:
            engine.dispose()
            raise
        return cls(url=url, engine=engine, backup=backup)

    @property
    def database_file(self) -> Path | None:
        return sqlite_file(self.url)

    def session(self) -> Session:
        return self._sessions()

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """A session whose work is committed together, or not at all."""
        with self._sessions.begin() as session:
            yield session

    def close(self) -> None:
        self.engine.dispose()
