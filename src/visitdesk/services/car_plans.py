"""Car plans: a visit's movements, each with its cars in motorcade order and who sits where.

A movement is one versioned record with its cars and seats as its parts (a change of a seat
raises the movement's version), so the window edits a plan as one `MovementData` and undo puts
it back whole. The checks an officer can fail are made here, once, each with its sentence.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from visitdesk.domain.cars import CarPassenger, Movement, MovementCar
from visitdesk.domain.dates import short_datetime
from visitdesk.domain.engagement import Engagement
from visitdesk.domain.enums import CarRole, CarSeat
from visitdesk.domain.person import Person
from visitdesk.domain.travel import TravelLeg
from visitdesk.services.errors import ServiceError
from visitdesk.services.exchange.limits import max_length
from visitdesk.services.fields import blank_as_none
from visitdesk.services.lookup import get_or_not_found
from visitdesk.services.visit_editing import get_visit

# Cars in one movement: far above any motorcade, low enough that a slip cannot fill the store.
MAX_CARS = 60
MAX_SEATS = 80  # a coach


@dataclass(frozen=True)
class SeatData:
    person_id: int
    seat: CarSeat = CarSeat.OTHER


@dataclass(frozen=True)
class CarData:
    role: CarRole = CarRole.DELEGATION
    label: str | None = None
    registration: str | None = None
    driver: str | None = None
    driver_phone: str | None = None
    notes: str | None = None
    # In the order they are listed (the seat of honour first, as proposed).
    seats: tuple[SeatData, ...] = field(default=())


@dataclass(frozen=True)
class MovementData:
    """Everything the movement dialog and the cars table edit; also what an undo restores."""

    departs: datetime
    title: str | None = None
    arrives: datetime | None = None
    origin: str | None = None
    destination: str | None = None
    notes: str | None = None
    engagement_id: int | None = None
    travel_leg_id: int | None = None
    # In motorcade order, first car first.
    cars: tuple[CarData, ...] = field(default=())


@dataclass(frozen=True)
class MovementSnapshot:
    """A movement as it was when deleted (alone, or with its engagement): what puts it back."""

    id: int
    visit_id: int
    version: int
    data: MovementData


GONE = "This movement no longer exists: another officer may have deleted it."


def get_movement(session: Session, movement_id: int) -> Movement:
    return get_or_not_found(session, Movement, movement_id, GONE)


def load_movement(session: Session, movement_id: int) -> MovementData:
    m = get_movement(session, movement_id)
    return MovementData(
        departs=m.departs,
        title=m.title,
        arrives=m.arrives,
        origin=m.origin,
        destination=m.destination,
        notes=m.notes,
        engagement_id=m.engagement_id,
        travel_leg_id=m.travel_leg_id,
        cars=tuple(
            CarData(
                role=c.role,
                label=c.label,
                registration=c.registration,
                driver=c.driver,
                driver_phone=c.driver_phone,
                notes=c.notes,
                seats=tuple(SeatData(s.person_id, s.seat) for s in c.seats),
            )
            for c in m.cars
        ),
    )


def snapshot(session: Session, movement_id: int) -> MovementSnapshot:
    m = get_movement(session, movement_id)
    return MovementSnapshot(m.id, m.visit_id, m.version, load_movement(session, movement_id))


def _bounded(value: str | None, table: str, column: str, what: str) -> str | None:
    text = blank_as_none(value)
    limit = max_length(table, column)
    if text is not None and limit is not None and len(text) > limit:
        raise ServiceError(f"{what} is {len(text):,} characters long; at most {limit:,} fit.")
    if text is not None and "\x00" in text:
        raise ServiceError(f"{what} holds a character that cannot be stored (NUL).")
    return text


def _name(session: Session, person_id: int) -> str:
    person = session.get(Person, person_id)
    return person.display_name if person is not None else f"person {person_id}"


def checked(session: Session, visit_id: int, data: MovementData) -> MovementData:
    """The movement as it will be stored, or a ServiceError saying what is wrong with it."""
    if data.arrives is not None and data.arrives < data.departs:
        raise ServiceError(
            f"The movement arrives ({short_datetime(data.arrives)}) before it leaves "
            f"({short_datetime(data.departs)}): correct one of the times."
        )
    if data.engagement_id is not None and data.travel_leg_id is not None:
        raise ServiceError(
            "A movement goes to an engagement or meets a journey, not both: choose one."
        )
    if data.engagement_id is not None:
        engagement = session.get(Engagement, data.engagement_id)
        if engagement is None or engagement.visit_id != visit_id:
            raise ServiceError("The engagement of this movement is no longer in the programme.")
    if data.travel_leg_id is not None:
        leg = session.get(TravelLeg, data.travel_leg_id)
        if leg is None or leg.visit_id != visit_id:
            raise ServiceError("The journey of this movement is no longer in the visit.")
    if len(data.cars) > MAX_CARS:
        raise ServiceError(
            f"A movement has at most {MAX_CARS} cars; this one has {len(data.cars)}."
        )
    seated: dict[int, int] = {}
    cars = []
    for number, car in enumerate(data.cars, start=1):
        where = f"Car {number}"
        if len(car.seats) > MAX_SEATS:
            raise ServiceError(f"{where} has {len(car.seats)} seats; at most {MAX_SEATS} fit.")
        taken: set[CarSeat] = set()
        for seat in car.seats:
            if session.get(Person, seat.person_id) is None:
                raise ServiceError(
                    f"Someone seated in {where.lower()} is no longer in the records: "
                    "choose the passenger again."
                )
            if seat.person_id in seated:
                first = seated[seat.person_id]
                where_both = (
                    f"in car {number}" if first == number else f"(car {first} and car {number})"
                )
                raise ServiceError(
                    f"{_name(session, seat.person_id)} is seated twice {where_both}: "
                    "one person rides in one seat."
                )
            seated[seat.person_id] = number
            if seat.seat is not CarSeat.OTHER and seat.seat in taken:
                raise ServiceError(
                    f"{where} has two passengers in the {seat.seat.label.lower()} seat: "
                    "move one of them."
                )
            taken.add(seat.seat)
        cars.append(
            CarData(
                role=CarRole(car.role),
                label=_bounded(car.label, "movement_car", "label", f"The name of {where.lower()}"),
                registration=_bounded(
                    car.registration, "movement_car", "registration", f"The registration of {where}"
                ),
                driver=_bounded(car.driver, "movement_car", "driver", f"The driver of {where}"),
                driver_phone=_bounded(
                    car.driver_phone, "movement_car", "driver_phone", f"The phone of {where}"
                ),
                notes=blank_as_none(car.notes),
                seats=tuple(SeatData(s.person_id, CarSeat(s.seat)) for s in car.seats),
            )
        )
    return MovementData(
        departs=data.departs,
        title=_bounded(data.title, "movement", "title", "The title"),
        arrives=data.arrives,
        origin=_bounded(data.origin, "movement", "origin", "From"),
        destination=_bounded(data.destination, "movement", "destination", "To"),
        notes=blank_as_none(data.notes),
        engagement_id=data.engagement_id,
        travel_leg_id=data.travel_leg_id,
        cars=tuple(cars),
    )


def _apply(session: Session, movement: Movement, data: MovementData) -> None:
    movement.title = data.title
    movement.departs = data.departs
    movement.arrives = data.arrives
    movement.origin = data.origin
    movement.destination = data.destination
    movement.notes = data.notes
    movement.engagement_id = data.engagement_id
    movement.travel_leg_id = data.travel_leg_id
    # Cars are kept by their place in the motorcade (a car edited stays the same row, so its
    # history reads as changes); seats are few and written anew.
    while len(movement.cars) > len(data.cars):
        movement.cars.pop()
    for index, car in enumerate(data.cars):
        if index < len(movement.cars):
            row = movement.cars[index]
        else:
            row = MovementCar()
            movement.cars.append(row)
        row.role = car.role
        row.label = car.label
        row.registration = car.registration
        row.driver = car.driver
        row.driver_phone = car.driver_phone
        row.notes = car.notes
        wanted = [(s.person_id, s.seat) for s in car.seats]
        if [(s.person_id, s.seat) for s in row.seats] != wanted:
            row.seats.clear()
            session.flush()  # the unique (car, person) rows go before they come back
            for person_id, seat in wanted:
                row.seats.append(CarPassenger(person_id=person_id, seat=seat))
    session.flush()


def add_movement(
    session: Session, visit_id: int, data: MovementData, movement_id: int | None = None
) -> int:
    """Add a movement; `movement_id` puts back one that an undo had removed, under its id."""
    get_visit(session, visit_id)
    data = checked(session, visit_id, data)
    if movement_id is not None and session.get(Movement, movement_id) is not None:
        raise ServiceError("This movement cannot be put back: another took its place.")
    movement = Movement(visit_id=visit_id, departs=data.departs)
    if movement_id is not None:
        movement.id = movement_id
    session.add(movement)
    _apply(session, movement, data)
    return movement.id


def update_movement(session: Session, movement_id: int, data: MovementData) -> None:
    movement = get_movement(session, movement_id)
    _apply(session, movement, checked(session, movement.visit_id, data))


def delete_movement(session: Session, movement_id: int) -> MovementSnapshot:
    gone = snapshot(session, movement_id)
    session.delete(get_movement(session, movement_id))
    session.flush()
    return gone


def restore_movement(session: Session, gone: MovementSnapshot) -> int:
    """Put a deleted movement back as it was, under its id (the caller restores its version).
    Passengers no longer in the records are left out rather than refusing the whole undo."""
    present = set(
        session.scalars(
            select(Person.id).where(
                Person.id.in_({s.person_id for c in gone.data.cars for s in c.seats})
            )
        )
    )
    cars = tuple(
        CarData(
            c.role,
            c.label,
            c.registration,
            c.driver,
            c.driver_phone,
            c.notes,
            tuple(s for s in c.seats if s.person_id in present),
        )
        for c in gone.data.cars
    )
    data = replace(gone.data, cars=cars)
    return add_movement(session, gone.visit_id, data, gone.id)


def engagement_movements(session: Session, engagement_id: int) -> tuple[MovementSnapshot, ...]:
    """The movements to an engagement, which go when it is deleted (and come back with it)."""
    ids = session.scalars(
        select(Movement.id).where(Movement.engagement_id == engagement_id).order_by(Movement.id)
    )
    return tuple(snapshot(session, i) for i in ids)
