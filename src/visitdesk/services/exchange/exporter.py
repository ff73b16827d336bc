"""Write visits as a `visitdesk/1` file that imports back to the same records.

The output is deterministic (fixed key order, stable row order, no timestamps), so that
import → export → import → export gives the identical file and a diff shows real changes only.
"""

from __future__ import annotations

import base64
import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Row, select
from sqlalchemy.orm import Session

from visitdesk import files
from visitdesk.domain.enums import Side, StatementRole
from visitdesk.domain.office import Office
from visitdesk.domain.organisation import Organisation
from visitdesk.domain.person import Person
from visitdesk.domain.visit import Visit
from visitdesk.services.errors import NotFoundError
from visitdesk.services.exchange import FORMAT
from visitdesk.services.exchange.export_car_plans import car_plans_json, seated_people
from visitdesk.services.exchange.export_load import (
    EngagementData,
    OutcomeData,
    VisitData,
    load_visits,
)
from visitdesk.services.exchange.export_travel import add_travel, travel_people
from visitdesk.services.exchange.writer import chunks

Json = dict[str, Any]


@dataclass
class _Refs:
    """Ids to exchange refs, read once: following ORM relationships per row is far slower."""

    people: dict[int, str]
    organisations: dict[int, str]
    engagements: dict[int, str]

    def person(self, key: int | None) -> str | None:
        return None if key is None else self.people[key]

    def org(self, key: int | None) -> str | None:
        return None if key is None else self.organisations[key]

    def engagement(self, key: int | None) -> str | None:
        return None if key is None else self.engagements[key]


def _compact(record: Json) -> Json:
    """Leave out what is unset, so files stay readable; lists are kept even when empty."""
    return {k: v for k, v in record.items() if v is not None}


def _picture(data: bytes | None, media_type: str | None) -> Json | None:
    if data is None:
        return None
    return {"media_type": media_type or "image/png", "data": base64.b64encode(data).decode()}


def _office(office: Office) -> Json:
    return _compact(
        {
            "name": office.name,
            "short_name": office.short_name,
            "city": office.city,
            "country": office.country,
            "press_release_prefix": office.press_release_prefix,
            "media_contact": office.media_contact,
            "logo": _picture(office.logo, office.logo_media_type),
            "default_classification": office.default_classification,
            "gift_deposit_authority": office.gift_deposit_authority,
        }
    )


def _organisation(o: Row[Any]) -> Json:
    return _compact(
        {
            "id": o.ref,
            "name": o.name,
            "short_name": o.short_name,
            "native_name": o.native_name,
            "country": o.country,
            "kind": o.kind.value,
            "notes": o.notes,
        }
    )


def _person(p: Row[Any], refs: _Refs) -> Json:
    return _compact(
        {
            "id": p.ref,
            "honorific": p.honorific,
            "given_name": p.given_name,
            "family_name": p.family_name,
            "family_name_first": p.family_name_first,
            "native_name": p.native_name,
            "position": p.position,
            "organisation": refs.org(p.organisation_id),
            "precedence": p.precedence,
            "email": p.email,
            "phone": p.phone,
            "bio": p.bio,
            "dietary": p.dietary,
            "medical": p.medical,
            "photo": _picture(p.photo, p.photo_media_type),
            "notes": p.notes,
        }
    )


def _participant(p: Row[Any], refs: _Refs) -> Json | str:
    ref = refs.people[p.person_id]
    officer = refs.person(p.liaison_officer_id)
    if p.role is None and officer is None:
        return ref
    return _compact({"person": ref, "role": p.role, "liaison_officer": officer})


def _when(e: Row[Any]) -> tuple[str, str]:
    return e.start.isoformat(
        timespec="minutes" if not e.start.second else "seconds"
    ), e.end.isoformat(timespec="minutes" if not e.end.second else "seconds")


def _engagement(data: EngagementData, refs: _Refs) -> Json:
    e = data.row
    start, end = _when(e)
    on_side = {side: {p for p, s in data.attendees if s is side} for side in Side}
    return _compact(
        {
            "id": e.ref,
            "kind": e.kind.value,
            "title": e.title,
            "start": start,
            "end": end,
            "venue": e.venue,
            "city": e.city,
            "organisation": refs.org(e.organisation_id),
            "objectives": e.objectives,
            "notes": e.notes,
            "talking_points": [
                text if level is None else {"text": text, "level": level.value}
                for text, level in zip(data.talking_points, data.talking_point_levels, strict=True)
            ],
            "host_attendees": [refs.people[p] for p, side in data.attendees if side is Side.HOST],
            "guest_attendees": [refs.people[p] for p, side in data.attendees if side is Side.GUEST],
            "sequence": e.sequence,
            "time_zone": e.time_zone,
            "uid": e.uid or None,
            # Only someone who attends on that side signs for it (the parser checks the same).
            "host_signatory": _signatory(e.host_signatory_id, on_side[Side.HOST], refs),
            "guest_signatory": _signatory(e.guest_signatory_id, on_side[Side.GUEST], refs),
        }
    )


def _signatory(person_id: int | None, attendees: set[int], refs: _Refs) -> str | None:
    return refs.person(person_id) if person_id in attendees else None


def _outcome(data: OutcomeData, refs: _Refs) -> Json:
    o = data.row
    return _compact(
        {
            "engagement": refs.engagement(o.engagement_id),
            "kind": o.kind.value,
            "title": o.title,
            "description": o.description,
            "status": o.status.value,
            "status_history": [
                _compact(
                    {"status": h.status.value, "date": h.changed_on.isoformat(), "note": h.note}
                )
                for h in data.history
            ],
            "next_step": o.next_step,
            "owner": refs.person(o.owner_id),
            "due_date": o.due_date.isoformat() if o.due_date else None,
        }
    )


def _visit(data: VisitData, refs: _Refs) -> Json:
    v = data.row
    guests = [p for p in data.participants if p.side is Side.GUEST]
    hosts = [p for p in data.participants if p.side is Side.HOST]
    return _compact(
        {
            "id": v.ref,
            "title": v.title,
            "direction": v.direction.value,
            "host_organisation": refs.org(v.host_organisation_id),
            "guest_organisation": refs.org(v.guest_organisation_id),
            "city": v.city,
            "country": v.country,
            "time_zone": v.time_zone,
            "start_date": v.start_date.isoformat(),
            "end_date": v.end_date.isoformat(),
            "status": v.status.value,
            "delegation": _compact(
                {
                    "description": v.delegation_description,
                    "leader": refs.person(v.leader_id),
                    "members": [_participant(p, refs) for p in guests],
                }
            ),
            "host_participants": [_participant(p, refs) for p in hosts],
            "notes": v.notes,
            "classification": v.classification.value,
            "engagements": [_engagement(e, refs) for e in data.engagements],
            "statements": [
                _compact(
                    {
                        "engagement": refs.engagement(s.engagement_id),
                        "speaker": refs.person(s.speaker_id),
                        "style": s.style.value,
                        "for_press": s.for_press,
                        "role": None if s.role is StatementRole.NONE else s.role.value,
                        "text": s.text,
                    }
                )
                for s in data.statements
            ],
            "outcomes": [_outcome(o, refs) for o in data.outcomes],
            "press_releases": [
                _compact(
                    {
                        "number": r.number,
                        "date": r.date.isoformat(),
                        "city": r.city,
                        "topic": r.topic,
                        "headline": r.headline,
                        "lead_quote": r.lead_quote,
                        "lead_quote_attribution": r.lead_quote_attribution,
                        "body": r.body,
                        "status": r.status.value,
                        "edited": r.edited,
                    }
                )
                for r in data.press_releases
            ],
        }
    )


def _visit_ids(session: Session, refs: list[str] | None) -> list[int]:
    if refs is None:
        return list(session.scalars(select(Visit.id).order_by(Visit.id)))
    found: dict[str, int] = {
        ref: id_
        for ref, id_ in session.execute(select(Visit.ref, Visit.id).where(Visit.ref.in_(refs)))
    }
    missing = [r for r in refs if r not in found]
    if missing:
        raise NotFoundError(
            "No visit with the reference "
            + ", ".join(repr(m) for m in missing)
            + "; `visitdesk visits` lists them."
        )
    return [found[r] for r in dict.fromkeys(refs)]


def _people_of(visits: Iterable[VisitData]) -> set[int]:
    ids: set[int] = set()
    for v in visits:
        ids.update(p.person_id for p in v.participants)
        ids.update(p.liaison_officer_id for p in v.participants if p.liaison_officer_id)
        if v.row.leader_id is not None:
            ids.add(v.row.leader_id)
        ids.update(person for e in v.engagements for person, _side in e.attendees)
        ids.update(s.speaker_id for s in v.statements if s.speaker_id is not None)
        ids.update(o.row.owner_id for o in v.outcomes if o.row.owner_id is not None)
    return ids


def build_document(session: Session, visit_refs: list[str] | None = None) -> Json:
    """Everything (visit_refs None) or the named visits with whom and what they refer to."""
    from visitdesk.services.exchange.write_gifts import gift_json, gift_people, load_gifts

    visits = load_visits(session, _visit_ids(session, visit_refs))
    gifts = load_gifts(session, [v.row.id for v in visits])
    people_query = select(*Person.__table__.columns).order_by(Person.id)
    orgs_query = select(*Organisation.__table__.columns).order_by(Organisation.id)
    if visit_refs is None:
        people = list(session.execute(people_query))
        organisations = list(session.execute(orgs_query))
    else:
        ids = [v.row.id for v in visits]
        wanted = sorted(
            _people_of(visits)
            | travel_people(session, ids)
            | seated_people(session, ids)
            | gift_people(gifts)
        )
        people = sorted(
            (
                p
                for part in chunks(wanted)
                for p in session.execute(people_query.where(Person.id.in_(part)))
            ),
            key=lambda p: p.id,
        )
        org_ids = {p.organisation_id for p in people}
        for v in visits:
            org_ids.update((v.row.host_organisation_id, v.row.guest_organisation_id))
            org_ids.update(e.row.organisation_id for e in v.engagements)
        org_ids.discard(None)
        organisations = list(session.execute(orgs_query.where(Organisation.id.in_(org_ids))))
    refs = _Refs(
        people={p.id: p.ref for p in people},
        organisations={o.id: o.ref for o in organisations},
        engagements={e.row.id: e.row.ref for v in visits for e in v.engagements},
    )
    notes = {v.row.source_note for v in visits}
    office = session.scalars(select(Office).limit(1)).first()
    document: Json = {"format": FORMAT}
    if len(notes) == 1 and (note := notes.pop()) is not None:
        document["note"] = note
    if office is not None:
        document["office"] = _office(office)
    document["organisations"] = [_organisation(o) for o in organisations]
    document["people"] = [_person(p, refs) for p in people]
    document["visits"] = [
        {
            **_visit(v, refs),
            "gifts": [gift_json(g, refs.people, refs.engagements) for g in gifts[v.row.id]],
        }
        for v in visits
    ]
    add_travel(session, [v.row.id for v in visits], document["visits"], refs.people)
    plans = car_plans_json(session, [v.row.id for v in visits], refs.people, refs.engagements)
    for visit_json, v in zip(document["visits"], visits, strict=True):
        if v.row.id in plans:
            visit_json["car_plans"] = plans[v.row.id]
    return document


def export_document(session: Session, visit_refs: list[str] | None = None) -> str:
    text = json.dumps(build_document(session, visit_refs), ensure_ascii=False, indent=2)
    return text + "\n"


def export_file(session: Session, path: Path, visit_refs: list[str] | None = None) -> int:
    """Write the file whole or not at all: a half-written export would look like a good one."""
    text = export_document(session, visit_refs)
    files.write_text(path, text, encoding="utf-8")
    return len(text.encode("utf-8"))
