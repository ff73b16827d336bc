"""One visit read with sqlite3 alone, as plain records, for `visitdesk show` on a current store.

The records carry the attributes `services.summary.visit_summary` reads from the models, with
the same values, the same order of every list (as the models' relationships order them) and
one record per person (the summary tells the leader by identity), so the summary prints the
same text from either. A test holds the two to the same output on the same stores.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from datetime import date, datetime

from visitdesk.domain.enums import (
    EngagementKind,
    OutcomeKind,
    OutcomeStatus,
    PressReleaseStatus,
    Side,
    VisitDirection,
    VisitStatus,
)
from visitdesk.domain.names import NameParts, display_name
from visitdesk.services.fast_logistics import (
    PlainHotel,
    PlainLeg,
    PlainMovement,
    load_plain_logistics,
)


@dataclass(eq=False)
class PlainOrganisation:
    name: str
    short_name: str | None

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


@dataclass(eq=False)
class PlainParticipant:
    person_id: int
    person: PlainPerson
    side: Side
    role: str | None


@dataclass(eq=False)
class PlainEngagement:
    ref: str
    kind: EngagementKind
    title: str
    start: datetime
    end: datetime
    venue: str | None
    city: str | None
    time_zone: str | None
    visit: PlainVisit
    attendees: list[tuple[Side, PlainPerson]] = field(default_factory=list)

    def attendees_on(self, side: Side) -> list[PlainPerson]:
        return [person for on, person in self.attendees if on is side]

    @property
    def attendee_people(self) -> list[PlainPerson]:
        return [person for _side, person in self.attendees]


@dataclass(eq=False)
class PlainOutcome:
    kind: OutcomeKind
    title: str
    owner: PlainPerson | None
    due_date: date | None
    next_step: str | None
    status: OutcomeStatus


@dataclass(eq=False)
class PlainRelease:
    number: int
    date: date
    city: str | None
    status: PressReleaseStatus


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
    outcomes: list[PlainOutcome] = field(default_factory=list)
    press_releases: list[PlainRelease] = field(default_factory=list)
    travel_legs: list[PlainLeg] = field(default_factory=list)
    hotels: list[PlainHotel] = field(default_factory=list)
    movements: list[PlainMovement] = field(default_factory=list)

    @property
    def members(self) -> list[PlainPerson]:
        return [p.person for p in self.participants if p.side is Side.GUEST]


def _day(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


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
                "SELECT name, short_name FROM organisation WHERE id = ?", (org_id,)
            ).fetchone()
            if row is None:
                return None
            self.organisations[org_id] = PlainOrganisation(*row)
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


def load_plain_visit(connection: sqlite3.Connection, ref: str) -> PlainVisit | None:
    """The visit `ref` with what its summary prints, or None when there is none."""
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
    for eid, eref, kind, etitle, begins, ends, venue, ecity, ezone in connection.execute(
        'SELECT id, ref, kind, title, start, "end", venue, city, time_zone FROM engagement '
        "WHERE visit_id = ? ORDER BY start, id",
        (vid,),
    ).fetchall():
        engagements[eid] = PlainEngagement(
            eref,
            EngagementKind(kind),
            etitle,
            datetime.fromisoformat(begins),
            datetime.fromisoformat(ends),
            venue,
            ecity,
            ezone,
            visit,
        )
    visit.engagements = list(engagements.values())
    for eid, person_id, side in connection.execute(
        "SELECT attendee.engagement_id, attendee.person_id, attendee.side FROM attendee "
        "JOIN engagement ON attendee.engagement_id = engagement.id "
        "WHERE engagement.visit_id = ? ORDER BY attendee.engagement_id, attendee.position",
        (vid,),
    ).fetchall():
        engagements[eid].attendees.append((Side(side), read.known(person_id)))
    visit.outcomes = [
        PlainOutcome(
            OutcomeKind(kind),
            otitle,
            read.person(owner_id),
            _day(due),
            next_step,
            OutcomeStatus(ostatus),
        )
        for kind, otitle, owner_id, due, next_step, ostatus in connection.execute(
            "SELECT kind, title, owner_id, due_date, next_step, status FROM outcome "
            "WHERE visit_id = ? ORDER BY position",
            (vid,),
        ).fetchall()
    ]
    visit.travel_legs, visit.hotels, visit.movements = load_plain_logistics(
        connection, vid, read.known, engagements
    )
    visit.press_releases = [
        PlainRelease(number, date.fromisoformat(day), rcity, PressReleaseStatus(rstatus))
        for number, day, rcity, rstatus in connection.execute(
            "SELECT number, date, city, status FROM press_release WHERE visit_id = ? "
            "ORDER BY number",
            (vid,),
        ).fetchall()
    ]
    return visit
