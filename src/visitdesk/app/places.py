"""Where the records and the log live, as the front ends name them to the officer."""

from __future__ import annotations

import os
from pathlib import Path

from visitdesk.store.location import DATA_DIR_ENV, DATABASE_URL_ENV, default_data_dir

__all__ = ["DATABASE_URL_ENV", "DATA_DIR_ENV", "data_folder", "default_data_dir"]


def data_folder(data_dir: str | Path | None) -> Path:
    """The data folder: the one named, else $VISITDESK_DATA_DIR, else the user's own."""
    return Path(data_dir or os.environ.get(DATA_DIR_ENV) or default_data_dir()).expanduser()
