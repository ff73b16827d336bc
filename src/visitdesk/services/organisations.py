"""Create and change an organisation, as the one organisation dialog edits it.

`OrganisationDetails` is both what the dialog shows and what an undo restores.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from visitdesk.domain.countries import is_country
from visitdesk.domain.enums import OrganisationKind
from visitdesk.domain.models import Organisation
from visitdesk.services.errors import ServiceError
from visitdesk.services.fields import blank_as_none
from visitdesk.services.lookup import get_or_not_found
from visitdesk.services.refs import unique_ref


@dataclass(frozen=True)
class OrganisationDetails:
    name: str
    short_name: str | None = None
    native_name: str | None = None
    country: str | None = None  # ISO 3166-1 alpha-2
    kind: OrganisationKind = OrganisationKind.OTHER


def country_code(text: str | None) -> str | None:
    """The ISO 3166 alpha-2 code, checked: never `PAK` cut to `PA`, never an invented `XX`."""
    code = blank_as_none(text)
    if code is None:
        return None
    if not is_country(code):
        raise ServiceError(
            f"“{code}” is not a country code; choose the country by name from the list."
        )
    return code.upper()


def _checked(details: OrganisationDetails) -> OrganisationDetails:
    name = " ".join(details.name.split())
    if not name:
        raise ServiceError("Give the organisation a name.")
    if not isinstance(details.kind, OrganisationKind):
        raise ServiceError("Choose the kind of organisation from the list.")
    return OrganisationDetails(
        name=name,
        short_name=blank_as_none(details.short_name),
        native_name=blank_as_none(details.native_name),
        country=country_code(details.country),
        kind=details.kind,
    )


def _organisation(session: Session, organisation_id: int) -> Organisation:
    return get_or_not_found(
        session, Organisation, organisation_id, "This organisation no longer exists."
    )


def add_organisation(session: Session, details: OrganisationDetails) -> int:
    checked = _checked(details)
    org = Organisation(
        ref=unique_ref(session, Organisation, checked.short_name or checked.name),
        name=checked.name,
        short_name=checked.short_name,
        native_name=checked.native_name,
        country=checked.country,
        kind=checked.kind,
    )
    session.add(org)
    session.flush()
    return org.id


def load_organisation(session: Session, organisation_id: int) -> OrganisationDetails:
    org = _organisation(session, organisation_id)
    return OrganisationDetails(org.name, org.short_name, org.native_name, org.country, org.kind)


def update_organisation(
    session: Session, organisation_id: int, details: OrganisationDetails
) -> None:
    checked = _checked(details)
    org = _organisation(session, organisation_id)
    org.name = checked.name
    org.short_name = checked.short_name
    org.native_name = checked.native_name
    org.country = checked.country
    org.kind = checked.kind
    session.flush()


def delete_organisation(session: Session, organisation_id: int) -> None:
    """Undo of a creation: the organisation goes (references to it are emptied by the schema)."""
    session.delete(_organisation(session, organisation_id))
    session.flush()
