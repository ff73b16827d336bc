"""A pg_dump of the office's database, taken before `server init` upgrades it."""

from __future__ import annotations

import os
import shutil
import subprocess
from datetime import datetime
from pathlib import Path

from sqlalchemy.engine import URL

from visitdesk.store.errors import StoreError

NO_PG_DUMP = (
    "pg_dump, PostgreSQL's backup program, is not installed here, so the database cannot be "
    "backed up before it is upgraded; nothing was changed. Install the PostgreSQL client "
    "programs of the server's version (Debian: apt-get install postgresql-client; Windows: "
    "the PostgreSQL installer's Command Line Tools), or, if the server is backed up otherwise, "
    "run the command again with --without-backup."
)


def pg_dump(url: URL, folder: Path, reason: str, now: datetime | None = None) -> Path:
    """Dump the database in pg_dump's custom format (pg_restore reads it) into `folder`."""
    program = shutil.which("pg_dump")
    if program is None:
        raise StoreError(NO_PG_DUMP)
    stamp = (now or datetime.now()).strftime("%Y%m%d-%H%M%S")
    target = folder / f"{url.database}.backup-{stamp}-{reason}.dump"
    partial = target.with_name(target.name + ".partial")
    env = dict(os.environ)
    if url.password is not None:
        env["PGPASSWORD"] = str(url.password)
    command = [program, "--format=custom", f"--file={partial}", "--no-password"]
    if url.host:
        command.append(f"--host={url.host}")
    if url.port:
        command.append(f"--port={url.port}")
    if url.username:
        command.append(f"--username={url.username}")
    command.append(str(url.database))
    try:
        folder.mkdir(parents=True, exist_ok=True)
        done = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    except OSError as exc:
        raise StoreError(
            f"pg_dump could not be run ({exc.strerror}); nothing was changed."
        ) from exc
    if done.returncode != 0:
        partial.unlink(missing_ok=True)
        detail = " ".join(done.stderr.split()) or f"exit code {done.returncode}"
        raise StoreError(
            f"pg_dump could not back up the database before the upgrade ({detail}); nothing "
            "was changed. A pg_dump older than the server refuses it: install the client "
            "programs of the server's version."
        )
    partial.replace(target)
    return target
