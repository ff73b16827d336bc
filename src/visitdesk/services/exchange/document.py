"""The checked content of an exchange file, as plain typed records."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import TYPE_CHECKING

from visitdesk.domain.classification import Level
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
from visitdesk.services.exchange.car_plan_records import MovementRecord
from visitdesk.services.exchange.travel_records import HotelRecord, JourneyRecord

if TYPE_CHECKING:
    from visitdesk.services.exchange.parse_gifts import GiftRecord


@dataclass(slots=True)
class Picture:
    media_type: str
    data: bytes


@dataclass(slots=True)
class OfficeRecord:
    name: str
    short_name: str | None
    city: str | None
    country: str | None
    press_release_prefix: str
    media_contact: str | None
    logo: Picture | None
    default_classification: str | None
    gift_deposit_authority: str | None = None


@dataclass(slots=True)
class OrganisationRecord:
    ref: str
    name: str
    short_name: str | None
    native_name: str | None
    country: str | None
    kind: OrganisationKind
    notes: str | None


@dataclass(slots=True)
class PersonRecord:
    ref: str
    honorific: str | None
    given_name: str | None
    family_name: str
    family_name_first: bool
    native_name: str | None
    position: str | None
    organisation: str | None
    precedence: int | None
    email: str | None
    phone: str | None
    bio: str | None
    dietary: str | None
    medical: str | None
    photo: Picture | None
    notes: str | None


@dataclass(slots=True)
class ParticipantRecord:
    person: str
    side: Side
    role: str | None
    # A delegation member's liaison officer (a person's ref), if the file names one.
    liaison_officer: str | None = None


@dataclass(slots=True)
class EngagementRecord:
    ref: str
    kind: EngagementKind
    title: str
    start: datetime
    end: datetime
    venue: str | None
    city: str | None
    organisation: str | None
    objectives: str | None
    notes: str | None
    talking_points: list[str]
    host_attendees: list[str]
    guest_attendees: list[str]
    sequence: int | None
    time_zone: str | None = None
    uid: str | None = None
    host_signatory: str | None = None  # a signing ceremony's; None: the side's principal
    guest_signatory: str | None = None
    # Each talking point's own level, in order (None: the visit's level); empty: none has one.
    talking_point_levels: list[Level | None] = field(default_factory=list)


@dataclass(slots=True)
class StatementRecord:
    engagement: str | None
    speaker: str | None
    text: str
    style: StatementStyle
    for_press: bool
    role: StatementRole


@dataclass(slots=True)
class StatusChangeRecord:
    status: OutcomeStatus
    changed_on: date
    note: str | None


@dataclass(slots=True)
class OutcomeRecord:
    engagement: str | None
    kind: OutcomeKind
    title: str
    description: str | None
    status: OutcomeStatus
    history: list[StatusChangeRecord]
    next_step: str | None
    owner: str | None
    due_date: date | None


@dataclass(slots=True)
class PressReleaseRecord:
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


@dataclass(slots=True)
class VisitRecord:
    ref: str
    title: str
    direction: VisitDirection
    host_organisation: str | None
    guest_organisation: str | None
    city: str | None
    country: str | None
    time_zone: str
    start_date: date
    end_date: date
    status: VisitStatus
    delegation_description: str | None
    leader: str | None
    notes: str | None
    participants: list[ParticipantRecord] = field(default_factory=list)
    engagements: list[EngagementRecord] = field(default_factory=list)
    statements: list[StatementRecord] = field(default_factory=list)
    outcomes: list[OutcomeRecord] = field(default_factory=list)
    # None: the file says nothing of press releases, so those in the store stay as they are.
    press_releases: list[PressReleaseRecord] | None = None
    # None: the file does not say (a file older than classification levels).
    classification: Level | None = None
    # None: the file says nothing of journeys or hotels, so those in the store stay.
    travel: list[JourneyRecord] | None = None
    hotels: list[HotelRecord] | None = None
    # None: the file says nothing of car plans, so the movements in the store stay.
    car_plans: list[MovementRecord] | None = None
    # None: the file says nothing of gifts, so those in the store stay as they are.
    gifts: list[GiftRecord] | None = None


@dataclass(slots=True)
class Document:
    note: str | None
    office: OfficeRecord | None
    organisations: list[OrganisationRecord]
    people: list[PersonRecord]
    visits: list[VisitRecord]
