"""Organisations: ministries, agencies, universities, embassies and the rest."""

from __future__ import annotations

from sqlalchemy import String, Text
from sqlalchemy.orm import Mapped, mapped_column

from visitdesk.domain.base import Base
from visitdesk.domain.enums import OrganisationKind
from visitdesk.domain.types import enum_type
from visitdesk.domain.versioning import Versioned


class Organisation(Versioned, Base):
    __tablename__ = "organisation"

    id: Mapped[int] = mapped_column(primary_key=True)
    # The stable reference used by exchange files and the CLI (`sipo`, `moc`).
    ref: Mapped[str] = mapped_column(String(120), unique=True)
    name: Mapped[str] = mapped_column(String(300), index=True)
    short_name: Mapped[str | None] = mapped_column(String(100))
    native_name: Mapped[str | None] = mapped_column(String(300))
    country: Mapped[str | None] = mapped_column(String(2))
    kind: Mapped[OrganisationKind] = mapped_column(
        enum_type(OrganisationKind), default=OrganisationKind.OTHER
    )
    notes: Mapped[str | None] = mapped_column(Text)

    @property
    def display_name(self) -> str:
        """`State Intellectual Property Office (SIPO)`: a short name alone would puzzle readers."""
        if self.short_name and self.short_name != self.name:
            return f"{self.name} ({self.short_name})"
        return self.name

    def __repr__(self) -> str:
        return f"Organisation({self.ref!r})"
