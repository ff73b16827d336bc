"""Press releases: numbered in the office's register, drafted, edited, issued."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from sqlalchemy import Date, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from visitdesk.domain.base import Base
from visitdesk.domain.enums import PressReleaseStatus
from visitdesk.domain.types import enum_type

if TYPE_CHECKING:
    from visitdesk.domain.visit import Visit


class PressRelease(Base):
    __tablename__ = "press_release"

    id: Mapped[int] = mapped_column(primary_key=True)
    visit_id: Mapped[int] = mapped_column(ForeignKey("visit.id", ondelete="CASCADE"), index=True)
    # The office's register number; one store holds one office, so it is unique in the store.
    number: Mapped[int] = mapped_column(Integer, unique=True)
    date: Mapped[date] = mapped_column(Date)
    city: Mapped[str | None] = mapped_column(String(120))
    # The subject after the number, as releases are filed: `Draft MoU between IPO and SIPO`.
    topic: Mapped[str | None] = mapped_column(String(300))
    headline: Mapped[str | None] = mapped_column(Text)
    # The quotation under the headline and who said it (`Engr. Khurram Dastgir Khan`).
    lead_quote: Mapped[str | None] = mapped_column(Text)
    lead_quote_attribution: Mapped[str | None] = mapped_column(String(300))
    body: Mapped[str | None] = mapped_column(Text)
    status: Mapped[PressReleaseStatus] = mapped_column(
        enum_type(PressReleaseStatus), default=PressReleaseStatus.DRAFT
    )
    # True once an officer has changed the drafted text: drafting again must then ask first.
    edited: Mapped[bool] = mapped_column(default=False)

    visit: Mapped[Visit] = relationship(back_populates="press_releases")
