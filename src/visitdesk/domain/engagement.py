"""Engagements: the meetings, visits, meals and ceremonies that make a programme."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import (
    Boolean,
    DateTime,
    ForeignKey,
    Integer,
    String,
    Text,
    UniqueConstraint,
    false,
)
from sqlalchemy.ext.orderinglist import ordering_list
from sqlalchemy.orm import Mapped, mapped_column, relationship

from visitdesk.domain.base import Base
from visitdesk.domain.classification import Level
from visitdesk.domain.enums import EngagementKind, Side
from visitdesk.domain.timezones import new_event_uid
from visitdesk.domain.types import enum_type
from visitdesk.domain.versioning import Versioned

if TYPE_CHECKING:
    from visitdesk.domain.organisation import Organisation
    from visitdesk.domain.person import Person
    from visitdesk.domain.visit import Visit


class Engagement(Versioned, Base):
    __tablename__ = "engagement"
    __table_args__ = (UniqueConstraint("visit_id", "ref", name="uq_engagement_visit_ref"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    visit_id: Mapped[int] = mapped_column(ForeignKey("visit.id", ondelete="CASCADE"), index=True)
    # Unique within its visit; exchange files refer to engagements by it.
    ref: Mapped[str] = mapped_column(String(120))
    kind: Mapped[EngagementKind] = mapped_column(
        enum_type(EngagementKind), default=EngagementKind.OTHER
    )
    title: Mapped[str] = mapped_column(String(500))
    # Local wall-clock time of the engagement's zone (its own, else the visit's), no offset.
    start: Mapped[datetime] = mapped_column(DateTime, index=True)
    end: Mapped[datetime] = mapped_column(DateTime)
    venue: Mapped[str | None] = mapped_column(String(500))
    city: Mapped[str | None] = mapped_column(String(120))
    organisation_id: Mapped[int | None] = mapped_column(
        ForeignKey("organisation.id", ondelete="SET NULL"), index=True
    )
    objectives: Mapped[str | None] = mapped_column(Text)
    notes: Mapped[str | None] = mapped_column(Text)
    # Who signs at a signing ceremony; None: the principal of that side (highest precedence).
    host_signatory_id: Mapped[int | None] = mapped_column(
        ForeignKey("person.id", ondelete="SET NULL")
    )
    guest_signatory_id: Mapped[int | None] = mapped_column(
        ForeignKey("person.id", ondelete="SET NULL")
    )
    # Grows each time the engagement changes, so that calendar exports update events in place.
    sequence: Mapped[int] = mapped_column(Integer, default=0)
    # IANA zone of a meeting held elsewhere (a multi-city visit); None: the visit's zone.
    time_zone: Mapped[str | None] = mapped_column(String(64))
    # The calendar UID, fixed when the engagement is first made so renames never duplicate it.
    uid: Mapped[str] = mapped_column(String(255), default=new_event_uid, server_default="")
    # Sent out in a calendar at least once: only then must its deletion be published.
    published: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())

    visit: Mapped[Visit] = relationship(back_populates="engagements")
    organisation: Mapped[Organisation | None] = relationship()
    talking_points: Mapped[list[TalkingPoint]] = relationship(
        back_populates="engagement",
        cascade="all, delete-orphan",
        order_by="TalkingPoint.position",
        collection_class=ordering_list("position"),
    )
    attendees: Mapped[list[Attendee]] = relationship(
        back_populates="engagement",
        cascade="all, delete-orphan",
        order_by="Attendee.position",
        collection_class=ordering_list("position"),
    )

    def attendees_on(self, side: Side) -> list[Person]:
        return [a.person for a in self.attendees if a.side is side]

    @property
    def attendee_people(self) -> list[Person]:
        return [a.person for a in self.attendees]

    @property
    def host_attendees(self) -> list[Person]:
        return self.attendees_on(Side.HOST)

    @property
    def guest_attendees(self) -> list[Person]:
        return self.attendees_on(Side.GUEST)

    def __repr__(self) -> str:
        return f"Engagement({self.ref!r})"


class TalkingPoint(Base):
    __version_owner__ = "engagement"  # a change here is a change of the engagement
    __tablename__ = "talking_point"

    id: Mapped[int] = mapped_column(primary_key=True)
    engagement_id: Mapped[int] = mapped_column(
        ForeignKey("engagement.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer, default=0)
    text: Mapped[str] = mapped_column(Text)
    # None: at the visit's level. Above it, only the roles cleared for it read the row (on a
    # server, by row-level security: store/server/classified.py).
    level: Mapped[Level | None] = mapped_column(enum_type(Level))

    engagement: Mapped[Engagement] = relationship(back_populates="talking_points")


class Attendee(Base):
    __version_owner__ = "engagement"  # a change here is a change of the engagement
    __tablename__ = "attendee"
    __table_args__ = (
        UniqueConstraint("engagement_id", "person_id", name="uq_attendee_engagement_person"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    engagement_id: Mapped[int] = mapped_column(
        ForeignKey("engagement.id", ondelete="CASCADE"), index=True
    )
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"), index=True)
    side: Mapped[Side] = mapped_column(enum_type(Side))
    position: Mapped[int] = mapped_column(Integer, default=0)

    engagement: Mapped[Engagement] = relationship(back_populates="attendees")
    person: Mapped[Person] = relationship(lazy="joined")
