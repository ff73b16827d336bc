"""Change everything about a person: the name as spelt, position, photo, notes for the hosts.

`PersonDetails` is both what the person dialog shows and what an undo restores: loading it
before a change and saving it back undoes the change exactly.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from visitdesk.domain.models import Organisation, Person
from visitdesk.services.errors import ServiceError
from visitdesk.services.fields import blank_as_none
from visitdesk.services.lookup import get_or_not_found
from visitdesk.services.refs import unique_ref

# A passport photograph is far smaller; anything bigger is a scan of a whole page.
MAX_PHOTO_BYTES = 3_000_000
_SIGNATURES = {b"\x89PNG\r\n\x1a\n": "image/png", b"\xff\xd8\xff": "image/jpeg"}


@dataclass(frozen=True)
class PersonDetails:
    family_name: str
    given_name: str | None = None
    honorific: str | None = None
    family_name_first: bool = False
    native_name: str | None = None
    position: str | None = None
    organisation_id: int | None = None
    precedence: int | None = None
    email: str | None = None
    phone: str | None = None
    bio: str | None = None
    dietary: str | None = None
    medical: str | None = None
    photo: bytes | None = None


def photo_media_type(data: bytes) -> str:
    """The media type of a photo file, or a plain-words refusal."""
    if len(data) > MAX_PHOTO_BYTES:
        raise ServiceError(
            f"The photo is {len(data) // 1000:,} KB; use a picture under 3,000 KB (a passport "
            "photograph is usually under 300 KB)."
        )
    for signature, media_type in _SIGNATURES.items():
        if data.startswith(signature):
            return media_type
    raise ServiceError("The photo must be a PNG or JPEG picture.")


def _person(session: Session, person_id: int) -> Person:
    return get_or_not_found(session, Person, person_id, "This person no longer exists.")


def _apply(session: Session, person: Person, details: PersonDetails) -> None:
    family = " ".join(details.family_name.split())
    if not family:
        raise ServiceError("Give the person's family name (or the whole name, if it has one part).")
    if details.precedence is not None and details.precedence < 1:
        raise ServiceError(
            "Precedence is a rank from 1 (the most senior); leave it empty if unknown."
        )
    if details.organisation_id is not None:
        get_or_not_found(
            session, Organisation, details.organisation_id, "That organisation no longer exists."
        )
    email = blank_as_none(details.email)
    if email is not None and ("@" not in email or " " in email):
        raise ServiceError(f"“{email}” is not an e-mail address; correct it or leave it empty.")
    person.family_name = family
    person.given_name = blank_as_none(details.given_name)
    person.honorific = blank_as_none(details.honorific)
    person.family_name_first = details.family_name_first
    person.native_name = blank_as_none(details.native_name)
    person.position = blank_as_none(details.position)
    person.organisation_id = details.organisation_id
    person.precedence = details.precedence
    person.email = email
    person.phone = blank_as_none(details.phone)
    person.bio = blank_as_none(details.bio)
    person.dietary = blank_as_none(details.dietary)
    person.medical = blank_as_none(details.medical)
    person.photo = details.photo or None
    person.photo_media_type = photo_media_type(details.photo) if details.photo else None


def add_person(session: Session, details: PersonDetails) -> int:
    person = Person(ref="", family_name="")
    _apply(session, person, details)
    person.ref = unique_ref(session, Person, f"{person.given_name or ''} {person.family_name}")
    session.add(person)
    session.flush()
    return person.id


def load_person(session: Session, person_id: int) -> PersonDetails:
    p = _person(session, person_id)
    return PersonDetails(
        family_name=p.family_name,
        given_name=p.given_name,
        honorific=p.honorific,
        family_name_first=p.family_name_first,
        native_name=p.native_name,
        position=p.position,
        organisation_id=p.organisation_id,
        precedence=p.precedence,
        email=p.email,
        phone=p.phone,
        bio=p.bio,
        dietary=p.dietary,
        medical=p.medical,
        photo=p.photo,
    )


def update_person(session: Session, person_id: int, details: PersonDetails) -> None:
    _apply(session, _person(session, person_id), details)
    session.flush()


def delete_person(session: Session, person_id: int) -> None:
    """Undo of a creation in the window."""
    session.delete(_person(session, person_id))
    session.flush()
