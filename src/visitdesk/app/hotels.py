"""Hotels of a visit and the room of each delegate; rooms handed out by precedence.

A hotel is a versioned record with its rooms: adding, changing or removing a room is an
`update` of the hotel, so each is one undo step refused after another officer's save.
`preview_allotment` says what "Allot rooms by precedence" would do; saving its `data` with
`update` does it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from visitdesk.app.part import Part
from visitdesk.app.records import Record
from visitdesk.domain.enums import RoomType
from visitdesk.services.lodging import AllotPreview, HotelChoice, HotelData, RoomData, RoomRow

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

__all__ = [
    "AllotPreview",
    "DeletedHotel",
    "HotelChoice",
    "HotelData",
    "Hotels",
    "RoomData",
    "RoomRow",
    "RoomType",
]


@dataclass(frozen=True)
class DeletedHotel:
    id: int
    visit_id: int
    version: int
    position: int
    data: HotelData


def _load(session: Session, hotel_id: int) -> HotelData:
    from visitdesk.services.lodging import load_hotel

    return load_hotel(session, hotel_id)


def _record(session: Session, hotel_id: int) -> Record[HotelData]:
    from visitdesk.domain.lodging import Hotel

    row = session.get(Hotel, hotel_id)
    assert row is not None
    return Record(row.id, row.version, _load(session, row.id), row.changed_at, row.changed_by)


def _what(data: HotelData) -> str:
    return f"the hotel “{' '.join(data.name.split())}”"


class Hotels(Part):
    def choices(self, visit_id: int) -> tuple[HotelChoice, ...]:
        """The visit's hotels in order, named with their city."""
        from visitdesk.services.lodging import hotel_choices

        return tuple(self._desk.read(lambda s: hotel_choices(s, visit_id)))

    def rooms(self, visit_id: int) -> tuple[RoomRow, ...]:
        """Every room, hotel by hotel, each hotel's guests in order of precedence."""
        from visitdesk.services.lodging import room_rows

        return tuple(self._desk.read(lambda s: room_rows(s, visit_id)))

    def load(self, hotel_id: int) -> Record[HotelData]:
        from visitdesk.domain.lodging import Hotel

        return self._desk.record(Hotel, hotel_id, _load)

    def add(self, visit_id: int, data: HotelData) -> Record[HotelData]:
        from visitdesk.services.lodging import add_hotel

        return self._desk.write(lambda s: _record(s, add_hotel(s, visit_id, data)))

    def update(
        self, hotel_id: int, data: HotelData, version: int, opened: HotelData | None = None
    ) -> Record[HotelData]:
        """Save the hotel and its rooms over the version read (ConflictError when another
        officer saved since); a check-out before its check-in is refused with a sentence."""
        from visitdesk.domain.lodging import Hotel
        from visitdesk.services.lodging import update_hotel

        return self._desk.save(
            Hotel,
            hotel_id,
            version,
            _what(opened or data),
            data,
            lambda s: update_hotel(s, hotel_id, data),
            _load,
            opened,
        )

    def delete(self, hotel_id: int) -> DeletedHotel:
        """Delete the hotel with its rooms."""
        from visitdesk.services.lodging import delete_hotel

        def work(session: Session) -> DeletedHotel:
            visit_id, version, position, data = delete_hotel(session, hotel_id)
            return DeletedHotel(hotel_id, visit_id, version, position, data)

        return self._desk.write(work)

    def restore(self, deleted: DeletedHotel) -> Record[HotelData]:
        from visitdesk.app.itinerary import keep_version
        from visitdesk.domain.lodging import Hotel
        from visitdesk.services.lodging import add_hotel

        def work(session: Session) -> Record[HotelData]:
            add_hotel(session, deleted.visit_id, deleted.data, deleted.id, deleted.position)
            keep_version(session, Hotel, deleted.id, deleted.version)
            session.expire_all()
            return _record(session, deleted.id)

        return self._desk.write(work)

    def preview_allotment(
        self,
        hotel_id: int,
        block: Mapping[RoomType, int],
        check_in: date,
        check_out: date,
        reallot: bool = False,
    ) -> AllotPreview:
        """What handing the block (rooms of each type) to the delegation by precedence does:
        the leader gets the best room. Rooms already given are kept unless `reallot`; the
        preview's lines and notes say each change. Nothing is stored."""
        from visitdesk.services.lodging import preview_allotment

        return self._desk.read(
            lambda s: preview_allotment(s, hotel_id, block, check_in, check_out, reallot)
        )

    def visit_dates(self, visit_id: int) -> tuple[date, date]:
        from visitdesk.services.itinerary import visit_dates

        return self._desk.read(lambda s: visit_dates(s, visit_id))
