"""Check a visit's `"travel"` (its journeys) and `"hotels"` in an exchange file.

Every problem is named with its place in the file, as parse_visit does; the visit's own checks
apply too: a journey that arrives before it departs, a traveller who leaves before arriving,
a check-out before its check-in.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any
from zoneinfo import ZoneInfo

from visitdesk.domain.enums import RoomType, TravelKind, TravelMode
from visitdesk.domain.timezones import is_valid_zone
from visitdesk.services.exchange.fields import Obj, describe
from visitdesk.services.exchange.parse_common import Refs, limited_text, report_duplicates
from visitdesk.services.exchange.travel_records import (
    HOTEL,
    JOURNEY,
    ROOM,
    TRAVELLER,
    HotelRecord,
    JourneyRecord,
    RoomRecord,
    TravellerRecord,
)

MAX_BAGGAGE = 999


def _zone(obj: Obj, key: str) -> str | None:
    zone = limited_text(obj, key, "travel_leg")
    if zone is not None and not is_valid_zone(zone):
        obj.problems.add(
            obj.at(key), f"{describe(zone)} is not a time zone; use an IANA name such as Asia/Seoul"
        )
        return None
    return zone


def _travellers(obj: Obj, refs: Refs) -> list[TravellerRecord]:
    found: list[TravellerRecord] = []
    seen: set[str] = set()
    listed = 0
    for path, item in obj.items("travellers"):
        listed += 1
        if isinstance(item, dict):
            child = Obj(item, path, obj.problems, TRAVELLER)
            if not child.has("person"):
                obj.problems.add(child.at("person"), "is missing; it is required")
            ref = refs.person(child, "person")
            seat = limited_text(child, "seat", "traveller")
        else:
            ref, seat = refs.person_at(path, item, obj.problems), None
        if ref is None:
            continue
        if ref in seen:
            obj.problems.add(path, f"person {ref!r} is listed twice on this journey")
            continue
        seen.add(ref)
        found.append(TravellerRecord(ref, seat))
    if not listed:
        obj.problems.add(obj.at("travellers"), "names nobody; a journey has one traveller or more")
    return found


def _journey(obj: Obj, refs: Refs) -> JourneyRecord:
    departs, arrives = obj.moment("departs"), obj.moment("arrives")
    departs_zone, arrives_zone = _zone(obj, "departs_zone"), _zone(obj, "arrives_zone")
    if departs is None and arrives is None and not obj.has("departs") and not obj.has("arrives"):
        obj.problems.add(obj.path, "gives neither departs nor arrives; give one or both")
    baggage = obj.integer("baggage_pieces", minimum=0)
    if baggage is not None and baggage > MAX_BAGGAGE:
        obj.problems.add(obj.at("baggage_pieces"), f"must be at most {MAX_BAGGAGE}, not {baggage}")
        baggage = None
    return JourneyRecord(
        ref=obj.text("id", max_length=120),
        kind=obj.choice("kind", TravelKind, TravelKind.ARRIVAL) or TravelKind.ARRIVAL,
        mode=obj.choice("mode", TravelMode, TravelMode.FLIGHT) or TravelMode.FLIGHT,
        carrier=limited_text(obj, "carrier", "travel_leg"),
        number=limited_text(obj, "number", "travel_leg"),
        origin=limited_text(obj, "origin", "travel_leg"),
        destination=limited_text(obj, "destination", "travel_leg"),
        departs=departs,
        departs_zone=departs_zone,
        arrives=arrives,
        arrives_zone=arrives_zone,
        terminal=limited_text(obj, "terminal", "travel_leg"),
        received_by=refs.person(obj, "received_by"),
        vip_lounge=obj.flag("vip_lounge", False),
        baggage_pieces=baggage,
        notes=obj.text("notes"),
        travellers=_travellers(obj, refs),
    )


def _utc(when: datetime, zone: str | None, visit_zone: str) -> datetime:
    return when.replace(tzinfo=ZoneInfo(zone or visit_zone)).astimezone(UTC)


def _met(journey: JourneyRecord, visit_zone: str) -> datetime | None:
    """When the office meets (arrival) or sees off (departure) it, as UTC."""
    if journey.kind is TravelKind.ARRIVAL:
        when, zone = journey.arrives or journey.departs, journey.arrives_zone
    else:
        when, zone = journey.departs or journey.arrives, journey.departs_zone
    return None if when is None else _utc(when, zone, visit_zone)


def journeys(parent: Obj, refs: Refs, visit_zone: str) -> list[JourneyRecord] | None:
    """The visit's journeys, or None when the file says nothing of them (those stored stay)."""
    if not parent.has("travel"):
        return None
    found: list[tuple[str, JourneyRecord]] = []
    for obj in parent.each("travel", JOURNEY):
        journey = _journey(obj, refs)
        found.append((obj.path, journey))
        if journey.departs and journey.arrives:
            start = _utc(journey.departs, journey.departs_zone, visit_zone)
            if _utc(journey.arrives, journey.arrives_zone, visit_zone) < start:
                obj.problems.add(
                    obj.at("arrives"),
                    f"the journey arrives ({journey.arrives:%Y-%m-%d %H:%M}) before it departs "
                    f"({journey.departs:%Y-%m-%d %H:%M}); give the time zone of an end whose "
                    "local time is not the visit's",
                )
    report_duplicates([(f"{p}.id", j.ref) for p, j in found if j.ref], "journey", parent.problems)
    _check_order(found, visit_zone, parent)
    return [j for _p, j in found]


def _check_order(found: list[tuple[str, JourneyRecord]], visit_zone: str, parent: Obj) -> None:
    arrivals: dict[str, datetime] = {}
    for _path, journey in found:
        met = _met(journey, visit_zone)
        if journey.kind is TravelKind.ARRIVAL and met is not None:
            for t in journey.travellers:
                arrivals[t.person] = min(met, arrivals.get(t.person, met))
    for path, journey in found:
        met = _met(journey, visit_zone)
        if journey.kind is not TravelKind.DEPARTURE or met is None:
            continue
        for t in journey.travellers:
            if t.person in arrivals and met < arrivals[t.person]:
                parent.problems.add(
                    f"{path}.departs",
                    f"person {t.person!r} would leave before arriving (their arrival is later)",
                )


def _room(obj: Obj, refs: Refs) -> RoomRecord | None:
    if not obj.has("person"):
        obj.problems.add(obj.at("person"), "is missing; it is required")
    person = refs.person(obj, "person")
    check_in = obj.day("check_in", required=True)
    check_out = obj.day("check_out", required=True)
    if check_in and check_out and check_out < check_in:
        obj.problems.add(
            obj.at("check_out"),
            f"the check-out ({check_out}) comes before the check-in ({check_in})",
        )
    room = RoomRecord(
        person=person or "",
        room_type=obj.choice("room_type", RoomType, RoomType.STANDARD) or RoomType.STANDARD,
        room_number=limited_text(obj, "room_number", "hotel_room"),
        check_in=check_in or datetime.min.date(),
        check_out=check_out or datetime.min.date(),
        paid_by=limited_text(obj, "paid_by", "hotel_room"),
        requests=obj.text("requests"),
    )
    return room if person and check_in and check_out else None


def _hotel(obj: Obj, refs: Refs) -> HotelRecord:
    rooms: list[RoomRecord] = []
    seen: dict[str, str] = {}
    for child in obj.each("rooms", ROOM):
        room = _room(child, refs)
        if room is None:
            continue
        if room.person in seen:
            child.problems.add(
                child.at("person"),
                f"person {room.person!r} has a room in this hotel already (at {seen[room.person]})",
            )
            continue
        seen[room.person] = child.path
        rooms.append(room)
    return HotelRecord(
        name=limited_text(obj, "name", "hotel", required=True) or "",
        city=limited_text(obj, "city", "hotel"),
        address=obj.text("address"),
        phone=limited_text(obj, "phone", "hotel"),
        booking_reference=limited_text(obj, "booking_reference", "hotel"),
        paid_by=limited_text(obj, "paid_by", "hotel"),
        notes=obj.text("notes"),
        rooms=rooms,
    )


def hotels(parent: Obj, refs: Refs) -> list[HotelRecord] | None:
    """The visit's hotels with their rooms, or None when the file says nothing of them."""
    if not parent.has("hotels"):
        return None
    return [_hotel(obj, refs) for obj in parent.each("hotels", HOTEL)]


def liaison_officer(obj: Obj, refs: Refs, guest: bool) -> str | None:
    """A delegation member's `"liaison_officer"`: a person of the file, never a member."""
    if not obj.has("liaison_officer"):
        return None
    if not guest:
        obj.problems.add(
            obj.at("liaison_officer"), "only a delegation member has a liaison officer"
        )
        return None
    return refs.person(obj, "liaison_officer")


def check_liaison(members: list[Any], problems: Any, path: str) -> None:
    """A liaison officer comes from the host side: never a member of the delegation."""
    delegates = {m.person for m in members}
    for index, member in enumerate(members):
        if member.liaison_officer is not None and member.liaison_officer in delegates:
            problems.add(
                f"{path}[{index}].liaison_officer",
                f"person {member.liaison_officer!r} is a member of the delegation; a liaison "
                "officer comes from the host side",
            )
