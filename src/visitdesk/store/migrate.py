"""Bring a database to the schema this VisitDesk knows, safely.

The check is done with one query on `alembic_version`, without importing Alembic, so a command
that only reads starts fast; Alembic is loaded only when there is something to migrate. This
module imports no SQLAlchemy either (only inside the functions that need it): `SCHEMA_HEAD` is
read by the fast paths that open a current SQLite store with the standard library alone.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from visitdesk.store.errors import NewerDatabaseError, StoreError

if TYPE_CHECKING:
    from alembic.config import Config
    from sqlalchemy import Connection, Engine

# The newest migration in `migrations/versions`; a test keeps the two in step.
SCHEMA_HEAD = "0011_gift_deposit_authority"
VERSION_TABLE = "alembic_version"


def current_revision(connection: Connection) -> str | None:
    from sqlalchemy import inspect, text

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


def check_ours(current: str | None, has_tables: bool) -> None:
    """Refuse, before a byte is changed, a database that is not VisitDesk's or is newer."""
    if current == SCHEMA_HEAD:
        return
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


def upgrade(engine: Engine, database_file: Path | None = None) -> Path | None:
    """Apply every pending migration; return the backup taken first, if one was needed."""
    from sqlalchemy import inspect

    from visitdesk.store.backup import backup_sqlite

    with engine.connect() as connection:
        current = current_revision(connection)
        has_tables = bool(inspect(connection).get_table_names())
    if current == SCHEMA_HEAD:
        return None
    check_ours(current, has_tables)
    backup = None
    if current is not None and database_file is not None and database_file.exists():
        backup = backup_sqlite(database_file, reason=f"before-upgrade-from-{current}")
    try:
        _run_migrations(engine)
    except Exception as exc:
        where = f" (a backup is in {backup.name})" if backup is not None else ""
        raise StoreError(
            f"VisitDesk could not upgrade this database from schema {current}: {exc}. "
            f"Nothing was changed{where}; this version cannot open it until the cause is fixed."
        ) from exc
    return backup


def _run_migrations(engine: Engine) -> None:
    """Every pending step in one transaction: a failure leaves the database exactly as it was."""
    from alembic import command

    config = alembic_config()
    if engine.dialect.name != "sqlite":
        with engine.begin() as connection:
            config.attributes["connection"] = connection
            command.upgrade(config, "head")
            if engine.dialect.name == "postgresql":
                from visitdesk.store.server.setup import after_upgrade

                after_upgrade(connection)  # new tables: their trail trigger and grants
        return
    # pysqlite commits around DDL by itself; with its transaction handling off, one explicit
    # BEGIN ... COMMIT holds every step (SQLite's DDL is transactional). Foreign keys are
    # switched off while tables are rebuilt (batch mode drops and recreates them, and a drop
    # would cascade), as SQLite's documentation prescribes, and checked before the commit.
    with engine.connect() as base:
        connection = base.execution_options(isolation_level="AUTOCOMMIT")
        connection.exec_driver_sql("PRAGMA foreign_keys=OFF")
        connection.exec_driver_sql("BEGIN IMMEDIATE")
        try:
            config.attributes["connection"] = connection
            command.upgrade(config, "head")
            broken = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
            if broken:
                raise StoreError(f"the upgrade would break {len(broken)} references")
            connection.exec_driver_sql("COMMIT")
        except BaseException:
            connection.exec_driver_sql("ROLLBACK")
            raise
        finally:
            connection.exec_driver_sql("PRAGMA foreign_keys=ON")
