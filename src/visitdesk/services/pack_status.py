"""Whether the briefing packs printed so far are out of date.

Every pack built raises the visit's `briefing_pack_version`; the audit trail keeps that change
with its time on both stores. What the trail holds for the visit after it tells whether the
copies in people's hands still say what the records say: a moved engagement, a flight or a
car changed, a room given to someone else. Bookkeeping (version numbers, a calendar's sequence)
does not count.

Read with plain SQL that SQLAlchemy and sqlite3 both run (`:visit` parameters), so that
`visitdesk show` says the same on its fast path; nothing here imports SQLAlchemy.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from visitdesk.domain.dates import short_datetime

# The trail's row for a pack built: the visit's own row, its pack version changed.
LAST_PACK_SQL = (
    "SELECT max(at) FROM audit_entry WHERE table_name = 'visit' AND record_id = :visit "
    "AND action = 'update' AND changes LIKE '%\"briefing_pack_version\"%'"
)
SINCE_SQL = (
    "SELECT table_name, action, changes FROM audit_entry WHERE visit_id = :visit "
    f"AND at >= ({LAST_PACK_SQL}) ORDER BY at, id"
)
# What a pack prints, by the tables that hold it (its parts with it).
WHAT = {
    "visit": "the visit's details",
    "visit_participant": "the delegation",
    "engagement": "the programme",
    "attendee": "the programme",
    "talking_point": "the programme",
    "outcome": "the outcomes",
    "status_change": "the outcomes",
    "travel_leg": "the flights and journeys",
    "traveller": "the flights and journeys",
    "hotel": "the hotels and rooms",
    "hotel_room": "the hotels and rooms",
    "movement": "the car plans",
    "movement_car": "the car plans",
    "car_passenger": "the car plans",
}
# Columns a change of which leaves the printed pack as true as it was.
BOOKKEEPING = frozenset(
    {"version", "changed_at", "changed_by", "briefing_pack_version", "sequence", "published", "uid"}
)


@dataclass(frozen=True, slots=True)
class PackStatus:
    """The last pack built of a visit, and what changed in the records after it."""

    version: int
    built_at: datetime  # UTC, naive, as the trail keeps it
    changed: tuple[str, ...]  # "the programme", "the car plans", ... in the order above

    @property
    def out_of_date(self) -> bool:
        return bool(self.changed)

    @property
    def sentence(self) -> str:
        local = self.built_at.replace(tzinfo=UTC).astimezone().replace(tzinfo=None)
        pack = f"Briefing pack version {self.version} (built {short_datetime(local)})"
        if not self.changed:
            return f"{pack} is up to date."
        earlier = " and those before it are" if self.version > 1 else " is"
        return (
            f"{pack}{earlier} out of date: {_and(self.changed)} changed since. Build the "
            "pack again before it is handed out."
        )


def _and(items: Sequence[str]) -> str:
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} and {items[-1]}"


def _moment(value: Any) -> datetime:
    """The trail's time: a datetime from PostgreSQL, text from SQLite."""
    if isinstance(value, datetime):
        return (
            value.replace(tzinfo=None)
            if value.tzinfo is None
            else (value.astimezone(UTC).replace(tzinfo=None))
        )
    return datetime.fromisoformat(str(value)[:26])


def _counts(table: str, action: str, changes: str) -> bool:
    if table not in WHAT:
        return False
    if action != "update":
        return True  # a row added or removed is always news
    try:
        columns = set(json.loads(changes))
    except (ValueError, TypeError):
        return True
    return bool(columns - BOOKKEEPING)


def status_of(version: int, built_at: Any, rows: Iterable[Sequence[Any]]) -> PackStatus | None:
    """The status from the trail's rows since the last pack (table, action, changes)."""
    if version <= 0 or built_at is None:
        return None  # no pack yet, or one built before the trail was kept
    changed = {WHAT[t] for t, action, changes in rows if _counts(t, action, changes)}
    order = list(dict.fromkeys(WHAT.values()))
    return PackStatus(version, _moment(built_at), tuple(w for w in order if w in changed))


def pack_status(session: Any, visit_id: int) -> PackStatus | None:
    """Through a SQLAlchemy session (either store)."""
    from sqlalchemy import text

    from visitdesk.domain.visit import Visit

    visit = session.get(Visit, visit_id)
    if visit is None or not visit.briefing_pack_version:
        return None
    params = {"visit": visit_id}
    built = session.execute(text(LAST_PACK_SQL), params).scalar()
    rows = session.execute(text(SINCE_SQL), params).all() if built is not None else []
    return status_of(visit.briefing_pack_version, built, rows)


def plain_pack_status(connection: Any, visit_id: int) -> PackStatus | None:
    """Through a read-only sqlite3 connection (the fast path of `show`)."""
    row = connection.execute(
        "SELECT briefing_pack_version FROM visit WHERE id = :visit", {"visit": visit_id}
    ).fetchone()
    if row is None or not row[0]:
        return None
    params = {"visit": visit_id}
    built = connection.execute(LAST_PACK_SQL, params).fetchone()[0]
    rows = connection.execute(SINCE_SQL, params).fetchall() if built is not None else []
    return status_of(int(row[0]), built, rows)
