"""Organisations: the list, the choices of a combo box, one organisation (versioned), creating
(undone by `delete_unused`) and merging two that are one."""

from __future__ import annotations

from typing import TYPE_CHECKING

from visitdesk.app.errors import RefusedError
from visitdesk.app.part import Part
from visitdesk.app.people import MergeSide
from visitdesk.app.records import Record
from visitdesk.app.text import country_name
from visitdesk.services.merge import Merge
from visitdesk.services.organisations import OrganisationDetails
from visitdesk.services.people import OrganisationRow
from visitdesk.services.search import OrganisationListRow, VisitRow

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

__all__ = [
    "Merge",
    "MergeSide",
    "OrganisationDetails",
    "OrganisationListRow",
    "OrganisationRow",
    "Organisations",
    "VisitRow",
    "organisation_name",
]


def organisation_name(details: OrganisationDetails) -> str:
    """How a list names it: the short name if it has one."""
    return (details.short_name or "").strip() or " ".join(details.name.split())


def _load(session: Session, organisation_id: int) -> OrganisationDetails:
    from visitdesk.services.organisations import load_organisation

    return load_organisation(session, organisation_id)


def _what(details: OrganisationDetails) -> str:
    return f"the organisation “{' '.join(details.name.split())}”"


class Organisations(Part):
    def rows(self) -> tuple[OrganisationListRow, ...]:
        """Every organisation, by name, with how many visits it took part in."""
        from visitdesk.services.search import organisation_rows

        return tuple(self._desk.read(organisation_rows))

    def choices(self) -> tuple[OrganisationRow, ...]:
        """Every organisation by name, for a combo box (id, name, short name, country, kind)."""
        from visitdesk.services.people import organisation_rows

        return tuple(self._desk.read(organisation_rows))

    def visits_of(self, organisation_id: int) -> tuple[VisitRow, ...]:
        """The visits it took part in (guest, host, an engagement, its people), newest first."""
        from visitdesk.services.search import organisation_visit_rows

        return tuple(self._desk.read(lambda s: organisation_visit_rows(s, organisation_id)))

    def load(self, organisation_id: int) -> Record[OrganisationDetails]:
        from visitdesk.domain.models import Organisation

        return self._desk.record(Organisation, organisation_id, _load)

    def update(
        self,
        organisation_id: int,
        details: OrganisationDetails,
        version: int,
        opened: OrganisationDetails | None = None,
    ) -> Record[OrganisationDetails]:
        """Save over the version read; ConflictError when another officer saved since."""
        from visitdesk.domain.models import Organisation
        from visitdesk.services.organisations import update_organisation

        return self._desk.save(
            Organisation,
            organisation_id,
            version,
            _what(opened or details),
            details,
            lambda s: update_organisation(s, organisation_id, details),
            _load,
            opened,
        )

    def create(self, details: OrganisationDetails) -> Record[OrganisationDetails]:
        """Add an organisation; undone by `delete_unused`."""
        from visitdesk.domain.models import Organisation
        from visitdesk.services.organisations import add_organisation

        def work(session: Session) -> Record[OrganisationDetails]:
            made = add_organisation(session, details)
            row = session.get(Organisation, made)
            assert row is not None
            return Record(made, row.version, _load(session, made), row.changed_at, row.changed_by)

        return self._desk.write(work)

    def delete_unused(self, organisation_id: int) -> None:
        """Remove an organisation nothing refers to (the undo of `create`)."""
        from visitdesk.services.merge import count_references
        from visitdesk.services.organisations import delete_organisation

        def work(session: Session) -> None:
            details = _load(session, organisation_id)
            if count_references(session, "organisation", organisation_id):
                raise RefusedError(
                    f"{' '.join(details.name.split())} is used by a person, a visit or an "
                    "engagement since it was added, so it was not removed."
                )
            delete_organisation(session, organisation_id)

        self._desk.write(work)

    def merge_side(self, organisation_id: int) -> MergeSide:
        from visitdesk.services.merge import count_references

        def work(session: Session) -> MergeSide:
            d = _load(session, organisation_id)
            fields = (
                ("Name", d.name),
                ("Short name", d.short_name or ""),
                ("Name in own script", d.native_name or ""),
                ("Country", country_name(d.country)),
                ("Kind", d.kind.label),
            )
            uses = count_references(session, "organisation", organisation_id)
            return MergeSide(organisation_id, organisation_name(d), fields, uses)

        return self._desk.read(work)

    def merge(self, kept_id: int, dropped_id: int) -> Merge:
        """Keep one, move every reference to the other onto it; `unmerge` undoes."""
        from visitdesk.services import merge

        return self._desk.write(lambda s: merge.merge(s, "organisation", kept_id, dropped_id))

    def unmerge(self, done: Merge) -> None:
        from visitdesk.services import merge

        self._desk.write(lambda s: merge.unmerge(s, done))

    def remerge(self, done: Merge) -> Merge:
        from visitdesk.services import merge

        return self._desk.write(lambda s: merge.remerge(s, done))
