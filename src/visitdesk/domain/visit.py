"""A visit: a delegation, its programme, what was said and what came of it."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from sqlalchemy import Date, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.ext.orderinglist import ordering_list
from sqlalchemy.orm import Mapped, mapped_column, relationship

from visitdesk.domain.base import Base
from visitdesk.domain.classification import DEFAULT_VISIT_LEVEL, Level
from visitdesk.domain.enums import Side, VisitDirection, VisitStatus
from visitdesk.domain.types import enum_type
from visitdesk.domain.versioning import Versioned

if TYPE_CHECKING:
    from visitdesk.domain.cars import Movement
    from visitdesk.domain.engagement import Engagement
    from visitdesk.domain.gifts import Gift
    from visitdesk.domain.lodging import Hotel
    from visitdesk.domain.organisation import Organisation
    from visitdesk.domain.outcome import Outcome
    from visitdesk.domain.person import Person
    from visitdesk.domain.press_release import PressRelease
    from visitdesk.domain.statement import Statement
    from visitdesk.domain.travel import TravelLeg


class Visit(Versioned, Base):
    __tablename__ = "visit"

    id: Mapped[int] = mapped_column(primary_key=True)
    ref: Mapped[str] = mapped_column(String(120), unique=True)
    title: Mapped[str] = mapped_column(String(500))
    direction: Mapped[VisitDirection] = mapped_column(
        enum_type(VisitDirection), default=VisitDirection.INCOMING
    )
    host_organisation_id: Mapped[int | None] = mapped_column(
        ForeignKey("organisation.id", ondelete="SET NULL"), index=True
    )
    guest_organisation_id: Mapped[int | None] = mapped_column(
        ForeignKey("organisation.id", ondelete="SET NULL"), index=True
    )
    city: Mapped[str | None] = mapped_column(String(120))
    country: Mapped[str | None] = mapped_column(String(2))
    # IANA zone; every engagement time of the visit is local time in this zone.
    time_zone: Mapped[str] = mapped_column(String(64), default="UTC")
    start_date: Mapped[date] = mapped_column(Date, index=True)
    end_date: Mapped[date] = mapped_column(Date)
    status: Mapped[VisitStatus] = mapped_column(enum_type(VisitStatus), default=VisitStatus.PLANNED)
    delegation_description: Mapped[str | None] = mapped_column(Text)
    leader_id: Mapped[int | None] = mapped_column(ForeignKey("person.id", ondelete="SET NULL"))
    notes: Mapped[str | None] = mapped_column(Text)
    # The `note` of the exchange file the visit last came from, kept so that nothing is lost.
    source_note: Mapped[str | None] = mapped_column(Text)
    # How many briefing packs of this visit have been built: the cover's version number, so
    # that a reader can tell a reprint after a programme change from the copy in their hands.
    briefing_pack_version: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    # The visit's classification: its briefs are at this level unless a talking point is
    # marked higher (domain/classification.py says who reads what).
    classification: Mapped[Level] = mapped_column(
        enum_type(Level), default=DEFAULT_VISIT_LEVEL, server_default=DEFAULT_VISIT_LEVEL.value
    )

    host_organisation: Mapped[Organisation | None] = relationship(
        foreign_keys=[host_organisation_id]
    )
    guest_organisation: Mapped[Organisation | None] = relationship(
        foreign_keys=[guest_organisation_id]
    )
    leader: Mapped[Person | None] = relationship()
    participants: Mapped[list[VisitParticipant]] = relationship(
        back_populates="visit",
        cascade="all, delete-orphan",
        order_by="VisitParticipant.position",
        collection_class=ordering_list("position"),
    )
    engagements: Mapped[list[Engagement]] = relationship(
        back_populates="visit",
        cascade="all, delete-orphan",
        order_by="(Engagement.start, Engagement.id)",
    )
    statements: Mapped[list[Statement]] = relationship(
        back_populates="visit",
        cascade="all, delete-orphan",
        order_by="Statement.position",
        collection_class=ordering_list("position"),
    )
    outcomes: Mapped[list[Outcome]] = relationship(
        back_populates="visit",
        cascade="all, delete-orphan",
        order_by="Outcome.position",
        collection_class=ordering_list("position"),
    )
    press_releases: Mapped[list[PressRelease]] = relationship(
        back_populates="visit", cascade="all, delete-orphan", order_by="PressRelease.number"
    )
    # Logistics: the journeys, hotel stays, car plans and gifts of the visit.
    travel_legs: Mapped[list[TravelLeg]] = relationship(
        back_populates="visit", cascade="all, delete-orphan", order_by="TravelLeg.id"
    )
    hotels: Mapped[list[Hotel]] = relationship(
        back_populates="visit",
        cascade="all, delete-orphan",
        order_by="Hotel.position",
        collection_class=ordering_list("position"),
    )
    movements: Mapped[list[Movement]] = relationship(
        back_populates="visit",
        cascade="all, delete-orphan",
        order_by="(Movement.departs, Movement.id)",
    )
    gifts: Mapped[list[Gift]] = relationship(
        back_populates="visit", cascade="all, delete-orphan", order_by="Gift.id"
    )

    def participants_on(self, side: Side) -> list[VisitParticipant]:
        return [p for p in self.participants if p.side is side]

    @property
    def members(self) -> list[Person]:
        """The delegation, in the order recorded."""
        return [p.person for p in self.participants_on(Side.GUEST)]

    def __repr__(self) -> str:
        return f"Visit({self.ref!r})"


class VisitParticipant(Base):
    """A person taking part in a visit: a delegation member (guest) or a host-side participant."""

    __version_owner__ = "visit"  # a change here is a change of the visit

    __tablename__ = "visit_participant"
    __table_args__ = (UniqueConstraint("visit_id", "person_id", name="uq_visit_participant"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    visit_id: Mapped[int] = mapped_column(ForeignKey("visit.id", ondelete="CASCADE"), index=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"), index=True)
    side: Mapped[Side] = mapped_column(enum_type(Side), default=Side.GUEST)
    # Interpreter, security, liaison officer...
    role: Mapped[str | None] = mapped_column(String(120))
    position: Mapped[int] = mapped_column(Integer, default=0)
    # The host's liaison officer looking after this delegate (a person of the records).
    liaison_officer_id: Mapped[int | None] = mapped_column(
        ForeignKey("person.id", ondelete="SET NULL"), index=True
    )

    visit: Mapped[Visit] = relationship(back_populates="participants")
    person: Mapped[Person] = relationship(lazy="joined", foreign_keys=[person_id])
    liaison_officer: Mapped[Person | None] = relationship(foreign_keys=[liaison_officer_id])
