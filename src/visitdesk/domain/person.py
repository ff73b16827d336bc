"""People: the delegates, the hosts and everyone who attends."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import ForeignKey, Integer, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from visitdesk.domain.base import Base
from visitdesk.domain.names import NameParts, display_name, short_reference
from visitdesk.domain.versioning import Versioned

if TYPE_CHECKING:
    from visitdesk.domain.organisation import Organisation


class Person(Versioned, Base):
    __tablename__ = "person"

    id: Mapped[int] = mapped_column(primary_key=True)
    ref: Mapped[str] = mapped_column(String(120), unique=True)
    honorific: Mapped[str | None] = mapped_column(String(60))
    given_name: Mapped[str | None] = mapped_column(String(200))
    family_name: Mapped[str] = mapped_column(String(200), index=True)
    # Chinese, Japanese and Korean names put the family name first.
    family_name_first: Mapped[bool] = mapped_column(default=False)
    native_name: Mapped[str | None] = mapped_column(String(300))
    position: Mapped[str | None] = mapped_column(String(300))
    organisation_id: Mapped[int | None] = mapped_column(
        ForeignKey("organisation.id", ondelete="SET NULL"), index=True
    )
    # Lower is more senior; None sorts after every ranked person.
    precedence: Mapped[int | None] = mapped_column(Integer)
    email: Mapped[str | None] = mapped_column(String(300))
    phone: Mapped[str | None] = mapped_column(String(100))
    bio: Mapped[str | None] = mapped_column(Text)
    dietary: Mapped[str | None] = mapped_column(Text)
    medical: Mapped[str | None] = mapped_column(Text)
    photo: Mapped[bytes | None] = mapped_column(LargeBinary)
    photo_media_type: Mapped[str | None] = mapped_column(String(60))
    notes: Mapped[str | None] = mapped_column(Text)

    organisation: Mapped[Organisation | None] = relationship(lazy="joined")

    @property
    def name_parts(self) -> NameParts:
        return NameParts(
            honorific=self.honorific,
            given_name=self.given_name,
            family_name=self.family_name,
            family_name_first=self.family_name_first,
        )

    @property
    def display_name(self) -> str:
        return display_name(self.name_parts)

    @property
    def short_name(self) -> str:
        return short_reference(self.name_parts)

    def __repr__(self) -> str:
        return f"Person({self.ref!r})"
