"""Car plans as the officer works with them: the list of movements, whom a seat may be given
to, the plan protocol proposes for a movement, and a movement made for each engagement."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from datetime import datetime, timedelta
from typing import NamedTuple

from sqlalchemy import select
from sqlalchemy.orm import Session

from visitdesk.domain.car_plan import (
    DEFAULT_CONVENTION,
    MOVEMENT_LEAD,
    Party,
    SeatConvention,
    car_labels,
    propose_plan,
)
from visitdesk.domain.cars import Movement
from visitdesk.domain.dates import day_month
from visitdesk.domain.engagement import Engagement
from visitdesk.domain.enums import Side
from visitdesk.domain.lodging import Hotel
from visitdesk.domain.person import Person
from visitdesk.domain.precedence import in_precedence
from visitdesk.domain.travel import TravelLeg
from visitdesk.domain.visit import Visit
from visitdesk.services.car_plans import (
    CarData,
    MovementData,
    SeatData,
    add_movement,
    get_movement,
    load_movement,
)
from visitdesk.services.search import fold
from visitdesk.services.visit_editing import get_visit


class MovementRow(NamedTuple):
    id: int
    departs: datetime
    arrives: datetime | None
    title: str  # its own, else its engagement's or journey's
    origin: str
    destination: str
    cars: int
    seated: int
    linked: str  # "Engagement: Talks", "Journey: PK 852", or ""
    engagement_id: int | None
    haystack: str


class PassengerChoice(NamedTuple):
    """Someone of the visit a seat may be given to, in order of precedence."""

    id: int
    name: str
    side: Side | None  # None: attends an engagement without being a participant of the visit
    position: str


class LinkChoice(NamedTuple):
    """An engagement or a journey a movement may be for."""

    id: int
    label: str


def leg_label(leg: TravelLeg) -> str:
    """`Arrival PK 852 Beijing → Islamabad`, as the movements list names a journey."""
    flight = " ".join(p for p in (leg.carrier, leg.number) if p)
    route = " → ".join(p for p in (leg.origin, leg.destination) if p)
    return " ".join(p for p in (leg.kind.label, flight, route) if p)


def movement_title(movement: Movement) -> str:
    if movement.title:
        return movement.title
    if movement.engagement is not None:
        return movement.engagement.title
    if movement.travel_leg is not None:
        return leg_label(movement.travel_leg)
    return "Movement"


def movement_rows(session: Session, visit_id: int) -> list[MovementRow]:
    visit = get_visit(session, visit_id)
    rows = []
    for m in visit.movements:
        linked = (
            f"Engagement: {m.engagement.title}"
            if m.engagement is not None
            else f"Journey: {leg_label(m.travel_leg)}"
            if m.travel_leg is not None
            else ""
        )
        title = movement_title(m)
        seated = sum(len(c.seats) for c in m.cars)
        drivers = [t for c in m.cars for t in (c.registration, c.driver) if t]
        rows.append(
            MovementRow(
                m.id,
                m.departs,
                m.arrives,
                title,
                m.origin or "",
                m.destination or "",
                len(m.cars),
                seated,
                linked,
                m.engagement_id,
                fold(title, m.origin, m.destination, linked, *drivers),
            )
        )
    return rows


def _visit_people(visit: Visit) -> list[Person]:
    people: dict[int, Person] = {p.person_id: p.person for p in visit.participants}
    for engagement in visit.engagements:
        for attendee in engagement.attendees:
            people.setdefault(attendee.person_id, attendee.person)
    return list(people.values())


def passenger_choices(session: Session, visit_id: int) -> list[PassengerChoice]:
    """The visit's people (delegation, host participants, attendees), by precedence."""
    visit = get_visit(session, visit_id)
    sides = {p.person_id: p.side for p in visit.participants}
    return [
        PassengerChoice(p.id, p.display_name, sides.get(p.id), p.position or "")
        for p in in_precedence(_visit_people(visit), visit.leader)
    ]


def link_choices(session: Session, visit_id: int) -> tuple[list[LinkChoice], list[LinkChoice]]:
    """The engagements (in time order) and journeys a movement of the visit may be for."""
    visit = get_visit(session, visit_id)
    engagements = [
        LinkChoice(e.id, f"{day_month(e.start)} {e.start:%H:%M} {e.title}")
        for e in sorted(visit.engagements, key=lambda e: (e.start, e.id))
    ]
    legs = [LinkChoice(leg.id, leg_label(leg)) for leg in visit.travel_legs]
    return engagements, legs


def _ranked(visit: Visit, people: Iterable[Person]) -> tuple[int, ...]:
    return tuple(p.id for p in in_precedence(list(people), visit.leader))


def movement_party(session: Session, movement: Movement) -> Party:
    """Who travels: the engagement's guests and hosts (the whole delegation or host side when
    it lists none of a side), or the journey's travellers with the officer who receives or sees
    them off, or everyone of the visit; with the principal's liaison officer. A host who does
    not attend an engagement (the Chairman left in Islamabad) is not seated to it, nor the
    whole host side on an airport run for one delegate at night."""
    visit = movement.visit
    delegation = [p.person for p in visit.participants_on(Side.GUEST)]
    host_side = [p.person for p in visit.participants_on(Side.HOST)]
    guests: tuple[int, ...]
    hosts = _ranked(visit, host_side)
    if movement.engagement is not None:
        attendees = movement.engagement.attendees
        attending = [a.person for a in attendees if a.side is Side.GUEST]
        guests = _ranked(visit, attending or delegation)
        hosting = [a.person for a in attendees if a.side is Side.HOST]
        hosts = _ranked(visit, hosting or host_side)
    elif movement.travel_leg is not None:
        leg = movement.travel_leg
        on_board = {t.person_id for t in leg.travellers}
        guests = _ranked(visit, [t.person for t in leg.travellers])
        received = leg.received_by_id
        hosts = (received,) if received is not None and received not in on_board else ()
    else:
        guests = _ranked(visit, delegation)
    liaison = None
    if guests:
        principal = next((p for p in visit.participants if p.person_id == guests[0]), None)
        liaison = principal.liaison_officer_id if principal is not None else None
    return Party(guests, hosts, liaison)


def proposed_plan(
    session: Session, movement_id: int, convention: SeatConvention = DEFAULT_CONVENTION
) -> MovementData:
    """The movement with the car plan protocol proposes: its cars kept (registration, driver,
    phone), put in motorcade order and seated by precedence; cars added where needed."""
    movement = get_movement(session, movement_id)
    data = load_movement(session, movement_id)
    proposal = propose_plan(
        [c.role for c in data.cars], movement_party(session, movement), convention
    )
    cars = []
    for car in proposal:
        kept = data.cars[car.source] if car.source is not None else CarData()
        cars.append(replace(kept, role=car.role, seats=tuple(SeatData(p, s) for p, s in car.seats)))
    return replace(data, cars=tuple(cars))


def _hotel_in(visit: Visit, city: str | None) -> str | None:
    hotels: list[Hotel] = list(visit.hotels)
    for hotel in hotels:
        if city and hotel.city and hotel.city.casefold() == city.casefold():
            return hotel.name
    return hotels[0].name if hotels else None


def _place(engagement: Engagement) -> str | None:
    return engagement.venue or engagement.city


def make_engagement_movements(
    session: Session, visit_id: int, lead: timedelta = MOVEMENT_LEAD
) -> tuple[int, ...]:
    """A movement for each engagement of the visit that has none: leaving `lead` before it
    starts, from the venue of the engagement before it that day (the first of a day: from the
    hotel in its city, when one is recorded) to its venue. Returns the ids made."""
    visit = get_visit(session, visit_id)
    served = set(
        session.scalars(
            select(Movement.engagement_id).where(
                Movement.visit_id == visit_id, Movement.engagement_id.is_not(None)
            )
        )
    )
    made = []
    before: Engagement | None = None
    for engagement in sorted(visit.engagements, key=lambda e: (e.start, e.id)):
        same_day = before is not None and before.start.date() == engagement.start.date()
        origin = _place(before) if same_day and before is not None else None
        if origin is None:
            origin = _hotel_in(visit, engagement.city)
        if engagement.id not in served:
            data = MovementData(
                departs=engagement.start - lead,
                arrives=engagement.start,
                origin=origin,
                destination=_place(engagement),
                engagement_id=engagement.id,
            )
            made.append(add_movement(session, visit_id, data))
        before = engagement
    return tuple(made)


def shown_labels(data: MovementData) -> list[str]:
    return car_labels([c.role for c in data.cars], [c.label for c in data.cars])
