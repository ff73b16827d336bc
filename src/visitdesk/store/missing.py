"""Records that were there and are gone: never silently replaced by an empty store.

When VisitDesk first creates its database in a folder it leaves a small marker file beside it.
If a later start finds the marker but not the database (deleted, moved, a sync tool that has
not finished), it refuses to create an empty one in its place: the officer is told, shown the
newest backup, and chooses to restore it or to start with empty records on purpose.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from visitdesk.store.errors import StoreError

MARKER = ".visitdesk-records"


def _marker(path: Path) -> Path:
    return path.with_name(MARKER)


def mark(path: Path) -> None:
    """Note that `path` holds this folder's records (best effort: a read-only folder cannot)."""
    marker = _marker(path)
    try:
        if marker.exists():
            return
        stamp = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
        marker.write_text(f"{path.name}\n{stamp}\n", encoding="utf-8")
    except OSError:
        pass


def was_here(path: Path) -> bool:
    try:
        lines = _marker(path).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return False
    return bool(lines) and lines[0] == path.name


def backups(path: Path) -> list[Path]:
    """The backups of the database in its folder, newest first."""
    found = path.parent.glob(f"{path.stem}.backup-*{path.suffix}")
    return sorted(found, key=lambda p: p.stat().st_mtime, reverse=True)


def forget(path: Path) -> None:
    """The officer chose to start again with empty records here."""
    _marker(path).unlink(missing_ok=True)


def _when(moment: datetime) -> str:
    from visitdesk.domain.dates import day_month_year

    return f"{day_month_year(moment.date())} {moment:%H:%M}"


class MissingRecordsError(StoreError):
    """The folder held VisitDesk's records and the database file is no longer there."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.backups = backups(path)
        newest = (
            f" The newest backup is {self.backups[0].name}, of "
            f"{_when(datetime.fromtimestamp(self.backups[0].stat().st_mtime))}."
            if self.backups
            else " There is no backup of it in that folder."
        )
        super().__init__(
            f"The records file {path} is missing: VisitDesk kept its records there before, and "
            "the file has been deleted or moved (or a sync tool has not finished putting it "
            "back). Nothing new was created in its place, so that it can still be restored."
            + newest
        )
