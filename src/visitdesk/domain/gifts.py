"""Gifts given and received on a visit, and for gifts received by officials the deposit that
government rules require (in Pakistan the Toshakhana of the Cabinet Division).

The register records what happened (reported, deposited, retained, the assessed value and the
reference); it encodes no payment rule, since those rules change.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from sqlalchemy import BigInteger, Date, ForeignKey, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from visitdesk.domain.base import Base
from visitdesk.domain.enums import GiftDecision, GiftDirection
from visitdesk.domain.types import enum_type
from visitdesk.domain.versioning import Versioned

if TYPE_CHECKING:
    from visitdesk.domain.engagement import Engagement
    from visitdesk.domain.person import Person
    from visitdesk.domain.visit import Visit

# Values are whole units of their currency: an estimate or an assessment, never cents.
MAX_VALUE = 10**15


class Gift(Versioned, Base):
    __tablename__ = "gift"

    id: Mapped[int] = mapped_column(primary_key=True)
    visit_id: Mapped[int] = mapped_column(ForeignKey("visit.id", ondelete="CASCADE"), index=True)
    # A gift stays on the register when its engagement is deleted.
    engagement_id: Mapped[int | None] = mapped_column(
        ForeignKey("engagement.id", ondelete="SET NULL"), index=True
    )
    direction: Mapped[GiftDirection] = mapped_column(
        enum_type(GiftDirection), default=GiftDirection.RECEIVED
    )
    # Giver and receiver: a person of the records, or a name for anyone else ("the Embassy").
    giver_id: Mapped[int | None] = mapped_column(
        ForeignKey("person.id", ondelete="SET NULL"), index=True
    )
    giver_name: Mapped[str | None] = mapped_column(String(300))
    receiver_id: Mapped[int | None] = mapped_column(
        ForeignKey("person.id", ondelete="SET NULL"), index=True
    )
    receiver_name: Mapped[str | None] = mapped_column(String(300))
    description: Mapped[str] = mapped_column(Text)
    given_on: Mapped[date | None] = mapped_column(Date)
    estimated_value: Mapped[int | None] = mapped_column(BigInteger)
    # ISO 4217 ("PKR", "USD", "CNY").
    currency: Mapped[str | None] = mapped_column(String(3))
    photo: Mapped[bytes | None] = mapped_column(LargeBinary)
    photo_media_type: Mapped[str | None] = mapped_column(String(60))
    # The deposit a gift received by an official requires (Toshakhana in Pakistan).
    decision: Mapped[GiftDecision | None] = mapped_column(enum_type(GiftDecision))
    reported_on: Mapped[date | None] = mapped_column(Date)
    deposited_on: Mapped[date | None] = mapped_column(Date)
    deposit_reference: Mapped[str | None] = mapped_column(String(120))
    assessed_value: Mapped[int | None] = mapped_column(BigInteger)
    notes: Mapped[str | None] = mapped_column(Text)

    visit: Mapped[Visit] = relationship(back_populates="gifts")
    engagement: Mapped[Engagement | None] = relationship()
    giver: Mapped[Person | None] = relationship(foreign_keys=[giver_id])
    receiver: Mapped[Person | None] = relationship(foreign_keys=[receiver_id])

    def __repr__(self) -> str:
        return f"Gift({self.direction.value} {self.description[:30]!r})"
