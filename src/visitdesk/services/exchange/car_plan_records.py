"""The car plans of a visit in an exchange file (`"car_plans"`), as checked records.

A movement names its engagement by the engagement's `id` in the same visit, and its journey
by the journey's position in the visit's `"travel"` list (0 is the first); passengers by their
person `id`, as the rest of the format does.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from visitdesk.domain.enums import CarRole, CarSeat

MOVEMENT = frozenset(
    {
        "title",
        "engagement",
        "journey",
        "departs",
        "arrives",
        "origin",
        "destination",
        "notes",
        "cars",
    }
)
CAR = frozenset({"role", "label", "registration", "driver", "driver_phone", "notes", "seats"})
SEAT = frozenset({"person", "seat"})


@dataclass(slots=True)
class SeatRecord:
    person: str
    seat: CarSeat


@dataclass(slots=True)
class CarRecord:
    role: CarRole
    label: str | None
    registration: str | None
    driver: str | None
    driver_phone: str | None
    notes: str | None
    seats: list[SeatRecord] = field(default_factory=list)


@dataclass(slots=True)
class MovementRecord:
    departs: datetime
    title: str | None
    engagement: str | None  # the engagement's id in this visit
    journey: str | None  # the `id` of one of this visit's "travel" entries
    arrives: datetime | None
    origin: str | None
    destination: str | None
    notes: str | None
    cars: list[CarRecord] = field(default_factory=list)
