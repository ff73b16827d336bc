"""A visit's hotels (one per city stay) and the room of each delegate, and handing a block
of rooms out by precedence (domain/rooming.py).

A hotel is versioned; its rooms are part of it, so a room added, changed or allotted is a
change of the hotel (one undo step, refused when another officer saved the hotel since).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import date
from typing import NamedTuple

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from visitdesk.domain.dates import short_date
from visitdesk.domain.enums import RoomType, Side
from visitdesk.domain.lodging import Hotel, HotelRoom
from visitdesk.domain.models import Person
from visitdesk.domain.precedence import in_precedence
from visitdesk.domain.rooming import Lodger, RoomPlan, a_room, allot_rooms
from visitdesk.services.errors import NotFoundError, ServiceError
from visitdesk.services.exchange.limits import max_length
from visitdesk.services.fields import blank_as_none
from visitdesk.services.lookup import get_or_not_found
from visitdesk.services.search import fold
from visitdesk.services.visit_editing import get_visit

MAX_ROOMS_OF_A_TYPE = 500


@dataclass(frozen=True)
class RoomData:
    person_id: int
    check_in: date
    check_out: date
    room_type: RoomType = RoomType.STANDARD
    room_number: str | None = None
    paid_by: str | None = None  # None: the hotel's payer
    requests: str | None = None


@dataclass(frozen=True)
class HotelData:
    """Everything the hotel dialog edits, with its rooms; also what an undo restores."""

    name: str
    city: str | None = None
    address: str | None = None
    phone: str | None = None
    booking_reference: str | None = None
    paid_by: str | None = None
    notes: str | None = None
    rooms: tuple[RoomData, ...] = ()


class RoomRow(NamedTuple):
    id: int  # the person's id: one room per person in a hotel
    hotel_id: int
    hotel: str  # "Serena, Islamabad"
    name: str
    room_type: RoomType
    room_number: str
    check_in: date
    check_out: date
    nights: int
    paid_by: str
    requests: str
    haystack: str


class HotelChoice(NamedTuple):
    id: int
    label: str  # "Serena (Islamabad)"


@dataclass(frozen=True)
class AllotPreview:
    """What "Allot rooms by precedence" would do, as sentences, and the hotel it makes."""

    lines: tuple[str, ...]
    notes: tuple[str, ...]
    data: HotelData
    changes: int  # rooms made or changed


def _hotel(session: Session, hotel_id: int) -> Hotel:
    return get_or_not_found(
        session,
        Hotel,
        hotel_id,
        "That hotel no longer exists: another officer may have deleted it.",
    )


def hotel_label(hotel: Hotel) -> str:
    name = " ".join(hotel.name.split())
    return f"{name} ({' '.join(hotel.city.split())})" if hotel.city else name


def hotel_choices(session: Session, visit_id: int) -> list[HotelChoice]:
    return [HotelChoice(h.id, hotel_label(h)) for h in get_visit(session, visit_id).hotels]


def room_rows(session: Session, visit_id: int) -> list[RoomRow]:
    """Every room of every hotel of the visit: hotel by hotel, in order of precedence."""
    visit = get_visit(session, visit_id)
    rows = []
    stays = session.scalars(
        select(Hotel)
        .where(Hotel.visit_id == visit_id)
        .options(selectinload(Hotel.rooms))
        .order_by(Hotel.position, Hotel.id)
    )
    for hotel in stays:
        rooms = {r.person_id: r for r in hotel.rooms}
        for person in in_precedence([r.person for r in hotel.rooms], visit.leader):
            room = rooms[person.id]
            paid = room.paid_by or hotel.paid_by or ""
            rows.append(
                RoomRow(
                    person.id,
                    hotel.id,
                    hotel_label(hotel),
                    person.display_name,
                    room.room_type,
                    room.room_number or "",
                    room.check_in,
                    room.check_out,
                    room.nights(),
                    paid,
                    room.requests or "",
                    fold(hotel.name, hotel.city, person.display_name, person.native_name),
                )
            )
    return rows


def load_hotel(session: Session, hotel_id: int) -> HotelData:
    hotel = _hotel(session, hotel_id)
    return HotelData(
        name=hotel.name,
        city=hotel.city,
        address=hotel.address,
        phone=hotel.phone,
        booking_reference=hotel.booking_reference,
        paid_by=hotel.paid_by,
        notes=hotel.notes,
        rooms=tuple(
            RoomData(
                r.person_id,
                r.check_in,
                r.check_out,
                r.room_type,
                r.room_number,
                r.paid_by,
                r.requests,
            )
            for r in hotel.rooms
        ),
    )


def _checked(session: Session, data: HotelData) -> HotelData:
    name = " ".join((data.name or "").split())
    if not name:
        raise ServiceError("Give the hotel's name.")
    seen: set[int] = set()
    rooms = []
    for room in data.rooms:
        person = session.get(Person, room.person_id)
        if person is None:
            raise NotFoundError("A person with a room in this hotel no longer exists.")
        if room.person_id in seen:
            raise ServiceError(f"{person.display_name} has a room in this hotel already.")
        seen.add(room.person_id)
        if room.check_out < room.check_in:
            raise ServiceError(
                f"The check-out of {person.display_name} ({short_date(room.check_out)}) comes "
                f"before the check-in ({short_date(room.check_in)}): correct one of the two dates."
            )
        rooms.append(
            replace(
                room,
                room_type=RoomType(room.room_type),
                room_number=blank_as_none(room.room_number),
                paid_by=blank_as_none(room.paid_by),
                requests=blank_as_none(room.requests),
            )
        )
    checked = HotelData(
        name=name,
        city=blank_as_none(data.city),
        address=blank_as_none(data.address),
        phone=blank_as_none(data.phone),
        booking_reference=blank_as_none(data.booking_reference),
        paid_by=blank_as_none(data.paid_by),
        notes=blank_as_none(data.notes),
        rooms=tuple(rooms),
    )
    # Held to the columns' lengths, as visitdesk/1 is: a longer name saved here would make an
    # export that no office could import again.
    for record, table, fields in (
        (checked, "hotel", _HOTEL_BOUNDED),
        *((room, "hotel_room", _ROOM_BOUNDED) for room in checked.rooms),
    ):
        for field, what in fields:
            text = getattr(record, field)
            limit = max_length(table, field)
            if text is not None and limit is not None and len(text) > limit:
                raise ServiceError(
                    f"{what} is {len(text):,} characters long; at most {limit:,} fit."
                )
    return checked


_HOTEL_BOUNDED = (
    ("name", "The hotel's name"),
    ("city", "The hotel's city"),
    ("phone", "The hotel's telephone"),
    ("booking_reference", "The booking reference"),
    ("paid_by", "Who pays"),
)
_ROOM_BOUNDED = (("room_number", "The room number"), ("paid_by", "Who pays for the room"))


def _apply(hotel: Hotel, data: HotelData) -> None:
    hotel.name, hotel.city, hotel.address, hotel.phone = (
        data.name,
        data.city,
        data.address,
        data.phone,
    )
    hotel.booking_reference, hotel.paid_by, hotel.notes = (
        data.booking_reference,
        data.paid_by,
        data.notes,
    )
    present = {r.person_id: r for r in hotel.rooms}
    wanted = []
    for room in data.rooms:
        row = present.get(room.person_id) or HotelRoom(person_id=room.person_id)
        row.room_type, row.room_number = room.room_type, room.room_number
        row.check_in, row.check_out = room.check_in, room.check_out
        row.paid_by, row.requests = room.paid_by, room.requests
        wanted.append(row)
    hotel.rooms = wanted


def add_hotel(
    session: Session,
    visit_id: int,
    data: HotelData,
    hotel_id: int | None = None,
    position: int | None = None,
) -> int:
    """A new hotel, last (or, put back by an undo, under its id at its place)."""
    visit = get_visit(session, visit_id)
    checked = _checked(session, data)
    hotel = Hotel(name=checked.name)
    if hotel_id is not None:
        hotel.id = hotel_id
    if position is None:
        visit.hotels.append(hotel)
    else:
        visit.hotels.insert(position, hotel)
    _apply(hotel, checked)
    session.flush()
    return hotel.id


def update_hotel(session: Session, hotel_id: int, data: HotelData) -> None:
    hotel = _hotel(session, hotel_id)
    _apply(hotel, _checked(session, data))


def delete_hotel(session: Session, hotel_id: int) -> tuple[int, int, int, HotelData]:
    """Delete a hotel and its rooms; returns (visit id, version, position, data)."""
    hotel = _hotel(session, hotel_id)
    gone = (hotel.visit_id, hotel.version, hotel.position, load_hotel(session, hotel_id))
    visit = hotel.visit
    visit.hotels.remove(hotel)
    session.delete(hotel)
    session.flush()
    return gone


# Allotting a block by precedence ---------------------------------------------------------


def preview_allotment(
    session: Session,
    hotel_id: int,
    block: Mapping[RoomType, int],
    check_in: date,
    check_out: date,
    reallot: bool = False,
) -> AllotPreview:
    """What handing out `block` to the delegation by precedence does to this hotel's rooms
    (nothing is stored: the app saves `data` as an edit of the hotel)."""
    for room_type, count in block.items():
        if not 0 <= count <= MAX_ROOMS_OF_A_TYPE:
            raise ServiceError(
                f"A block holds from 0 to {MAX_ROOMS_OF_A_TYPE} rooms of a type, "
                f"not {count} {RoomType(room_type).label.lower()} rooms."
            )
    if check_out < check_in:
        raise ServiceError(
            f"The check-out ({short_date(check_out)}) comes before the check-in "
            f"({short_date(check_in)}): correct one of the two dates."
        )
    hotel = _hotel(session, hotel_id)
    visit = hotel.visit
    current = load_hotel(session, hotel_id)
    held = {r.person_id: r for r in current.rooms}
    members = visit.members
    if not members:
        raise ServiceError("The visit has no delegation members yet: add them first.")
    lodgers = [
        Lodger(
            p.id,
            p.name_parts,
            p.precedence,
            held[p.id].room_type if p.id in held else None,
        )
        for p in members
    ]
    plan = allot_rooms(
        lodgers, {RoomType(t): n for t, n in block.items()}, visit.leader_id, reallot
    )
    return _preview(session, current, plan, check_in, check_out)


def _preview(
    session: Session, current: HotelData, plan: RoomPlan, check_in: date, check_out: date
) -> AllotPreview:
    held = {r.person_id: r for r in current.rooms}
    lodged = {a.person_id: a for a in plan.rooms}
    rooms: list[RoomData] = []
    lines: list[str] = []
    for allotment in plan.rooms:
        person = session.get(Person, allotment.person_id)
        assert person is not None
        kind = allotment.room_type.label.lower()
        before = held.get(allotment.person_id)
        if before is None:
            rooms.append(RoomData(allotment.person_id, check_in, check_out, allotment.room_type))
            lines.append(f"{person.display_name}: {a_room(allotment.room_type)}, new.")
        elif before.room_type is not allotment.room_type:
            rooms.append(replace(before, room_type=allotment.room_type, room_number=None))
            lines.append(
                f"{person.display_name}: {a_room(allotment.room_type)} instead of the "
                f"{before.room_type.label.lower()}"
                + (f" (room {before.room_number} given up)." if before.room_number else ".")
            )
        else:
            rooms.append(before)
            lines.append(f"{person.display_name}: keeps the {kind}.")
    # Rooms of people who are not delegates (or not lodged by the block) stay as they were.
    rooms += [r for r in current.rooms if r.person_id not in lodged]
    if plan.spare:
        spare = ", ".join(t.label.lower() for t in plan.spare)
        lines.append(f"Left over: {spare}.")
    return AllotPreview(
        tuple(lines),
        plan.notes,
        replace(current, rooms=tuple(rooms)),
        len(plan.new) + len(plan.changed),
    )


def delegation_ids(session: Session, visit_id: int) -> list[int]:
    visit = get_visit(session, visit_id)
    return [p.person_id for p in visit.participants_on(Side.GUEST)]
