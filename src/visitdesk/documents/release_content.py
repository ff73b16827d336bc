"""What a printed press release shows, gathered from the record and the office (no reportlab).

Both the PDF and the plain-text release are made from this, so they always say the same.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Protocol

from visitdesk.domain.languages import language_hint
from visitdesk.services.press_release.wording import long_date


class ReleaseFields(Protocol):
    """What the page reads of a release: a `PressRelease`, or the text an editor shows."""

    @property
    def number(self) -> int: ...
    @property
    def date(self) -> date: ...
    @property
    def city(self) -> str | None: ...
    @property
    def topic(self) -> str | None: ...
    @property
    def headline(self) -> str | None: ...
    @property
    def lead_quote(self) -> str | None: ...
    @property
    def lead_quote_attribution(self) -> str | None: ...
    @property
    def body(self) -> str | None: ...
    @property
    def visit(self) -> Any: ...  # its guest organisation's country; None when not saved


class OfficeFields(Protocol):
    """What the letterhead reads of the office: an `Office`, or a `Letterhead`'s copy."""

    @property
    def name(self) -> str: ...
    @property
    def short_name(self) -> str | None: ...
    @property
    def city(self) -> str | None: ...
    @property
    def press_release_prefix(self) -> str: ...
    @property
    def media_contact(self) -> str | None: ...
    @property
    def logo(self) -> bytes | None: ...


@dataclass(frozen=True)
class ReleaseContent:
    office_name: str
    number_label: str  # `PR No.211`
    dateline: str  # `Islamabad: March 22, 2017`
    topic: str = ""  # `Draft MoU between IPO-Pakistan and SIPO-China`
    headline: str = ""
    lead_quote: str = ""
    attribution: str = ""  # without the leading ellipsis
    paragraphs: list[str] = field(default_factory=list)
    office_short_name: str | None = None
    office_city: str | None = None
    media_contact: str | None = None
    logo: bytes | None = None
    lang: str | None = None  # language hint for names in Han or Arabic script: the guests'


def number_label(prefix: str | None, number: int) -> str:
    """`PR No.` + 211 → `PR No.211`; `PR` + 211 → `PR 211`."""
    prefix = (prefix or "").strip()
    if not prefix:
        return str(number)
    return f"{prefix}{number}" if not prefix[-1].isalnum() else f"{prefix} {number}"


def paragraphs_of(body: str | None) -> list[str]:
    """Paragraphs are separated by a blank line; single line breaks stay inside a paragraph."""
    text = (body or "").replace("\r\n", "\n").replace("\r", "\n")
    return [p.strip("\n") for p in re.split(r"\n[ \t]*\n", text) if p.strip()]


def release_content(
    release: ReleaseFields, office: OfficeFields | None, fallback_name: str | None = None
) -> ReleaseContent:
    """The content of `release` under `office`'s letterhead.

    Without an office set up, the visit's host organisation (`fallback_name`) heads the page.
    """
    name = (office.name if office is not None else None) or fallback_name or "Press Office"
    prefix = office.press_release_prefix if office is not None else "PR No."
    city = (release.city or "").strip() or (office.city if office is not None else None)
    dateline = long_date(release.date)
    if city:
        dateline = f"{city}: {dateline}"
    return ReleaseContent(
        office_name=name.strip(),
        number_label=number_label(prefix, release.number),
        dateline=dateline,
        topic=(release.topic or "").strip(),
        headline=(release.headline or "").strip(),
        lead_quote=(release.lead_quote or "").strip(),
        attribution=(release.lead_quote_attribution or "").strip(),
        paragraphs=paragraphs_of(release.body),
        office_short_name=office.short_name if office is not None else None,
        office_city=office.city if office is not None else None,
        media_contact=office.media_contact if office is not None else None,
        logo=office.logo if office is not None else None,
        lang=guest_language(release),
    )


def guest_language(release: ReleaseFields) -> str | None:
    """The language hint of the guest delegation's country (None for a release not yet saved)."""
    guest = release.visit.guest_organisation if release.visit is not None else None
    return language_hint(guest.country if guest is not None else None)
