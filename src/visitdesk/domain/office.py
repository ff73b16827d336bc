"""The host office: the one whose letterhead goes on every document."""

from __future__ import annotations

from sqlalchemy import LargeBinary, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from visitdesk.domain.base import Base
from visitdesk.domain.versioning import Versioned

DEFAULT_CLASSIFICATION = "RESTRICTED"
# Where officials report and deposit the gifts they receive: Pakistan's by default.
DEFAULT_DEPOSIT_AUTHORITY = "Toshakhana (Cabinet Division)"


class Office(Versioned, Base):
    __tablename__ = "office"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(300))
    short_name: Mapped[str | None] = mapped_column(String(100))
    city: Mapped[str | None] = mapped_column(String(120))
    country: Mapped[str | None] = mapped_column(String(2))
    press_release_prefix: Mapped[str] = mapped_column(String(40), default="PR No.")
    media_contact: Mapped[str | None] = mapped_column(Text)
    logo: Mapped[bytes | None] = mapped_column(LargeBinary)
    logo_media_type: Mapped[str | None] = mapped_column(String(60))
    default_classification: Mapped[str] = mapped_column(String(60), default=DEFAULT_CLASSIFICATION)
    # Other governments keep other registers: the name is the office's, declared once.
    gift_deposit_authority: Mapped[str] = mapped_column(
        String(120), default=DEFAULT_DEPOSIT_AUTHORITY, server_default=DEFAULT_DEPOSIT_AUTHORITY
    )
