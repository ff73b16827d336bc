"""Exchange records as table rows (plain dicts) for bulk writing."""

from __future__ import annotations

from typing import Any

from visitdesk.domain.classification import DEFAULT_VISIT_LEVEL, Level
from visitdesk.services.exchange.document import (
    EngagementRecord,
    OrganisationRecord,
    PersonRecord,
    VisitRecord,
)

Row = dict[str, Any]


def organisation_row(r: OrganisationRecord) -> Row:
    return {
        "ref": r.ref,
        "name": r.name,
        "short_name": r.short_name,
        "native_name": r.native_name,
        "country": r.country,
        "kind": r.kind,
        "notes": r.notes,
    }


def person_row(r: PersonRecord, organisation_id: int | None) -> Row:
    return {
        "ref": r.ref,
        "honorific": r.honorific,
        "given_name": r.given_name,
        "family_name": r.family_name,
        "family_name_first": r.family_name_first,
        "native_name": r.native_name,
        "position": r.position,
        "organisation_id": organisation_id,
        "precedence": r.precedence,
        "email": r.email,
        "phone": r.phone,
        "bio": r.bio,
        "dietary": r.dietary,
        "medical": r.medical,
        "photo": r.photo.data if r.photo else None,
        "photo_media_type": r.photo.media_type if r.photo else None,
        "notes": r.notes,
    }


def visit_row(
    r: VisitRecord,
    org: dict[str, int],
    person: dict[str, int],
    note: str | None,
    level: Level = DEFAULT_VISIT_LEVEL,
) -> Row:
    """`level`: the visit's classification when the file gives none (the office's)."""
    return {
        "ref": r.ref,
        "title": r.title,
        "direction": r.direction,
        "host_organisation_id": org[r.host_organisation] if r.host_organisation else None,
        "guest_organisation_id": org[r.guest_organisation] if r.guest_organisation else None,
        "city": r.city,
        "country": r.country,
        "time_zone": r.time_zone,
        "start_date": r.start_date,
        "end_date": r.end_date,
        "status": r.status,
        "delegation_description": r.delegation_description,
        "leader_id": person[r.leader] if r.leader else None,
        "notes": r.notes,
        "source_note": note,
        "classification": r.classification or level,
    }


def engagement_row(
    r: EngagementRecord, visit_id: int, org: dict[str, int], person: dict[str, int]
) -> Row:
    return {
        "visit_id": visit_id,
        "ref": r.ref,
        "kind": r.kind,
        "title": r.title,
        "start": r.start,
        "end": r.end,
        "venue": r.venue,
        "city": r.city,
        "organisation_id": org[r.organisation] if r.organisation else None,
        "objectives": r.objectives,
        "notes": r.notes,
        "time_zone": r.time_zone,
        "host_signatory_id": person[r.host_signatory] if r.host_signatory else None,
        "guest_signatory_id": person[r.guest_signatory] if r.guest_signatory else None,
    }


def engagement_signature(
    row: Row, talking_points: list[str], host: list[int], guest: list[int]
) -> tuple[object, ...]:
    """What makes an engagement 'changed' for a calendar: anything an attendee would see."""
    keys = (
        "kind",
        "title",
        "start",
        "end",
        "venue",
        "city",
        "organisation_id",
        "objectives",
        "notes",
        "time_zone",
        "host_signatory_id",
        "guest_signatory_id",
    )
    return (*(row[k] for k in keys), tuple(talking_points), tuple(host), tuple(guest))
