"""A copy of the records once a day, so that a file deleted or damaged has a recent one to
come back from (the start-up's missing-records question offers the newest backup).

Written by the window once a day, after its first paint and off its GUI thread, through the
same checked copy as the backup before an upgrade (`backup.backup_sqlite`); the last KEEP daily
copies are kept, older ones removed. An identical copy (nothing changed since) is not written
again.
"""

from __future__ import annotations

import contextlib
from datetime import datetime
from pathlib import Path

from visitdesk.store.backup import backup_sqlite

REASON = "daily"
KEEP = 7


def _dailies(path: Path) -> list[Path]:
    return sorted(path.parent.glob(f"{path.stem}.backup-*-{REASON}*{path.suffix}"))


def daily_backup(path: Path, now: datetime | None = None, keep: int = KEEP) -> Path | None:
    """Today's copy of `path` (None when there is one already); raises StoreError on failure."""
    now = now or datetime.now()
    today = now.strftime("%Y%m%d")
    if any(p.name.startswith(f"{path.stem}.backup-{today}-") for p in _dailies(path)):
        return None
    made = backup_sqlite(path, REASON, now)
    for old in _dailies(path)[:-keep]:
        with contextlib.suppress(OSError):
            old.unlink()
    return made
