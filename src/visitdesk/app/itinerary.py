"""The programme of a visit: its engagements, with the schedule warnings, and their editing.

An engagement is a versioned record (its attendees and talking points are part of it: a change
of either raises its version). Deleting one returns a `DeletedEngagement`, everything needed to
put it back as it was, statements and outcomes made at it relinked, in one call.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any, NamedTuple

from visitdesk.app.part import Part
from visitdesk.app.records import Record
from visitdesk.services.car_plans import MovementSnapshot
from visitdesk.services.itinerary import Candidate, EngagementData, EngagementRow, ProgrammeRow
from visitdesk.services.people import NewPerson, rank_text
from visitdesk.services.search import fold

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

__all__ = [
    "Candidate",
    "DeletedEngagement",
    "EngagementData",
    "EngagementRow",
    "Itinerary",
    "NewPerson",
    "OrganisationChoice",
    "ProgrammeRow",
    "Signatories",
    "fold",
    "rank_text",
]


class OrganisationChoice(NamedTuple):
    """An organisation as the Hosted by list offers it."""

    id: int
    label: str


class Signatories(NamedTuple):
    """Who signs at a signing ceremony, for each side: (person id, name), or None when that
    side has nobody attending. The one chosen if they attend on that side, else its principal."""

    host: tuple[int, str] | None
    guest: tuple[int, str] | None


@dataclass(frozen=True)
class DeletedEngagement:
    """An engagement as it was when deleted: what `Itinerary.restore` puts back."""

    id: int
    visit_id: int
    version: int
    data: EngagementData
    # What was recorded at it: the statements and outcomes it is put back with.
    statement_ids: tuple[int, ...]
    outcome_ids: tuple[int, ...]
    # Its movements with their car plans, which the database deletes with it (CASCADE).
    movements: tuple[MovementSnapshot, ...] = ()
    gift_ids: tuple[int, ...] = ()  # the gifts given at it, linked again too


def _load(session: Session, engagement_id: int) -> EngagementData:
    from visitdesk.services.itinerary import load_engagement

    return load_engagement(session, engagement_id)


def _what(data: EngagementData) -> str:
    return f"the engagement “{' '.join(data.title.split())}”"


def _record(session: Session, engagement_id: int) -> Record[EngagementData]:
    from visitdesk.domain.models import Engagement

    row = session.get(Engagement, engagement_id)
    assert row is not None
    return Record(row.id, row.version, _load(session, row.id), row.changed_at, row.changed_by)


def keep_version(session: Session, model: type[Any], record_id: int, version: int) -> None:
    """Give a record put back by an undo the version it had when it went, so that the undo
    steps before it (which name that version) still apply."""
    from sqlalchemy import update

    session.flush()
    session.execute(update(model).where(model.id == record_id).values(version=version))
    row = session.get(model, record_id)
    if row is not None:
        session.expire(row, ["version"])


class Itinerary(Part):
    def rows(self, visit_id: int) -> tuple[EngagementRow, ...]:
        """The visit's engagements in time order, each with the schedule warnings it has."""
        from visitdesk.services.itinerary import itinerary_rows

        return tuple(self._desk.read(lambda s: itinerary_rows(s, visit_id)))

    def warnings(self, visit_id: int) -> tuple[str, ...]:
        """Every warning of the visit as a sentence: the programme's (times, double bookings)
        and the logistics' (an engagement before an arrival or after a departure, a car booked
        twice at once, a delegate without a room for a night)."""
        from visitdesk.services.itinerary import visit_warnings

        return tuple(self._desk.read(lambda s: visit_warnings(s, visit_id)))

    def programme(self) -> tuple[ProgrammeRow, ...]:
        """Every engagement of every visit, newest first (for the search across visits)."""
        from visitdesk.services.itinerary import programme_rows

        return tuple(self._desk.read(programme_rows))

    def load(self, engagement_id: int) -> Record[EngagementData]:
        """The engagement's details with the version a save must name."""
        from visitdesk.domain.models import Engagement

        return self._desk.record(Engagement, engagement_id, _load)

    def add(self, visit_id: int, data: EngagementData) -> Record[EngagementData]:
        from visitdesk.services.itinerary import add_engagement

        return self._desk.write(lambda s: _record(s, add_engagement(s, visit_id, data)))

    def update(
        self,
        engagement_id: int,
        data: EngagementData,
        version: int,
        opened: EngagementData | None = None,
    ) -> Record[EngagementData]:
        """Save over the version read; ConflictError when another officer saved since."""
        from visitdesk.domain.models import Engagement
        from visitdesk.services.itinerary import update_engagement

        return self._desk.save(
            Engagement,
            engagement_id,
            version,
            _what(opened or data),
            data,
            lambda s: update_engagement(s, engagement_id, data),
            _load,
            opened,
        )

    def delete(self, engagement_id: int) -> DeletedEngagement:
        """Delete the engagement; what was said and agreed at it stays, no longer linked."""
        from sqlalchemy import select

        from visitdesk.domain.gifts import Gift
        from visitdesk.domain.models import Outcome, Statement
        from visitdesk.services.car_plans import engagement_movements
        from visitdesk.services.itinerary import _get, delete_engagement

        def work(session: Session) -> DeletedEngagement:
            engagement = _get(session, engagement_id)
            said = session.scalars(
                select(Statement.id).where(Statement.engagement_id == engagement_id)
            )
            agreed = session.scalars(
                select(Outcome.id).where(Outcome.engagement_id == engagement_id)
            )
            given = session.scalars(select(Gift.id).where(Gift.engagement_id == engagement_id))
            gone = DeletedEngagement(
                engagement_id,
                engagement.visit_id,
                engagement.version,
                _load(session, engagement_id),
                tuple(said),
                tuple(agreed),
                engagement_movements(session, engagement_id),
                tuple(given),
            )
            delete_engagement(session, engagement_id)
            return gone

        return self._desk.write(work)

    def recorded_at(self, engagement_id: int) -> tuple[int, int]:
        """How many statements and outcomes are linked to the engagement (a deletion's
        question says they stay)."""
        from sqlalchemy import func, select

        from visitdesk.domain.models import Outcome, Statement

        def work(session: Session) -> tuple[int, int]:
            said = select(func.count()).where(Statement.engagement_id == engagement_id)
            agreed = select(func.count()).where(Outcome.engagement_id == engagement_id)
            return session.scalar(said) or 0, session.scalar(agreed) or 0

        return self._desk.read(work)

    def restore(self, deleted: DeletedEngagement) -> Record[EngagementData]:
        """Put a deleted engagement back as it was, under its id and version, with the
        statements and outcomes that were linked to it (those still there) linked again and
        its movements and their car plans as they were."""
        from sqlalchemy import update

        from visitdesk.app.cars import restore_movement
        from visitdesk.domain.gifts import Gift
        from visitdesk.domain.models import Engagement, Outcome, Statement
        from visitdesk.services.itinerary import add_engagement

        def work(session: Session) -> Record[EngagementData]:
            add_engagement(session, deleted.visit_id, deleted.data, deleted.id)
            keep_version(session, Engagement, deleted.id, deleted.version)
            # Linked again as the database unlinked them (SET NULL): their versions stay.
            linked: tuple[tuple[type[Any], tuple[int, ...]], ...] = (
                (Statement, deleted.statement_ids),
                (Outcome, deleted.outcome_ids),
                (Gift, deleted.gift_ids),
            )
            for model, ids in linked:
                if ids:
                    session.execute(
                        update(model)
                        .where(model.id.in_(ids), model.engagement_id.is_(None))
                        .values(engagement_id=deleted.id)
                        .execution_options(synchronize_session=False)
                    )
            for movement in deleted.movements:
                restore_movement(session, movement)
            session.expire_all()
            return _record(session, deleted.id)

        return self._desk.write(work)

    def visit_dates(self, visit_id: int) -> tuple[date, date]:
        """The visit's first and last day."""
        from visitdesk.services.itinerary import visit_dates

        return self._desk.read(lambda s: visit_dates(s, visit_id))

    def visit_zone(self, visit_id: int) -> str:
        """The visit's time zone (IANA name), in which its engagements' times are given."""
        from visitdesk.services.itinerary import visit_zone

        return self._desk.read(lambda s: visit_zone(s, visit_id))

    def delegation(self, visit_id: int) -> frozenset[int]:
        """The ids of the visit's delegation (who sits on the guest side)."""
        return frozenset(c.id for c in self.candidates(visit_id) if c.delegate)

    def candidates(self, visit_id: int | None) -> tuple[Candidate, ...]:
        """Whom the attendee lists offer, in order of precedence, each marked with where they
        stand in the visit (without a visit: everyone, none of them a delegate)."""
        from visitdesk.services.itinerary import attendee_candidates
        from visitdesk.services.people import person_rows

        if visit_id is not None:
            return tuple(self._desk.read(lambda s: attendee_candidates(s, visit_id)))
        rows = self._desk.read(person_rows)
        return tuple(
            Candidate(
                r.id,
                r.name,
                r.position,
                r.organisation,
                r.precedence,
                False,
                False,
                (1, r.precedence or 1 << 30, (r.name.casefold(), "")),
                r.haystack,
            )
            for r in rows
        )

    def organisations(self) -> tuple[OrganisationChoice, ...]:
        """The organisations an engagement may be hosted by, by their short names."""
        from visitdesk.services.people import organisation_rows

        return tuple(
            OrganisationChoice(o.id, o.short_name or o.name)
            for o in self._desk.read(organisation_rows)
        )

    def signatories(self, engagement_id: int) -> Signatories:
        """Who signs for each side of a signing ceremony (the choice, else the principal)."""
        from visitdesk.services.briefing_scope import signatory
        from visitdesk.services.itinerary import _get

        def work(session: Session) -> Signatories:
            e = _get(session, engagement_id)
            host = signatory(e.host_signatory_id, e.host_attendees)
            guest = signatory(e.guest_signatory_id, e.guest_attendees)
            return Signatories(
                (host.id, host.display_name) if host else None,
                (guest.id, guest.display_name) if guest else None,
            )

        return self._desk.read(work)

    def create_person(self, new: NewPerson, person_id: int | None = None) -> int:
        """A person typed in the engagement dialog, made at once; returns their id.

        `person_id` (a redo after an undo) makes them again under the id they had, so that the
        engagement saved with them, put back by the next redo, still finds them."""
        from visitdesk.domain.models import Person
        from visitdesk.services.errors import ServiceError
        from visitdesk.services.people import create_person

        def work(session: Session) -> int:
            if person_id is not None and session.get(Person, person_id) is not None:
                raise ServiceError("This person cannot be added again: another took their place.")
            made = create_person(session, new)
            if person_id is not None and made != person_id:
                person = session.get(Person, made)
                assert person is not None
                person.id = person_id  # nobody refers to the row just made yet
                session.flush()
                return person_id
            return made

        return self._desk.write(work)

    def remove_person(self, person_id: int) -> None:
        """Undo `create_person` (the engagement that lists them is undone before it)."""
        from visitdesk.services.itinerary import remove_new_person

        self._desk.write(lambda s: remove_new_person(s, person_id))
