"""What the audit trail covers, read from the live schema so a later table is covered too.

Every table but the trail itself and Alembic's is audited. Each audited record is filed under
the visit it belongs to, found the same way on both stores: the visit itself, a `visit_id`
column, or the `visit_id` of the parent it points to (an attendee's engagement, a status
change's outcome). People, organisations and the office belong to no visit.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from sqlalchemy import Connection, LargeBinary, inspect

TRAIL_TABLE = "audit_entry"
NOT_AUDITED = frozenset({TRAIL_TABLE, "alembic_version"})
# PostgreSQL's NOTIFY channel: every change as JSON {"table", "id", "visit", "action", "login",
# "by", "at"} (store/server/trail.py; app/live.py listens).
CHANNEL = "visitdesk_changes"


@dataclass(frozen=True)
class Audited:
    table: str
    columns: tuple[str, ...]
    # How to find the record's visit: "self", "column", "parent" (via parent_table.visit_id
    # through parent_column) or "none".
    visit_by: str
    parent_table: str | None = None
    parent_column: str | None = None
    # Pictures (a photo, a logo): the trail keeps a digest, never the bytes.
    binary: tuple[str, ...] = ()


def audited_tables(connection: Connection) -> tuple[Audited, ...]:
    inspector = inspect(connection)
    names = sorted(set(inspector.get_table_names()) - NOT_AUDITED)
    described = {name: inspector.get_columns(name) for name in names}
    columns = {name: tuple(c["name"] for c in described[name]) for name in names}
    found = []
    for name in names:
        if "id" not in columns[name]:
            continue  # a table without an id column has no record to name
        if name == "visit":
            found.append(Audited(name, columns[name], "self"))
            continue
        if "visit_id" in columns[name]:
            found.append(Audited(name, columns[name], "column"))
            continue
        parent = next(
            (
                fk
                for fk in inspector.get_foreign_keys(name)
                if len(fk["constrained_columns"]) == 1
                and "visit_id" in columns.get(fk["referred_table"], ())
            ),
            None,
        )
        if parent is None:
            found.append(Audited(name, columns[name], "none"))
        else:
            found.append(
                Audited(
                    name,
                    columns[name],
                    "parent",
                    parent["referred_table"],
                    parent["constrained_columns"][0],
                )
            )
    return tuple(
        dataclasses.replace(
            audited,
            binary=tuple(
                c["name"] for c in described[audited.table] if isinstance(c["type"], LargeBinary)
            ),
        )
        for audited in found
    )
