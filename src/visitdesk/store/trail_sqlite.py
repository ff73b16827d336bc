"""The audit trail on SQLite: kept by VisitDesk's own connections, under the OS user's name.

SQLite has no logins, so the trail is written by TEMP triggers that VisitDesk creates on each
of its connections when a session begins (and again whenever the schema changed, since
rebuilding a table drops its triggers). They call three functions registered on the connection
(who, when, which columns changed), so every write through VisitDesk is on record, bulk
updates and imports included, while other programs opening the file are not hindered by
functions they lack. The rows are the same as the server's (store/server/trail.py).
"""

from __future__ import annotations

import getpass
import hashlib
import json
import sqlite3
from typing import Any

from sqlalchemy import Connection, event
from sqlalchemy.orm import Session, SessionTransaction

from visitdesk.domain.versioning import now_utc, user_name
from visitdesk.store.trail import TRAIL_TABLE, Audited, audited_tables

_SCHEMA_KEY = "visitdesk_trail_schema"
_ACTIONS = {"INSERT": "insert", "UPDATE": "update", "DELETE": "delete"}


def _login() -> str:
    try:
        return getpass.getuser()[:100]
    except (OSError, KeyError, ImportError):
        return "unknown"


def _now() -> str:
    return now_utc().strftime("%Y-%m-%d %H:%M:%S.%f")  # how SQLAlchemy stores a DateTime


def _diff(old_text: str | None, new_text: str | None) -> str | None:
    old = json.loads(old_text) if old_text else None
    new = json.loads(new_text) if new_text else None
    keys = list((new or old or {}).keys())
    changes = {
        key: [None if old is None else old.get(key), None if new is None else new.get(key)]
        for key in keys
        if old is None or new is None or old.get(key) != new.get(key)
    }
    return json.dumps(changes, ensure_ascii=False) if changes else None


def _digest(value: bytes | None) -> str | None:
    return None if value is None else "sha256:" + hashlib.sha256(value).hexdigest()


def _register(raw: sqlite3.Connection) -> None:
    raw.create_function("visitdesk_digest", 1, _digest, deterministic=True)
    raw.create_function("visitdesk_login", 0, _login)
    raw.create_function("visitdesk_name", 0, lambda: user_name()[:200])
    raw.create_function("visitdesk_now", 0, _now)
    raw.create_function("visitdesk_diff", 2, _diff, deterministic=True)


def _row_json(prefix: str, audited: Audited) -> str:
    def value(column: str) -> str:
        if column in audited.binary:  # JSON holds no bytes; the trail keeps a digest
            return f'visitdesk_digest({prefix}."{column}")'
        return f'{prefix}."{column}"'

    return "json_object(" + ", ".join(f"'{c}', {value(c)}" for c in audited.columns) + ")"


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
        old = "NULL" if operation == "INSERT" else _row_json("OLD", audited)
        new = "NULL" if operation == "DELETE" else _row_json("NEW", audited)
        name = f"visitdesk_audit_{audited.table}_{action}"
        statements.append(f'DROP TRIGGER IF EXISTS temp."{name}"')
        statements.append(
            f'CREATE TEMP TRIGGER "{name}" AFTER {operation} ON main."{audited.table}" BEGIN '
            f"INSERT INTO {TRAIL_TABLE} "
            "(at, login, name, table_name, record_id, visit_id, action, changes) "
            f"SELECT visitdesk_now(), visitdesk_login(), visitdesk_name(), '{audited.table}', "
            f"{row}.id, {_visit(audited, row)}, '{action}', d "
            f"FROM (SELECT visitdesk_diff({old}, {new}) AS d) WHERE d IS NOT NULL; END"
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
