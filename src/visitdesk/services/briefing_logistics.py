"""The pack's logistics, gathered from the visit's records: the journeys with who is on them,
the hotels with their rooms, the car plan of each movement, and whom to call.

Everything comes in order of precedence (the delegation first, its leader at the head), so the
suite and car 1 read first. A guest copy holds only its reader's part: their own journeys and
room, the car they sit in for each movement, their liaison officer; none of the host's
bookkeeping (who pays, booking references, notes, other people's rooms).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from datetime import datetime

from visitdesk.domain.cars import Movement, MovementCar
from visitdesk.domain.enums import CarRole, CarSeat, TravelKind
from visitdesk.domain.languages import language_hint
from visitdesk.domain.lodging import Hotel
from visitdesk.domain.logistics_checks import movement_title
from visitdesk.domain.person import Person
from visitdesk.domain.precedence import precedence_key
from visitdesk.domain.travel import TravelLeg
from visitdesk.domain.visit import Visit
from visitdesk.services.briefing_types import (
    CarInfo,
    ContactInfo,
    HotelInfo,
    JourneyInfo,
    LogisticsInfo,
    MovementInfo,
    PersonInfo,
    RoomInfo,
    SeatInfo,
    TravellerInfo,
    text,
)

Info = Callable[[Person], PersonInfo]
_SEAT_ORDER = {seat: n for n, seat in enumerate(CarSeat)}
_KIND_ORDER = {TravelKind.ARRIVAL: 0, TravelKind.ONWARD: 1, TravelKind.DEPARTURE: 2}
_LATEST = datetime.max


@dataclass(frozen=True, slots=True)
class GatheredLogistics:
    section: LogisticsInfo | None
    # The movements to each engagement, by engagement id, for its brief.
    by_engagement: dict[int, tuple[MovementInfo, ...]]


class _Order:
    """Order of precedence across the visit: the delegation (leader first), then everyone
    else (the host side, drivers' passengers from elsewhere)."""

    def __init__(self, visit: Visit) -> None:
        self.leader = visit.leader
        self.members = {p.id for p in visit.members}

    def key(self, person: Person) -> tuple[int, tuple[int, int, tuple[str, str]]]:
        return (0 if person.id in self.members else 1, precedence_key(person, self.leader))

    def people(self, people: Iterable[Person]) -> list[Person]:
        return sorted(people, key=self.key)


def gather_logistics(
    visit: Visit, info: Info, reader: Person | None, guest_copy: bool
) -> GatheredLogistics:
    """The section of `visit`'s pack (None when it has no logistics) and each engagement's cars."""
    order = _Order(visit)
    mine = reader.id if guest_copy and reader is not None else None
    hotels = tuple(
        stay for hotel in visit.hotels if (stay := _hotel(hotel, info, order, mine)) is not None
    )
    movements: list[tuple[Movement, MovementInfo]] = []
    for movement in visit.movements:
        plan = _movement(movement, info, order, mine)
        if plan is not None:
            movements.append((movement, plan))
    # The arrivals list names the car allotted: the cars of the movement meeting the flight.
    allotted: dict[int, list[str]] = {}
    for movement, plan in movements:
        if movement.travel_leg_id is not None:
            allotted.setdefault(movement.travel_leg_id, []).extend(
                ", ".join(p for p in (car.name, car.registration) if p) for car in plan.cars
            )
    journeys = tuple(
        replace(_journey(leg, info, order, mine), cars=tuple(allotted.get(leg.id, ())))
        for leg in sorted(visit.travel_legs, key=lambda leg: _leg_key(leg, order))
        if mine is None or any(t.person_id == mine for t in leg.travellers)
    )
    by_engagement: dict[int, tuple[MovementInfo, ...]] = {}
    for movement, plan in movements:
        if movement.engagement_id is not None:
            by_engagement[movement.engagement_id] = (
                *by_engagement.get(movement.engagement_id, ()),
                plan,
            )
    section = LogisticsInfo(
        visit_zone=visit.time_zone,
        journeys=journeys,
        hotels=hotels,
        movements=tuple(m for _movement, m in movements),
        liaison=_liaison(visit, order, mine),
        drivers=_drivers(m for _movement, m in movements),
        hotel_phones=tuple(
            ContactInfo(h.name, f"Hotel{f', {h.city}' if h.city else ''}", h.phone)
            for h in hotels
            if h.phone
        ),
    )
    return GatheredLogistics(None if section.empty else section, by_engagement)


def _leg_key(leg: TravelLeg, order: _Order) -> tuple[int, datetime, tuple[object, ...], int]:
    moment = leg.local_time or leg.departs or leg.arrives or _LATEST
    first = min((order.key(t.person) for t in leg.travellers), default=(2, (0, 0, ("", ""))))
    return (_KIND_ORDER.get(leg.kind, 1), moment, first, leg.id)


def _journey(leg: TravelLeg, info: Info, order: _Order, mine: int | None) -> JourneyInfo:
    seats = {t.person_id: text(t.seat) for t in leg.travellers}
    people = order.people(t.person for t in leg.travellers if mine is None or t.person_id == mine)
    return JourneyInfo(
        kind=leg.kind,
        mode=leg.mode,
        carrier=text(leg.carrier),
        number=text(leg.number),
        origin=text(leg.origin),
        destination=text(leg.destination),
        departs=leg.departs,
        arrives=leg.arrives,
        departs_zone=text(leg.departs_zone),
        arrives_zone=text(leg.arrives_zone),
        terminal=text(leg.terminal),
        received_by=info(leg.received_by) if leg.received_by is not None else None,
        vip_lounge=bool(leg.vip_lounge),
        # The group's baggage and the host's notes are for the office and the airport.
        baggage_pieces=leg.baggage_pieces if mine is None else None,
        travellers=tuple(TravellerInfo(info(p), seats.get(p.id)) for p in people),
        notes=text(leg.notes) if mine is None else None,
    )


def _hotel(hotel: Hotel, info: Info, order: _Order, mine: int | None) -> HotelInfo | None:
    rooms = sorted(
        (r for r in hotel.rooms if mine is None or r.person_id == mine),
        key=lambda r: (order.key(r.person), r.check_in, r.id or 0),
    )
    if mine is not None and not rooms:
        return None  # not the reader's hotel
    return HotelInfo(
        name=hotel.name,
        city=text(hotel.city),
        address=text(hotel.address),
        phone=text(hotel.phone),
        rooms=tuple(
            RoomInfo(
                person=info(r.person),
                room_type=r.room_type,
                room_number=text(r.room_number),
                check_in=r.check_in,
                check_out=r.check_out,
                paid_by=None if mine is not None else text(r.paid_by) or text(hotel.paid_by),
                requests=text(r.requests),
            )
            for r in rooms
        ),
        booking_reference=None if mine is not None else text(hotel.booking_reference),
        notes=None if mine is not None else text(hotel.notes),
    )


def car_names(cars: Iterable[MovementCar]) -> list[str]:
    """What each car of a motorcade is called: its label, else `Car N` counted from the
    first car that is not a pilot (protocol's car 1 is the flag car), a pilot `Pilot car`."""
    names, number = [], 0
    for car in cars:
        if car.role is CarRole.PILOT:
            default = "Pilot car"
        else:
            number += 1
            default = f"Car {number}"
        names.append(text(car.label) or default)
    return names


def _movement(
    movement: Movement, info: Info, order: _Order, mine: int | None
) -> MovementInfo | None:
    cars = []
    for name, car in zip(car_names(movement.cars), movement.cars, strict=True):
        if mine is not None and not any(s.person_id == mine for s in car.seats):
            continue
        seats = sorted(
            car.seats, key=lambda s: (_SEAT_ORDER[s.seat], s.position, order.key(s.person))
        )
        cars.append(
            CarInfo(
                name=name,
                role=car.role,
                registration=text(car.registration),
                driver=text(car.driver),
                driver_phone=text(car.driver_phone),
                seats=tuple(SeatInfo(s.seat, info(s.person)) for s in seats),
            )
        )
    if mine is not None and not cars:
        return None  # the reader does not go on this one
    return MovementInfo(
        title=movement_title(movement),
        departs=movement.departs,
        arrives=movement.arrives,
        origin=text(movement.origin),
        destination=text(movement.destination),
        cars=tuple(cars),
        engagement_ref=movement.engagement.ref if movement.engagement is not None else None,
        notes=text(movement.notes) if mine is None else None,
    )


def _liaison(visit: Visit, order: _Order, mine: int | None) -> tuple[ContactInfo, ...]:
    """Each liaison officer once, with the delegates they look after, by precedence."""
    looked_after: dict[int, tuple[Person, list[Person]]] = {}
    members = [p for p in visit.participants if p.person_id in order.members]
    for participant in sorted(members, key=lambda p: order.key(p.person)):
        officer = participant.liaison_officer
        if officer is None or (mine is not None and participant.person_id != mine):
            continue
        looked_after.setdefault(officer.id, (officer, []))[1].append(participant.person)
    return tuple(
        ContactInfo(
            name=officer.display_name,
            purpose=f"Liaison officer for {_and(p.display_name for p in delegates)}",
            phone=text(officer.phone),
            native_name=text(officer.native_name),
            lang=language_hint(officer.organisation.country) if officer.organisation else None,
        )
        for officer, delegates in looked_after.values()
    )


def _and(names: Iterable[str]) -> str:
    listed = list(names)
    return listed[0] if len(listed) == 1 else f"{', '.join(listed[:-1])} and {listed[-1]}"


def _drivers(movements: Iterable[MovementInfo]) -> tuple[ContactInfo, ...]:
    """Each driver once, with the cars they drive (by registration, else by the plan's name)."""
    cars: dict[tuple[str, str | None], list[str]] = {}
    for movement in movements:
        for car in movement.cars:
            if car.driver is None:
                continue
            which = car.registration or car.name
            listed = cars.setdefault((car.driver, car.driver_phone), [])
            if which not in listed:
                listed.append(which)
    return tuple(
        ContactInfo(driver, "Driver, " + ", ".join(which), phone)
        for (driver, phone), which in cars.items()
    )
