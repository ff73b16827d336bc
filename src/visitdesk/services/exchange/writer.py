"""Bulk writing of checked records, statement by statement rather than object by object.

An office's archive holds tens of thousands of engagements; the ORM's unit of work spends about
a millisecond on each object, so the importer writes rows in batches (a few statements per
table) instead. Reads of what exists come first, then deletes, then inserts.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Sequence
from typing import Any, TypeVar

from sqlalchemy import Select, delete, insert, select, update
from sqlalchemy.orm import InstrumentedAttribute, Session

from visitdesk.domain.base import Base
from visitdesk.domain.calendar_sequence import bury_engagements
from visitdesk.domain.engagement import Attendee, Engagement, TalkingPoint
from visitdesk.domain.enums import Side
from visitdesk.domain.outcome import Outcome, StatusChange
from visitdesk.domain.press_release import PressRelease
from visitdesk.domain.statement import Statement
from visitdesk.domain.timezones import new_event_uid
from visitdesk.domain.versioning import now_utc, user_name
from visitdesk.domain.visit import Visit, VisitParticipant
from visitdesk.services.exchange.document import VisitRecord
from visitdesk.services.exchange.rows import Row, engagement_row, engagement_signature, visit_row
from visitdesk.services.exchange.write_car_plans import write_car_plans
from visitdesk.services.visit_editing import office_level

# Well under SQLite's limit of bound parameters in one statement.
CHUNK = 500
T = TypeVar("T")
NO_SYNC = {"synchronize_session": False}


def chunks(items: Sequence[T]) -> Iterator[Sequence[T]]:
    for start in range(0, len(items), CHUNK):
        yield items[start : start + CHUNK]


def ids_by_ref(session: Session, model: Any, refs: Sequence[str]) -> dict[str, int]:
    found: dict[str, int] = {}
    for part in chunks(refs):
        found.update(session.execute(select(model.ref, model.id).where(model.ref.in_(part))).all())
    return found


def insert_returning_ids(session: Session, model: type[Base], rows: list[Row]) -> list[int]:
    statement = insert(model).returning(model.id, sort_by_parameter_order=True)  # type: ignore[attr-defined]
    # One call a chunk: SQLAlchemy joins the batches of one big RETURNING call in quadratic time.
    return [i for part in chunks(rows) for i in session.scalars(statement, part)]


def with_versions(session: Session, model: type[Base], rows: list[Row]) -> list[Row]:
    """The rows of an UPDATE by primary key, each with the version it replaces.

    SQLAlchemy's version counter checks it (`WHERE version = …`) and raises it, so a dialog
    opened on one of these records before the import is refused when it saves; the time and
    name say who rewrote it.
    """
    if not isinstance(getattr(model, "version", None), InstrumentedAttribute):
        return rows
    table: Any = model
    versions: dict[int, int] = {}
    for part in chunks([r["id"] for r in rows]):
        versions.update(
            session.execute(select(table.id, table.version).where(table.id.in_(part))).all()
        )
    when, who = now_utc(), user_name()
    return [
        {**r, "version": versions[r["id"]], "changed_at": when, "changed_by": who} for r in rows
    ]


def upsert_by_ref(
    session: Session, model: type[Base], rows: list[Row]
) -> tuple[dict[str, int], int]:
    """Update rows whose ref exists, insert the others; return ref → id and the count of new."""
    ids = ids_by_ref(session, model, [r["ref"] for r in rows])
    changed = [{**r, "id": ids[r["ref"]]} for r in rows if r["ref"] in ids]
    new = [r for r in rows if r["ref"] not in ids]
    if changed:
        session.execute(update(model), with_versions(session, model, changed))
    ids.update(zip([r["ref"] for r in new], insert_returning_ids(session, model, new), strict=True))
    return ids, len(new)


def _in(column: Any, query: Select[Any]) -> Any:
    return column.in_(query.scalar_subquery())


def _old_engagements(
    session: Session, visit_ids: list[int]
) -> dict[tuple[int, str], tuple[int, int, tuple[object, ...]]]:
    """(visit id, engagement ref) → (id, sequence, signature) of the engagements in the store."""
    old: dict[tuple[int, str], tuple[int, int, tuple[object, ...]]] = {}
    columns = [
        Engagement.id,
        Engagement.visit_id,
        Engagement.ref,
        Engagement.sequence,
        Engagement.kind,
        Engagement.title,
        Engagement.start,
        Engagement.end,
        Engagement.venue,
        Engagement.city,
        Engagement.organisation_id,
        Engagement.objectives,
        Engagement.notes,
        Engagement.time_zone,
        Engagement.host_signatory_id,
        Engagement.guest_signatory_id,
    ]
    for part in chunks(visit_ids):
        rows = (
            session.execute(select(*columns).where(Engagement.visit_id.in_(part))).mappings().all()
        )
        ids = [r["id"] for r in rows]
        points: dict[int, list[str]] = defaultdict(list)
        people: dict[tuple[int, Side], list[int]] = defaultdict(list)
        for ids_part in chunks(ids):
            for eid, text in session.execute(
                select(TalkingPoint.engagement_id, TalkingPoint.text)
                .where(TalkingPoint.engagement_id.in_(ids_part))
                .order_by(TalkingPoint.engagement_id, TalkingPoint.position)
            ).all():
                points[eid].append(text)
            for eid, side, pid in session.execute(
                select(Attendee.engagement_id, Attendee.side, Attendee.person_id)
                .where(Attendee.engagement_id.in_(ids_part))
                .order_by(Attendee.engagement_id, Attendee.position)
            ).all():
                people[(eid, side)].append(pid)
        for r in rows:
            signature = engagement_signature(
                dict(r),
                points[r["id"]],
                people[(r["id"], Side.HOST)],
                people[(r["id"], Side.GUEST)],
            )
            old[(r["visit_id"], r["ref"])] = (r["id"], r["sequence"], signature)
    return old


def _clear_children(session: Session, visit_ids: list[int], releases_of: list[int]) -> None:
    """Remove what the file replaces (not engagements: they keep their identity)."""
    for part in chunks(visit_ids):
        engagements = select(Engagement.id).where(Engagement.visit_id.in_(part))
        outcomes = select(Outcome.id).where(Outcome.visit_id.in_(part))
        for statement in (
            delete(Attendee).where(_in(Attendee.engagement_id, engagements)),
            delete(TalkingPoint).where(_in(TalkingPoint.engagement_id, engagements)),
            delete(StatusChange).where(_in(StatusChange.outcome_id, outcomes)),
            delete(Outcome).where(Outcome.visit_id.in_(part)),
            delete(Statement).where(Statement.visit_id.in_(part)),
            delete(VisitParticipant).where(VisitParticipant.visit_id.in_(part)),
        ):
            session.execute(statement, execution_options=NO_SYNC)
    for part in chunks(releases_of):
        session.execute(
            delete(PressRelease).where(PressRelease.visit_id.in_(part)), execution_options=NO_SYNC
        )


def write_visits(
    session: Session,
    records: list[VisitRecord],
    note: str | None,
    org: dict[str, int],
    person: dict[str, int],
) -> set[str]:
    """Create or update every visit of the file; return the refs of those that existed."""
    existing = ids_by_ref(session, Visit, [r.ref for r in records])
    old = _old_engagements(session, list(existing.values()))
    _clear_children(
        session,
        list(existing.values()),
        [existing[r.ref] for r in records if r.ref in existing and r.press_releases is not None],
    )
    level = office_level(session)
    visit_ids, _ = upsert_by_ref(
        session, Visit, [visit_row(r, org, person, note, level) for r in records]
    )

    changed_engagements: list[Row] = []
    new_engagements: list[Row] = []
    engagement_id: dict[tuple[int, str], int] = {}
    for record in records:
        vid = visit_ids[record.ref]
        for e in record.engagements:
            row = engagement_row(e, vid, org, person)
            host = [person[p] for p in e.host_attendees]
            guest = [person[p] for p in e.guest_attendees]
            previous = old.pop((vid, e.ref), None)
            if previous is None:
                # A UID from the file was made elsewhere and may be in calendars already.
                uid = {"uid": e.uid or new_event_uid(), "published": bool(e.uid)}
                new_engagements.append({**row, **uid, "sequence": e.sequence or 0})
                continue
            eid, sequence, signature = previous
            if signature != engagement_signature(row, e.talking_points, host, guest):
                sequence += 1  # a changed engagement must replace its calendar event
            changed_engagements.append(
                {**row, "id": eid, "sequence": max(sequence, e.sequence or 0)}
            )
            engagement_id[(vid, e.ref)] = eid
    dropped = [eid for eid, _, _ in old.values()]
    for part in chunks(dropped):  # calendars must still be told these were cancelled
        bury_engagements(
            session, session.scalars(select(Engagement).where(Engagement.id.in_(part)))
        )
    for part in chunks(dropped):  # engagements the file dropped
        session.execute(
            delete(Engagement).where(Engagement.id.in_(part)), execution_options=NO_SYNC
        )
    if changed_engagements:
        session.execute(update(Engagement), with_versions(session, Engagement, changed_engagements))
    new_ids = insert_returning_ids(session, Engagement, new_engagements)
    engagement_id.update(
        ((r["visit_id"], r["ref"]), i) for r, i in zip(new_engagements, new_ids, strict=True)
    )

    children: dict[type[Base], list[Row]] = defaultdict(list)
    outcome_rows: list[Row] = []
    histories: list[list[Row]] = []
    for record in records:
        vid = visit_ids[record.ref]

        def eng(ref: str | None, vid: int = vid) -> int | None:
            return engagement_id[(vid, ref)] if ref else None

        for position, p in enumerate(record.participants):
            children[VisitParticipant].append(
                {
                    "visit_id": vid,
                    "person_id": person[p.person],
                    "side": p.side,
                    "role": p.role,
                    "position": position,
                    "liaison_officer_id": person[p.liaison_officer] if p.liaison_officer else None,
                }
            )
        for e in record.engagements:
            eid = engagement_id[(vid, e.ref)]
            levels = (*e.talking_point_levels, *(None,) * len(e.talking_points))
            children[TalkingPoint] += [
                {"engagement_id": eid, "position": i, "text": t, "level": level}
                for i, (t, level) in enumerate(zip(e.talking_points, levels, strict=False))
            ]
            attendees = [(p, Side.HOST) for p in e.host_attendees] + [
                (p, Side.GUEST) for p in e.guest_attendees
            ]
            children[Attendee] += [
                {"engagement_id": eid, "person_id": person[p], "side": side, "position": i}
                for i, (p, side) in enumerate(attendees)
            ]
        for position, s in enumerate(record.statements):
            children[Statement].append(
                {
                    "visit_id": vid,
                    "engagement_id": eng(s.engagement),
                    "speaker_id": person[s.speaker] if s.speaker else None,
                    "text": s.text,
                    "style": s.style,
                    "for_press": s.for_press,
                    "role": s.role,
                    "position": position,
                }
            )
        for position, o in enumerate(record.outcomes):
            outcome_rows.append(
                {
                    "visit_id": vid,
                    "engagement_id": eng(o.engagement),
                    "kind": o.kind,
                    "title": o.title,
                    "description": o.description,
                    "owner_id": person[o.owner] if o.owner else None,
                    "due_date": o.due_date,
                    "next_step": o.next_step,
                    "status": o.status,
                    "position": position,
                }
            )
            histories.append(
                [
                    {"status": h.status, "changed_on": h.changed_on, "note": h.note}
                    for h in o.history
                ]
            )
        children[PressRelease] += [
            {
                "visit_id": vid,
                "number": r.number,
                "year": r.date.year,
                "date": r.date,
                "city": r.city,
                "topic": r.topic,
                "headline": r.headline,
                "lead_quote": r.lead_quote,
                "lead_quote_attribution": r.lead_quote_attribution,
                "body": r.body,
                "status": r.status,
                "edited": r.edited,
            }
            for r in record.press_releases or []
        ]

    for outcome_id, history in zip(
        insert_returning_ids(session, Outcome, outcome_rows), histories, strict=True
    ):
        children[StatusChange] += [{**h, "outcome_id": outcome_id} for h in history]
    for model, rows in children.items():
        if rows:
            session.execute(insert(model), rows)
    from visitdesk.services.exchange.write_travel import store_travel

    journeys = store_travel(session, records, visit_ids, person)
    write_car_plans(session, records, visit_ids, engagement_id, person, journeys)
    from visitdesk.services.exchange.write_gifts import write_gifts

    write_gifts(session, records, visit_ids, engagement_id, person)
    return {r.ref for r in records if r.ref in existing}
