"""Outcomes: agreements, offers, directives, decisions and actions, with their history."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from sqlalchemy import Date, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from visitdesk.domain.base import Base
from visitdesk.domain.enums import OutcomeKind, OutcomeStatus
from visitdesk.domain.lifecycle import check_transition, initial_status
from visitdesk.domain.types import enum_type
from visitdesk.domain.versioning import Versioned

if TYPE_CHECKING:
    from visitdesk.domain.engagement import Engagement
    from visitdesk.domain.person import Person
    from visitdesk.domain.visit import Visit


class Outcome(Versioned, Base):
    __tablename__ = "outcome"

    id: Mapped[int] = mapped_column(primary_key=True)
    visit_id: Mapped[int] = mapped_column(ForeignKey("visit.id", ondelete="CASCADE"), index=True)
    engagement_id: Mapped[int | None] = mapped_column(
        ForeignKey("engagement.id", ondelete="SET NULL"), index=True
    )
    kind: Mapped[OutcomeKind] = mapped_column(enum_type(OutcomeKind))
    title: Mapped[str] = mapped_column(Text)
    description: Mapped[str | None] = mapped_column(Text)
    owner_id: Mapped[int | None] = mapped_column(
        ForeignKey("person.id", ondelete="SET NULL"), index=True
    )
    due_date: Mapped[date | None] = mapped_column(Date, index=True)
    next_step: Mapped[str | None] = mapped_column(Text)
    status: Mapped[OutcomeStatus] = mapped_column(enum_type(OutcomeStatus), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)

    visit: Mapped[Visit] = relationship(back_populates="outcomes")
    engagement: Mapped[Engagement | None] = relationship()
    owner: Mapped[Person | None] = relationship()
    history: Mapped[list[StatusChange]] = relationship(
        back_populates="outcome",
        cascade="all, delete-orphan",
        order_by="(StatusChange.changed_on, StatusChange.id)",
    )

    def change_status(self, new: OutcomeStatus, on: date, note: str | None = None) -> None:
        """Move along the life cycle, recording the change; refuses an impossible move."""
        check_transition(self.kind, self.status, new)
        self.status = new
        self.history.append(StatusChange(status=new, changed_on=on, note=note))

    @classmethod
    def new(cls, kind: OutcomeKind, title: str, on: date) -> Outcome:
        status = initial_status(kind)
        outcome = cls(kind=kind, title=title, status=status)
        outcome.history.append(StatusChange(status=status, changed_on=on))
        return outcome


class StatusChange(Base):
    __version_owner__ = "outcome"  # a change here is a change of the outcome
    __tablename__ = "status_change"

    id: Mapped[int] = mapped_column(primary_key=True)
    outcome_id: Mapped[int] = mapped_column(
        ForeignKey("outcome.id", ondelete="CASCADE"), index=True
    )
    status: Mapped[OutcomeStatus] = mapped_column(enum_type(OutcomeStatus))
    changed_on: Mapped[date] = mapped_column(Date)
    note: Mapped[str | None] = mapped_column(String(1000))

    outcome: Mapped[Outcome] = relationship(back_populates="history")
