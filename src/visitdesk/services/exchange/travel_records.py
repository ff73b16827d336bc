"""The journeys and hotel stays of a visit in an exchange file, checked, as plain records; and
the fields each may have (the schema test keeps them in step with the JSON Schema)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from visitdesk.domain.enums import RoomType, TravelKind, TravelMode

JOURNEY = frozenset(
    {
        "id",
        "kind",
        "mode",
        "carrier",
        "number",
        "origin",
        "destination",
        "departs",
        "departs_zone",
        "arrives",
        "arrives_zone",
        "terminal",
        "received_by",
        "vip_lounge",
        "baggage_pieces",
        "notes",
        "travellers",
    }
)
TRAVELLER = frozenset({"person", "seat"})
HOTEL = frozenset(
    {"name", "city", "address", "phone", "booking_reference", "paid_by", "notes", "rooms"}
)
ROOM = frozenset(
    {"person", "room_type", "room_number", "check_in", "check_out", "paid_by", "requests"}
)


@dataclass(slots=True)
class TravellerRecord:
    person: str
    seat: str | None = None


@dataclass(slots=True)
class JourneyRecord:
    # The journey's id within its visit ("journey-1"): what a car plan refers to.
    ref: str | None
    kind: TravelKind
    mode: TravelMode
    carrier: str | None
    number: str | None
    origin: str | None
    destination: str | None
    departs: datetime | None
    departs_zone: str | None
    arrives: datetime | None
    arrives_zone: str | None
    terminal: str | None
    received_by: str | None
    vip_lounge: bool
    baggage_pieces: int | None
    notes: str | None
    travellers: list[TravellerRecord] = field(default_factory=list)


@dataclass(slots=True)
class RoomRecord:
    person: str
    room_type: RoomType
    room_number: str | None
    check_in: date
    check_out: date
    paid_by: str | None
    requests: str | None


@dataclass(slots=True)
class HotelRecord:
    name: str
    city: str | None
    address: str | None
    phone: str | None
    booking_reference: str | None
    paid_by: str | None
    notes: str | None
    rooms: list[RoomRecord] = field(default_factory=list)
