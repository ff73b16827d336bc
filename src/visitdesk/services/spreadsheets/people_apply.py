"""Applying a planned delegation list, and undoing and redoing it.

`apply_people_import` stores what the officer chose in the preview and returns an
`ImportRecord` of everything it did (new organisations and people with their ids, each field
with its old and new value, who joined, who was taken off), so that the window's undo can take
the import back exactly and redo it without reading the file again.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import func, inspect, select
from sqlalchemy.orm import InstanceState, Session

from visitdesk.domain.enums import Side
from visitdesk.domain.models import Attendee, Organisation, Person, Visit, VisitParticipant
from visitdesk.services.errors import NotFoundError, ServiceError
from visitdesk.services.spreadsheets.people_import import PeoplePreview
from visitdesk.services.spreadsheets.person_names import slug, unique_ref


@dataclass
class ImportRecord:
    visit_id: int
    side: Side
    new_organisations: list[dict[str, Any]] = field(default_factory=list)
    new_people: list[dict[str, Any]] = field(default_factory=list)
    # (person id, attribute, old value, new value); organisation as organisation_id.
    changed: list[tuple[int, str, object, object]] = field(default_factory=list)
    joined: list[tuple[int, str | None]] = field(default_factory=list)
    # (person id, side, role, position) of those taken off the visit.
    removed: list[tuple[int, Side, str | None, int]] = field(default_factory=list)

    @property
    def summary(self) -> str:
        parts = [f"{len(self.joined)} joined the visit, {len(self.new_people)} of them new"]
        if self.changed:
            people = len({c[0] for c in self.changed})
            fields = "1 field" if len(self.changed) == 1 else f"{len(self.changed)} fields"
            whom = "1 person" if people == 1 else f"{people} people"
            parts.append(f"{fields} changed on {whom}")
        if self.removed:
            parts.append(f"{len(self.removed)} taken off the visit")
        return "; ".join(parts)


def apply_people_import(
    session: Session,
    preview: PeoplePreview,
    accepted: Collection[tuple[int, str]] | None = None,
    remove: Collection[int] = (),
) -> ImportRecord:
    """Store the plan: `accepted` are the (row, attribute) changes to apply (None: all),
    `remove` the ids of people of the visit, missing from the list, to take off it."""
    if preview.error_rows:
        count = len(preview.error_rows)
        rows = "1 row has" if count == 1 else f"{count} rows have"
        raise ServiceError(
            f"Nothing was imported: {rows} errors. Correct them in {preview.file_name} and "
            "import again."
        )
    visit = preview.visit
    record = ImportRecord(visit.id, preview.side)
    new_orgs: dict[str, Organisation] = {}
    new_people: list[Person] = []
    joined: list[tuple[Person, str | None]] = []
    # The organisation a person is moved to may be new: its id is known after the flush.
    changed: list[tuple[Person, str, object, object]] = []

    def organisation(org: Organisation | str | None) -> Organisation | None:
        if not isinstance(org, str):
            return org
        key = org.casefold()
        if key not in new_orgs:
            taken = {o.ref for o in new_orgs.values()}

            def is_taken(ref: str, taken: set[str] = taken) -> bool:
                return ref in taken or _org_ref_taken(session, ref)

            new_orgs[key] = Organisation(ref=unique_ref(slug(org), is_taken), name=org)
            session.add(new_orgs[key])
        return new_orgs[key]

    for row in preview.rows:
        person = row.person
        if person is None:
            person = Person(ref=row.ref, organisation=organisation(row.organisation), **row.values)
            session.add(person)
            new_people.append(person)
        else:
            for change in row.changes:
                if accepted is not None and change.key not in accepted:
                    continue
                if change.attr == "organisation":
                    changed.append((person, "organisation_id", person.organisation_id, None))
                    person.organisation = organisation(row.organisation)
                else:
                    new = row.values[change.attr]
                    changed.append((person, change.attr, getattr(person, change.attr), new))
                    setattr(person, change.attr, new)
        if row.joins:
            visit.participants.append(
                VisitParticipant(person=person, side=preview.side, role=row.role)
            )
            joined.append((person, row.role))
    remove = set(remove)
    for participant in list(visit.participants):
        if participant.person_id in remove and participant.side is preview.side:
            record.removed.append(
                (participant.person_id, participant.side, participant.role, participant.position)
            )
            visit.participants.remove(participant)
    session.flush()
    # Ids are known only now: the record names everything by id, for undo and redo.
    record.new_organisations = [_columns(o) for o in new_orgs.values()]
    record.new_people = [_columns(p) for p in new_people]
    record.changed = [
        (person.id, attr, old, person.organisation_id if attr == "organisation_id" else new)
        for person, attr, old, new in changed
    ]
    record.joined = [(person.id, role) for person, role in joined]
    return record


def undo_people_import(session: Session, record: ImportRecord) -> None:
    """Take the import back: people and organisations it made, fields, joins, removals."""
    visit = _visit(session, record.visit_id)
    joined = {pid for pid, _role in record.joined}
    visit.participants = [p for p in visit.participants if p.person_id not in joined]
    session.flush()
    for pid, attr, old, _new in reversed(record.changed):
        setattr(_person(session, pid), attr, old)
    for columns in record.new_people:
        person = _person(session, columns["id"])
        if _still_used(session, person.id):
            raise ServiceError(
                f"{person.display_name} was added by this import and has joined another visit "
                "or an engagement since; take them off there first, then undo again."
            )
        session.delete(person)
    session.flush()
    for columns in record.new_organisations:
        org = session.get(Organisation, columns["id"])
        if org is not None and not _org_used(session, org.id):
            session.delete(org)
    for pid, side, role, _position in record.removed:
        visit.participants.append(VisitParticipant(person_id=pid, side=side, role=role))
    session.flush()
    _put_back_in_order(visit, {pid: position for pid, _s, _r, position in record.removed})
    session.flush()


def redo_people_import(session: Session, record: ImportRecord) -> None:
    """Do the import again as it was first done, under the same ids."""
    visit = _visit(session, record.visit_id)
    for columns in record.new_organisations:
        if session.get(Organisation, columns["id"]) is None:
            session.add(Organisation(**columns))
    session.flush()
    for columns in record.new_people:
        session.add(Person(**columns))
    session.flush()
    for pid, attr, _old, new in record.changed:
        setattr(_person(session, pid), attr, new)
    removed = {pid for pid, *_ in record.removed}
    visit.participants = [p for p in visit.participants if p.person_id not in removed]
    session.flush()
    present = {p.person_id for p in visit.participants}
    for pid, role in record.joined:
        if pid not in present:
            visit.participants.append(VisitParticipant(person_id=pid, side=record.side, role=role))
    session.flush()


def _columns(obj: Organisation | Person) -> dict[str, Any]:
    state: InstanceState[Any] = inspect(obj)
    return {a.key: getattr(obj, a.key) for a in state.mapper.column_attrs}


def _visit(session: Session, visit_id: int) -> Visit:
    visit = session.get(Visit, visit_id)
    if visit is None:
        raise NotFoundError("This visit no longer exists: it may have been deleted.")
    return visit


def _person(session: Session, person_id: int) -> Person:
    person = session.get(Person, person_id)
    if person is None:
        raise NotFoundError("A person of this import no longer exists: it may have been merged.")
    return person


def _still_used(session: Session, person_id: int) -> bool:
    participations = session.scalar(
        select(func.count(VisitParticipant.id)).where(VisitParticipant.person_id == person_id)
    )
    attendances = session.scalar(
        select(func.count(Attendee.id)).where(Attendee.person_id == person_id)
    )
    return bool(participations or attendances)


def _org_used(session: Session, org_id: int) -> bool:
    return (
        session.scalar(select(func.count(Person.id)).where(Person.organisation_id == org_id)) or 0
    ) > 0


def _org_ref_taken(session: Session, ref: str) -> bool:
    return session.scalar(select(Organisation.id).where(Organisation.ref == ref)) is not None


def _put_back_in_order(visit: Visit, positions: dict[int, int]) -> None:
    """Those taken off go back where they were in the list, not at its end."""
    if not positions:
        return
    rest = [p for p in visit.participants if p.person_id not in positions]
    back = sorted(
        (p for p in visit.participants if p.person_id in positions),
        key=lambda p: positions[p.person_id],
    )
    for participant in back:
        rest.insert(min(positions[participant.person_id], len(rest)), participant)
    visit.participants = rest
