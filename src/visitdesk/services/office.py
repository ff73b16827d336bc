"""The office's own set-up: the letterhead and defaults of every document."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from visitdesk.domain.enums import OrganisationKind
from visitdesk.domain.models import Office, Organisation
from visitdesk.domain.office import DEFAULT_CLASSIFICATION, DEFAULT_DEPOSIT_AUTHORITY
from visitdesk.services.errors import ServiceError
from visitdesk.services.fields import blank_as_none
from visitdesk.services.organisations import country_code
from visitdesk.services.refs import unique_ref

# A letterhead logo bigger than this is almost surely a photograph chosen by mistake.
MAX_LOGO_BYTES = 2_000_000
# The column's length (domain/office.py).
MAX_AUTHORITY = 120
_SIGNATURES = {b"\x89PNG\r\n\x1a\n": "image/png", b"\xff\xd8\xff": "image/jpeg"}


@dataclass(frozen=True)
class OfficeSettings:
    name: str
    short_name: str | None = None
    city: str | None = None
    country: str | None = None
    press_release_prefix: str = "PR No."
    media_contact: str | None = None
    logo: bytes | None = None
    logo_media_type: str | None = None
    default_classification: str = DEFAULT_CLASSIFICATION
    gift_deposit_authority: str = DEFAULT_DEPOSIT_AUTHORITY


def logo_media_type(data: bytes) -> str:
    """The media type of a logo file, or a plain-words refusal."""
    if len(data) > MAX_LOGO_BYTES:
        raise ServiceError(
            f"The logo is {len(data) // 1000:,} KB; use an image under 2,000 KB (a PNG of the "
            "letterhead emblem is usually under 100 KB)."
        )
    for signature, media_type in _SIGNATURES.items():
        if data.startswith(signature):
            return media_type
    raise ServiceError("The logo must be a PNG or JPEG picture.")


def load_office(session: Session) -> OfficeSettings | None:
    office = session.scalar(select(Office).order_by(Office.id).limit(1))
    if office is None:
        return None
    return OfficeSettings(
        name=office.name,
        short_name=office.short_name,
        city=office.city,
        country=office.country,
        press_release_prefix=office.press_release_prefix,
        media_contact=office.media_contact,
        logo=office.logo,
        logo_media_type=office.logo_media_type,
        default_classification=office.default_classification,
        gift_deposit_authority=office.gift_deposit_authority,
    )


def save_office(session: Session, settings: OfficeSettings) -> None:
    name = " ".join(settings.name.split())
    if not name:
        raise ServiceError("Give the office's name as it should appear on the letterhead.")
    prefix = settings.press_release_prefix.strip()
    if not prefix:
        raise ServiceError("Give the press-release prefix, such as “PR No.”.")
    country = country_code(settings.country)
    authority = " ".join(settings.gift_deposit_authority.split()) or DEFAULT_DEPOSIT_AUTHORITY
    if len(authority) > MAX_AUTHORITY:
        raise ServiceError(
            f"The name of the gifts' deposit authority is {len(authority)} characters long; "
            f"give it in at most {MAX_AUTHORITY}, such as “{DEFAULT_DEPOSIT_AUTHORITY}”."
        )
    media_type = logo_media_type(settings.logo) if settings.logo else None
    office = session.scalar(select(Office).order_by(Office.id).limit(1))
    host = _host_organisation(session, office.name if office is not None else name)
    if office is None:
        office = Office(name=name)
        session.add(office)
    office.name = name
    office.short_name = blank_as_none(settings.short_name)
    office.city = blank_as_none(settings.city)
    office.country = country
    office.press_release_prefix = prefix
    office.media_contact = blank_as_none(settings.media_contact)
    office.logo = settings.logo or None
    office.logo_media_type = media_type
    office.default_classification = (
        settings.default_classification.strip() or DEFAULT_CLASSIFICATION
    )
    office.gift_deposit_authority = authority
    _keep_host_organisation(session, host, office)


def _host_organisation(session: Session, office_name: str) -> Organisation | None:
    return session.scalar(
        select(Organisation).where(Organisation.name == office_name).order_by(Organisation.id)
    )


def _keep_host_organisation(session: Session, host: Organisation | None, office: Office) -> None:
    """The office is also an organisation: the host of its visits, what its officers belong
    to. Set-up makes it, and renaming the office renames it."""
    if host is None:
        host = Organisation(
            ref=unique_ref(session, Organisation, office.short_name or office.name),
            name=office.name,
            kind=OrganisationKind.GOVERNMENT_AGENCY,
        )
        session.add(host)
    host.name = office.name
    host.short_name = office.short_name
    host.country = office.country or host.country
    session.flush()


def office_organisation_id(session: Session) -> int | None:
    """The organisation that is the office itself (a new visit's host), if set up."""
    office = session.scalar(select(Office).order_by(Office.id).limit(1))
    if office is None:
        return None
    host = _host_organisation(session, office.name)
    return host.id if host is not None else None
