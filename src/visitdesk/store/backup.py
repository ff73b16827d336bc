"""Copies of the database file, taken before anything risky (a migration)."""

from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path


def backup_sqlite(path: Path, reason: str, now: datetime | None = None) -> Path:
    """Copy a live SQLite database beside itself as `NAME.backup-YYYYMMDD-HHMMSS-REASON.sqlite3`.

    SQLite's backup API is used instead of a file copy: in WAL mode the main file alone may
    miss the latest committed transactions.
    """
    stamp = (now or datetime.now()).strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.stem}.backup-{stamp}-{reason}{path.suffix}")
    counter = 1
    while target.exists():
        counter += 1
        target = path.with_name(f"{path.stem}.backup-{stamp}-{reason}-{counter}{path.suffix}")
    source = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        dest = sqlite3.connect(target)
        try:
            source.backup(dest)
        finally:
            dest.close()
    finally:
        source.close()
    return target
