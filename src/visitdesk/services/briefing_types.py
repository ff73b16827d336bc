"""What a briefing pack holds, as plain values: the documents layer draws these and never
reaches into the store."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from itertools import groupby

from visitdesk.domain.classification import Level
from visitdesk.domain.enums import (
    CarRole,
    CarSeat,
    EngagementKind,
    RoomType,
    TravelKind,
    TravelMode,
)
from visitdesk.domain.languages import language_hint
from visitdesk.domain.models import Outcome, Person
from visitdesk.services.briefing_scope import about_food

# Engagements held across a table, for which the pack draws a seating plan.
SEATED_KINDS = frozenset(
    {
        EngagementKind.MINISTRY_MEETING,
        EngagementKind.OFFICE_VISIT,
        EngagementKind.COURTESY_CALL,
        EngagementKind.SIGNING_CEREMONY,
    }
)


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

    @property
    def meal_notes(self) -> tuple[str, ...]:
        """What whoever serves this person a meal must know: the dietary note, and the medical
        one when it is about food."""
        notes = [f"Dietary: {self.dietary}"] if self.dietary else []
        if about_food(self.medical):
            notes.append(f"Medical: {self.medical}")
        return tuple(notes)


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
class TravellerInfo:
    person: PersonInfo
    seat: str | None = None


@dataclass(frozen=True, slots=True)
class JourneyInfo:
    """A flight (or train, or road journey) and the people on it; times local to each end."""

    kind: TravelKind
    mode: TravelMode
    carrier: str | None
    number: str | None
    origin: str | None
    destination: str | None
    departs: datetime | None
    arrives: datetime | None
    departs_zone: str | None  # None: the visit's zone
    arrives_zone: str | None
    terminal: str | None
    received_by: PersonInfo | None
    vip_lounge: bool
    baggage_pieces: int | None
    travellers: tuple[TravellerInfo, ...]
    notes: str | None = None  # the host's own; never in a guest copy
    # The cars allotted (of the movement that meets or takes it): "Coach, LES-4040".
    cars: tuple[str, ...] = ()

    @property
    def name(self) -> str:
        """`PK 853 (Pakistan International Airlines)`, else the mode."""
        name = " ".join(
            p for p in (self.number, f"({self.carrier})" if self.carrier else None) if p
        )
        return name or self.mode.label

    @property
    def moment(self) -> datetime | None:
        """The time that matters to the office: landing for an arrival, leaving otherwise."""
        if self.kind is TravelKind.ARRIVAL:
            return self.arrives or self.departs
        return self.departs or self.arrives


@dataclass(frozen=True, slots=True)
class RoomInfo:
    person: PersonInfo
    room_type: RoomType
    room_number: str | None
    check_in: date
    check_out: date
    paid_by: str | None = None  # the room's payer, else the hotel's; never in a guest copy
    requests: str | None = None


@dataclass(frozen=True, slots=True)
class HotelInfo:
    name: str
    city: str | None
    address: str | None
    phone: str | None
    rooms: tuple[RoomInfo, ...]  # in order of precedence: the delegation first
    booking_reference: str | None = None  # the host's; never in a guest copy
    notes: str | None = None


@dataclass(frozen=True, slots=True)
class SeatInfo:
    seat: CarSeat
    person: PersonInfo


@dataclass(frozen=True, slots=True)
class CarInfo:
    name: str  # "Car 1", "Pilot car", or the plan's own label
    role: CarRole
    registration: str | None
    driver: str | None
    driver_phone: str | None
    seats: tuple[SeatInfo, ...]  # the seat of honour first


@dataclass(frozen=True, slots=True)
class MovementInfo:
    title: str
    departs: datetime
    arrives: datetime | None
    origin: str | None
    destination: str | None
    cars: tuple[CarInfo, ...]
    engagement_ref: str | None = None
    notes: str | None = None  # the host's own; never in a guest copy


@dataclass(frozen=True, slots=True)
class ContactInfo:
    """One line of the contacts page: whom to call, for what, on which number."""

    name: str
    purpose: str
    phone: str | None
    native_name: str | None = None
    lang: str | None = None


@dataclass(frozen=True, slots=True)
class LogisticsInfo:
    """The pack's logistics section; in a guest copy, the reader's own part of it."""

    visit_zone: str
    journeys: tuple[JourneyInfo, ...]
    hotels: tuple[HotelInfo, ...]
    movements: tuple[MovementInfo, ...]
    liaison: tuple[ContactInfo, ...]
    drivers: tuple[ContactInfo, ...]
    hotel_phones: tuple[ContactInfo, ...]

    @property
    def arrivals(self) -> tuple[JourneyInfo, ...]:
        return tuple(j for j in self.journeys if j.kind is TravelKind.ARRIVAL)

    @property
    def onward(self) -> tuple[JourneyInfo, ...]:
        return tuple(j for j in self.journeys if j.kind is TravelKind.ONWARD)

    @property
    def departures(self) -> tuple[JourneyInfo, ...]:
        return tuple(j for j in self.journeys if j.kind is TravelKind.DEPARTURE)

    @property
    def contacts(self) -> bool:
        return bool(self.liaison or self.drivers or self.hotel_phones)

    @property
    def empty(self) -> bool:
        return not (self.journeys or self.hotels or self.movements or self.contacts)


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
    # A signing ceremony's: the one chosen for each side, else that side's principal.
    host_signatory: PersonInfo | None = None
    guest_signatory: PersonInfo | None = None
    # The marking of each talking point above the visit's level (None: at the visit's level).
    talking_point_markings: tuple[str | None, ...] = ()
    # Talking points the signed-in login may not read (counted by the server, text unseen).
    hidden_points: int = 0
    # The car plans of the movements to this engagement (a guest copy: the reader's car).
    movements: tuple[MovementInfo, ...] = ()

    @property
    def kind_label(self) -> str:
        return self.kind.label

    @property
    def seated(self) -> bool:
        """Held across a table with both sides present: the pack draws the seating plan."""
        return self.kind in SEATED_KINDS and bool(self.hosts) and bool(self.guests)

    @property
    def signing(self) -> bool:
        """A signing ceremony with someone to sign on each side: drawn as one."""
        return (
            self.kind is EngagementKind.SIGNING_CEREMONY
            and self.host_signatory is not None
            and self.guest_signatory is not None
        )

    @property
    def meal(self) -> bool:
        return self.kind is EngagementKind.MEAL

    @property
    def table_notes(self) -> tuple[tuple[PersonInfo, tuple[str, ...]], ...]:
        """Everyone at the table with a dietary (or food-related medical) note, guests first,
        each side in order of precedence."""
        return tuple((p, p.meal_notes) for p in (*self.guests, *self.hosts) if p.meal_notes)


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
    # A pack for a member of the delegation: it holds none of the host's preparation.
    guest_copy: bool = False
    guest_country: str | None = None  # ISO codes, for the flags of a signing ceremony
    host_country: str | None = None
    guest_lang: str | None = None  # language hint of the guests' native names: domain.languages
    # The highest level the signed-in login reads in this visit, when the server hides some.
    reading_ceiling: Level | None = None

    @property
    def hidden_points(self) -> int:
        return sum(e.hidden_points for e in self.engagements)

    # Flights, hotels, car plans and contacts; None when the visit records none.
    logistics: LogisticsInfo | None = None

    @property
    def meal_notes(self) -> tuple[tuple[PersonInfo, tuple[str, ...]], ...]:
        """For the caterer: everyone in the pack with a note for the kitchen, the delegation
        first, each side in order of precedence."""
        return tuple((p, p.meal_notes) for p in (*self.delegation, *self.hosts) if p.meal_notes)

    @property
    def days(self) -> list[tuple[date, list[EngagementInfo]]]:
        """The engagements grouped by day, in order."""
        return [
            (day, list(group))
            for day, group in groupby(self.engagements, key=lambda e: e.start.date())
        ]


def person_info(person: Person, role: str | None = None) -> PersonInfo:
    organisation = person.organisation
    return PersonInfo(
        ref=person.ref,
        name=person.display_name,
        short_name=person.short_name,
        native_name=text(person.native_name),
        position=text(person.position),
        organisation=organisation.display_name if organisation else None,
        role=text(role),
        bio=text(person.bio),
        dietary=text(person.dietary),
        medical=text(person.medical),
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
        next_step=text(outcome.next_step),
        engagement=outcome.engagement.title if outcome.engagement else None,
    )


def text(value: str | None) -> str | None:
    """None for a missing or blank field, so the pack leaves out its heading."""
    if value is None or not value.strip():
        return None
    return value.strip()
