"""Press releases: numbered in the office's register, drafted, edited, issued."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from sqlalchemy import Date, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship, validates

from visitdesk.domain.base import Base
from visitdesk.domain.enums import PressReleaseStatus
from visitdesk.domain.types import enum_type
from visitdesk.domain.versioning import Versioned

if TYPE_CHECKING:
    from visitdesk.domain.visit import Visit

# In the class body `date` is the column; the validator's annotation needs the type.
_Day = date


class PressRelease(Versioned, Base):
    __tablename__ = "press_release"
    # Offices start their register again every January: PR No.211 of 2017 and PR No.211 of
    # 2026 are different releases, so a number is unique within the year of its date.
    __table_args__ = (UniqueConstraint("year", "number", name="uq_press_release_year_number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    visit_id: Mapped[int] = mapped_column(ForeignKey("visit.id", ondelete="CASCADE"), index=True)
    # The office's register number; one store holds one office, so with the year it names
    # one release in the store.
    number: Mapped[int] = mapped_column(Integer)
    date: Mapped[date] = mapped_column(Date)
    # The calendar year of `date`, kept beside it so the database itself can refuse a number
    # used twice in one year (an expression index would differ between SQLite and PostgreSQL).
    year: Mapped[int] = mapped_column(Integer)
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

    @validates("date")
    def _keep_year(self, _key: str, value: _Day) -> _Day:
        self.year = value.year
        return value
