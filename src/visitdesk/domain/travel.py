"""Travel: the flights (or trains, or road journeys) that bring a delegation, take it home, or
carry it between the cities of its visit.

One journey is one record with the people on it, so a delegation travelling together is one
entry on the arrivals list, and a delegate who comes a day early is an entry of their own.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import Boolean, DateTime, ForeignKey, Integer, String, Text, UniqueConstraint, false
from sqlalchemy.ext.orderinglist import ordering_list
from sqlalchemy.orm import Mapped, mapped_column, relationship

from visitdesk.domain.base import Base
from visitdesk.domain.enums import TravelKind, TravelMode
from visitdesk.domain.types import enum_type
from visitdesk.domain.versioning import Versioned

if TYPE_CHECKING:
    from visitdesk.domain.person import Person
    from visitdesk.domain.visit import Visit


class TravelLeg(Versioned, Base):
    __tablename__ = "travel_leg"

    id: Mapped[int] = mapped_column(primary_key=True)
    visit_id: Mapped[int] = mapped_column(ForeignKey("visit.id", ondelete="CASCADE"), index=True)
    kind: Mapped[TravelKind] = mapped_column(enum_type(TravelKind), default=TravelKind.ARRIVAL)
    mode: Mapped[TravelMode] = mapped_column(enum_type(TravelMode), default=TravelMode.FLIGHT)
    carrier: Mapped[str | None] = mapped_column(String(120))
    # "PK 853", "CZ 6007": as printed on the ticket.
    number: Mapped[str | None] = mapped_column(String(20))
    origin: Mapped[str | None] = mapped_column(String(200))
    destination: Mapped[str | None] = mapped_column(String(200))
    # Local wall-clock times at each end, as the timetable gives them (naive, like engagements).
    departs: Mapped[datetime | None] = mapped_column(DateTime)
    arrives: Mapped[datetime | None] = mapped_column(DateTime)
    # The IANA zones of the two ends; none means the visit's zone.
    departs_zone: Mapped[str | None] = mapped_column(String(64))
    arrives_zone: Mapped[str | None] = mapped_column(String(64))
    # The terminal at the end the office handles (arrival terminal, or departure terminal).
    terminal: Mapped[str | None] = mapped_column(String(40))
    # The host person who receives (arrival) or sees off (departure) the travellers.
    received_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("person.id", ondelete="SET NULL"), index=True
    )
    vip_lounge: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    baggage_pieces: Mapped[int | None] = mapped_column(Integer)
    notes: Mapped[str | None] = mapped_column(Text)

    visit: Mapped[Visit] = relationship(back_populates="travel_legs")
    received_by: Mapped[Person | None] = relationship()
    travellers: Mapped[list[Traveller]] = relationship(
        back_populates="leg",
        cascade="all, delete-orphan",
        order_by="Traveller.position",
        collection_class=ordering_list("position"),
    )

    @property
    def local_time(self) -> datetime | None:
        """The time that matters to the office: landing for an arrival, take-off otherwise."""
        return self.arrives if self.kind is TravelKind.ARRIVAL else self.departs

    def __repr__(self) -> str:
        return f"TravelLeg({self.kind.value} {self.number or ''})"


class Traveller(Base):
    __version_owner__ = "leg"  # a change here is a change of the journey
    __tablename__ = "traveller"
    __table_args__ = (UniqueConstraint("leg_id", "person_id", name="uq_traveller_leg_person"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    leg_id: Mapped[int] = mapped_column(ForeignKey("travel_leg.id", ondelete="CASCADE"), index=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    # Seat or class where it matters ("1A", "business"); free text.
    seat: Mapped[str | None] = mapped_column(String(40))

    leg: Mapped[TravelLeg] = relationship(back_populates="travellers")
    person: Mapped[Person] = relationship(lazy="joined")
