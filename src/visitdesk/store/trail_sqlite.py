"""The audit trail on SQLite: kept by VisitDesk's own connections, under the OS user's name.

SQLite has no logins, so the trail is written by TEMP triggers that VisitDesk creates on each
of its connections when a session begins (and again whenever the schema changed, since
rebuilding a table drops its triggers). They call three functions registered on the connection
(who, when, a picture's digest), so every write through VisitDesk is on record, bulk
updates and imports included, while other programs opening the file are not hindered by
functions they lack. The rows are the same as the server's (store/server/trail.py).
"""

from __future__ import annotations

import getpass
import hashlib
import sqlite3
from typing import Any

from sqlalchemy import Connection, event
from sqlalchemy.orm import Session, SessionTransaction

from visitdesk.domain.versioning import current_user
from visitdesk.store.trail import TRAIL_TABLE, Audited, audited_tables

_SCHEMA_KEY = "visitdesk_trail_schema"
_ACTIONS = {"INSERT": "insert", "UPDATE": "update", "DELETE": "delete"}


def _login() -> str:
    try:
        return getpass.getuser()[:100]
    except (OSError, KeyError, ImportError):
        return "unknown"


# UTC, as SQLAlchemy writes a DateTime on SQLite (six digits of a second): in SQL, per row.
_NOW = "(strftime('%Y-%m-%d %H:%M:%f', 'now') || '000')"


def _digest(value: bytes | None) -> str | None:
    return None if value is None else "sha256:" + hashlib.sha256(value).hexdigest()


def _register(raw: sqlite3.Connection) -> None:
    raw.create_function("visitdesk_digest", 1, _digest, deterministic=True)
    login = _login()  # the OS user does not change while VisitDesk runs
    raw.create_function("visitdesk_login", 0, lambda: login, deterministic=True)
    # The officer's name the Desk gives, else the OS user's (looked up once, not per row).
    raw.create_function("visitdesk_name", 0, lambda: (current_user.get() or login)[:200])


def _value(audited: Audited, row: str, column: str) -> str:
    if column in audited.binary:  # JSON holds no bytes; the trail keeps a digest
        return f'visitdesk_digest({row}."{column}")'
    return f'{row}."{column}"'


def _whole_row(audited: Audited, row: str, inserted: bool) -> str:
    """{column: [null, new]} of an inserted row, {column: [old, null]} of a deleted one."""
    pairs = (
        f"'{c}', json_array(NULL, {_value(audited, row, c)})"
        if inserted
        else f"'{c}', json_array({_value(audited, row, c)}, NULL)"
        for c in audited.columns
    )
    return f"json_object({', '.join(pairs)})"


def _changed_columns(audited: Audited) -> str:
    """A one-row query of {column: [old, new]} over the changed columns and their number, all
    in SQL: a trigger calling Python for every row made an import three times slower."""
    columns = [
        f"SELECT '{c}' AS k, {_value(audited, 'OLD', c)} AS o, {_value(audited, 'NEW', c)} AS n"
        if i == 0
        else f"SELECT '{c}', {_value(audited, 'OLD', c)}, {_value(audited, 'NEW', c)}"
        for i, c in enumerate(audited.columns)
    ]
    return (
        "SELECT json_group_object(k, json_array(o, n)) AS d, count(*) AS changed FROM ("
        + " UNION ALL ".join(columns)
        + ") WHERE o IS NOT n"
    )


def _visit(audited: Audited, row: str) -> str:
    if audited.visit_by == "self":
        return f"{row}.id"
    if audited.visit_by == "column":
        return f"{row}.visit_id"
    if audited.visit_by == "parent":
        return (
            f'(SELECT visit_id FROM "{audited.parent_table}" '
            f'WHERE id = {row}."{audited.parent_column}")'
        )
    return "NULL"


def _triggers(audited: Audited) -> list[str]:
    statements = []
    for operation, action in _ACTIONS.items():
        row = "OLD" if operation == "DELETE" else "NEW"
        who = (
            f"{_NOW}, visitdesk_login(), visitdesk_name(), '{audited.table}', "
            f"{row}.id, {_visit(audited, row)}, '{action}'"
        )
        if operation == "UPDATE":
            body = f"SELECT {who}, d FROM ({_changed_columns(audited)}) WHERE changed > 0"
        else:
            body = f"VALUES ({who}, {_whole_row(audited, row, operation == 'INSERT')})"
        name = f"visitdesk_audit_{audited.table}_{action}"
        statements.append(f'DROP TRIGGER IF EXISTS temp."{name}"')
        statements.append(
            f'CREATE TEMP TRIGGER "{name}" AFTER {operation} ON main."{audited.table}" BEGIN '
            f"INSERT INTO {TRAIL_TABLE} "
            f"(at, login, name, table_name, record_id, visit_id, action, changes) {body}; END"
        )
    return statements


def install(connection: Connection) -> bool:
    """Make sure this connection writes the trail; False when it cannot (no trail table yet,
    or a read-only connection, which changes nothing anyway)."""
    raw: Any = connection.connection.dbapi_connection
    if not isinstance(raw, sqlite3.Connection):
        return False
    info = connection.connection.info
    schema = raw.execute("PRAGMA main.schema_version").fetchone()[0]
    if info.get(_SCHEMA_KEY) == schema:
        return True
    if raw.execute("PRAGMA query_only").fetchone()[0]:
        return False
    has_trail = raw.execute(
        "SELECT 1 FROM main.sqlite_master WHERE type = 'table' AND name = ?", (TRAIL_TABLE,)
    ).fetchone()
    if not has_trail:
        return False
    _register(raw)
    for audited in audited_tables(connection):
        for statement in _triggers(audited):
            raw.execute(statement)
    info[_SCHEMA_KEY] = schema
    return True


@event.listens_for(Session, "after_begin")
def _keep_trail(_session: Session, _transaction: SessionTransaction, connection: Any) -> None:
    if connection.dialect.name == "sqlite":
        install(connection)
