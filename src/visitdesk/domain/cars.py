"""Car plans: for each movement of the visit (to an engagement, or a transfer such as the
airport run), the cars in the order they drive, and who sits where.

A car is known across movements by its registration (else its driver), so the schedule rules
can see one car booked for two movements at once.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import DateTime, ForeignKey, Integer, String, Text, UniqueConstraint, event
from sqlalchemy.ext.orderinglist import ordering_list
from sqlalchemy.orm import Mapped, Mapper, mapped_column, relationship

from visitdesk.domain.base import Base
from visitdesk.domain.enums import CarRole, CarSeat
from visitdesk.domain.types import enum_type
from visitdesk.domain.versioning import Versioned

if TYPE_CHECKING:
    from visitdesk.domain.engagement import Engagement
    from visitdesk.domain.person import Person
    from visitdesk.domain.travel import TravelLeg
    from visitdesk.domain.visit import Visit


class Movement(Versioned, Base):
    """One movement of the delegation: to an engagement, for a journey, or on its own."""

    __tablename__ = "movement"

    id: Mapped[int] = mapped_column(primary_key=True)
    visit_id: Mapped[int] = mapped_column(ForeignKey("visit.id", ondelete="CASCADE"), index=True)
    # The engagement it drives to; its car plan goes when the engagement goes (the app layer
    # keeps it in the engagement's undo).
    engagement_id: Mapped[int | None] = mapped_column(
        ForeignKey("engagement.id", ondelete="CASCADE"), index=True
    )
    # The flight or train it meets or takes the travellers to.
    travel_leg_id: Mapped[int | None] = mapped_column(
        ForeignKey("travel_leg.id", ondelete="CASCADE"), index=True
    )
    # "Hotel to airport"; for an engagement's movement, none means the engagement's title.
    title: Mapped[str | None] = mapped_column(String(300))
    # Local wall-clock time of the visit's zone, like engagements.
    departs: Mapped[datetime] = mapped_column(DateTime, index=True)
    arrives: Mapped[datetime | None] = mapped_column(DateTime)
    origin: Mapped[str | None] = mapped_column(String(300))
    destination: Mapped[str | None] = mapped_column(String(300))
    notes: Mapped[str | None] = mapped_column(Text)

    visit: Mapped[Visit] = relationship(back_populates="movements")
    engagement: Mapped[Engagement | None] = relationship()
    travel_leg: Mapped[TravelLeg | None] = relationship()
    cars: Mapped[list[MovementCar]] = relationship(
        back_populates="movement",
        cascade="all, delete-orphan",
        order_by="MovementCar.position",
        collection_class=ordering_list("position"),
    )

    def __repr__(self) -> str:
        return f"Movement({self.title or self.engagement_id!r})"


class MovementCar(Base):
    __version_owner__ = "movement"  # a change here is a change of the car plan
    __tablename__ = "movement_car"

    id: Mapped[int] = mapped_column(primary_key=True)
    movement_id: Mapped[int] = mapped_column(
        ForeignKey("movement.id", ondelete="CASCADE"), index=True
    )
    # Order in the motorcade; "Car 1" is the first car that is not a pilot.
    position: Mapped[int] = mapped_column(Integer, default=0)
    role: Mapped[CarRole] = mapped_column(enum_type(CarRole), default=CarRole.DELEGATION)
    # What the plan calls it ("Car 1", "Flag car", "Coach"); none: numbered by position.
    label: Mapped[str | None] = mapped_column(String(60))
    registration: Mapped[str | None] = mapped_column(String(40))
    driver: Mapped[str | None] = mapped_column(String(200))
    driver_phone: Mapped[str | None] = mapped_column(String(100))
    notes: Mapped[str | None] = mapped_column(Text)

    movement: Mapped[Movement] = relationship(back_populates="cars")
    seats: Mapped[list[CarPassenger]] = relationship(
        back_populates="car",
        cascade="all, delete-orphan",
        order_by="CarPassenger.position",
        collection_class=ordering_list("position"),
    )


class CarPassenger(Base):
    __version_owner__ = "car"  # and so of the car's movement (versioning follows the chain)
    __tablename__ = "car_passenger"
    __table_args__ = (UniqueConstraint("car_id", "person_id", name="uq_car_passenger"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    car_id: Mapped[int] = mapped_column(
        ForeignKey("movement_car.id", ondelete="CASCADE"), index=True
    )
    # The car's movement again, set from the car on every write (below): the audit trail files
    # a row under its visit through a parent that has one, on both stores.
    movement_id: Mapped[int] = mapped_column(
        ForeignKey("movement.id", ondelete="CASCADE"), index=True
    )
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"), index=True)
    seat: Mapped[CarSeat] = mapped_column(enum_type(CarSeat), default=CarSeat.OTHER)
    position: Mapped[int] = mapped_column(Integer, default=0)

    car: Mapped[MovementCar] = relationship(back_populates="seats")
    person: Mapped[Person] = relationship(lazy="joined")


@event.listens_for(CarPassenger, "before_insert")
@event.listens_for(CarPassenger, "before_update")
def _same_movement_as_the_car(
    _mapper: Mapper[CarPassenger], _connection: object, seat: CarPassenger
) -> None:
    seat.movement_id = seat.car.movement_id
