"""Delegation lists in and out of spreadsheets.

In: `plan(path, visit_id, side)` reads an .xlsx or .csv against the records into an
`ImportPlan` (every row with what will happen to it or what is wrong with it; what the list
says differently about people already stored, field by field; people of the visit it no longer
names). `apply(plan, accepted, remove)` stores it all or nothing, and is refused when the file
or the records changed since the plan was shown. `undo(done)` takes it back, `redo(done)` makes
it again under the same ids.

Out: `export(visit_id, kind, ".xlsx")` gives the delegation, arrivals or follow-ups list as
bytes; `export_to(visit_id, kind, path)` writes it whole or not at all (visitdesk.files).
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable, Collection
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from visitdesk import files
from visitdesk.app.enums import Side
from visitdesk.app.errors import RefusedError
from visitdesk.app.part import Part
from visitdesk.services.spreadsheets.lists import ListKind
from visitdesk.services.spreadsheets.people_import import FieldChange

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from visitdesk.services.spreadsheets.lists import OfficeList
    from visitdesk.services.spreadsheets.people_apply import ImportRecord
    from visitdesk.services.spreadsheets.people_import import PeoplePreview

T = TypeVar("T")

__all__ = [
    "EmptyDelegationError",
    "ExportedList",
    "FieldChange",
    "ImportDone",
    "ImportPlan",
    "ListKind",
    "Lists",
    "MissingPerson",
    "PlanRow",
]


class EmptyDelegationError(RefusedError):
    """A delegation or arrivals list of a visit with no delegation members yet."""


@dataclass(frozen=True)
class PlanRow:
    number: int  # as the spreadsheet program numbers it
    name: str
    errors: tuple[str, ...]
    outcome: str  # "new person (li-na); joins the delegation", or the errors
    joins: bool
    is_new: bool  # not yet in VisitDesk


@dataclass(frozen=True)
class MissingPerson:
    """Someone on that side of the visit whom the list does not name."""

    person_id: int
    name: str
    ref: str


@dataclass(frozen=True)
class ImportPlan:
    path: Path
    visit_id: int
    visit_title: str
    side: Side
    rows: tuple[PlanRow, ...]
    changes: tuple[FieldChange, ...]
    missing: tuple[MissingPerson, ...]
    ignored_headings: tuple[str, ...]
    new_organisations: tuple[str, ...]
    encoding: str | None
    notes: tuple[str, ...]
    lines: tuple[str, ...]  # the whole plan as text, one line a fact (the CLI prints these)

    @property
    def file_name(self) -> str:
        return self.path.name

    @property
    def error_rows(self) -> tuple[PlanRow, ...]:
        return tuple(r for r in self.rows if r.errors)


@dataclass(frozen=True)
class ImportDone:
    """What an import stored, for its undo and redo."""

    summary: str  # "3 joined the visit, 1 of them new; 1 field changed on 1 person"
    changed: int  # how many of the list's changes were applied
    removed: int  # how many were taken off the visit
    record: ImportRecord = field(compare=False, repr=False)


@dataclass(frozen=True)
class ExportedList:
    title: str  # "Delegation"
    rows: int
    data: bytes


def _visit_ref(session: Session, visit_id: int) -> str:
    from visitdesk.services.visit_editing import get_visit

    return get_visit(session, visit_id).ref


def _plain(path: Path, preview: PeoplePreview) -> ImportPlan:
    side = preview.side
    return ImportPlan(
        path=path,
        visit_id=preview.visit.id,
        visit_title=preview.visit.title,
        side=side,
        rows=tuple(
            PlanRow(
                r.number,
                r.name,
                tuple(r.errors),
                ("Error: " if r.errors else "") + r.describe(side),
                r.joins,
                r.person is None,
            )
            for r in preview.rows
        ),
        changes=tuple(preview.changes),
        missing=tuple(MissingPerson(p.id, p.display_name, p.ref) for p in preview.missing),
        ignored_headings=tuple(preview.ignored_headings),
        new_organisations=tuple(preview.new_organisations),
        encoding=preview.encoding,
        notes=tuple(preview.notes),
        lines=tuple(preview.lines()),
    )


def _read(path: Path) -> None:
    """A file that cannot be read is named in the sentence, as the officer knows it."""
    if not path.is_file():
        raise RefusedError(f"There is no file {path}: it may have been moved or renamed.")


class Lists(Part):
    # In --------------------------------------------------------------------------------------

    def plan(self, path: Path, visit_id: int, side: Side = Side.GUEST) -> ImportPlan:
        """Read the list against the records; nothing is stored."""
        from visitdesk.services.spreadsheets.people_import import plan_people_import

        _read(path)
        side = Side(side)

        def work(session: Session) -> ImportPlan:
            preview = plan_people_import(session, path, _visit_ref(session, visit_id), side)
            return _plain(path, preview)

        return self._opening(path, lambda: self._desk.read(work))

    def apply(
        self,
        plan: ImportPlan,
        accepted: Collection[tuple[int, str]] | None = None,
        remove: Collection[int] = (),
    ) -> ImportDone:
        """Store the plan as shown: `accepted` the (row, field) changes to make (None: all),
        `remove` the ids of people not in the list to take off the visit."""
        from visitdesk.services.spreadsheets.people_apply import apply_people_import
        from visitdesk.services.spreadsheets.people_import import plan_people_import

        _read(plan.path)

        def work(session: Session) -> ImportDone:
            ref = _visit_ref(session, plan.visit_id)
            # Read again in the saving transaction: what is stored is what was shown, or nothing.
            preview = plan_people_import(session, plan.path, ref, plan.side)
            if tuple(preview.lines()) != plan.lines:
                raise RefusedError(
                    f"Nothing was imported: {plan.file_name} or the records changed since the "
                    "list was read (another officer may have corrected someone). Import the "
                    "list again to see what it does now."
                )
            record = apply_people_import(session, preview, accepted, remove)
            return ImportDone(record.summary, len(record.changed), len(record.removed), record)

        return self._opening(plan.path, lambda: self._desk.write(work))

    def undo(self, done: ImportDone) -> None:
        """Take the import back: who joined, the people and organisations it made, the fields
        it changed, and those it took off the visit."""
        from visitdesk.services.spreadsheets.people_apply import undo_people_import

        self._desk.write(lambda s: undo_people_import(s, done.record))

    def redo(self, done: ImportDone) -> None:
        from visitdesk.services.spreadsheets.people_apply import redo_people_import

        self._desk.write(lambda s: redo_people_import(s, done.record))

    @staticmethod
    def _opening(path: Path, call: Callable[[], T]) -> T:
        try:
            return call()
        except OSError as exc:  # the file went, or is locked by the spreadsheet program
            raise RefusedError(
                f"Cannot read {path.name}: {exc.strerror or exc}. Nothing was imported."
            ) from exc

    # Out -------------------------------------------------------------------------------------

    def export(self, visit_id: int, kind: ListKind, suffix: str = ".xlsx") -> ExportedList:
        """The list as the bytes of an .xlsx or .csv file (`suffix`)."""
        from visitdesk.app.checks import checked
        from visitdesk.services.spreadsheets.lists import build_list
        from visitdesk.services.spreadsheets.tables import FORMATS, write_sheet

        kind = ListKind(kind)
        if suffix.lower() not in FORMATS:
            raise RefusedError("A list is written as an Excel workbook (.xlsx) or a CSV (.csv).")

        def work(session: Session) -> OfficeList:
            from visitdesk.services.people import get_delegation

            by_people = kind not in (ListKind.FOLLOWUPS, ListKind.CAR_PLAN, ListKind.GIFTS)
            if by_people and not get_delegation(session, visit_id).members:
                raise EmptyDelegationError(
                    "The visit has no delegation members yet: add them before making this list."
                )
            return build_list(session, _visit_ref(session, visit_id), kind)

        table = self._desk.read(work)
        with tempfile.TemporaryDirectory(prefix="visitdesk-list-") as folder:
            target = Path(folder) / f"list{suffix.lower()}"
            checked(lambda: write_sheet(target, table.title, table.headings, table.rows))
            data = target.read_bytes()
        return ExportedList(table.title, len(table.rows), data)

    def export_to(self, visit_id: int, kind: ListKind, path: Path) -> ExportedList:
        """Write the list to `path` (.xlsx or .csv by its name), whole or not at all."""
        from visitdesk.app.checks import checked
        from visitdesk.services.spreadsheets.tables import file_format

        checked(lambda: file_format(path))  # a wrong extension is refused before any work
        made = self.export(visit_id, kind, path.suffix)
        # Its refusal names the officer's file and why ("its folder does not exist").
        checked(lambda: files.write_bytes(path, made.data))
        return made
