"""visitdesk/1 files: importing one (all or nothing, and undoably), exporting visits to one.

Every problem of a file is named with its place in it, under the file's name, in one text the
window and the command line show alike; each front end adds only its own way out (the window
asks to renumber, the CLI names `--renumber-releases`).

    imported = desk.exchange.import_file(Path("sipo-2017.visit.json"))
    print(imported.summary)
    desk.exchange.undo_import(imported)      # the whole file taken back
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from visitdesk.app.errors import RefusedError
from visitdesk.app.part import Part
from visitdesk.app.saving import check_target, write

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from visitdesk.services.import_undo import ImportUndo

__all__ = ["Exchange", "Exported", "ImportPreview", "Imported", "ReleaseNumbersTakenError"]

# The service's sentence carries the command line's way out; each front end gives its own.
_CLI_HINT = re.compile(r" \(`visitdesk import --renumber-releases [^`]*`; the window offers it\)")


class ReleaseNumbersTakenError(RefusedError):
    """Only press release numbers already used in their year stand in the way: importing with
    `renumber_releases=True` gives those releases the next free numbers of their years."""

    def __init__(self, text: str, file_name: str, problems: tuple[str, ...]) -> None:
        super().__init__(text)
        self.file_name = file_name
        self.problems = problems


@dataclass(frozen=True)
class Imported:
    """One file imported: what it did, and what undoing it takes back."""

    file_name: str
    summary: str  # "x.visit.json:\n  Imported visit … : 6 engagements, …"
    created_visits: tuple[str, ...]
    updated_visits: tuple[str, ...]
    undo: ImportUndo  # opaque: hand it back to undo_import / redo_import

    @property
    def label(self) -> str:
        """What Edit ▸ Undo says it takes back: 'import of x.visit.json (remove 1 visit)'."""
        return self.undo.label()


@dataclass(frozen=True)
class ImportPreview:
    """What importing a file would change, read without writing anything."""

    file_name: str
    new_visits: tuple[str, ...]  # references
    updated_visits: tuple[str, ...]
    new_people: int
    # People already in the records whom the file would change: (name now, name in the file).
    updated_people: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class Exported:
    path: Path
    size: int  # bytes


def _refused(exc: BaseException) -> RefusedError | None:
    """The app's sentence for a file's problems (the same in the window and the CLI)."""
    from visitdesk.services.exchange.errors import ExchangeFileError, ReleaseNumberTakenError

    if isinstance(exc, RefusedError) and exc.__cause__ is not None:
        exc = exc.__cause__ if isinstance(exc.__cause__, ExchangeFileError) else exc
    if isinstance(exc, ReleaseNumberTakenError):
        problems = tuple(_CLI_HINT.sub("", str(p)) for p in exc.problems)
        return ReleaseNumbersTakenError(_CLI_HINT.sub("", str(exc)), exc.file_name, problems)
    if isinstance(exc, ExchangeFileError):
        return RefusedError(str(exc))
    return None


class Exchange(Part):
    def import_file(self, path: Path, renumber_releases: bool = False) -> Imported:
        """Read, check and import one file; on any problem nothing is written.

        A release whose number is taken in its year refuses the file with
        ReleaseNumbersTakenError, unless `renumber_releases` gives it the next free one.
        """
        from visitdesk.services import import_undo

        try:
            document = import_undo.read_document(path)

            def work(session: Session) -> Imported:
                report, undo = import_undo.import_undoably(
                    session, document, path.name, renumber_releases=renumber_releases
                )
                return Imported(
                    path.name,
                    str(report),
                    tuple(report.created_visits),
                    tuple(report.updated_visits),
                    undo,
                )

            return self._desk.write(work)
        except Exception as exc:
            refused = _refused(exc)
            if refused is None:
                raise
            raise refused from exc

    def undo_import(self, imported: Imported) -> None:
        """Take the whole file back: its new visits go, the visits it updated are restored."""
        from visitdesk.services import import_undo

        self._desk.write(lambda s: import_undo.undo_import(s, imported.undo))

    def redo_import(self, imported: Imported) -> None:
        from visitdesk.services import import_undo

        self._desk.write(lambda s: import_undo.redo_import(s, imported.undo))

    def preview(self, path: Path) -> ImportPreview:
        """What `import_file(path)` would add and change, without writing anything."""
        from visitdesk.domain.names import NameParts, display_name
        from visitdesk.domain.person import Person
        from visitdesk.domain.visit import Visit
        from visitdesk.services import import_undo
        from visitdesk.services.exchange.writer import ids_by_ref

        try:
            document = import_undo.read_document(path)
        except Exception as exc:
            refused = _refused(exc)
            if refused is None:
                raise
            raise refused from exc

        def work(session: Session) -> ImportPreview:
            from sqlalchemy import select

            visits = ids_by_ref(session, Visit, [v.ref for v in document.visits])
            people = ids_by_ref(session, Person, [p.ref for p in document.people])
            names = {
                p.ref: p.display_name
                for p in session.scalars(select(Person).where(Person.id.in_(people.values())))
            }
            changed = [
                (
                    names[r.ref],
                    display_name(
                        NameParts(r.honorific, r.given_name, r.family_name, r.family_name_first)
                    ),
                )
                for r in document.people
                if r.ref in names
            ]
            return ImportPreview(
                path.name,
                tuple(v.ref for v in document.visits if v.ref not in visits),
                tuple(v.ref for v in document.visits if v.ref in visits),
                sum(1 for p in document.people if p.ref not in people),
                tuple(changed),
            )

        return self._desk.read(work)

    def export_text(self, visit_refs: list[str] | None = None) -> str:
        """Every visit (or those named) as a visitdesk/1 document, with whom they refer to."""
        from visitdesk.services.exchange.exporter import export_document

        def work(session: Session) -> str:
            refuse_incomplete(session, visit_refs)
            return export_document(session, visit_refs)

        return self._desk.read(work)

    def export(self, path: Path, visit_refs: list[str] | None = None) -> Exported:
        """The same, written to `path` whole or not at all."""
        check_target(path)
        text = self.export_text(visit_refs)
        data = text.encode("utf-8")
        write(path, data)
        return Exported(path, len(data))


def refuse_incomplete(session: Session, visit_refs: list[str] | None) -> None:
    """A file must hold the whole visit: one exported without the talking points the server
    hides from this sign-in would, imported again, delete them. So it is refused, and an
    officer (who reads them) exports it."""
    from sqlalchemy import select

    from visitdesk.app.errors import NotAllowedError
    from visitdesk.domain.visit import Visit
    from visitdesk.store.server.classified import cleared_for_all, hidden

    if cleared_for_all(session.connection()):
        return  # SQLite, an officer, an administrator: nothing is hidden
    query = select(Visit.id, Visit.title)
    if visit_refs is not None:
        query = query.where(Visit.ref.in_(visit_refs))
    for visit_id, title in session.execute(query.order_by(Visit.start_date, Visit.id)):
        withheld = hidden(session.connection(), visit_id)
        if withheld is not None and withheld.total:
            count = withheld.total
            points = "1 talking point" if count == 1 else f"{count} talking points"
            raise NotAllowedError(
                f"Your sign-in may not read {points} of the visit “{' '.join(title.split())}” "
                f"(classified above {withheld.ceiling.label}), so the file would not hold the "
                "whole visit, and importing it again would delete them. Nothing was written: "
                "ask an officer to export it."
            )
