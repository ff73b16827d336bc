"""People: the lists and pickers, one person's details (versioned), creating and merging them,
and a visit's delegation (members, roles, leader) in order of precedence.

A person is created and edited as one `PersonDetails` (the dialog's fields, also what an undo
restores). Creating is undone by `delete_unused`, which refuses once the person is used
anywhere. Each change of a delegation is one call returning a `DelegationChange` (before and
after); `replace_delegation(before → after)` redoes it and (after → before) undoes it, and is
refused when the delegation is no longer what the undo expects (another officer changed it).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from visitdesk.app.checks import checked
from visitdesk.app.errors import NotFoundError, RefusedError
from visitdesk.app.part import Part
from visitdesk.app.records import Record
from visitdesk.app.text import NameParts, display_name
from visitdesk.domain.roles import role_choice, role_text
from visitdesk.services.merge import Merge
from visitdesk.services.people import DelegateRow, Delegation, PersonRow, rank_text
from visitdesk.services.person_details import PersonDetails
from visitdesk.services.search import PersonListRow, VisitRow

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from visitdesk.app.enums import DelegateRole

__all__ = [
    "DelegateRow",
    "Delegation",
    "DelegationChange",
    "Merge",
    "MergeSide",
    "People",
    "PersonDetails",
    "PersonListRow",
    "PersonRow",
    "VisitRow",
    "person_name",
    "rank_text",
    "role_choice",
    "role_text",
]

# (field label, text) of one record, as the merge dialog shows it side by side.
Fields = tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class MergeSide:
    """One of two records to merge: its id, name, fields and how often it is referred to."""

    id: int
    name: str
    fields: Fields
    uses: int


@dataclass(frozen=True)
class DelegationChange:
    """A delegation before and after one change (for its undo and redo)."""

    before: Delegation
    after: Delegation


def person_name(details: PersonDetails) -> str:
    """The name as printed: `Dr. HE Zhimin`."""
    return display_name(
        NameParts(
            details.honorific, details.given_name, details.family_name, details.family_name_first
        )
    )


def _load(session: Session, person_id: int) -> PersonDetails:
    from visitdesk.services.person_details import load_person

    return load_person(session, person_id)


def _what(details: PersonDetails) -> str:
    return f"the person “{person_name(details)}”"


def _made(session: Session, person_id: int) -> Record[PersonDetails]:
    from visitdesk.domain.models import Person

    row = session.get(Person, person_id)
    assert row is not None
    return Record(person_id, row.version, _load(session, person_id), row.changed_at, row.changed_by)


class People(Part):
    # The lists ----------------------------------------------------------------------------

    def rows(self) -> tuple[PersonListRow, ...]:
        """Everyone, by family name, with their organisation and how many visits they were in."""
        from visitdesk.services.search import people_rows

        return tuple(self._desk.read(people_rows))

    def picker_rows(self) -> tuple[PersonRow, ...]:
        """Everyone for a picker: by precedence (the unranked last), then by family name."""
        from visitdesk.services.people import person_rows

        return tuple(self._desk.read(person_rows))

    def visits_of(self, person_id: int) -> tuple[VisitRow, ...]:
        """The visits they took part in (either side, an engagement, leading), newest first."""
        from visitdesk.services.search import person_visit_rows

        return tuple(self._desk.read(lambda s: person_visit_rows(s, person_id)))

    # One person ---------------------------------------------------------------------------

    def load(self, person_id: int) -> Record[PersonDetails]:
        """The person's details with the version a save must name."""
        from visitdesk.domain.models import Person

        return self._desk.record(Person, person_id, _load)

    def update(
        self,
        person_id: int,
        details: PersonDetails,
        version: int,
        opened: PersonDetails | None = None,
    ) -> Record[PersonDetails]:
        """Save the details over the version read; ConflictError when another saved since."""
        from visitdesk.domain.models import Person
        from visitdesk.services.person_details import update_person

        return self._desk.save(
            Person,
            person_id,
            version,
            _what(opened or details),
            details,
            lambda s: update_person(s, person_id, details),
            _load,
            opened,
        )

    def create(self, details: PersonDetails) -> Record[PersonDetails]:
        """Add a person; undone by `delete_unused`."""
        from visitdesk.services.person_details import add_person

        return self._desk.write(lambda s: _made(s, add_person(s, details)))

    def delete_unused(self, person_id: int) -> None:
        """Remove a person no visit, engagement or record refers to (the undo of `create`)."""
        from visitdesk.services.merge import count_references
        from visitdesk.services.person_details import delete_person

        def work(session: Session) -> None:
            details = _load(session, person_id)
            if count_references(session, "person", person_id):
                raise RefusedError(
                    f"{person_name(details)} has been added to a visit, an engagement or a "
                    "record since, so they were not removed: take them off there first."
                )
            delete_person(session, person_id)

        self._desk.write(work)

    def check_photo(self, data: bytes) -> str:
        """The photo's media type; RefusedError saying why a file cannot be the photo."""
        from visitdesk.services.person_details import photo_media_type

        return checked(lambda: photo_media_type(data))

    def read_photo(self, path: Path) -> bytes:
        """The bytes of a photo file, checked (PNG or JPEG, not too big)."""
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise RefusedError(f"Cannot read {path}: {exc.strerror or exc}.") from exc
        self.check_photo(data)
        return data

    # Merging two people who are one ---------------------------------------------------------

    def merge_side(self, person_id: int) -> MergeSide:
        """The person's fields and references, for choosing which of two to keep."""
        from visitdesk.domain.models import Organisation
        from visitdesk.services.merge import count_references

        def work(session: Session) -> MergeSide:
            d = _load(session, person_id)
            org = session.get(Organisation, d.organisation_id) if d.organisation_id else None
            name = person_name(d)
            fields = (
                ("Name", name),
                ("Name in own script", d.native_name or ""),
                ("Position", d.position or ""),
                ("Organisation", org.display_name if org else ""),
                ("Precedence", rank_text(d.precedence)),
                ("E-mail", d.email or ""),
                ("Phone", d.phone or ""),
                ("Dietary needs", d.dietary or ""),
                ("Photo", "yes" if d.photo else ""),
            )
            return MergeSide(
                person_id, name, fields, count_references(session, "person", person_id)
            )

        return self._desk.read(work)

    def merge(self, kept_id: int, dropped_id: int) -> Merge:
        """Keep one person, move every reference to the other onto them; `unmerge` undoes."""
        from visitdesk.services import merge

        return self._desk.write(lambda s: merge.merge(s, "person", kept_id, dropped_id))

    def unmerge(self, done: Merge) -> None:
        from visitdesk.services import merge

        self._desk.write(lambda s: merge.unmerge(s, done))

    def remerge(self, done: Merge) -> Merge:
        """The redo of a merge, from the records as they now are."""
        from visitdesk.services import merge

        return self._desk.write(lambda s: merge.remerge(s, done))

    # A visit's delegation -------------------------------------------------------------------

    def delegation_rows(self, visit_id: int) -> tuple[DelegateRow, ...]:
        """The delegation in order of precedence: the leader first, then by rank, then name."""
        from visitdesk.services.people import delegation_rows

        return tuple(self._desk.read(lambda s: delegation_rows(s, visit_id)))

    def delegation(self, visit_id: int) -> Delegation:
        """The members (with their roles as stored) in the order recorded, and the leader."""
        from visitdesk.services.people import get_delegation

        return self._desk.read(lambda s: get_delegation(s, visit_id))

    def _change(
        self, visit_id: int, make: Callable[[Session, Delegation], Delegation]
    ) -> DelegationChange:
        from visitdesk.services.people import get_delegation, set_delegation

        def work(session: Session) -> DelegationChange:
            before = get_delegation(session, visit_id)
            after = make(session, before)
            if after != before:
                set_delegation(session, visit_id, after)
            return DelegationChange(before, after)

        return self._desk.write(work)

    def add_members(self, visit_id: int, person_ids: Sequence[int]) -> DelegationChange:
        """Add people to the delegation; with no leader yet, the most senior leads."""
        from visitdesk.services.people import most_senior

        def make(session: Session, before: Delegation) -> Delegation:
            present = {m for m, _r in before.members}
            members = before.members + tuple((p, None) for p in person_ids if p not in present)
            leader = before.leader_id
            if leader is None:
                leader = most_senior(session, [m for m, _r in members])
            return Delegation(members, leader)

        return self._change(visit_id, make)

    def remove_member(self, visit_id: int, person_id: int) -> DelegationChange:
        """Take a person off the delegation; if they led it, the next most senior leads."""
        from visitdesk.services.people import most_senior

        def make(session: Session, before: Delegation) -> Delegation:
            members = tuple(m for m in before.members if m[0] != person_id)
            leader = before.leader_id
            if leader == person_id:
                leader = most_senior(session, [m for m, _r in members])
            return Delegation(members, leader)

        return self._change(visit_id, make)

    def make_leader(self, visit_id: int, person_id: int) -> DelegationChange:
        def make(_session: Session, before: Delegation) -> Delegation:
            if person_id not in {m for m, _r in before.members}:
                raise RefusedError("The leader must be a member of the delegation.")
            return Delegation(before.members, person_id)

        return self._change(visit_id, make)

    def set_role(
        self, visit_id: int, person_id: int, role: DelegateRole | None
    ) -> DelegationChange:
        """Give a delegate a role (None: no special role). Choosing "other" again keeps the
        words an older file gave."""
        from visitdesk.app.enums import DelegateRole

        if role is not None and not isinstance(role, DelegateRole):
            raise RefusedError("Choose the role from the list.")

        def make(_session: Session, before: Delegation) -> Delegation:
            if person_id not in {m for m, _r in before.members}:
                raise NotFoundError("This person is no longer in the delegation.")
            members = []
            for member, stored in before.members:
                if member == person_id and not (
                    role is DelegateRole.OTHER and role_choice(stored) is DelegateRole.OTHER
                ):
                    stored = None if role is None else role.value
                members.append((member, stored))
            return Delegation(tuple(members), before.leader_id)

        return self._change(visit_id, make)

    def replace_delegation(self, visit_id: int, expected: Delegation, new: Delegation) -> None:
        """Make the delegation `new`, if it is still `expected` (an undo or redo); else refuse."""
        from visitdesk.services.people import get_delegation, set_delegation

        def work(session: Session) -> None:
            if get_delegation(session, visit_id) != expected:
                raise RefusedError(
                    "The delegation was changed since (by another officer or another window), "
                    "so this step was not made again: the delegation is shown as it is now."
                )
            set_delegation(session, visit_id, new)

        self._desk.write(work)

    def most_senior(self, person_ids: Sequence[int]) -> int | None:
        """The highest in precedence of these people (rank, the unranked last, then name)."""
        from visitdesk.services.people import most_senior

        return self._desk.read(lambda s: most_senior(s, list(person_ids)))
