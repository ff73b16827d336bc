"""Copies of the database file, taken before anything risky (a migration)."""

from __future__ import annotations

import contextlib
import hashlib
import sqlite3
from datetime import datetime
from pathlib import Path

from visitdesk.store.errors import StoreError


def backup_sqlite(path: Path, reason: str, now: datetime | None = None) -> Path:
    """Copy a live SQLite database beside itself as `NAME.backup-YYYYMMDD-HHMMSS-REASON.sqlite3`.

    SQLite's backup API is used instead of a file copy: in WAL mode the main file alone may
    miss the latest committed transactions. The copy is written under a temporary name, checked
    with `PRAGMA integrity_check` and only then renamed, so a full disk or a crash never leaves
    a broken file that looks like a backup. A copy identical to an earlier backup taken for the
    same reason (a migration that failed and is tried again) is not written twice.
    """
    stamp = (now or datetime.now()).strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.stem}.backup-{stamp}-{reason}{path.suffix}")
    counter = 1
    while target.exists():
        counter += 1
        target = path.with_name(f"{path.stem}.backup-{stamp}-{reason}-{counter}{path.suffix}")
    partial = target.with_name(f"{target.name}.partial")
    try:
        _copy_checked(path, partial)
        earlier = _identical_backup(path, reason, partial)
        if earlier is not None:
            partial.unlink()
            return earlier
        partial.replace(target)
    except (OSError, sqlite3.Error) as exc:
        with contextlib.suppress(OSError):
            partial.unlink()
        detail = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        raise StoreError(
            f"VisitDesk could not write a backup of {path.name} in {path.parent} before "
            f"upgrading it ({detail}); the database was not changed. Free some disk space "
            "or make the folder writable, then start VisitDesk again."
        ) from exc
    return target


def _copy_checked(source_path: Path, target: Path) -> None:
    source = sqlite3.connect(f"file:{source_path}?mode=ro", uri=True)
    try:
        dest = sqlite3.connect(target)
        try:
            source.backup(dest)
            verdict = dest.execute("PRAGMA integrity_check").fetchone()
        finally:
            dest.close()
    finally:
        source.close()
    if verdict is None or verdict[0] != "ok":
        raise sqlite3.DatabaseError(f"the copy failed its integrity check ({verdict})")


def _identical_backup(path: Path, reason: str, candidate: Path) -> Path | None:
    digest = _digest(candidate)
    for earlier in sorted(path.parent.glob(f"{path.stem}.backup-*-{reason}*{path.suffix}")):
        if earlier.stat().st_size == candidate.stat().st_size and _digest(earlier) == digest:
            return earlier
    return None


def _digest(path: Path) -> str:
    hasher = hashlib.sha256()
    with path.open("rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            hasher.update(block)
    return hasher.hexdigest()
