"""Visits: the list, one visit's heading and details, and creating, editing, deleting them.

The pattern every part of the API follows: each call opens its own session or transaction
through the Desk (`read`/`write`), takes ids and plain data, and returns plain data; a record
an officer edits comes as a `Record` with its version, and its save passes that version back.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING

from visitdesk.app.part import Part
from visitdesk.app.records import Record

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from visitdesk.services.itinerary import ProgrammeRow
    from visitdesk.services.people import LeaderChoice
    from visitdesk.services.search import VisitRow as VisitListRow
    from visitdesk.services.visit_editing import VisitDetails, VisitHeading
    from visitdesk.services.visits import VisitRow

__all__ = [
    "Leader",
    "LeaderChoice",
    "ProgrammeRow",
    "VisitDetails",
    "VisitHeading",
    "VisitListRow",
    "VisitRow",
    "Visits",
]


# The plain data types the calls below return, re-exported for the front ends. Loaded when
# first asked for: `visitdesk visits` and the window's first paint need none of them.
_TYPES = {
    "LeaderChoice": ("visitdesk.services.people", "LeaderChoice"),
    "ProgrammeRow": ("visitdesk.services.itinerary", "ProgrammeRow"),
    "VisitDetails": ("visitdesk.services.visit_editing", "VisitDetails"),
    "VisitHeading": ("visitdesk.services.visit_editing", "VisitHeading"),
    "VisitListRow": ("visitdesk.services.search", "VisitRow"),
    "VisitRow": ("visitdesk.services.visits", "VisitRow"),
}


def __getattr__(name: str) -> object:
    if name not in _TYPES:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    module, attribute = _TYPES[name]
    value: object = getattr(importlib.import_module(module), attribute)
    globals()[name] = value
    return value


@dataclass(frozen=True)
class Leader:
    """Who leads the delegation, saved with the visit's details (None: no leader)."""

    person_id: int | None


def _load(session: Session, visit_id: int) -> VisitDetails:
    from visitdesk.services.visit_editing import load_visit

    return load_visit(session, visit_id)


def _id_of(session: Session, ref: str) -> int:
    """The id of the visit with this reference, or NotFoundError naming close matches."""
    import difflib

    from sqlalchemy import select

    from visitdesk.app.errors import NotFoundError
    from visitdesk.domain.visit import Visit

    found = session.scalar(select(Visit.id).where(Visit.ref == ref))
    if found is None:
        close = difflib.get_close_matches(ref, list(session.scalars(select(Visit.ref))), n=3)
        hint = f" Did you mean {', '.join(close)}?" if close else ""
        raise NotFoundError(f"There is no visit {ref!r}.{hint}")
    return found


def _what(details: VisitDetails) -> str:
    return f"the visit “{details.title.strip()}”"


class Visits(Part):
    def list(self) -> tuple[VisitRow, ...]:
        """Every visit, newest first (reference, dates, title, status)."""
        from visitdesk.services.visits import list_visits

        return tuple(self._desk.read(list_visits))

    def rows(self) -> tuple[VisitListRow, ...]:
        """The window's visits list: every visit newest first, with the text its search finds
        (title, guests and their delegates' names, city, status) in `haystack`."""
        from visitdesk.services.search import visit_rows

        return tuple(self._desk.read(visit_rows))

    def engagement_rows(self) -> tuple[ProgrammeRow, ...]:
        """Every engagement of every visit, newest first: the office-wide engagements list."""
        from visitdesk.services.itinerary import programme_rows

        return tuple(self._desk.read(programme_rows))

    def id_of(self, ref: str) -> int:
        """The id of the visit with this reference; NotFoundError names close matches."""
        return self._desk.read(lambda s: _id_of(s, ref))

    def summary(self, ref: str) -> str:
        """One visit as readable text: days, engagements, attendees, warnings, outcomes."""
        from visitdesk.services.pack_status import pack_status
        from visitdesk.services.summary import visit_summary
        from visitdesk.services.visits import load_visit

        def work(session: Session) -> str:
            _id_of(session, ref)  # its sentence, without a front end's hint
            visit = load_visit(session, ref)
            return visit_summary(visit, pack_status(session, visit.id))

        return self._desk.read(work)

    def heading(self, visit_id: int) -> VisitHeading:
        """What the top of a visit's page says, every name resolved."""
        from visitdesk.services.visit_editing import visit_heading

        return self._desk.read(lambda s: visit_heading(s, visit_id))

    def delegation_ids(self, visit_id: int) -> frozenset[int]:
        """The people on the visit's guest side (its delegation), by id."""
        from visitdesk.services.people import get_delegation

        return self._desk.read(
            lambda s: frozenset(m for m, _role in get_delegation(s, visit_id).members)
        )

    def blank_details(self, today: date | None = None) -> VisitDetails:
        """What the New visit dialog starts from: today to tomorrow, the office as host."""
        from visitdesk.services.office import office_organisation_id
        from visitdesk.services.visit_editing import VisitDetails

        start = today or date.today()
        host = self._desk.read(office_organisation_id)
        return VisitDetails(
            title="", start_date=start, end_date=start + timedelta(1), host_organisation_id=host
        )

    def details(self, visit_id: int) -> Record[VisitDetails]:
        """The visit's editable details with the version a save must name."""
        from visitdesk.domain.visit import Visit

        return self._desk.record(Visit, visit_id, _load)

    def leaders(self, visit_id: int) -> LeaderChoice:
        """The delegation as the details dialog offers it for leader, most senior first."""
        from visitdesk.services.people import leader_choice

        return self._desk.read(lambda s: leader_choice(s, visit_id))

    def create(self, details: VisitDetails) -> Record[VisitDetails]:
        from visitdesk.domain.visit import Visit
        from visitdesk.services.visit_editing import create_visit

        def work(session: Session) -> Record[VisitDetails]:
            made = create_visit(session, details)
            row = session.get(Visit, made)
            assert row is not None
            return Record(made, row.version, _load(session, made), row.changed_at, row.changed_by)

        return self._desk.write(work)

    def update(
        self,
        visit_id: int,
        details: VisitDetails,
        version: int,
        opened: VisitDetails | None = None,
        leader: Leader | None = None,
    ) -> Record[VisitDetails]:
        """Save the details over the version read; ConflictError when another saved since.

        `leader` (when given) is saved in the same transaction: the leader is part of the visit,
        so a change of leader by another officer makes this save stale too.
        """
        from visitdesk.domain.visit import Visit
        from visitdesk.services.people import set_leader
        from visitdesk.services.visit_editing import update_visit

        def apply(session: Session) -> None:
            update_visit(session, visit_id, details)
            if leader is not None:
                set_leader(session, visit_id, leader.person_id)

        return self._desk.save(
            Visit,
            visit_id,
            version,
            _what(opened or details),
            details,
            apply,
            _load,
            opened,
        )

    def delete(self, visit_id: int) -> None:
        """Delete the visit with everything in it (its programme, delegation, outcomes)."""
        from visitdesk.services.visit_editing import delete_visit

        self._desk.write(lambda s: delete_visit(s, visit_id))
