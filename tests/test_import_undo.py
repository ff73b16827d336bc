"""Undoing an import takes the whole file back; redoing it writes it again."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import func, select

from visitdesk.domain.models import Engagement, Office, Organisation, Outcome, Person, Visit
from visitdesk.services import import_undo
from visitdesk.store.database import Store

MODELS = (Visit, Person, Organisation, Engagement, Outcome, Office)


def _counts(store: Store) -> list[int]:
    with store.session() as session:
        return [session.scalar(select(func.count(m.id))) or 0 for m in MODELS]


def _import(store: Store, path: Path) -> import_undo.ImportUndo:
    document = import_undo.read_document(path)
    with store.transaction() as session:
        _report, undo = import_undo.import_undoably(session, document, path.name)
    return undo


def test_undo_removes_what_an_import_created_and_redo_brings_it_back(store, example_path):
    undo = _import(store, example_path)
    assert undo.label() == f"import of {example_path.name} (remove 1 visit)"
    imported = _counts(store)
    with store.transaction() as session:
        import_undo.undo_import(session, undo)
    assert _counts(store) == [0, 0, 0, 0, 0, 0]
    with store.transaction() as session:
        import_undo.redo_import(session, undo)
    assert _counts(store) == imported


def test_undo_restores_a_visit_the_file_updated_in_place(example_store, example_path):
    with example_store.transaction() as session:
        visit = session.scalars(select(Visit)).one()
        visit.title = "Visit of the SIPO delegation (as corrected by hand)"
        session.delete(visit.engagements[0])
        person = session.scalars(select(Person).where(Person.ref == "he-zhimin")).one()
        person.position = "Commissioner (corrected)"
    before = _counts(example_store)
    undo = _import(example_store, example_path)
    assert undo.label() == f"import of {example_path.name} (restore 1 visit)"
    with example_store.session() as session:
        assert session.scalars(select(Visit.title)).one() == "Visit of the SIPO China delegation"
    with example_store.transaction() as session:
        import_undo.undo_import(session, undo)
    assert _counts(example_store) == before
    with example_store.session() as session:
        assert session.scalars(select(Visit.title)).one() == (
            "Visit of the SIPO delegation (as corrected by hand)"
        )
        position = session.scalars(select(Person.position).where(Person.ref == "he-zhimin"))
        assert position.one() == "Commissioner (corrected)"
