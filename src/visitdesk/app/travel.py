"""Journeys of a visit (arrivals, departures, onward legs) and each delegate's liaison officer.

A journey is a versioned record with its travellers: `load`/`update` as `Itinerary` does;
`delete` returns a `DeletedLeg` that `restore` puts back under its id and version.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from visitdesk.app.part import Part
from visitdesk.app.records import Record
from visitdesk.domain.enums import TravelKind, TravelMode
from visitdesk.services.travel import HostChoice, LegData, LegRow, LiaisonRow

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

__all__ = [
    "DeletedLeg",
    "HostChoice",
    "LegData",
    "LegRow",
    "LiaisonRow",
    "Travel",
    "TravelKind",
    "TravelMode",
]


@dataclass(frozen=True)
class DeletedLeg:
    id: int
    visit_id: int
    version: int
    data: LegData


def _load(session: Session, leg_id: int) -> LegData:
    from visitdesk.services.travel import load_leg

    return load_leg(session, leg_id)


def _record(session: Session, leg_id: int) -> Record[LegData]:
    from visitdesk.domain.travel import TravelLeg

    row = session.get(TravelLeg, leg_id)
    assert row is not None
    return Record(row.id, row.version, _load(session, row.id), row.changed_at, row.changed_by)


def _what(data: LegData) -> str:
    number = " ".join((data.number or "").split())
    return f"the {data.kind.label.lower()} {number}".rstrip() if number else "the journey"


class Travel(Part):
    def rows(self, visit_id: int) -> tuple[LegRow, ...]:
        """The visit's journeys in time order, each with its travellers by precedence."""
        from visitdesk.services.travel import leg_rows

        return tuple(self._desk.read(lambda s: leg_rows(s, visit_id)))

    def load(self, leg_id: int) -> Record[LegData]:
        from visitdesk.domain.travel import TravelLeg

        return self._desk.record(TravelLeg, leg_id, _load)

    def add(self, visit_id: int, data: LegData) -> Record[LegData]:
        """A new journey; refused with a sentence when it arrives before it departs, or when a
        traveller would leave the visit before arriving in it."""
        from visitdesk.services.travel import add_leg

        return self._desk.write(lambda s: _record(s, add_leg(s, visit_id, data)))

    def update(
        self, leg_id: int, data: LegData, version: int, opened: LegData | None = None
    ) -> Record[LegData]:
        """Save over the version read; ConflictError when another officer saved since."""
        from visitdesk.domain.travel import TravelLeg
        from visitdesk.services.travel import update_leg

        return self._desk.save(
            TravelLeg,
            leg_id,
            version,
            _what(opened or data),
            data,
            lambda s: update_leg(s, leg_id, data),
            _load,
            opened,
        )

    def delete(self, leg_id: int) -> DeletedLeg:
        from visitdesk.services.travel import delete_leg

        def work(session: Session) -> DeletedLeg:
            visit_id, version, data = delete_leg(session, leg_id)
            return DeletedLeg(leg_id, visit_id, version, data)

        return self._desk.write(work)

    def restore(self, deleted: DeletedLeg) -> Record[LegData]:
        """Put a deleted journey back as it was, under its id and version."""
        from visitdesk.app.itinerary import keep_version
        from visitdesk.domain.travel import TravelLeg
        from visitdesk.services.travel import add_leg

        def work(session: Session) -> Record[LegData]:
            add_leg(session, deleted.visit_id, deleted.data, deleted.id)
            keep_version(session, TravelLeg, deleted.id, deleted.version)
            session.expire_all()
            return _record(session, deleted.id)

        return self._desk.write(work)

    def delegation(self, visit_id: int) -> tuple[tuple[int, str], ...]:
        """(person id, name) of the delegation in order of precedence: who may travel."""
        return tuple((r.id, r.name) for r in self.liaison_rows(visit_id))

    def host_people(self, visit_id: int) -> tuple[HostChoice, ...]:
        """Who may receive travellers or be a liaison officer: everyone not a delegate, the
        visit's host participants first."""
        from visitdesk.services.travel import host_choices

        return tuple(self._desk.read(lambda s: host_choices(s, visit_id)))

    def visit_zone(self, visit_id: int) -> str:
        from visitdesk.services.itinerary import visit_zone

        return self._desk.read(lambda s: visit_zone(s, visit_id))

    # Liaison officers ----------------------------------------------------------------------

    def liaison_rows(self, visit_id: int) -> tuple[LiaisonRow, ...]:
        """The delegation in order of precedence, each with their liaison officer."""
        from visitdesk.services.travel import liaison_rows

        return tuple(self._desk.read(lambda s: liaison_rows(s, visit_id)))

    def set_liaison(
        self, visit_id: int, person_id: int, officer_id: int | None, expected: int | None
    ) -> None:
        """Give a delegate a liaison officer (None: none). `expected` is the officer shown
        before the change: the change is refused when another officer changed it since (an
        undo then never overwrites their choice)."""
        from visitdesk.services.travel import set_liaison

        self._desk.write(lambda s: set_liaison(s, visit_id, person_id, officer_id, expected))
