"""One visit read with sqlite3 alone, as plain records, for `visitdesk show` and a reprinted
press release on a current store.

The records carry the attributes that `services.summary.visit_summary` and the release's
drafting (`services.press_release`) read from the models, with the same values, the same order
of every list (as the models' relationships order them) and one record per row (the drafting
and the summary tell people, engagements and organisations apart by identity), so both print
the same text from either. Tests hold the two to the same output on the same stores.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from datetime import date, datetime

from visitdesk.domain.enums import (
    EngagementKind,
    OrganisationKind,
    OutcomeKind,
    OutcomeStatus,
    PressReleaseStatus,
    Side,
    StatementRole,
    StatementStyle,
    VisitDirection,
    VisitStatus,
)
from visitdesk.domain.names import NameParts, display_name, short_reference
from visitdesk.services.fast_logistics import (
    PlainHotel,
    PlainLeg,
    PlainMovement,
    load_plain_logistics,
)


@dataclass(eq=False)
class PlainOrganisation:
    id: int
    ref: str
    name: str
    short_name: str | None
    native_name: str | None
    country: str | None
    kind: OrganisationKind

    @property
    def display_name(self) -> str:
        # As Organisation.display_name.
        if self.short_name and self.short_name != self.name:
            return f"{self.name} ({self.short_name})"
        return self.name


@dataclass(eq=False)
class PlainPerson:
    id: int
    ref: str
    honorific: str | None
    given_name: str | None
    family_name: str
    family_name_first: bool
    native_name: str | None
    position: str | None
    precedence: int | None
    organisation: PlainOrganisation | None

    @property
    def name_parts(self) -> NameParts:
        return NameParts(self.honorific, self.given_name, self.family_name, self.family_name_first)

    @property
    def display_name(self) -> str:
        return display_name(self.name_parts)

    @property
    def short_name(self) -> str:
        return short_reference(self.name_parts)


@dataclass(eq=False)
class PlainParticipant:
    person_id: int
    person: PlainPerson
    side: Side
    role: str | None


@dataclass(eq=False)
class PlainAttendee:
    person: PlainPerson
    side: Side


@dataclass(eq=False)
class PlainEngagement:
    id: int
    ref: str
    kind: EngagementKind
    title: str
    start: datetime
    end: datetime
    venue: str | None
    city: str | None
    time_zone: str | None
    organisation: PlainOrganisation | None
    visit: PlainVisit
    attendees: list[PlainAttendee] = field(default_factory=list)

    def attendees_on(self, side: Side) -> list[PlainPerson]:
        return [a.person for a in self.attendees if a.side is side]

    @property
    def attendee_people(self) -> list[PlainPerson]:
        return [a.person for a in self.attendees]

    @property
    def host_attendees(self) -> list[PlainPerson]:
        return self.attendees_on(Side.HOST)

    @property
    def guest_attendees(self) -> list[PlainPerson]:
        return self.attendees_on(Side.GUEST)


@dataclass(eq=False)
class PlainStatement:
    id: int
    engagement: PlainEngagement | None
    speaker: PlainPerson | None
    text: str
    style: StatementStyle
    for_press: bool
    role: StatementRole


@dataclass(eq=False)
class PlainStatusChange:
    status: OutcomeStatus
    changed_on: date
    note: str | None


@dataclass(eq=False)
class PlainOutcome:
    id: int
    kind: OutcomeKind
    title: str
    description: str | None
    engagement: PlainEngagement | None
    owner: PlainPerson | None
    due_date: date | None
    next_step: str | None
    status: OutcomeStatus
    history: list[PlainStatusChange] = field(default_factory=list)


@dataclass(eq=False)
class PlainRelease:
    id: int
    version: int
    number: int
    date: date
    city: str | None
    topic: str | None
    headline: str | None
    lead_quote: str | None
    lead_quote_attribution: str | None
    body: str | None
    status: PressReleaseStatus
    edited: bool
    changed_at: datetime | None
    changed_by: str | None
    visit: PlainVisit


@dataclass(eq=False)
class PlainOffice:
    id: int
    name: str
    short_name: str | None
    city: str | None
    country: str | None
    press_release_prefix: str
    media_contact: str | None
    logo: bytes | None


@dataclass(eq=False)
class PlainVisit:
    id: int
    ref: str
    title: str
    direction: VisitDirection
    city: str | None
    country: str | None
    time_zone: str
    start_date: date
    end_date: date
    status: VisitStatus
    delegation_description: str | None
    host_organisation: PlainOrganisation | None = None
    guest_organisation: PlainOrganisation | None = None
    leader: PlainPerson | None = None
    participants: list[PlainParticipant] = field(default_factory=list)
    engagements: list[PlainEngagement] = field(default_factory=list)
    statements: list[PlainStatement] = field(default_factory=list)
    outcomes: list[PlainOutcome] = field(default_factory=list)
    press_releases: list[PlainRelease] = field(default_factory=list)
    travel_legs: list[PlainLeg] = field(default_factory=list)
    hotels: list[PlainHotel] = field(default_factory=list)
    movements: list[PlainMovement] = field(default_factory=list)

    def participants_on(self, side: Side) -> list[PlainParticipant]:
        return [p for p in self.participants if p.side is side]

    @property
    def members(self) -> list[PlainPerson]:
        return [p.person for p in self.participants_on(Side.GUEST)]


def _day(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def _moment(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


class _Reader:
    """Organisations and people read once each, by id, so that each is one record."""

    def __init__(self, connection: sqlite3.Connection) -> None:
        self.connection = connection
        self.organisations: dict[int, PlainOrganisation] = {}
        self.people: dict[int, PlainPerson] = {}

    def organisation(self, org_id: int | None) -> PlainOrganisation | None:
        if org_id is None:
            return None
        if org_id not in self.organisations:
            row = self.connection.execute(
                "SELECT id, ref, name, short_name, native_name, country, kind FROM organisation "
                "WHERE id = ?",
                (org_id,),
            ).fetchone()
            if row is None:
                return None
            oid, ref, name, short, native, country, kind = row
            self.organisations[org_id] = PlainOrganisation(
                oid, ref, name, short, native, country, OrganisationKind(kind)
            )
        return self.organisations[org_id]

    def person(self, person_id: int | None) -> PlainPerson | None:
        if person_id is None:
            return None
        if person_id not in self.people:
            row = self.connection.execute(
                "SELECT id, ref, honorific, given_name, family_name, family_name_first, "
                "native_name, position, precedence, organisation_id FROM person WHERE id = ?",
                (person_id,),
            ).fetchone()
            if row is None:
                return None
            pid, ref, honorific, given, family, first, native, position, rank, org_id = row
            self.people[person_id] = PlainPerson(
                pid,
                ref,
                honorific,
                given,
                family,
                bool(first),
                native,
                position,
                rank,
                self.organisation(org_id),
            )
        return self.people[person_id]

    def known(self, person_id: int) -> PlainPerson:
        found = self.person(person_id)
        if found is None:  # a foreign key the database itself keeps
            raise sqlite3.IntegrityError(f"person {person_id} is referenced but missing")
        return found


def _of_visit(
    engagements: dict[int, PlainEngagement], engagement_id: int | None
) -> PlainEngagement | None:
    if engagement_id is None:
        return None
    if engagement_id not in engagements:
        # Said or decided at another visit's engagement: the models would follow it there.
        # Not a case this reader knows; the ordinary way reads it.
        raise ValueError(f"engagement {engagement_id} belongs to another visit")
    return engagements[engagement_id]


def load_plain_office(connection: sqlite3.Connection) -> PlainOffice | None:
    """The office set up in the store (the first, as `record.office_of`), None before set-up."""
    row = connection.execute(
        "SELECT id, name, short_name, city, country, press_release_prefix, media_contact, logo "
        "FROM office ORDER BY id LIMIT 1"
    ).fetchone()
    return None if row is None else PlainOffice(*row)


def load_plain_visit(connection: sqlite3.Connection, ref: str) -> PlainVisit | None:
    """The visit `ref` with what its summary and its release read, or None when there is none."""
    row = connection.execute(
        "SELECT id, ref, title, direction, city, country, time_zone, start_date, end_date, "
        "status, delegation_description, host_organisation_id, guest_organisation_id, "
        "leader_id FROM visit WHERE ref = ?",
        (ref,),
    ).fetchone()
    if row is None:
        return None
    read = _Reader(connection)
    (vid, ref, title, direction, city, country, zone, start, end, status, description) = row[:11]
    host_id, guest_id, leader_id = row[11:]
    visit = PlainVisit(
        vid,
        ref,
        title,
        VisitDirection(direction),
        city,
        country,
        zone,
        date.fromisoformat(start),
        date.fromisoformat(end),
        VisitStatus(status),
        description,
        host_organisation=read.organisation(host_id),
        guest_organisation=read.organisation(guest_id),
        leader=read.person(leader_id),
    )
    visit.participants = [
        PlainParticipant(person_id, read.known(person_id), Side(side), role)
        for person_id, side, role in connection.execute(
            "SELECT person_id, side, role FROM visit_participant WHERE visit_id = ? "
            "ORDER BY position",
            (vid,),
        ).fetchall()
    ]
    engagements: dict[int, PlainEngagement] = {}
    for eid, eref, kind, etitle, begins, ends, venue, ecity, ezone, org_id in connection.execute(
        'SELECT id, ref, kind, title, start, "end", venue, city, time_zone, organisation_id '
        "FROM engagement WHERE visit_id = ? ORDER BY start, id",
        (vid,),
    ).fetchall():
        engagements[eid] = PlainEngagement(
            eid,
            eref,
            EngagementKind(kind),
            etitle,
            datetime.fromisoformat(begins),
            datetime.fromisoformat(ends),
            venue,
            ecity,
            ezone,
            read.organisation(org_id),
            visit,
        )
    visit.engagements = list(engagements.values())
    for eid, person_id, side in connection.execute(
        "SELECT attendee.engagement_id, attendee.person_id, attendee.side FROM attendee "
        "JOIN engagement ON attendee.engagement_id = engagement.id "
        "WHERE engagement.visit_id = ? ORDER BY attendee.engagement_id, attendee.position",
        (vid,),
    ).fetchall():
        engagements[eid].attendees.append(PlainAttendee(read.known(person_id), Side(side)))
    visit.statements = [
        PlainStatement(
            sid,
            _of_visit(engagements, eid),
            read.person(speaker_id),
            text,
            StatementStyle(style),
            bool(for_press),
            StatementRole(role),
        )
        for sid, eid, speaker_id, text, style, for_press, role in connection.execute(
            "SELECT id, engagement_id, speaker_id, text, style, for_press, role FROM statement "
            "WHERE visit_id = ? ORDER BY position",
            (vid,),
        ).fetchall()
    ]
    outcomes: dict[int, PlainOutcome] = {}
    for oid, kind, otitle, about, eid, owner_id, due, next_step, ostatus in connection.execute(
        "SELECT id, kind, title, description, engagement_id, owner_id, due_date, next_step, "
        "status FROM outcome WHERE visit_id = ? ORDER BY position",
        (vid,),
    ).fetchall():
        outcomes[oid] = PlainOutcome(
            oid,
            OutcomeKind(kind),
            otitle,
            about,
            _of_visit(engagements, eid),
            read.person(owner_id),
            _day(due),
            next_step,
            OutcomeStatus(ostatus),
        )
    visit.outcomes = list(outcomes.values())
    for oid, cstatus, changed_on, note in connection.execute(
        "SELECT status_change.outcome_id, status_change.status, status_change.changed_on, "
        "status_change.note FROM status_change "
        "JOIN outcome ON status_change.outcome_id = outcome.id WHERE outcome.visit_id = ? "
        "ORDER BY status_change.outcome_id, status_change.changed_on, status_change.id",
        (vid,),
    ).fetchall():
        outcomes[oid].history.append(
            PlainStatusChange(OutcomeStatus(cstatus), date.fromisoformat(changed_on), note)
        )
    visit.travel_legs, visit.hotels, visit.movements = load_plain_logistics(
        connection, vid, read.known, engagements
    )
    visit.press_releases = [
        PlainRelease(
            rid,
            version,
            number,
            date.fromisoformat(day),
            rcity,
            topic,
            headline,
            quote,
            attribution,
            text,
            PressReleaseStatus(rstatus),
            bool(edited),
            _moment(changed_at),
            changed_by,
            visit,
        )
        for (
            rid,
            version,
            number,
            day,
            rcity,
            topic,
            headline,
            quote,
            attribution,
            text,
            rstatus,
            edited,
            changed_at,
            changed_by,
        ) in connection.execute(
            "SELECT id, version, number, date, city, topic, headline, lead_quote, "
            "lead_quote_attribution, body, status, edited, changed_at, changed_by "
            "FROM press_release WHERE visit_id = ? ORDER BY number",
            (vid,),
        ).fetchall()
    ]
    return visit
