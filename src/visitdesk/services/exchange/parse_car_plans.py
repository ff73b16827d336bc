"""Check a visit's `"car_plans"`: every problem named with its place in the file."""

from __future__ import annotations

from visitdesk.domain.enums import CarRole, CarSeat
from visitdesk.services.car_plans import MAX_CARS, MAX_SEATS
from visitdesk.services.exchange.car_plan_records import (
    CAR,
    MOVEMENT,
    SEAT,
    CarRecord,
    MovementRecord,
    SeatRecord,
)
from visitdesk.services.exchange.fields import Obj
from visitdesk.services.exchange.parse_common import EPOCH, Refs, limited_text


def _car(obj: Obj, refs: Refs, seated: dict[str, str]) -> CarRecord:
    seats: list[SeatRecord] = []
    taken: dict[CarSeat, str] = {}
    for index, seat_obj in enumerate(obj.each("seats", SEAT)):
        if index == MAX_SEATS:
            obj.problems.add(obj.at("seats"), f"a car has at most {MAX_SEATS} seats")
            break
        person = refs.person(seat_obj, "person")
        if not seat_obj.has("person"):
            seat_obj.problems.add(seat_obj.at("person"), "is missing; it is required")
        seat = seat_obj.choice("seat", CarSeat, CarSeat.OTHER) or CarSeat.OTHER
        if seat is not CarSeat.OTHER:
            if seat in taken:
                seat_obj.problems.add(
                    seat_obj.at("seat"),
                    f"the {seat.value} seat of this car is taken already (at {taken[seat]})",
                )
            taken.setdefault(seat, seat_obj.path)
        if person is None:
            continue
        if person in seated:
            seat_obj.problems.add(
                seat_obj.at("person"),
                f"person {person!r} is seated twice in this movement (first at {seated[person]})",
            )
            continue
        seated[person] = seat_obj.path
        seats.append(SeatRecord(person, seat))
    return CarRecord(
        role=obj.choice("role", CarRole, CarRole.DELEGATION) or CarRole.DELEGATION,
        label=limited_text(obj, "label", "movement_car"),
        registration=limited_text(obj, "registration", "movement_car"),
        driver=limited_text(obj, "driver", "movement_car"),
        driver_phone=limited_text(obj, "driver_phone", "movement_car"),
        notes=obj.text("notes"),
        seats=seats,
    )


def _movement(obj: Obj, refs: Refs, engagements: set[str], journeys: set[str]) -> MovementRecord:
    departs = obj.moment("departs", required=True)
    arrives = obj.moment("arrives")
    if departs is not None and arrives is not None and arrives < departs:
        obj.problems.add(
            obj.at("arrives"),
            f"the movement arrives ({arrives:%Y-%m-%d %H:%M}) before it leaves "
            f"({departs:%Y-%m-%d %H:%M})",
        )
    engagement = obj.text("engagement")
    if engagement is not None and engagement not in engagements:
        obj.problems.add(
            obj.at("engagement"),
            f"refers to engagement {engagement!r}, which this visit's engagements do not define",
        )
    journey = obj.text("journey")
    if journey is not None and journey not in journeys:
        obj.problems.add(
            obj.at("journey"),
            f"refers to journey {journey!r}, which this visit's travel list does not define",
        )
    if engagement is not None and obj.has("journey"):
        obj.problems.add(
            obj.at("journey"), "a movement goes to an engagement or meets a journey, not both"
        )
    seated: dict[str, str] = {}
    cars = []
    for index, car in enumerate(obj.each("cars", CAR)):
        if index == MAX_CARS:
            obj.problems.add(obj.at("cars"), f"a movement has at most {MAX_CARS} cars")
            break
        cars.append(_car(car, refs, seated))
    return MovementRecord(
        departs=departs or EPOCH,
        title=limited_text(obj, "title", "movement"),
        engagement=engagement,
        journey=journey,
        arrives=arrives,
        origin=limited_text(obj, "origin", "movement"),
        destination=limited_text(obj, "destination", "movement"),
        notes=obj.text("notes"),
        cars=cars,
    )


def car_plans(obj: Obj, refs: Refs, engagements: set[str]) -> list[MovementRecord] | None:
    """The visit's movements; None when the file says nothing of car plans (those in the
    store are then kept)."""
    if obj.value.get("car_plans") is None:
        return None
    travel = obj.value.get("travel")
    journeys = {
        j["id"] for j in (travel if isinstance(travel, list) else []) if isinstance(j, dict)
        and isinstance(j.get("id"), str)
    }  # fmt: skip
    return [_movement(m, refs, engagements, journeys) for m in obj.each("car_plans", MOVEMENT)]
