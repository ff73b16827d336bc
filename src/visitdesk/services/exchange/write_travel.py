"""Store the checked journeys and hotels of an exchange file's visits, in bulk like writer.py.

A visit whose file gives `"travel"` (or `"hotels"`) has its journeys (or hotels) replaced by
the file's; one that says nothing of them keeps what is stored. A car plan linked to a journey
goes with the journey it meets (the database cascades): the file's car plans, if any, are
written after, against the ids returned here.
"""

from __future__ import annotations

from sqlalchemy import delete, insert
from sqlalchemy.orm import Session

from visitdesk.domain.lodging import Hotel, HotelRoom
from visitdesk.domain.travel import TravelLeg, Traveller
from visitdesk.domain.versioning import now_utc, user_name
from visitdesk.services.exchange.document import VisitRecord
from visitdesk.services.exchange.writer import NO_SYNC, chunks, insert_returning_ids

JourneyIds = dict[tuple[int, str], int]


def store_travel(
    session: Session, records: list[VisitRecord], visit_ids: dict[str, int], person: dict[str, int]
) -> JourneyIds:
    """Write the journeys and hotels; returns (visit id, journey id in the file) → leg id."""
    stamp = {"changed_at": now_utc(), "changed_by": user_name()}
    replaced_travel = [visit_ids[r.ref] for r in records if r.travel is not None]
    replaced_hotels = [visit_ids[r.ref] for r in records if r.hotels is not None]
    for part in chunks(replaced_travel):
        session.execute(
            delete(TravelLeg).where(TravelLeg.visit_id.in_(part)), execution_options=NO_SYNC
        )
    for part in chunks(replaced_hotels):
        session.execute(delete(Hotel).where(Hotel.visit_id.in_(part)), execution_options=NO_SYNC)

    legs, travellers, refs = [], [], []
    hotels, rooms = [], []
    for record in records:
        vid = visit_ids[record.ref]
        for journey in record.travel or []:
            legs.append(
                {
                    "visit_id": vid,
                    "kind": journey.kind,
                    "mode": journey.mode,
                    "carrier": journey.carrier,
                    "number": journey.number,
                    "origin": journey.origin,
                    "destination": journey.destination,
                    "departs": journey.departs,
                    "arrives": journey.arrives,
                    "departs_zone": journey.departs_zone,
                    "arrives_zone": journey.arrives_zone,
                    "terminal": journey.terminal,
                    "received_by_id": person[journey.received_by] if journey.received_by else None,
                    "vip_lounge": journey.vip_lounge,
                    "baggage_pieces": journey.baggage_pieces,
                    "notes": journey.notes,
                    **stamp,
                }
            )
            travellers.append(
                [
                    {"person_id": person[t.person], "seat": t.seat, "position": i}
                    for i, t in enumerate(journey.travellers)
                ]
            )
            refs.append((vid, journey.ref))
        for position, hotel in enumerate(record.hotels or []):
            hotels.append(
                {
                    "visit_id": vid,
                    "name": hotel.name,
                    "city": hotel.city,
                    "address": hotel.address,
                    "phone": hotel.phone,
                    "booking_reference": hotel.booking_reference,
                    "paid_by": hotel.paid_by,
                    "notes": hotel.notes,
                    "position": position,
                    **stamp,
                }
            )
            rooms.append(
                [
                    {
                        "person_id": person[r.person],
                        "room_type": r.room_type,
                        "room_number": r.room_number,
                        "check_in": r.check_in,
                        "check_out": r.check_out,
                        "paid_by": r.paid_by,
                        "requests": r.requests,
                        "position": i,
                    }
                    for i, r in enumerate(hotel.rooms)
                ]
            )
    journeys: JourneyIds = {}
    traveller_rows = []
    for leg_id, people, (vid, ref) in zip(
        insert_returning_ids(session, TravelLeg, legs), travellers, refs, strict=True
    ):
        traveller_rows += [{**t, "leg_id": leg_id} for t in people]
        if ref is not None:
            journeys[(vid, ref)] = leg_id
    room_rows = [
        {**r, "hotel_id": hotel_id}
        for hotel_id, hotel_rooms in zip(
            insert_returning_ids(session, Hotel, hotels), rooms, strict=True
        )
        for r in hotel_rooms
    ]
    for model, rows in ((Traveller, traveller_rows), (HotelRoom, room_rows)):
        if rows:
            session.execute(insert(model), rows)
    return journeys
