"""What a briefing pack holds, gathered from the store (no reportlab here: `documents.briefing`
draws it).

A pack covers one visit, or only the engagements one person attends (a personal pack). Each
engagement comes with its attendees in order of precedence and the history of the relationship:
the earlier engagements, in other visits, between the same two organisations, newest first.
Every pack built raises the visit's `briefing_pack_version`, printed on the cover, so a reader
can tell the copy in their hands from a reprint made after the programme changed.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from visitdesk.domain.cars import Movement, MovementCar
from visitdesk.domain.classification import Level, level_of
from visitdesk.domain.enums import Side
from visitdesk.domain.languages import language_hint
from visitdesk.domain.lodging import Hotel
from visitdesk.domain.models import (
    Attendee,
    Engagement,
    Office,
    Person,
    Visit,
    VisitParticipant,
)
from visitdesk.domain.office import DEFAULT_CLASSIFICATION
from visitdesk.domain.precedence import in_precedence
from visitdesk.domain.roles import role_text
from visitdesk.domain.travel import TravelLeg
from visitdesk.services.briefing_history import history_by_engagement
from visitdesk.services.briefing_logistics import gather_logistics
from visitdesk.services.briefing_scope import followups_for, is_guest_copy, signatory
from visitdesk.services.briefing_types import (
    SEATED_KINDS,
    BriefingContent,
    EngagementInfo,
    OutcomeInfo,
    PastEngagement,
    PersonInfo,
    outcome_info,
    person_info,
    text,
)
from visitdesk.services.errors import NotFoundError, ServiceError
from visitdesk.store.server.classified import hidden

__all__ = [
    "SEATED_KINDS",
    "BriefingContent",
    "EngagementInfo",
    "OutcomeInfo",
    "PastEngagement",
    "PersonInfo",
    "check_classification",
    "gather_briefing",
    "record_pack_built",
]

# The newest earlier engagements shown as background; older ones are counted, not listed.
HISTORY_LIMIT = 8
CLASSIFICATION_LIMIT = 60


def gather_briefing(
    session: Session,
    visit_ref: str,
    for_person: str | None = None,
    classification: str | None = None,
    today: date | None = None,
) -> BriefingContent:
    """Everything the pack of `visit_ref` prints; the version is the next one to be built."""
    visit = session.scalar(
        select(Visit)
        .where(Visit.ref == visit_ref)
        .options(
            # People by selectin, not joined to every attendance: a photo is then read once
            # per person, not once per engagement they attend.
            selectinload(Visit.engagements)
            .selectinload(Engagement.attendees)
            .selectinload(Attendee.person),
            selectinload(Visit.engagements).selectinload(Engagement.talking_points),
            selectinload(Visit.participants).selectinload(VisitParticipant.person),
            selectinload(Visit.participants).selectinload(VisitParticipant.liaison_officer),
            selectinload(Visit.outcomes),
            selectinload(Visit.travel_legs).selectinload(TravelLeg.travellers),
            selectinload(Visit.travel_legs).selectinload(TravelLeg.received_by),
            selectinload(Visit.hotels).selectinload(Hotel.rooms),
            selectinload(Visit.movements)
            .selectinload(Movement.cars)
            .selectinload(MovementCar.seats),
            selectinload(Visit.movements).selectinload(Movement.engagement),
        )
    )
    if visit is None:
        raise NotFoundError(f"There is no visit {visit_ref!r}. `visitdesk visits` lists them.")
    office = session.scalars(select(Office).order_by(Office.id)).first()
    roles = {p.person_id: role_text(p.role) or None for p in visit.participants}
    engagements = list(visit.engagements)
    reader = None
    if for_person is not None:
        reader = session.scalar(select(Person).where(Person.ref == for_person))
        if reader is None:
            raise NotFoundError(f"There is no person {for_person!r}.")
        engagements = [e for e in engagements if reader in e.attendee_people]
        if not engagements:
            raise ServiceError(
                f"{reader.display_name} attends none of the engagements of the visit "
                f"{visit.ref!r}, so a personal pack would be empty. Add them to an engagement "
                "first, or build the full pack."
            )
    if not engagements:
        raise ServiceError(
            f"The visit {visit.ref!r} has no engagements yet, so there is nothing to brief on. "
            "Add the programme first."
        )
    history = history_by_engagement(session, visit, engagements)
    # What the server's row-level security keeps from this login (None on SQLite).
    withheld = hidden(session.connection(), visit.id)

    guest_copy = is_guest_copy(visit, reader)

    def info(person: Person) -> PersonInfo:
        found = person_info(person, roles.get(person.id))
        if guest_copy and person is not reader:
            # Biographies are the host's briefing; others' health is nobody else's business.
            return replace(found, bio=None, dietary=None, medical=None)
        if guest_copy:
            return replace(found, bio=None)
        return found

    logistics = gather_logistics(visit, info, reader, guest_copy)
    briefs = []
    printed = visit.classification
    for engagement in engagements:
        past = history.get(engagement.id, [])
        host_side = in_precedence(engagement.host_attendees)
        guest_side = in_precedence(engagement.guest_attendees, visit.leader)
        host_info = tuple(info(p) for p in host_side)
        guest_info = tuple(info(p) for p in guest_side)
        by_ref = {p.ref: p for p in (*host_info, *guest_info)}
        host_signs = signatory(engagement.host_signatory_id, host_side)
        guest_signs = signatory(engagement.guest_signatory_id, guest_side)
        points = [t for t in engagement.talking_points if t.text and t.text.strip()]
        brief = EngagementInfo(
            ref=engagement.ref,
            kind=engagement.kind,
            title=engagement.title,
            start=engagement.start,
            end=engagement.end,
            venue=text(engagement.venue),
            city=text(engagement.city),
            organisation=(
                engagement.organisation.display_name if engagement.organisation else None
            ),
            hosts=host_info,
            guests=guest_info,
            objectives=text(engagement.objectives),
            talking_points=tuple(t.text for t in points),
            talking_point_markings=tuple(
                _marking_above(t.level, visit.classification) for t in points
            ),
            hidden_points=withheld.by_engagement.get(engagement.id, 0) if withheld else 0,
            notes=text(engagement.notes),
            history=tuple(past[:HISTORY_LIMIT]),
            older_history=max(len(past) - HISTORY_LIMIT, 0),
            outcomes=tuple(
                outcome_info(o) for o in visit.outcomes if o.engagement_id == engagement.id
            ),
            host_signatory=by_ref[host_signs.ref] if host_signs else None,
            guest_signatory=by_ref[guest_signs.ref] if guest_signs else None,
            movements=logistics.by_engagement.get(engagement.id, ()),
        )
        if guest_copy:
            # The host's preparation never goes to the other side.
            brief = replace(
                brief,
                objectives=None,
                talking_points=(),
                talking_point_markings=(),
                hidden_points=0,
                notes=None,
                history=(),
                older_history=0,
                outcomes=(),
            )
        briefs.append(brief)
        for level in (t.level for t in points if not guest_copy):
            if level is not None and level.rank > printed.rank:
                printed = level
    guests = _people_on(visit, Side.GUEST)
    hosts = _people_on(visit, Side.HOST)
    guest_org = visit.guest_organisation
    return BriefingContent(
        office_name=office.name if office else "",
        office_short_name=text(office.short_name) if office else None,
        office_city=text(office.city) if office else None,
        office_logo=office.logo if office else None,
        visit_ref=visit.ref,
        title=visit.title,
        city=text(visit.city),
        start_date=visit.start_date,
        end_date=visit.end_date,
        guest_organisation=guest_org.display_name if guest_org else None,
        guest_organisation_native=text(guest_org.native_name) if guest_org else None,
        host_organisation=(
            visit.host_organisation.display_name if visit.host_organisation else None
        ),
        delegation_description=text(visit.delegation_description),
        prepared_for=info(reader) if reader is not None else None,
        prepared_on=today or date.today(),
        version=(visit.briefing_pack_version or 0) + 1,
        classification=check_classification(
            classification, office.default_classification if office else None
        )
        if classification is not None
        else default_marking(
            office.default_classification if office else None, visit.classification, printed
        ),
        engagements=tuple(briefs),
        delegation=tuple(info(p) for p in in_precedence(guests, visit.leader)),
        hosts=tuple(info(p) for p in in_precedence(hosts)),
        followups=tuple(outcome_info(o) for o in followups_for(visit, reader, engagements)),
        guest_copy=guest_copy,
        guest_lang=language_hint(guest_org.country) if guest_org else None,
        guest_country=guest_org.country if guest_org else None,
        host_country=visit.host_organisation.country if visit.host_organisation else None,
        reading_ceiling=withheld.ceiling if withheld and withheld.total else None,
        logistics=logistics.section,
    )


def _people_on(visit: Visit, side: Side) -> list[Person]:
    """The visit's participants on one side, and anyone attending an engagement on that side."""
    people: dict[int, Person] = {p.person.id: p.person for p in visit.participants_on(side)}
    for engagement in visit.engagements:
        for person in engagement.attendees_on(side):
            people.setdefault(person.id, person)
    return list(people.values())


def record_pack_built(session: Session, visit_ref: str, version: int) -> None:
    """Remember that pack `version` of the visit exists; the next build prints a higher one."""
    visit = session.scalar(select(Visit).where(Visit.ref == visit_ref))
    if visit is None:
        raise NotFoundError(f"The visit {visit_ref!r} was deleted while its pack was built.")
    visit.briefing_pack_version = max(visit.briefing_pack_version or 0, version)


def _marking_above(level: Level | None, visit_level: Level) -> str | None:
    return level.marking if level is not None and level.rank > visit_level.rank else None


def default_marking(office_default: str | None, visit_level: Level, printed: Level) -> str:
    """The marking of a pack the officer gave none. The office's default marking is the floor;
    the visit's level, or a talking point printed above it, raises it. A default that names no
    level (OFFICIAL-SENSITIVE) is kept as the office writes it unless such a point is printed."""
    office = check_classification(None, office_default)
    named = level_of(office)
    if named is None:
        return printed.marking if printed.rank > visit_level.rank else office
    top = max(printed, named, key=lambda level: level.rank)
    return office if top is named else top.marking


def check_classification(typed: str | None, office_default: str | None) -> str:
    """The marking printed at the top and foot of every page: the officer's, else the office's."""
    if typed is None:
        return " ".join((office_default or "").split()) or DEFAULT_CLASSIFICATION
    marking = " ".join(typed.split())
    if not marking:
        raise ServiceError(
            "The classification is empty. Give a marking such as RESTRICTED or leave the option "
            "out to use the office's default."
        )
    if len(marking) > CLASSIFICATION_LIMIT:
        raise ServiceError(
            f"The classification is {len(marking)} characters long; a marking printed on every "
            f"page may have at most {CLASSIFICATION_LIMIT}."
        )
    return marking
