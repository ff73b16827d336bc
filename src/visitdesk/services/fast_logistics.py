"""A visit's logistics read with sqlite3 alone, as plain records, for `visitdesk show` on a
current store: only what the logistics warnings read (domain/logistics_checks.py), in the
order the models' relationships give, one record per person as `fast_visit` keeps them."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import TYPE_CHECKING

from visitdesk.domain.enums import TravelKind, TravelMode

if TYPE_CHECKING:
    from visitdesk.services.fast_visit import PlainEngagement, PlainPerson


def _moment(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


@dataclass(eq=False)
class PlainTraveller:
    person: PlainPerson


@dataclass(eq=False)
class PlainLeg:
    kind: TravelKind
    mode: TravelMode
    number: str | None
    departs: datetime | None
    arrives: datetime | None
    departs_zone: str | None
    arrives_zone: str | None
    travellers: list[PlainTraveller] = field(default_factory=list)


@dataclass(eq=False)
class PlainRoom:
    person: PlainPerson
    check_in: date
    check_out: date


@dataclass(eq=False)
class PlainHotel:
    rooms: list[PlainRoom] = field(default_factory=list)


@dataclass(eq=False)
class PlainCar:
    registration: str | None
    driver: str | None


@dataclass(eq=False)
class PlainMovement:
    title: str | None
    departs: datetime
    arrives: datetime | None
    origin: str | None
    destination: str | None
    engagement: PlainEngagement | None
    cars: list[PlainCar] = field(default_factory=list)


def load_plain_logistics(
    connection: sqlite3.Connection,
    visit_id: int,
    person: Callable[[int], PlainPerson],
    engagements: dict[int, PlainEngagement],
) -> tuple[list[PlainLeg], list[PlainHotel], list[PlainMovement]]:
    """The visit's journeys (by id), hotels (by position) and movements (by time)."""
    legs: dict[int, PlainLeg] = {}
    for lid, kind, mode, number, departs, arrives, dzone, azone in connection.execute(
        "SELECT id, kind, mode, number, departs, arrives, departs_zone, arrives_zone "
        "FROM travel_leg WHERE visit_id = ? ORDER BY id",
        (visit_id,),
    ).fetchall():
        legs[lid] = PlainLeg(
            TravelKind(kind),
            TravelMode(mode),
            number,
            _moment(departs),
            _moment(arrives),
            dzone,
            azone,
        )
    for lid, person_id in connection.execute(
        "SELECT traveller.leg_id, traveller.person_id FROM traveller "
        "JOIN travel_leg ON traveller.leg_id = travel_leg.id WHERE travel_leg.visit_id = ? "
        "ORDER BY traveller.leg_id, traveller.position",
        (visit_id,),
    ).fetchall():
        legs[lid].travellers.append(PlainTraveller(person(person_id)))
    hotels: dict[int, PlainHotel] = {
        hid: PlainHotel()
        for (hid,) in connection.execute(
            "SELECT id FROM hotel WHERE visit_id = ? ORDER BY position", (visit_id,)
        ).fetchall()
    }
    for hid, person_id, check_in, check_out in connection.execute(
        "SELECT hotel_room.hotel_id, hotel_room.person_id, hotel_room.check_in, "
        "hotel_room.check_out FROM hotel_room JOIN hotel ON hotel_room.hotel_id = hotel.id "
        "WHERE hotel.visit_id = ? ORDER BY hotel_room.hotel_id, hotel_room.position",
        (visit_id,),
    ).fetchall():
        hotels[hid].rooms.append(
            PlainRoom(
                person(person_id), date.fromisoformat(check_in), date.fromisoformat(check_out)
            )
        )
    movements: dict[int, PlainMovement] = {}
    for mid, title, departs, arrives, origin, destination, eid in connection.execute(
        "SELECT id, title, departs, arrives, origin, destination, engagement_id FROM movement "
        "WHERE visit_id = ? ORDER BY departs, id",
        (visit_id,),
    ).fetchall():
        movements[mid] = PlainMovement(
            title,
            datetime.fromisoformat(departs),
            _moment(arrives),
            origin,
            destination,
            engagements.get(eid) if eid is not None else None,
        )
    for mid, registration, driver in connection.execute(
        "SELECT movement_car.movement_id, movement_car.registration, movement_car.driver "
        "FROM movement_car JOIN movement ON movement_car.movement_id = movement.id "
        "WHERE movement.visit_id = ? ORDER BY movement_car.movement_id, movement_car.position",
        (visit_id,),
    ).fetchall():
        movements[mid].cars.append(PlainCar(registration, driver))
    return list(legs.values()), list(hotels.values()), list(movements.values())
