"""A visit's programme: engagements day by day, with the schedule warnings in place."""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import NamedTuple

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload
from sqlalchemy.orm.attributes import set_committed_value

from visitdesk.domain.checks import ScheduleWarning, check_programme
from visitdesk.domain.classification import Level
from visitdesk.domain.enums import EngagementKind, Side
from visitdesk.domain.logistics_checks import check_logistics
from visitdesk.domain.models import Attendee, Engagement, Organisation, Person, TalkingPoint, Visit
from visitdesk.domain.names import NameParts, display_name, sort_key
from visitdesk.domain.timezones import is_valid_zone
from visitdesk.services.errors import NotFoundError, ServiceError
from visitdesk.services.fields import blank_as_none
from visitdesk.services.lookup import get_or_not_found
from visitdesk.services.people import person_list_query
from visitdesk.services.search import fold
from visitdesk.services.visit_editing import get_visit


@dataclass(frozen=True)
class EngagementData:
    """Everything the engagement dialog edits; also the snapshot an undo restores."""

    title: str
    start: datetime
    end: datetime
    kind: EngagementKind = EngagementKind.OTHER
    venue: str | None = None
    city: str | None = None
    # IANA zone of a meeting held elsewhere; None: the visit's.
    time_zone: str | None = None
    organisation_id: int | None = None
    objectives: str | None = None
    notes: str | None = None
    talking_points: tuple[str, ...] = ()
    # Each talking point's own level, in the same order (None, or missing: the visit's level).
    talking_point_levels: tuple[Level | None, ...] = ()
    # (person id, side) in the order they are listed.
    attendees: tuple[tuple[int, Side], ...] = field(default=())
    ref: str = ""
    # A signing ceremony's signatories (person ids among that side's attendees); None: the
    # side's principal signs.
    host_signatory_id: int | None = None
    guest_signatory_id: int | None = None


class EngagementRow(NamedTuple):
    id: int
    ref: str
    day: date
    start: datetime
    end: datetime
    kind: EngagementKind
    title: str
    venue: str
    organisation: str
    hosts: str
    guests: str
    warnings: tuple[str, ...]
    haystack: str


class ProgrammeRow(NamedTuple):
    """An engagement in the list across every visit (no warnings: that is per visit)."""

    id: int
    visit_id: int
    visit_title: str
    start: datetime
    kind: EngagementKind
    title: str
    venue: str
    haystack: str


def itinerary_rows(session: Session, visit_id: int) -> list[EngagementRow]:
    visit = _with_logistics(session, visit_id)
    engagements = list(
        session.scalars(
            select(Engagement)
            .where(Engagement.visit_id == visit_id)
            .options(selectinload(Engagement.attendees), selectinload(Engagement.organisation))
            .order_by(Engagement.start, Engagement.id)
        )
    )
    by_ref: dict[str, list[str]] = {}
    for warning in _warnings(visit, engagements):
        for ref in warning.engagement_refs:
            by_ref.setdefault(ref, []).append(warning.message)
    rows = []
    for e in engagements:
        org = e.organisation.short_name or e.organisation.name if e.organisation else ""
        hosts = ", ".join(p.short_name for p in e.host_attendees)
        guests = ", ".join(p.short_name for p in e.guest_attendees)
        rows.append(
            EngagementRow(
                e.id,
                e.ref,
                e.start.date(),
                e.start,
                e.end,
                e.kind,
                e.title,
                e.venue or "",
                org,
                hosts,
                guests,
                tuple(by_ref.get(e.ref, ())),
                fold(e.title, e.venue, e.city, org, hosts, guests, e.kind.label),
            )
        )
    return rows


def _with_logistics(session: Session, visit_id: int) -> Visit:
    """The visit with what its logistics warnings read: one query for a visit without
    logistics, and a few whatever its size for one with them."""
    from sqlalchemy import exists

    from visitdesk.domain.cars import Movement
    from visitdesk.domain.lodging import Hotel
    from visitdesk.domain.travel import TravelLeg

    visit = get_visit(session, visit_id)  # its sentence when gone
    has = session.execute(
        select(
            exists().where(TravelLeg.visit_id == visit_id),
            exists().where(Hotel.visit_id == visit_id),
            exists().where(Movement.visit_id == visit_id),
        )
    ).one()
    options = []
    if has[0]:
        options.append(selectinload(Visit.travel_legs).selectinload(TravelLeg.travellers))
    if has[1]:
        options += [selectinload(Visit.hotels).selectinload(Hotel.rooms)]
        options.append(selectinload(Visit.participants))
    if has[2]:
        options.append(selectinload(Visit.movements).selectinload(Movement.cars))
        options.append(selectinload(Visit.movements).selectinload(Movement.engagement))
    if not options:
        # Nothing to read: the checks see empty lists without asking the store.
        for name in ("travel_legs", "hotels", "movements"):
            set_committed_value(visit, name, [])
        return visit
    return session.scalars(select(Visit).where(Visit.id == visit_id).options(*options)).one()


def _warnings(visit: Visit, engagements: list[Engagement]) -> list[ScheduleWarning]:
    return [
        *check_programme(engagements, visit.start_date, visit.end_date),
        *check_logistics(engagements, visit),
    ]


def visit_warnings(session: Session, visit_id: int) -> list[str]:
    """Every warning of the visit's programme and logistics, as the window lists them under
    the programme: those about an engagement and those about a car or a night alike."""
    visit = _with_logistics(session, visit_id)
    engagements = list(
        session.scalars(
            select(Engagement)
            .where(Engagement.visit_id == visit_id)
            .options(selectinload(Engagement.attendees))
            .order_by(Engagement.start, Engagement.id)
        )
    )
    return [w.message for w in _warnings(visit, engagements)]


def programme_rows(session: Session) -> list[ProgrammeRow]:
    """Every engagement of every visit, newest first, in one query."""
    query = (
        select(
            Engagement.id,
            Engagement.visit_id,
            Visit.title,
            Engagement.start,
            Engagement.kind,
            Engagement.title,
            Engagement.venue,
            Engagement.city,
        )
        .join(Visit, Engagement.visit_id == Visit.id)
        .order_by(Engagement.start.desc(), Engagement.id)
    )
    return [
        ProgrammeRow(
            eid,
            vid,
            vtitle,
            start,
            kind,
            title,
            venue or "",
            fold(title, venue, city, vtitle, kind.label),
        )
        for eid, vid, vtitle, start, kind, title, venue, city in session.execute(query)
    ]


def _checked(session: Session, data: EngagementData) -> EngagementData:
    title = " ".join(data.title.split())
    if not title:
        raise ServiceError("Give the engagement a title, such as “Call on the Minister”.")
    if data.organisation_id is not None and session.get(Organisation, data.organisation_id) is None:
        raise NotFoundError("The hosting organisation no longer exists; choose another.")
    seen: set[int] = set()
    for person_id, _side in data.attendees:
        if person_id in seen:
            raise ServiceError("A person is listed twice among the attendees.")
        seen.add(person_id)
        if session.get(Person, person_id) is None:
            raise NotFoundError("An attendee no longer exists; choose the attendees again.")
    levels = (*data.talking_point_levels, *(None,) * len(data.talking_points))
    kept = [
        (p.strip(), None if level is None else Level(level))
        for p, level in zip(data.talking_points, levels, strict=False)
        if p.strip()
    ]
    points = tuple(p for p, _level in kept)
    point_levels = tuple(level for _p, level in kept)
    # == rather than is: a combo box may give back the enum's value as a plain string.
    signing = data.kind == EngagementKind.SIGNING_CEREMONY
    for signatory, side, label in (
        (data.host_signatory_id, Side.HOST, "host"),
        (data.guest_signatory_id, Side.GUEST, "guest"),
    ):
        if signing and signatory is not None and (signatory, side) not in data.attendees:
            raise ServiceError(
                f"The {label} signatory must attend on the {label} side: add them to its "
                "attendees or choose another signatory."
            )
    return EngagementData(
        title=title,
        start=data.start.replace(second=0, microsecond=0),
        end=data.end.replace(second=0, microsecond=0),
        kind=data.kind,
        venue=blank_as_none(data.venue),
        city=blank_as_none(data.city),
        time_zone=checked_zone(data.time_zone),
        organisation_id=data.organisation_id,
        objectives=blank_as_none(data.objectives),
        notes=blank_as_none(data.notes),
        talking_points=points,
        talking_point_levels=point_levels if any(point_levels) else (),
        attendees=data.attendees,
        ref=data.ref,
        host_signatory_id=data.host_signatory_id if signing else None,
        guest_signatory_id=data.guest_signatory_id if signing else None,
    )


def _unique_ref(session: Session, visit_id: int, title: str, start: datetime) -> str:
    base = f"{start:%Y%m%d-%H%M}-" + (
        re.sub(r"[^a-z0-9]+", "-", title.casefold()).strip("-")[:40] or "engagement"
    )
    taken = set(
        session.scalars(
            select(Engagement.ref).where(
                Engagement.visit_id == visit_id, Engagement.ref.startswith(base.rstrip("-"))
            )
        )
    )
    ref, n = base.rstrip("-"), 2
    while ref in taken:
        ref, n = f"{base.rstrip('-')}-{n}", n + 1
    return ref


def _apply(engagement: Engagement, data: EngagementData) -> None:
    engagement.title = data.title
    engagement.kind = data.kind
    engagement.start = data.start
    engagement.end = data.end
    engagement.venue = data.venue
    engagement.city = data.city
    engagement.time_zone = data.time_zone
    engagement.organisation_id = data.organisation_id
    engagement.objectives = data.objectives
    engagement.notes = data.notes
    engagement.host_signatory_id = data.host_signatory_id
    engagement.guest_signatory_id = data.guest_signatory_id
    points = list(zip(data.talking_points, _levels(data), strict=True))
    if [(t.text, t.level) for t in engagement.talking_points] != points:
        # Replaced only when changed: new rows would count as a change for the calendar.
        engagement.talking_points = [TalkingPoint(text=t, level=level) for t, level in points]
    old = {a.person_id: a for a in engagement.attendees}
    attendees = []
    for person_id, side in data.attendees:
        attendee = old.get(person_id) or Attendee(person_id=person_id)
        attendee.side = side
        attendees.append(attendee)
    engagement.attendees = attendees


def _levels(data: EngagementData) -> tuple[Level | None, ...]:
    """One level a talking point (None: the visit's), however many the data names."""
    given = data.talking_point_levels[: len(data.talking_points)]
    return (*given, *(None,) * (len(data.talking_points) - len(given)))


def add_engagement(
    session: Session, visit_id: int, data: EngagementData, engagement_id: int | None = None
) -> int:
    """Add an engagement; `engagement_id` puts back one that an undo had removed, as it was."""
    get_visit(session, visit_id)
    data = _checked(session, data)
    ref = data.ref or _unique_ref(session, visit_id, data.title, data.start)
    if engagement_id is not None and session.get(Engagement, engagement_id) is not None:
        raise ServiceError("This engagement cannot be put back: it was replaced meanwhile.")
    engagement = Engagement(visit_id=visit_id, ref=ref)
    if engagement_id is not None:
        engagement.id = engagement_id
    _apply(engagement, data)
    session.add(engagement)
    session.flush()
    return engagement.id


def _get(session: Session, engagement_id: int) -> Engagement:
    gone = "This engagement no longer exists: it may have been deleted."
    return get_or_not_found(session, Engagement, engagement_id, gone)


def load_engagement(session: Session, engagement_id: int) -> EngagementData:
    e = _get(session, engagement_id)
    return EngagementData(
        title=e.title,
        start=e.start,
        end=e.end,
        kind=e.kind,
        venue=e.venue,
        city=e.city,
        time_zone=e.time_zone,
        organisation_id=e.organisation_id,
        objectives=e.objectives,
        notes=e.notes,
        talking_points=tuple(t.text for t in e.talking_points),
        talking_point_levels=(
            tuple(t.level for t in e.talking_points)
            if any(t.level for t in e.talking_points)
            else ()
        ),
        attendees=tuple((a.person_id, a.side) for a in e.attendees),
        ref=e.ref,
        host_signatory_id=e.host_signatory_id,
        guest_signatory_id=e.guest_signatory_id,
    )


def update_engagement(session: Session, engagement_id: int, data: EngagementData) -> None:
    engagement = _get(session, engagement_id)
    _apply(engagement, _checked(session, data))
    # The session hook raises the calendar SEQUENCE once, and only if something changed.
    session.flush()


def delete_engagement(session: Session, engagement_id: int) -> None:
    session.delete(_get(session, engagement_id))
    session.flush()


def visit_dates(session: Session, visit_id: int) -> tuple[date, date]:
    visit = get_visit(session, visit_id)
    return visit.start_date, visit.end_date


def visit_zone(session: Session, visit_id: int) -> str:
    return get_visit(session, visit_id).time_zone


def checked_zone(zone: str | None) -> str | None:
    """An engagement's own zone, or None for the visit's; a sentence if it is no zone."""
    zone = (zone or "").strip() or None
    if zone is not None and not is_valid_zone(zone):
        raise ServiceError(
            f"“{zone}” is not a time zone. Choose one from the list, such as Europe/London."
        )
    return zone


def side_of(session: Session, visit_id: int, person_id: int) -> Side:
    """Which side a person sits on in this visit: guest if in the delegation, else host."""
    visit = get_visit(session, visit_id)
    if any(p.person_id == person_id and p.side is Side.GUEST for p in visit.participants):
        return Side.GUEST
    return Side.HOST


class Candidate(NamedTuple):
    """Someone the engagement dialog offers as an attendee."""

    id: int
    name: str
    position: str
    organisation: str
    precedence: int | None
    delegate: bool  # in the visit's delegation: sits on the guest side
    with_host: bool  # already on the host side of this visit (a participant or an attendee)
    order: tuple[int, int, tuple[str, str]]  # precedence: leader first, then rank, then name
    haystack: str


def attendee_candidates(session: Session, visit_id: int) -> list[Candidate]:
    """Everyone, in order of precedence, marked with where they stand in this visit."""
    visit = get_visit(session, visit_id)
    delegates = {p.person_id for p in visit.participants_on(Side.GUEST)}
    hosts = {p.person_id for p in visit.participants_on(Side.HOST)}
    hosts |= set(
        session.scalars(
            select(Attendee.person_id)
            .join(Engagement, Attendee.engagement_id == Engagement.id)
            .where(Engagement.visit_id == visit_id, Attendee.side == Side.HOST)
        )
    )
    found = []
    rows = session.execute(person_list_query())
    for pid, _ref, hon, given, family, first, native, position, rank, org, org_short in rows:
        parts = NameParts(hon, given, family, first)
        name = display_name(parts)
        order = (
            0 if pid == visit.leader_id else 1,
            rank if rank is not None else sys.maxsize,
            sort_key(parts),
        )
        found.append(
            Candidate(
                pid,
                name,
                position or "",
                org_short or org or "",
                rank,
                pid in delegates,
                pid in hosts,
                order,
                fold(name, native, position, org, org_short),
            )
        )
    found.sort(key=lambda c: c.order)
    return found


def remove_new_person(session: Session, person_id: int) -> None:
    """Undo adding a person from the engagement dialog (later edits are undone before it)."""
    person = session.get(Person, person_id)
    if person is not None:
        session.delete(person)
        session.flush()
