"""Which database to open: a URL given, a data folder given, or the user's data folder."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from visitdesk import APP_NAME

if TYPE_CHECKING:
    from sqlalchemy.engine import URL

DATA_DIR_ENV = "VISITDESK_DATA_DIR"
DATABASE_URL_ENV = "VISITDESK_DATABASE_URL"
DATABASE_FILE = "visitdesk.sqlite3"


def default_data_dir() -> Path:
    # Imported here: platformdirs is only needed when no folder was named.
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_NAME, appauthor=False))


def resolve_url(database_url: str | None = None, data_dir: str | Path | None = None) -> URL:
    """The command line wins over the environment, which wins over the default folder."""
    # Imported here: the window and `--help` read this module's names before any database work.
    from sqlalchemy.engine import URL, make_url

    url = database_url or os.environ.get(DATABASE_URL_ENV)
    if url:
        return make_url(url)
    folder = Path(data_dir or os.environ.get(DATA_DIR_ENV) or default_data_dir()).expanduser()
    return URL.create("sqlite+pysqlite", database=str(folder / DATABASE_FILE))


def sqlite_file(url: URL) -> Path | None:
    """The database file of an on-disk SQLite URL, else None."""
    if url.get_backend_name() != "sqlite" or url.database in (None, "", ":memory:"):
        return None
    return Path(url.database)
