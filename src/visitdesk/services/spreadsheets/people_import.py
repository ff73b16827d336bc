"""Importing a delegation list: people join a visit's delegation or its host side.

All or nothing: the file is first read into a plan, which the officer sees as a preview with
each row's errors; nothing is stored unless every row is right. People already in the store are
matched (by Ref, else by name and organisation) and never duplicated. What the list says
differently about a matched person (a corrected position, a new e-mail) is a `FieldChange`,
shown old and new, that the officer applies or not; names are never rewritten from a list.
People of the visit on that side whom the list no longer names are offered for removal.
Applying and undoing are in `people_apply`.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session

from visitdesk.domain.enums import Side
from visitdesk.domain.models import Organisation, Person, Visit
from visitdesk.domain.names import NameParts, plain_name
from visitdesk.services.errors import NotFoundError, ServiceError
from visitdesk.services.spreadsheets.columns import ColumnMap, label, match_columns
from visitdesk.services.spreadsheets.person_names import (
    family_name_first_hint,
    slug,
    split_name,
    unique_ref,
)
from visitdesk.services.spreadsheets.tables import SheetRow, read_sheet

if TYPE_CHECKING:
    from visitdesk.services.spreadsheets.people_apply import ImportRecord

# Person fields a file may fill, with the longest text the database keeps.
PERSON_FIELDS: dict[str, int] = {
    "honorific": 60, "given_name": 200, "family_name": 200, "native_name": 300,
    "position": 300, "email": 300, "phone": 100, "dietary": 5000,
}  # fmt: skip
_LIMITS = {**PERSON_FIELDS, "ref": 120, "organisation": 300, "role": 120, "name": 400}
# What a file may correct or add on a person already stored; never the names (the match key).
_CORRECTABLE = ("position", "native_name", "email", "phone", "dietary", "precedence")


@dataclass(frozen=True, slots=True)
class FieldChange:
    """One field the list gives differently for a stored person; `old` empty: an addition."""

    row: int
    attr: str  # a Person attribute, or "organisation"
    label: str
    old: str
    new: str

    @property
    def key(self) -> tuple[int, str]:
        return (self.row, self.attr)

    def describe(self) -> str:
        if not self.old:
            return f"{self.label}: adds “{self.new}”"
        return f"{self.label}: “{self.old}” → “{self.new}”"


_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


@dataclass
class RowPlan:
    number: int
    name: str
    errors: list[str] = field(default_factory=list)
    person: Person | None = None  # the stored person this row matched
    ref: str = ""
    values: dict[str, str | int | bool] = field(default_factory=dict)
    organisation: Organisation | str | None = None  # stored, or the name of a new one
    fills: list[str] = field(default_factory=list)
    changes: list[FieldChange] = field(default_factory=list)
    joins: bool = True
    role: str | None = None

    def describe(self, side: Side) -> str:
        if self.errors:
            return "; ".join(self.errors)
        if self.person is None:
            what = f"new person ({self.ref})"
        else:
            what = f"matches {self.ref}"
            corrected = [c.label for c in self.changes if c.old]
            if corrected:
                what += ", corrects " + ", ".join(corrected)
            if self.fills:
                what += ", adds " + ", ".join(self.fills)
        group = "the delegation" if side is Side.GUEST else "the host side"
        return what + (f"; joins {group}" if self.joins else f"; already in {group}")


@dataclass
class PeoplePreview:
    file_name: str
    visit: Visit
    side: Side
    rows: list[RowPlan]
    ignored_headings: tuple[str, ...]
    new_organisations: list[str]
    encoding: str | None = None
    notes: tuple[str, ...] = ()
    # People of the visit on this side whom the list does not name (offered for removal).
    missing: list[Person] = field(default_factory=list)

    @property
    def changes(self) -> list[FieldChange]:
        return [c for r in self.rows for c in r.changes]

    @property
    def error_rows(self) -> list[RowPlan]:
        return [r for r in self.rows if r.errors]

    def lines(self) -> list[str]:
        lines = [f"{self.file_name}: {len(self.rows)} people for {self.visit.title}"]
        if self.encoding:
            lines.append(f"Read as {self.encoding}")
        lines += list(self.notes)
        if self.ignored_headings:
            lines.append("Columns not imported: " + ", ".join(self.ignored_headings))
        if self.new_organisations:
            lines.append("New organisations: " + ", ".join(self.new_organisations))
        lines += [
            f"Row {r.number}: {r.name or '(no name)'}: {r.describe(self.side)}" for r in self.rows
        ]
        for change in self.changes:
            lines.append(f"Change {change.row}:{change.attr}: {change.describe()}")
        group = "the delegation" if self.side is Side.GUEST else "the host side"
        for person in self.missing:
            lines.append(f"Not in the list: {person.display_name} ({person.ref}), in {group}")
        return lines


def plan_people_import(session: Session, path: Path, visit_ref: str, side: Side) -> PeoplePreview:
    side = Side(side)  # the member, even if a widget handed back its text
    visit = session.scalar(select(Visit).where(Visit.ref == visit_ref))
    if visit is None:
        raise NotFoundError(f"There is no visit {visit_ref!r}. `visitdesk visits` lists them.")
    sheet = read_sheet(path)
    columns = match_columns(sheet.headings)
    planner = _Planner(session, visit, side)
    rows = [planner.plan(columns, row) for row in sheet.rows]
    if not rows:
        raise ServiceError(f"{path.name} has headings but no people under them.")
    named = {r.person.id for r in rows if r.person is not None}
    missing = [p.person for p in visit.participants if p.side is side and p.person_id not in named]
    return PeoplePreview(
        path.name,
        visit,
        side,
        rows,
        columns.ignored,
        sorted(planner.new_orgs.values()),
        encoding=sheet.encoding,
        notes=sheet.notes,
        missing=missing,
    )


class _Planner:
    """Resolves rows against the store, remembering refs given out earlier in the same file."""

    def __init__(self, session: Session, visit: Visit, side: Side) -> None:
        self.visit = visit
        self.side = side
        people = list(session.scalars(select(Person)))
        self.by_ref = {p.ref: p for p in people}
        self.by_name: dict[str, list[Person]] = {}
        for p in people:
            self.by_name.setdefault(_name_key(p.name_parts), []).append(p)
        self.orgs: dict[str, Organisation] = {}
        for org in session.scalars(select(Organisation)):
            for text in (org.ref, org.name, org.short_name, org.display_name):
                if text:
                    self.orgs.setdefault(text.casefold(), org)
        self.new_orgs: dict[str, str] = {}
        self.new_refs: set[str] = set()
        self.seen: dict[object, int] = {}
        self.sides = {p.person_id: p.side for p in visit.participants}

    def plan(self, columns: ColumnMap, row: SheetRow) -> RowPlan:
        text = {f: row.cells[i] for f, i in columns.fields.items()}
        plan = RowPlan(number=row.number, name=text.get("name") or _joined(text))
        parts = self._name(text, plan)
        self._values(text, parts, plan)
        plan.organisation = self._organisation(text.get("organisation", ""))
        plan.role = text.get("role") or None
        if not plan.errors:
            self._match(text.get("ref", ""), parts, plan)
        # Only what will be stored must fit: a matched person keeps their stored details.
        stored = {c.attr for c in plan.changes} if plan.person else set(_LIMITS)
        for name, limit in _LIMITS.items():
            if name in stored and len(text.get(name, "")) > limit:
                plan.errors.append(f"{label(name)} is longer than {limit} characters")
        return plan

    def _name(self, text: dict[str, str], plan: RowPlan) -> NameParts | None:
        if text.get("family_name"):
            hint = self._family_first(text)
            whole = split_name(text.get("name", ""), hint) if text.get("name") else None
            return NameParts(
                text.get("honorific") or (whole.honorific if whole else None),
                text.get("given_name") or None,
                text["family_name"],
                whole.family_name_first if whole else False,
            )
        if not text.get("name"):
            plan.errors.append("the name is empty")
            return None
        split = split_name(text["name"], self._family_first(text))
        honorific = text.get("honorific") or split.honorific
        return NameParts(honorific, split.given_name, split.family_name, split.family_name_first)

    def _family_first(self, text: dict[str, str]) -> bool:
        """From the row's native name, else its organisation's country, else (for the
        delegation) the guest organisation's."""
        organisation = self._organisation(text.get("organisation", ""))
        country = organisation.country if isinstance(organisation, Organisation) else None
        guests = self.visit.guest_organisation
        if country is None and self.side is Side.GUEST and guests is not None:
            country = guests.country
        return family_name_first_hint(text.get("native_name"), country)

    def _values(self, text: dict[str, str], parts: NameParts | None, plan: RowPlan) -> None:
        if parts is not None:
            plan.values.update(
                honorific=parts.honorific or "",
                given_name=parts.given_name or "",
                family_name=parts.family_name,
                family_name_first=parts.family_name_first,
            )
            plan.name = " ".join(p for p in (parts.honorific, plain_name(parts)) if p)
        for name in ("native_name", "position", "email", "phone", "dietary"):
            plan.values[name] = text.get(name, "")
        email = text.get("email", "")
        if email and not _EMAIL.match(email):
            plan.errors.append(f"{email!r} is not an email address")
        precedence = text.get("precedence", "")
        if precedence:
            if not precedence.isdigit() or not 1 <= int(precedence) <= 10_000:
                plan.errors.append(
                    f"Precedence must be a whole number (1 is the most senior), not {precedence!r}"
                )
            else:
                plan.values["precedence"] = int(precedence)
        # Empty text is stored as nothing, not as an empty string.
        plan.values = {k: v for k, v in plan.values.items() if v != ""}

    def _organisation(self, name: str) -> Organisation | str | None:
        if not name:
            return None
        found = self.orgs.get(name.casefold())
        if found is not None:
            return found
        self.new_orgs.setdefault(name.casefold(), name)
        return self.new_orgs[name.casefold()]

    def _match(self, ref: str, parts: NameParts | None, plan: RowPlan) -> None:
        assert parts is not None  # a row without a name already has an error
        person = self.by_ref.get(ref) if ref else None
        if not ref:
            candidates = self.by_name.get(_name_key(parts), [])
            if isinstance(plan.organisation, Organisation):
                candidates = [p for p in candidates if p.organisation_id == plan.organisation.id]
            elif isinstance(plan.organisation, str):
                candidates = []  # an organisation new to the store: nobody stored belongs to it
            if len(candidates) > 1:
                refs = ", ".join(p.ref for p in candidates)
                plan.errors.append(
                    f"{len(candidates)} people are called {plan.name} ({refs}); add a Ref column "
                    "saying which one"
                )
                return
            person = candidates[0] if candidates else None
        key: object = person.id if person is not None else (ref or _name_key(parts))
        if key in self.seen:
            plan.errors.append(f"the same person as row {self.seen[key]}")
            return
        self.seen[key] = plan.number
        plan.person = person
        if person is None:
            plan.ref = ref or unique_ref(
                slug(plain_name(parts)), lambda r: r in self.by_ref or r in self.new_refs
            )
            self.new_refs.add(plan.ref)
            return
        plan.ref = person.ref
        plan.changes = _changes(plan, person)
        plan.fills = [c.label for c in plan.changes if not c.old]
        side = self.sides.get(person.id)
        if side is not None and side is not self.side:
            where = "in the delegation" if side is Side.GUEST else "on the host side"
            plan.errors.append(f"{person.display_name} is already {where} of this visit")
        plan.joins = side is None


def _changes(plan: RowPlan, person: Person) -> list[FieldChange]:
    changes = []
    for attr in _CORRECTABLE:
        new = plan.values.get(attr)
        old = getattr(person, attr)
        if new is not None and new != old:
            old_text = "" if old is None else str(old)
            changes.append(FieldChange(plan.number, attr, label(attr), old_text, str(new)))
    org = plan.organisation
    new_org = org if isinstance(org, str) else (org.display_name if org is not None else None)
    if new_org is not None and (
        not isinstance(org, Organisation) or org is not person.organisation
    ):
        old_org = person.organisation.display_name if person.organisation else ""
        changes.append(FieldChange(plan.number, "organisation", "Organisation", old_org, new_org))
    return changes


def _name_key(parts: NameParts) -> str:
    return plain_name(parts).casefold()


def _joined(text: dict[str, str]) -> str:
    return " ".join(t for t in (text.get("given_name"), text.get("family_name")) if t)


def apply_people_import(
    session: Session,
    preview: PeoplePreview,
    accepted: Collection[tuple[int, str]] | None = None,
    remove: Collection[int] = (),
) -> ImportRecord:
    """Kept here for callers of the old place; the work is in `people_apply`."""
    from visitdesk.services.spreadsheets.people_apply import apply_people_import as apply

    return apply(session, preview, accepted, remove)
