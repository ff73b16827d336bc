"""Importing a `visitdesk/1` file so that it can be taken back.

Before the file is written, what it will touch is kept: the visits it will update in place (as
an export, which imports back to the same records), and the rows of the people and
organisations it will update. Undoing deletes what the import created and writes the kept state
back; redoing writes the file's (already checked) document again.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from visitdesk.domain.engagement import Attendee, Engagement
from visitdesk.domain.office import Office
from visitdesk.domain.organisation import Organisation
from visitdesk.domain.outcome import Outcome
from visitdesk.domain.person import Person
from visitdesk.domain.statement import Statement
from visitdesk.domain.visit import Visit, VisitParticipant
from visitdesk.services.exchange.document import Document
from visitdesk.services.exchange.exporter import build_document
from visitdesk.services.exchange.importer import apply_document
from visitdesk.services.exchange.parse import parse_document
from visitdesk.services.exchange.reader import read_json
from visitdesk.services.exchange.report import ImportReport
from visitdesk.services.exchange.writer import ids_by_ref

Row = dict[str, Any]


@dataclass(frozen=True)
class ImportUndo:
    """What one import changed, enough to take it back and to make it again."""

    file_name: str
    document: Document
    created_visits: tuple[str, ...]
    created_people: tuple[str, ...]
    created_organisations: tuple[str, ...]
    created_office: bool
    # The visits updated in place, as an exchange document (None when there were none).
    visits_before: dict[str, Any] | None
    people_before: tuple[Row, ...]
    organisations_before: tuple[Row, ...]
    # Releases whose number was taken in their year were given the next free ones.
    renumber_releases: bool = False

    def label(self) -> str:
        """What Edit ▸ Undo says it will do."""
        made, updated = len(self.created_visits), self.updated_count()
        parts = []
        if made:
            parts.append(f"remove {made} visit{'s' if made != 1 else ''}")
        if updated:
            parts.append(f"restore {updated} visit{'s' if updated != 1 else ''}")
        detail = f" ({' and '.join(parts)})" if parts else ""
        return f"import of {self.file_name}{detail}"

    def updated_count(self) -> int:
        return len(self.visits_before["visits"]) if self.visits_before else 0


def read_document(path: Path) -> Document:
    """Read and check a file; nothing is written (errors name the place in the file)."""
    return parse_document(read_json(path), path.name)


def _rows(session: Session, model: Any, ids: list[int]) -> tuple[Row, ...]:
    if not ids:
        return ()
    found = session.execute(select(*model.__table__.columns).where(model.id.in_(ids)))
    return tuple(dict(r._mapping) for r in found)


def import_undoably(
    session: Session, document: Document, file_name: str, *, renumber_releases: bool = False
) -> tuple[ImportReport, ImportUndo]:
    visits = ids_by_ref(session, Visit, [v.ref for v in document.visits])
    people = ids_by_ref(session, Person, [p.ref for p in document.people])
    orgs = ids_by_ref(session, Organisation, [o.ref for o in document.organisations])
    had_office = (session.scalar(select(func.count(Office.id))) or 0) > 0
    visits_before = build_document(session, list(visits)) if visits else None
    undo = ImportUndo(
        file_name=file_name,
        document=document,
        created_visits=tuple(v.ref for v in document.visits if v.ref not in visits),
        created_people=tuple(p.ref for p in document.people if p.ref not in people),
        created_organisations=tuple(o.ref for o in document.organisations if o.ref not in orgs),
        created_office=document.office is not None and not had_office,
        visits_before=visits_before,
        people_before=_rows(session, Person, list(people.values())),
        organisations_before=_rows(session, Organisation, list(orgs.values())),
        renumber_releases=renumber_releases,
    )
    report = apply_document(session, document, file_name, renumber_releases=renumber_releases)
    return report, undo


def redo_import(session: Session, undo: ImportUndo) -> None:
    apply_document(session, undo.document, undo.file_name, renumber_releases=undo.renumber_releases)


def undo_import(session: Session, undo: ImportUndo) -> None:
    for visit_id in ids_by_ref(session, Visit, list(undo.created_visits)).values():
        visit = session.get(Visit, visit_id)
        if visit is not None:
            session.delete(visit)
    session.flush()
    if undo.visits_before is not None:
        before = parse_document(undo.visits_before, undo.file_name)
        for record in before.visits:
            # An export leaves out a visit's car plans when it had none: none it gets back.
            record.car_plans = record.car_plans or []
        apply_document(session, before, undo.file_name)
    for model, rows in ((Person, undo.people_before), (Organisation, undo.organisations_before)):
        for row in rows:
            session.execute(update(model).where(model.id == row["id"]).values(**row))
    _remove_unused_people(session, undo.created_people)
    _remove_unused_organisations(session, undo.created_organisations)
    if undo.created_office:
        for office in session.scalars(select(Office)):
            session.delete(office)
    session.flush()
    session.expire_all()


def _remove_unused_people(session: Session, refs: tuple[str, ...]) -> None:
    """People the import added go, unless someone has since put them somewhere."""
    for person_id in ids_by_ref(session, Person, list(refs)).values():
        used = (
            select(Attendee.id).where(Attendee.person_id == person_id),
            select(VisitParticipant.id).where(VisitParticipant.person_id == person_id),
            select(Statement.id).where(Statement.speaker_id == person_id),
            select(Outcome.id).where(Outcome.owner_id == person_id),
            select(Visit.id).where(Visit.leader_id == person_id),
        )
        if not any(session.scalar(q.limit(1)) is not None for q in used):
            person = session.get(Person, person_id)
            if person is not None:
                session.delete(person)
    session.flush()


def _remove_unused_organisations(session: Session, refs: tuple[str, ...]) -> None:
    for org_id in ids_by_ref(session, Organisation, list(refs)).values():
        used = (
            select(Person.id).where(Person.organisation_id == org_id),
            select(Engagement.id).where(Engagement.organisation_id == org_id),
            select(Visit.id).where(
                (Visit.host_organisation_id == org_id) | (Visit.guest_organisation_id == org_id)
            ),
        )
        if not any(session.scalar(q.limit(1)) is not None for q in used):
            org = session.get(Organisation, org_id)
            if org is not None:
                session.delete(org)
    session.flush()
