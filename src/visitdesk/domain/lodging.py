"""Hotels: where a delegation stays in each city of its visit, and the room of each delegate.

Room types are ranked (enums.RoomType), so when the rooms of a block differ the rules in
domain/logistics_rules.py can hand them out by precedence: the leader gets the suite.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from sqlalchemy import Date, ForeignKey, Integer, String, Text
from sqlalchemy.ext.orderinglist import ordering_list
from sqlalchemy.orm import Mapped, mapped_column, relationship

from visitdesk.domain.base import Base
from visitdesk.domain.enums import RoomType
from visitdesk.domain.types import enum_type
from visitdesk.domain.versioning import Versioned

if TYPE_CHECKING:
    from visitdesk.domain.person import Person
    from visitdesk.domain.visit import Visit


class Hotel(Versioned, Base):
    """One hotel stay of the visit (a hotel in a city), with its rooms."""

    __tablename__ = "hotel"

    id: Mapped[int] = mapped_column(primary_key=True)
    visit_id: Mapped[int] = mapped_column(ForeignKey("visit.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(300))
    city: Mapped[str | None] = mapped_column(String(120))
    address: Mapped[str | None] = mapped_column(Text)
    phone: Mapped[str | None] = mapped_column(String(100))
    # The hotel's booking or block reference: printed on the rooming list the hotel receives.
    booking_reference: Mapped[str | None] = mapped_column(String(120))
    # Who pays, unless a room says otherwise ("Host government", "Delegation").
    paid_by: Mapped[str | None] = mapped_column(String(200))
    notes: Mapped[str | None] = mapped_column(Text)
    position: Mapped[int] = mapped_column(Integer, default=0)

    visit: Mapped[Visit] = relationship(back_populates="hotels")
    rooms: Mapped[list[HotelRoom]] = relationship(
        back_populates="hotel",
        cascade="all, delete-orphan",
        order_by="HotelRoom.position",
        collection_class=ordering_list("position"),
    )

    def __repr__(self) -> str:
        return f"Hotel({self.name!r})"


class HotelRoom(Base):
    __version_owner__ = "hotel"  # a change here is a change of the hotel stay
    __tablename__ = "hotel_room"

    id: Mapped[int] = mapped_column(primary_key=True)
    hotel_id: Mapped[int] = mapped_column(ForeignKey("hotel.id", ondelete="CASCADE"), index=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"), index=True)
    room_type: Mapped[RoomType] = mapped_column(enum_type(RoomType), default=RoomType.STANDARD)
    room_number: Mapped[str | None] = mapped_column(String(20))
    check_in: Mapped[date] = mapped_column(Date)
    check_out: Mapped[date] = mapped_column(Date)
    # Overrides the hotel's payer for this room.
    paid_by: Mapped[str | None] = mapped_column(String(200))
    # For the hotel: diet, access, a connecting room. Printed on the rooming list.
    requests: Mapped[str | None] = mapped_column(Text)
    position: Mapped[int] = mapped_column(Integer, default=0)

    hotel: Mapped[Hotel] = relationship(back_populates="rooms")
    person: Mapped[Person] = relationship(lazy="joined")

    def nights(self) -> int:
        return max((self.check_out - self.check_in).days, 0)
