"""What a briefing pack holds, gathered from the store (no reportlab here: `documents.briefing`
draws it).

A pack covers one visit, or only the engagements one person attends (a personal pack). Each
engagement comes with its attendees in order of precedence and the history of the relationship:
the earlier engagements, in other visits, between the same two organisations, newest first.
Every pack built raises the visit's `briefing_pack_version`, printed on the cover, so a reader
can tell the copy in their hands from a reprint made after the programme changed.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from itertools import groupby

from sqlalchemy import or_, select
from sqlalchemy.orm import Session, selectinload

from visitdesk.domain.enums import EngagementKind, Side
from visitdesk.domain.languages import language_hint
from visitdesk.domain.models import (
    Attendee,
    Engagement,
    Office,
    Outcome,
    Person,
    Visit,
    VisitParticipant,
)
from visitdesk.domain.office import DEFAULT_CLASSIFICATION
from visitdesk.domain.precedence import in_precedence
from visitdesk.domain.roles import role_text
from visitdesk.services.errors import NotFoundError, ServiceError

# Engagements held across a table, for which the pack draws a seating plan.
SEATED_KINDS = frozenset(
    {
        EngagementKind.MINISTRY_MEETING,
        EngagementKind.OFFICE_VISIT,
        EngagementKind.COURTESY_CALL,
        EngagementKind.SIGNING_CEREMONY,
    }
)
# The newest earlier engagements shown as background; older ones are counted, not listed.
HISTORY_LIMIT = 8
CLASSIFICATION_LIMIT = 60


@dataclass(frozen=True, slots=True)
class PersonInfo:
    ref: str
    name: str
    short_name: str
    native_name: str | None = None
    position: str | None = None
    organisation: str | None = None
    role: str | None = None
    bio: str | None = None
    dietary: str | None = None
    medical: str | None = None
    photo: bytes | None = None
    lang: str | None = None  # language hint for the native name: see domain.languages

    @property
    def interpreter(self) -> bool:
        return bool(self.role) and "interpret" in (self.role or "").casefold()


@dataclass(frozen=True, slots=True)
class OutcomeInfo:
    kind: str
    title: str
    status: str
    owner: str | None = None
    due_date: date | None = None
    next_step: str | None = None
    engagement: str | None = None


@dataclass(frozen=True, slots=True)
class PastEngagement:
    start: datetime
    title: str
    kind: str
    visit_title: str
    place: str
    outcomes: tuple[OutcomeInfo, ...] = ()


@dataclass(frozen=True, slots=True)
class EngagementInfo:
    ref: str
    kind: EngagementKind
    title: str
    start: datetime
    end: datetime
    venue: str | None
    city: str | None
    organisation: str | None
    hosts: tuple[PersonInfo, ...]
    guests: tuple[PersonInfo, ...]
    objectives: str | None
    talking_points: tuple[str, ...]
    notes: str | None
    history: tuple[PastEngagement, ...]
    older_history: int  # earlier engagements beyond HISTORY_LIMIT
    outcomes: tuple[OutcomeInfo, ...]

    @property
    def kind_label(self) -> str:
        return self.kind.label

    @property
    def seated(self) -> bool:
        """Held across a table with both sides present: the pack draws the seating plan."""
        return self.kind in SEATED_KINDS and bool(self.hosts) and bool(self.guests)


@dataclass(frozen=True, slots=True)
class BriefingContent:
    office_name: str
    office_short_name: str | None
    office_city: str | None
    office_logo: bytes | None
    visit_ref: str
    title: str
    city: str | None
    start_date: date
    end_date: date
    guest_organisation: str | None
    guest_organisation_native: str | None
    host_organisation: str | None
    delegation_description: str | None
    prepared_for: PersonInfo | None
    prepared_on: date
    version: int
    classification: str
    engagements: tuple[EngagementInfo, ...]
    delegation: tuple[PersonInfo, ...]
    hosts: tuple[PersonInfo, ...]
    followups: tuple[OutcomeInfo, ...]
    guest_lang: str | None = None  # language hint of the guests' native names: domain.languages

    @property
    def days(self) -> list[tuple[date, list[EngagementInfo]]]:
        """The engagements grouped by day, in order."""
        return [
            (day, list(group))
            for day, group in groupby(self.engagements, key=lambda e: e.start.date())
        ]


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
            selectinload(Visit.outcomes),
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
    history = _history_by_engagement(session, visit, engagements)

    def info(person: Person) -> PersonInfo:
        return person_info(person, roles.get(person.id))

    briefs = []
    for engagement in engagements:
        past = history.get(engagement.id, [])
        briefs.append(
            EngagementInfo(
                ref=engagement.ref,
                kind=engagement.kind,
                title=engagement.title,
                start=engagement.start,
                end=engagement.end,
                venue=_text(engagement.venue),
                city=_text(engagement.city),
                organisation=(
                    engagement.organisation.display_name if engagement.organisation else None
                ),
                hosts=tuple(info(p) for p in in_precedence(engagement.host_attendees)),
                guests=tuple(
                    info(p) for p in in_precedence(engagement.guest_attendees, visit.leader)
                ),
                objectives=_text(engagement.objectives),
                talking_points=tuple(
                    t.text for t in engagement.talking_points if t.text and t.text.strip()
                ),
                notes=_text(engagement.notes),
                history=tuple(past[:HISTORY_LIMIT]),
                older_history=max(len(past) - HISTORY_LIMIT, 0),
                outcomes=tuple(
                    outcome_info(o) for o in visit.outcomes if o.engagement_id == engagement.id
                ),
            )
        )
    guests = _people_on(visit, Side.GUEST)
    hosts = _people_on(visit, Side.HOST)
    guest_org = visit.guest_organisation
    return BriefingContent(
        office_name=office.name if office else "",
        office_short_name=_text(office.short_name) if office else None,
        office_city=_text(office.city) if office else None,
        office_logo=office.logo if office else None,
        visit_ref=visit.ref,
        title=visit.title,
        city=_text(visit.city),
        start_date=visit.start_date,
        end_date=visit.end_date,
        guest_organisation=guest_org.display_name if guest_org else None,
        guest_organisation_native=_text(guest_org.native_name) if guest_org else None,
        host_organisation=(
            visit.host_organisation.display_name if visit.host_organisation else None
        ),
        delegation_description=_text(visit.delegation_description),
        prepared_for=info(reader) if reader is not None else None,
        prepared_on=today or date.today(),
        version=(visit.briefing_pack_version or 0) + 1,
        classification=check_classification(
            classification, office.default_classification if office else None
        ),
        engagements=tuple(briefs),
        delegation=tuple(info(p) for p in in_precedence(guests, visit.leader)),
        hosts=tuple(info(p) for p in in_precedence(hosts)),
        followups=tuple(outcome_info(o) for o in visit.outcomes),
        guest_lang=language_hint(guest_org.country) if guest_org else None,
    )


def record_pack_built(session: Session, visit_ref: str, version: int) -> None:
    """Remember that pack `version` of the visit exists; the next build prints a higher one."""
    visit = session.scalar(select(Visit).where(Visit.ref == visit_ref))
    if visit is None:
        raise NotFoundError(f"The visit {visit_ref!r} was deleted while its pack was built.")
    visit.briefing_pack_version = max(visit.briefing_pack_version or 0, version)


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


def person_info(person: Person, role: str | None = None) -> PersonInfo:
    organisation = person.organisation
    return PersonInfo(
        ref=person.ref,
        name=person.display_name,
        short_name=person.short_name,
        native_name=_text(person.native_name),
        position=_text(person.position),
        organisation=organisation.display_name if organisation else None,
        role=_text(role),
        bio=_text(person.bio),
        dietary=_text(person.dietary),
        medical=_text(person.medical),
        photo=person.photo or None,
        lang=language_hint(organisation.country) if organisation else None,
    )


def outcome_info(outcome: Outcome) -> OutcomeInfo:
    return OutcomeInfo(
        kind=outcome.kind.label,
        title=outcome.title,
        status=outcome.status.label,
        owner=outcome.owner.display_name if outcome.owner else None,
        due_date=outcome.due_date,
        next_step=_text(outcome.next_step),
        engagement=outcome.engagement.title if outcome.engagement else None,
    )


def _people_on(visit: Visit, side: Side) -> list[Person]:
    """The visit's participants on one side, and anyone attending an engagement on that side."""
    people: dict[int, Person] = {p.person.id: p.person for p in visit.participants_on(side)}
    for engagement in visit.engagements:
        for person in engagement.attendees_on(side):
            people.setdefault(person.id, person)
    return list(people.values())


def _pair(engagement: Engagement) -> frozenset[int] | None:
    """The two organisations an engagement is between: whom the delegation met, and its own."""
    visit = engagement.visit
    counterpart = engagement.organisation_id or visit.host_organisation_id
    own = visit.guest_organisation_id
    if counterpart is None or own is None or counterpart == own:
        return None
    return frozenset({counterpart, own})


def _history_by_engagement(
    session: Session, visit: Visit, engagements: Iterable[Engagement]
) -> dict[int, list[PastEngagement]]:
    """For each engagement, the earlier ones of other visits between the same organisations."""
    pairs = {e.id: pair for e in engagements if (pair := _pair(e)) is not None}
    if not pairs:
        return {}
    orgs = set().union(*pairs.values())
    candidates = session.scalars(
        select(Engagement)
        .join(Visit, Engagement.visit_id == Visit.id)
        .where(
            Engagement.visit_id != visit.id,
            Visit.start_date <= visit.end_date,
            Visit.guest_organisation_id.in_(orgs),
            or_(Engagement.organisation_id.in_(orgs), Visit.host_organisation_id.in_(orgs)),
        )
        .options(selectinload(Engagement.visit))
        .order_by(Engagement.start.desc(), Engagement.id.desc())
    ).all()
    if not candidates:
        return {}
    outcomes: dict[int, list[OutcomeInfo]] = {}
    for outcome in session.scalars(
        select(Outcome)
        .where(Outcome.engagement_id.in_([c.id for c in candidates]))
        .order_by(Outcome.position)
    ):
        if outcome.engagement_id is not None:
            outcomes.setdefault(outcome.engagement_id, []).append(outcome_info(outcome))
    found: dict[int, list[PastEngagement]] = {}
    for engagement in engagements:
        pair = pairs.get(engagement.id)
        found[engagement.id] = [
            PastEngagement(
                start=c.start,
                title=c.title,
                kind=c.kind.label,
                visit_title=c.visit.title,
                place=", ".join(p for p in (_text(c.venue), _text(c.city)) if p),
                outcomes=tuple(outcomes.get(c.id, [])),
            )
            for c in candidates
            if c.start < engagement.start and pair is not None and _pair(c) == pair
        ]
    return found


def _text(value: str | None) -> str | None:
    """None for a missing or blank field, so the pack leaves out its heading."""
    if value is None or not value.strip():
        return None
    return value.strip()
