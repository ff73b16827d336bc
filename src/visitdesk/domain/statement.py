"""What was said at an engagement, and whether the press may hear it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import ForeignKey, Integer, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from visitdesk.domain.base import Base
from visitdesk.domain.enums import StatementRole, StatementStyle
from visitdesk.domain.types import enum_type
from visitdesk.domain.versioning import Versioned

if TYPE_CHECKING:
    from visitdesk.domain.engagement import Engagement
    from visitdesk.domain.person import Person
    from visitdesk.domain.visit import Visit


class Statement(Versioned, Base):
    __tablename__ = "statement"

    id: Mapped[int] = mapped_column(primary_key=True)
    visit_id: Mapped[int] = mapped_column(ForeignKey("visit.id", ondelete="CASCADE"), index=True)
    # SET NULL: removing an engagement from the programme must not lose what was said at it.
    engagement_id: Mapped[int | None] = mapped_column(
        ForeignKey("engagement.id", ondelete="SET NULL"), index=True
    )
    # None: a joint statement, or one made in the office's name.
    speaker_id: Mapped[int | None] = mapped_column(ForeignKey("person.id", ondelete="SET NULL"))
    text: Mapped[str] = mapped_column(Text)
    style: Mapped[StatementStyle] = mapped_column(
        enum_type(StatementStyle), default=StatementStyle.REPORTED
    )
    for_press: Mapped[bool] = mapped_column(default=False)
    role: Mapped[StatementRole] = mapped_column(
        enum_type(StatementRole), default=StatementRole.NONE
    )
    position: Mapped[int] = mapped_column(Integer, default=0)

    visit: Mapped[Visit] = relationship(back_populates="statements")
    engagement: Mapped[Engagement | None] = relationship()
    speaker: Mapped[Person | None] = relationship()
