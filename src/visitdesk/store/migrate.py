"""Bring a database to the schema this VisitDesk knows, safely.

The check is done with one query on `alembic_version`, without importing Alembic, so a command
that only reads starts fast; Alembic is loaded only when there is something to migrate.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine, inspect, text

from visitdesk.store.backup import backup_sqlite
from visitdesk.store.errors import NewerDatabaseError, StoreError

if TYPE_CHECKING:
    from alembic.config import Config

# The newest migration in `migrations/versions`; a test keeps the two in step.
SCHEMA_HEAD = "0004_signatories"
VERSION_TABLE = "alembic_version"


def current_revision(connection: Connection) -> str | None:
    if not inspect(connection).has_table(VERSION_TABLE):
        return None
    return connection.execute(text(f"SELECT version_num FROM {VERSION_TABLE}")).scalar()


def alembic_config() -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(Path(__file__).parent / "migrations"))
    return config


def known_revisions() -> set[str]:
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(alembic_config())
    return {rev.revision for rev in script.walk_revisions()}


def upgrade(engine: Engine, database_file: Path | None = None) -> Path | None:
    """Apply every pending migration; return the backup taken first, if one was needed."""
    with engine.connect() as connection:
        current = current_revision(connection)
        has_tables = bool(inspect(connection).get_table_names())
    if current == SCHEMA_HEAD:
        return None
    if current is None and has_tables:
        raise StoreError(
            "This database holds tables but is not a VisitDesk database; "
            "VisitDesk will not change it. Choose another data folder."
        )
    if current is not None and current not in known_revisions():
        raise NewerDatabaseError(
            f"This database was written by a newer version of VisitDesk (schema {current}). "
            "Install that version or a later one to open it; this one will not touch it."
        )
    backup = None
    if current is not None and database_file is not None and database_file.exists():
        backup = backup_sqlite(database_file, reason=f"before-upgrade-from-{current}")
    from alembic import command

    config = alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")
    return backup
