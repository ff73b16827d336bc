"""`visitdesk server init`: create or upgrade the office's database, backup first, and its roles."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Connection, inspect, text
from sqlalchemy.engine import URL

from visitdesk.store import migrate
from visitdesk.store.engine import make_engine
from visitdesk.store.errors import StoreError
from visitdesk.store.server import classified, officer_admin, roles, trail
from visitdesk.store.server.dump import pg_dump
from visitdesk.store.trail import TRAIL_TABLE


@dataclass(frozen=True)
class Initialised:
    created: bool  # a new, empty database was given VisitDesk's tables
    upgraded_from: str | None  # the schema it had, when it was upgraded
    backup: Path | None  # the pg_dump taken first
    audited: tuple[str, ...]  # the tables the trail covers


def check_server(url: URL) -> None:
    if url.get_backend_name() != "postgresql":
        raise StoreError(
            "`visitdesk server` sets up a PostgreSQL server: give its URL, e.g. "
            "--database-url postgresql+psycopg://it_admin@dbserver/visitdesk"
        )
    if not url.database:
        raise StoreError("The URL names no database: add it at the end, e.g. …/visitdesk.")


def after_upgrade(connection: Connection) -> None:
    """Run in the upgrade's own transaction on PostgreSQL: a table a later migration added gets
    its trail trigger, and (on a database `server init` set up) the groups' rights, however the
    upgrade was started."""
    if not inspect(connection).has_table(TRAIL_TABLE):
        return
    trail.install(connection)
    has_groups = connection.execute(
        text("SELECT 1 FROM pg_roles WHERE rolname = :name"), {"name": roles.READERS}
    ).scalar()
    database = connection.execute(text("SELECT current_database()")).scalar()
    if has_groups and database:
        roles.grant(connection, str(database))


def initialise(url: URL, backup_folder: Path, without_backup: bool = False) -> Initialised:
    check_server(url)
    engine = make_engine(url)
    try:
        with engine.connect() as connection:
            current = migrate.current_revision(connection)
            has_tables = bool(inspect(connection).get_table_names())
        migrate.check_ours(current, has_tables)
        backup = None
        if current is not None and current != migrate.SCHEMA_HEAD and not without_backup:
            backup = pg_dump(url, backup_folder, f"before-upgrade-from-{current}")
        migrate.upgrade(engine)
        with engine.begin() as connection:
            # Tables added by a later migration get their trigger and their grants here.
            audited = trail.install(connection)
            # Policies rewritten from domain/classification.py: a changed declaration holds.
            classified.install(connection)
            roles.create_groups(connection)
            roles.grant(connection, str(url.database))
            officer_admin.install(connection)
    finally:
        engine.dispose()
    return Initialised(
        created=current is None,
        upgraded_from=current if current not in (None, migrate.SCHEMA_HEAD) else None,
        backup=backup,
        audited=audited,
    )
