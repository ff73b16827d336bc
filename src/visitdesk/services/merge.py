"""Merge two people, or two organisations, that are the same: one record kept, every
reference to the other moved to it, and an exact undo.

Which tables refer to a person or an organisation is read from the models' foreign keys, so a
reference added to the schema later is moved too. Where moving a reference would make a
duplicate (both records in one delegation, or at one engagement), the duplicate row goes and
anything only it held (a role) is copied to the row kept. Blank fields of the record kept are
filled from the other, so that nothing typed is lost. `Merge` records all of it, so that
`unmerge` puts back both records and every reference as they were.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from sqlalchemy import Column, Table, and_, delete, insert, select, update
from sqlalchemy.orm import Session

from visitdesk.domain.models import Base
from visitdesk.services.errors import NotFoundError, ServiceError

Kind = Literal["person", "organisation"]
# Never copied from one record to the other: identity and order.
_OWN_COLUMNS = {"id", "ref", "position"}


@dataclass(frozen=True)
class Change:
    table: str
    key: int
    column: str
    old: Any
    new: Any


@dataclass(frozen=True)
class Merge:
    kind: Kind
    kept_id: int
    dropped: dict[str, Any]  # the merged-away record, every column
    changes: tuple[Change, ...]
    removed: tuple[tuple[str, dict[str, Any]], ...]  # duplicate rows, whole


def _table(name: str) -> Table:
    return Base.metadata.tables[name]


def _row(session: Session, table: Table, key: int) -> dict[str, Any] | None:
    row = session.execute(select(table).where(table.c.id == key)).mappings().first()
    return dict(row) if row is not None else None


def _references(kind: Kind) -> list[tuple[Table, Column[Any]]]:
    """Every column of every table that holds the id of a `kind` record."""
    found = []
    for table in Base.metadata.sorted_tables:
        for fk in table.foreign_keys:
            if fk.column.table.name == kind and fk.column.name == "id":
                found.append((table, fk.parent))
    return found


def _unique_partners(table: Table, column: Column[Any]) -> list[list[Column[Any]]]:
    """For each unique constraint holding `column`, the other columns in it."""
    partners = []
    for constraint in table.constraints:
        names = [c.name for c in getattr(constraint, "columns", [])]
        if constraint.__class__.__name__ == "UniqueConstraint" and column.name in names:
            partners.append([table.c[n] for n in names if n != column.name])
    return partners


def _fill_blanks(
    table: str, key: int, target: dict[str, Any], source: dict[str, Any], skip: set[str]
) -> list[Change]:
    return [
        Change(table, key, name, None, value)
        for name, value in source.items()
        if name not in skip and value is not None and target.get(name) is None
    ]


def count_references(session: Session, kind: Kind, key: int) -> int:
    """How many rows refer to this record (delegations, attendances, speakers…)."""
    total = 0
    for table, column in _references(kind):
        total += len(session.execute(select(table.c.id).where(column == key)).all())
    return total


def merge(session: Session, kind: Kind, kept_id: int, dropped_id: int) -> Merge:
    if kept_id == dropped_id:
        raise ServiceError("Choose two different records to merge.")
    target = _table(kind)
    kept, dropped = _row(session, target, kept_id), _row(session, target, dropped_id)
    if kept is None or dropped is None:
        raise NotFoundError(f"One of the two records to merge no longer exists ({kind}).")
    session.flush()
    changes = _fill_blanks(kind, kept_id, kept, dropped, _OWN_COLUMNS)
    removed: list[tuple[str, dict[str, Any]]] = []
    for table, column in _references(kind):
        partners = _unique_partners(table, column)
        rows = session.execute(select(table).where(column == dropped_id)).mappings().all()
        for row in map(dict, rows):
            twin = None
            for others in partners:
                found = (
                    session.execute(
                        select(table).where(
                            and_(column == kept_id, *(c == row[c.name] for c in others))
                        )
                    )
                    .mappings()
                    .first()
                )
                twin = dict(found) if found is not None else twin
            if twin is not None:
                removed.append((table.name, row))
                skip = _OWN_COLUMNS | {column.name}
                changes += _fill_blanks(table.name, twin["id"], twin, row, skip)
            else:
                changes.append(Change(table.name, row["id"], column.name, dropped_id, kept_id))
    record = Merge(kind, kept_id, dropped, tuple(changes), tuple(removed))
    for name, row in record.removed:
        table = _table(name)
        session.execute(delete(table).where(table.c.id == row["id"]))
    _apply(session, record.changes, forward=True)
    session.execute(delete(target).where(target.c.id == dropped_id))
    session.expire_all()
    return record


def _apply(session: Session, changes: tuple[Change, ...], forward: bool) -> None:
    for change in changes if forward else reversed(changes):
        table = _table(change.table)
        value = change.new if forward else change.old
        session.execute(
            update(table).where(table.c.id == change.key).values({change.column: value})
        )


def unmerge(session: Session, record: Merge) -> None:
    """Undo a merge: the other record back, with every reference and duplicate it had."""
    target = _table(record.kind)
    if _row(session, target, record.kept_id) is None:
        raise NotFoundError("The record kept by the merge no longer exists.")
    session.flush()
    session.execute(insert(target).values(record.dropped))
    _apply(session, record.changes, forward=False)
    for name, row in record.removed:
        session.execute(insert(_table(name)).values(row))
    session.expire_all()


def remerge(session: Session, record: Merge) -> Merge:
    """Redo of a merge: merged again from the records as they now are."""
    return merge(session, record.kind, record.kept_id, int(record.dropped["id"]))
