"""History: who changed what and when, read from the audit trail (domain/audit.py).

The trail is written below the app layer (by the server's triggers on PostgreSQL, by
VisitDesk's connections on SQLite), so these calls only read it; they work alike on both.

    for change in desk.history.visit(visit_id, since=date(2026, 12, 1)):
        print(change.sentence)  # Ms. Khan moved the engagement “Lunch” from 10:00 to 15:00 at …
"""

from __future__ import annotations

import json
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from visitdesk.app.history_text import (
    PARTS,
    FieldChange,
    HistoryEntry,
    entry,
    label,
    since_utc,
)
from visitdesk.app.part import Part

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

__all__ = ["FieldChange", "History", "HistoryEntry"]

KINDS = ("visit", "engagement", "person", "organisation", "outcome", "statement", "press_release",
         "office")  # fmt: skip
Row = tuple[datetime, str, str, str, int | None, str, str]


class _Names:
    """Records' names, from the store when they still exist, else from the trail."""

    def __init__(self, session: Session, rows: list[Row]) -> None:
        self._session = session
        self._cache: dict[tuple[str, int], str | None] = {}
        self._from_trail: dict[tuple[str, int], dict[str, Any]] = {}
        for row in rows:
            if row[4] is None:
                continue
            changes = json.loads(row[6])
            values = {k: (v[1] if v[1] is not None else v[0]) for k, v in changes.items()}
            self._from_trail.setdefault((row[3], row[4]), {}).update(values)

    def __call__(self, table: str, record_id: int) -> str | None:
        key = (table, record_id)
        if key not in self._cache:
            self._cache[key] = None  # a record naming itself through a loop stops here
            self._cache[key] = self._find(table, record_id)
        return self._cache[key]

    def _find(self, table: str, record_id: int) -> str | None:
        from sqlalchemy import select

        from visitdesk.domain.base import Base

        found = Base.metadata.tables.get(table)
        if found is not None:
            current = (
                self._session.execute(select(found).where(found.c.id == record_id))
                .mappings()
                .first()
            )
            if current is not None:
                return label(table, dict(current), self)
        values = self._from_trail.get((table, record_id))
        if values is None:
            values = self._trail_values(table, record_id)
        return None if values is None else label(table, values, self)

    def _trail_values(self, table: str, record_id: int) -> dict[str, Any] | None:
        """A deleted record's last values, from its own rows in the trail."""
        from sqlalchemy import select

        from visitdesk.domain.audit import AuditEntry

        texts = self._session.scalars(
            select(AuditEntry.changes)
            .where(AuditEntry.table_name == table, AuditEntry.record_id == record_id)
            .order_by(AuditEntry.id)
        ).all()
        if not texts:
            return None
        values: dict[str, Any] = {}
        for text in texts:
            for k, v in json.loads(text).items():
                values[k] = v[1] if v[1] is not None else v[0]
        return values

    def every(self, rows: list[Row]) -> dict[tuple[str, int], str]:
        names: dict[tuple[str, int], str] = {}
        for row in rows:
            keys = [(row[3], row[4])] if row[4] is not None else []
            if row[3] in PARTS:
                column, parent = PARTS[row[3]]
                side = json.loads(row[6]).get(column) or [None, None]
                for value in side:
                    if value is not None:
                        keys.append((parent, int(value)))
            for key in keys:
                name = self(*key)
                if name is not None:
                    names[key] = name
        return names


def _rows(session: Session, *where: Any) -> list[Row]:
    from sqlalchemy import select

    from visitdesk.domain.audit import AuditEntry as A

    query = select(A.at, A.login, A.name, A.table_name, A.record_id, A.action, A.changes).where(
        *where
    )
    return [tuple(r) for r in session.execute(query.order_by(A.id)).all()]  # type: ignore[misc]


def _entries(
    session: Session, rows: list[Row], this: tuple[str, int] | None
) -> tuple[HistoryEntry, ...]:
    names = _Names(session, rows)
    resolved = names.every(rows)
    made = (entry(row, resolved, names, this) for row in rows)
    return tuple(e for e in made if e is not None)


class History(Part):
    def visit(
        self, visit_id: int, since: date | datetime | None = None
    ) -> tuple[HistoryEntry, ...]:
        """Every change to the visit and what is in it (programme, delegation, outcomes, …),
        oldest first; `since` a day (from its local midnight) or a moment."""
        from visitdesk.domain.audit import AuditEntry

        start = since_utc(since)

        def work(session: Session) -> tuple[HistoryEntry, ...]:
            where = [AuditEntry.visit_id == visit_id]
            if start is not None:
                where.append(AuditEntry.at >= start)
            return _entries(session, _rows(session, *where), ("visit", visit_id))

        return self._desk.read(work)

    def record(
        self, kind: str, record_id: int, since: date | datetime | None = None
    ) -> tuple[HistoryEntry, ...]:
        """Every change to one record (`kind`: visit, engagement, person, organisation,
        outcome, statement, press_release, office) and to its parts, oldest first."""
        from sqlalchemy import and_, or_

        from visitdesk.app.errors import RefusedError
        from visitdesk.domain.audit import AuditEntry

        if kind not in KINDS:
            raise RefusedError(f"“{kind}” is not a kind of record with a history.")
        start = since_utc(since)
        parts = [table for table, (_, parent) in PARTS.items() if parent == kind]

        def work(session: Session) -> tuple[HistoryEntry, ...]:
            own = and_(AuditEntry.table_name == kind, AuditEntry.record_id == record_id)
            where: list[Any] = [own]
            if parts:
                where = [or_(own, AuditEntry.table_name.in_(parts))]
            if start is not None:
                where.append(AuditEntry.at >= start)
            rows = _rows(session, *where)
            mine = [r for r in rows if r[3] == kind or _belongs(r, record_id)]
            return _entries(session, mine, (kind, record_id))

        return self._desk.read(work)


def _belongs(row: Row, parent_id: int) -> bool:
    column, _ = PARTS[row[3]]
    return parent_id in (json.loads(row[6]).get(column) or [])
