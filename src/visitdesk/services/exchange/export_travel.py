"""The journeys and hotels of exported visits, as the `"travel"` and `"hotels"` of each visit.

Deterministic like the rest of the export: journeys in the order they were recorded (each given
the id `journey-N` a car plan refers to), travellers, hotels and rooms in their own order.
A visit with none leaves the key out, so files of visits without logistics are unchanged.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from visitdesk.domain.lodging import Hotel, HotelRoom
from visitdesk.domain.travel import TravelLeg, Traveller
from visitdesk.services.exchange.writer import chunks

Json = dict[str, Any]


def _moment(value: Any) -> str | None:
    if value is None:
        return None
    return str(value.isoformat(timespec="minutes" if not value.second else "seconds"))


def _compact(record: Json) -> Json:
    return {k: v for k, v in record.items() if v is not None}


def _load(session: Session, visit_ids: Sequence[int]) -> tuple[list[Any], ...]:
    legs: list[Any] = []
    travellers: list[Any] = []
    hotels: list[Any] = []
    rooms: list[Any] = []
    for part in chunks(list(visit_ids)):
        legs += session.execute(
            select(*TravelLeg.__table__.columns)
            .where(TravelLeg.visit_id.in_(part))
            .order_by(TravelLeg.id)
        ).all()
        travellers += session.execute(
            select(Traveller.leg_id, Traveller.person_id, Traveller.seat, Traveller.position)
            .join(TravelLeg, Traveller.leg_id == TravelLeg.id)
            .where(TravelLeg.visit_id.in_(part))
        ).all()
        hotels += session.execute(
            select(*Hotel.__table__.columns)
            .where(Hotel.visit_id.in_(part))
            .order_by(Hotel.position, Hotel.id)
        ).all()
        rooms += session.execute(
            select(*HotelRoom.__table__.columns)
            .join(Hotel, HotelRoom.hotel_id == Hotel.id)
            .where(Hotel.visit_id.in_(part))
        ).all()
    return legs, travellers, hotels, rooms


def travel_people(session: Session, visit_ids: Sequence[int]) -> set[int]:
    """Everyone the visits' journeys and hotels name (the export carries them too)."""
    legs, travellers, _hotels, rooms = _load(session, visit_ids)
    ids = {t.person_id for t in travellers} | {r.person_id for r in rooms}
    ids |= {leg.received_by_id for leg in legs if leg.received_by_id is not None}
    return ids


def add_travel(
    session: Session, visit_ids: Sequence[int], visits: list[Json], people: dict[int, str]
) -> None:
    """Put `"travel"` and `"hotels"` into each exported visit (in the order of `visit_ids`)."""
    legs, travellers, hotels, rooms = _load(session, visit_ids)
    on_leg: dict[int, list[Any]] = defaultdict(list)
    for t in sorted(travellers, key=lambda t: (t.leg_id, t.position)):
        on_leg[t.leg_id].append(t)
    in_hotel: dict[int, list[Any]] = defaultdict(list)
    for r in sorted(rooms, key=lambda r: (r.hotel_id, r.position, r.id)):
        in_hotel[r.hotel_id].append(r)
    by_visit: dict[int, Json] = dict(zip(visit_ids, visits, strict=True))
    numbers: dict[int, int] = defaultdict(int)
    for leg in legs:
        numbers[leg.visit_id] += 1
        journey = _compact(
            {
                "id": f"journey-{numbers[leg.visit_id]}",
                "kind": leg.kind.value,
                "mode": leg.mode.value,
                "carrier": leg.carrier,
                "number": leg.number,
                "origin": leg.origin,
                "destination": leg.destination,
                "departs": _moment(leg.departs),
                "departs_zone": leg.departs_zone,
                "arrives": _moment(leg.arrives),
                "arrives_zone": leg.arrives_zone,
                "terminal": leg.terminal,
                "received_by": people[leg.received_by_id] if leg.received_by_id else None,
                "vip_lounge": leg.vip_lounge,
                "baggage_pieces": leg.baggage_pieces,
                "notes": leg.notes,
            }
        )
        journey["travellers"] = [
            people[t.person_id]
            if t.seat is None
            else {"person": people[t.person_id], "seat": t.seat}
            for t in on_leg[leg.id]
        ]
        by_visit[leg.visit_id].setdefault("travel", []).append(journey)
    for hotel in hotels:
        record = _compact(
            {
                "name": hotel.name,
                "city": hotel.city,
                "address": hotel.address,
                "phone": hotel.phone,
                "booking_reference": hotel.booking_reference,
                "paid_by": hotel.paid_by,
                "notes": hotel.notes,
            }
        )
        record["rooms"] = [
            _compact(
                {
                    "person": people[r.person_id],
                    "room_type": r.room_type.value,
                    "room_number": r.room_number,
                    "check_in": r.check_in.isoformat(),
                    "check_out": r.check_out.isoformat(),
                    "paid_by": r.paid_by,
                    "requests": r.requests,
                }
            )
            for r in in_hotel[hotel.id]
        ]
        by_visit[hotel.visit_id].setdefault("hotels", []).append(record)
