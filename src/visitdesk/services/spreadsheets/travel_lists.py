"""The arrivals list (for the airport and the transport company) and the rooming list (for
the hotel), from the visit's journeys and hotels.

Both go outside the office: no person's Ref, no visit reference, no e-mail, no talking points
and nothing medical. A room's requests are printed as typed (that is what the officer marked
for the hotel), with the person's diet beside them.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import object_session, selectinload

from visitdesk.domain.cars import Movement, MovementCar
from visitdesk.domain.enums import CarRole, TravelKind
from visitdesk.domain.lodging import Hotel, HotelRoom
from visitdesk.domain.models import Person, Visit
from visitdesk.domain.precedence import in_precedence, precedence_key
from visitdesk.domain.travel import TravelLeg
from visitdesk.services.errors import ServiceError
from visitdesk.services.spreadsheets.cells import CellValue
from visitdesk.services.spreadsheets.lists import OfficeList
from visitdesk.services.travel import visit_legs

ARRIVALS_TITLE = "Arrivals and departures"
ROOMING_TITLE = "Rooming list"
# Arrivals first (what the airport meets), then journeys between cities, then departures.
_SECTION = {TravelKind.ARRIVAL: 0, TravelKind.ONWARD: 1, TravelKind.DEPARTURE: 2}


def _one_line(text: str | None) -> str:
    return " ".join((text or "").split())


def _person(person: Person) -> str:
    """`Mr. TANAKA Taro (田中 太郎)`: the name the airport calls out, and as the passport shows."""
    native = _one_line(person.native_name)
    # An Arabic or Urdu name typed in its own script needs no second copy in brackets.
    if not native or native.casefold() in person.display_name.casefold():
        return person.display_name
    return f"{person.display_name} ({native})"


def _time(leg: TravelLeg, visit: Visit) -> tuple[datetime | None, str]:
    """The time that matters (landing for an arrival, else take-off), with its zone when it is
    not the visit's."""
    if leg.kind is TravelKind.ARRIVAL:
        when, zone = (
            leg.arrives or leg.departs,
            leg.arrives_zone if leg.arrives else leg.departs_zone,
        )
    else:
        when, zone = (
            leg.departs or leg.arrives,
            leg.departs_zone if leg.departs else leg.arrives_zone,
        )
    if when is None:
        return None, ""
    shown = f"{when:%H:%M}"
    if zone and zone != visit.time_zone:
        shown += f" ({zone})"
    return when, shown


def _car_name(movement: Movement, index: int) -> str:
    car = movement.cars[index]
    if car.label:
        return _one_line(car.label)
    if car.role in (CarRole.PILOT, CarRole.ESCORT, CarRole.BACKUP, CarRole.BAGGAGE):
        return f"{car.role.label} car"
    # "Car 1" is the first car that is not a pilot.
    number = sum(1 for c in movement.cars[: index + 1] if c.role is not CarRole.PILOT)
    return f"Car {number}"


def _cars(movements: list[Movement], visit: Visit) -> str:
    """Each car of the movements linked to the journey: name, registration, driver, phone and
    who sits in it, by precedence."""
    lines = []
    for movement in movements:
        for index, car in enumerate(movement.cars):
            parts = [_car_name(movement, index), _one_line(car.registration)]
            driver = " ".join(p for p in (_one_line(car.driver), _one_line(car.driver_phone)) if p)
            if driver:
                parts.append(f"driver {driver}")
            riders = in_precedence([s.person for s in car.seats], visit.leader)
            if riders:
                parts.append(", ".join(p.display_name for p in riders))
            lines.append(" · ".join(p for p in parts if p))
    return "\n".join(lines)


def arrivals_list(visit: Visit) -> OfficeList:
    session = object_session(visit)
    assert session is not None
    legs = visit_legs(session, visit.id)
    if not legs:
        raise ServiceError(
            f"The visit {visit.ref!r} has no journeys yet: add the delegation's flights under "
            "Travel and hotels before making the arrivals list."
        )
    movements: dict[int, list[Movement]] = {}
    linked = session.scalars(
        select(Movement)
        .where(Movement.visit_id == visit.id, Movement.travel_leg_id.is_not(None))
        .options(selectinload(Movement.cars).selectinload(MovementCar.seats))
        .order_by(Movement.departs, Movement.id)
    )
    for movement in linked:
        if movement.travel_leg_id is not None:
            movements.setdefault(movement.travel_leg_id, []).append(movement)

    def order(leg: TravelLeg) -> tuple[int, datetime, int]:
        return (_SECTION[leg.kind], _time(leg, visit)[0] or datetime.max, leg.id)

    headings = (
        "No.", "Journey", "Date", "Local time", "Flight", "Carrier", "From", "To", "Terminal",
        "Travellers", "Received by", "VIP lounge", "Baggage (pieces)", "Car",
    )  # fmt: skip
    rows: list[list[CellValue]] = []
    for n, leg in enumerate(sorted(legs, key=order), start=1):
        when, shown = _time(leg, visit)
        people = in_precedence([t.person for t in leg.travellers], visit.leader)
        rows.append(
            [
                n,
                leg.kind.label,
                when.date() if when else None,
                shown or None,
                _one_line(leg.number) or None,
                _one_line(leg.carrier) or None,
                _one_line(leg.origin) or None,
                _one_line(leg.destination) or None,
                _one_line(leg.terminal) or None,
                "\n".join(_person(p) for p in people) or None,
                leg.received_by.display_name if leg.received_by else None,
                "Yes" if leg.vip_lounge else "No",
                leg.baggage_pieces,
                _cars(movements.get(leg.id, []), visit) or None,
            ]
        )
    return OfficeList(ARRIVALS_TITLE, headings, rows)


def _requests(room: HotelRoom) -> str | None:
    """What the officer marked for the hotel, and the guest's diet (never medical notes)."""
    parts = [(room.requests or "").strip()]
    diet = _one_line(room.person.dietary)
    if diet and diet.casefold() not in parts[0].casefold():
        parts.append(f"Diet: {diet}")
    return "\n".join(p for p in parts if p) or None


def _room_order(visit: Visit, hotel: Hotel) -> list[HotelRoom]:
    """The leader's room first, then the best rooms, each type by precedence."""

    def key(room: HotelRoom) -> tuple[bool, int, tuple[int, int, tuple[str, str]]]:
        return (
            room.person_id != visit.leader_id,
            room.room_type.rank,
            precedence_key(room.person, visit.leader),
        )

    return sorted(hotel.rooms, key=key)


def rooming_list(visit: Visit) -> OfficeList:
    session = object_session(visit)
    assert session is not None
    stays = session.scalars(
        select(Hotel)
        .where(Hotel.visit_id == visit.id)
        .options(selectinload(Hotel.rooms))
        .order_by(Hotel.position, Hotel.id)
    )
    hotels = [h for h in stays if h.rooms]
    if not hotels:
        raise ServiceError(
            f"The visit {visit.ref!r} has no hotel rooms yet: add a hotel and its rooms under "
            "Travel and hotels before making the rooming list."
        )
    headings = (
        "No.", "Hotel", "City", "Booking reference", "Guest", "Native name", "Room type",
        "Room number", "Check-in", "Check-out", "Nights", "Paid by", "Requests",
    )  # fmt: skip
    rows: list[list[CellValue]] = []
    for hotel in hotels:
        for n, room in enumerate(_room_order(visit, hotel), start=1):
            rows.append(
                [
                    n,
                    _one_line(hotel.name),
                    _one_line(hotel.city) or None,
                    _one_line(hotel.booking_reference) or None,
                    room.person.display_name,
                    _one_line(room.person.native_name) or None,
                    room.room_type.label,
                    _one_line(room.room_number) or None,
                    room.check_in,
                    room.check_out,
                    room.nights(),
                    _one_line(room.paid_by or hotel.paid_by) or None,
                    _requests(room),
                ]
            )
    return OfficeList(ROOMING_TITLE, headings, rows)
