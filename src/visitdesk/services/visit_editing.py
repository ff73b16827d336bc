"""Create and change a visit's own details, as the window edits them.

`VisitDetails` is both what an edit dialog shows and what an undo restores: loading it before a
change and saving it back undoes the change exactly.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from visitdesk.domain.classification import DEFAULT_VISIT_LEVEL, Level, level_of
from visitdesk.domain.dates import short_date
from visitdesk.domain.enums import VisitDirection, VisitStatus
from visitdesk.domain.models import Office, Organisation, Visit
from visitdesk.domain.timezones import is_valid_zone, zone_for_country
from visitdesk.services.errors import ConflictError, NotFoundError, ServiceError
from visitdesk.services.fields import blank_as_none
from visitdesk.services.lookup import get_or_not_found
from visitdesk.services.organisations import country_code


@dataclass(frozen=True)
class VisitDetails:
    title: str
    start_date: date
    end_date: date
    ref: str = ""
    direction: VisitDirection = VisitDirection.INCOMING
    status: VisitStatus = VisitStatus.PLANNED
    host_organisation_id: int | None = None
    guest_organisation_id: int | None = None
    city: str | None = None
    country: str | None = None
    time_zone: str = ""
    delegation_description: str | None = None
    notes: str | None = None
    # The visit's classification; None: a new visit takes the office's default marking's level
    # (Restricted if that names none), a saved one keeps its own.
    classification: Level | None = None


@dataclass(frozen=True)
class VisitHeading:
    """What the top of a visit's page says, every name resolved."""

    id: int
    ref: str
    title: str
    start_date: date
    end_date: date
    status: VisitStatus
    direction: VisitDirection
    host: str
    guest: str
    city: str
    time_zone: str
    delegation_description: str
    notes: str


def _slug(text: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", text.casefold()).strip("-")
    return slug[:60].strip("-") or "visit"


def unique_visit_ref(session: Session, title: str, start: date) -> str:
    base = f"{_slug(title)}-{start:%Y-%m}"
    taken = set(session.scalars(select(Visit.ref).where(Visit.ref.startswith(base))))
    ref, n = base, 2
    while ref in taken:
        ref, n = f"{base}-{n}", n + 1
    return ref


def _checked(session: Session, details: VisitDetails) -> VisitDetails:
    title = " ".join(details.title.split())
    if not title:
        raise ServiceError("Give the visit a title.")
    if details.end_date < details.start_date:
        raise ServiceError(
            f"The visit ends ({short_date(details.end_date)}) before it starts "
            f"({short_date(details.start_date)}): correct the dates."
        )
    country = country_code(details.country)  # never "XX", never "PAK" cut to "PA"
    zone = (details.time_zone or "").strip() or zone_for_country(country) or "UTC"
    if not is_valid_zone(zone):
        raise ServiceError(
            f"“{zone}” is not a time zone VisitDesk knows; use a name such as Asia/Karachi."
        )
    for org_id in (details.host_organisation_id, details.guest_organisation_id):
        if org_id is not None and session.get(Organisation, org_id) is None:
            raise NotFoundError("That organisation no longer exists; choose another.")
    return replace(
        details,
        title=title,
        country=country,
        time_zone=zone,
        city=blank_as_none(details.city),
        delegation_description=blank_as_none(details.delegation_description),
        notes=blank_as_none(details.notes),
    )


def create_visit(session: Session, details: VisitDetails) -> int:
    details = _checked(session, details)
    ref = details.ref.strip() or unique_visit_ref(session, details.title, details.start_date)
    if session.scalar(select(Visit.id).where(Visit.ref == ref)) is not None:
        raise ConflictError(f"Another visit already has the reference “{ref}”.")
    visit = Visit(ref=ref, classification=office_level(session))
    _apply(visit, details)
    session.add(visit)
    session.flush()
    return visit.id


def _apply(visit: Visit, details: VisitDetails) -> None:
    visit.title = details.title
    visit.start_date = details.start_date
    visit.end_date = details.end_date
    visit.direction = details.direction
    visit.status = details.status
    visit.host_organisation_id = details.host_organisation_id
    visit.guest_organisation_id = details.guest_organisation_id
    visit.city = details.city
    visit.country = details.country
    visit.time_zone = details.time_zone
    visit.delegation_description = details.delegation_description
    visit.notes = details.notes
    if details.classification is not None:
        visit.classification = Level(details.classification)


def office_level(session: Session) -> Level:
    """The level a new visit starts at: the office's default marking, when it names one."""
    marking = session.scalar(select(Office.default_classification).order_by(Office.id))
    return level_of(marking) or DEFAULT_VISIT_LEVEL


def get_visit(session: Session, visit_id: int) -> Visit:
    gone = "This visit no longer exists: it may have been deleted."
    return get_or_not_found(session, Visit, visit_id, gone)


def load_visit(session: Session, visit_id: int) -> VisitDetails:
    v = get_visit(session, visit_id)
    return VisitDetails(
        ref=v.ref,
        title=v.title,
        start_date=v.start_date,
        end_date=v.end_date,
        direction=v.direction,
        status=v.status,
        host_organisation_id=v.host_organisation_id,
        guest_organisation_id=v.guest_organisation_id,
        city=v.city,
        country=v.country,
        time_zone=v.time_zone,
        delegation_description=v.delegation_description,
        notes=v.notes,
        classification=v.classification,
    )


def update_visit(session: Session, visit_id: int, details: VisitDetails) -> None:
    visit = get_visit(session, visit_id)
    _apply(visit, _checked(session, details))


def delete_visit(session: Session, visit_id: int) -> None:
    session.delete(get_visit(session, visit_id))


def visit_heading(session: Session, visit_id: int) -> VisitHeading:
    v = get_visit(session, visit_id)
    return VisitHeading(
        id=v.id,
        ref=v.ref,
        title=v.title,
        start_date=v.start_date,
        end_date=v.end_date,
        status=v.status,
        direction=v.direction,
        host=v.host_organisation.display_name if v.host_organisation else "",
        guest=v.guest_organisation.display_name if v.guest_organisation else "",
        city=", ".join(p for p in (v.city, v.country) if p),
        time_zone=v.time_zone,
        delegation_description=v.delegation_description or "",
        notes=v.notes or "",
    )
