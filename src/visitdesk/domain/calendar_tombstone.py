"""What a calendar still needs of a deleted engagement, to publish it once more as cancelled.

An event that merely drops out of the next .ics stays in every recipient's Outlook and
Thunderbird; only the same UID with STATUS:CANCELLED and a higher SEQUENCE removes it.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from visitdesk.domain.base import Base


class CalendarTombstone(Base):
    __tablename__ = "calendar_tombstone"

    id: Mapped[int] = mapped_column(primary_key=True)
    visit_id: Mapped[int] = mapped_column(ForeignKey("visit.id", ondelete="CASCADE"), index=True)
    # The deleted engagement's id, so that an undo putting it back under that id takes its UID.
    engagement_id: Mapped[int | None] = mapped_column(Integer)
    uid: Mapped[str] = mapped_column(String(255))
    summary: Mapped[str] = mapped_column(String(500))
    start: Mapped[datetime] = mapped_column(DateTime)
    end: Mapped[datetime] = mapped_column(DateTime)
    time_zone: Mapped[str] = mapped_column(String(64))
    # Already one above the last SEQUENCE published for the live event.
    sequence: Mapped[int] = mapped_column(Integer, default=0)
