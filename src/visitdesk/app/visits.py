"""Visits: the list, one visit's heading and details, and creating, editing, deleting them.

The pattern every part of the API follows: each call opens its own session or transaction
through the Desk (`read`/`write`), takes ids and plain data, and returns plain data; a record
an officer edits comes as a `Record` with its version, and its save passes that version back.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from visitdesk.app.part import Part
from visitdesk.app.records import Record
from visitdesk.services.visit_editing import VisitDetails, VisitHeading
from visitdesk.services.visits import VisitRow

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

__all__ = ["VisitDetails", "VisitHeading", "VisitRow", "Visits"]


def _load(session: Session, visit_id: int) -> VisitDetails:
    from visitdesk.services.visit_editing import load_visit

    return load_visit(session, visit_id)


def _what(details: VisitDetails) -> str:
    return f"the visit “{details.title.strip()}”"


class Visits(Part):
    def list(self) -> tuple[VisitRow, ...]:
        """Every visit, newest first (reference, dates, title, status)."""
        from visitdesk.services.visits import list_visits

        return tuple(self._desk.read(list_visits))

    def id_of(self, ref: str) -> int:
        """The id of the visit with this reference; NotFoundError names close matches."""
        from visitdesk.services.visits import load_visit

        return self._desk.read(lambda s: load_visit(s, ref).id)

    def summary(self, ref: str) -> str:
        """One visit as readable text: days, engagements, attendees, warnings, outcomes."""
        from visitdesk.services.summary import visit_summary
        from visitdesk.services.visits import load_visit

        return self._desk.read(lambda s: visit_summary(load_visit(s, ref)))

    def heading(self, visit_id: int) -> VisitHeading:
        """What the top of a visit's page says, every name resolved."""
        from visitdesk.services.visit_editing import visit_heading

        return self._desk.read(lambda s: visit_heading(s, visit_id))

    def details(self, visit_id: int) -> Record[VisitDetails]:
        """The visit's editable details with the version a save must name."""
        from visitdesk.domain.visit import Visit

        return self._desk.record(Visit, visit_id, _load)

    def create(self, details: VisitDetails) -> Record[VisitDetails]:
        from visitdesk.domain.visit import Visit
        from visitdesk.services.visit_editing import create_visit

        def work(session: Session) -> Record[VisitDetails]:
            made = create_visit(session, details)
            row = session.get(Visit, made)
            assert row is not None
            return Record(made, row.version, _load(session, made), row.changed_at, row.changed_by)

        return self._desk.write(work)

    def update(
        self,
        visit_id: int,
        details: VisitDetails,
        version: int,
        opened: VisitDetails | None = None,
    ) -> Record[VisitDetails]:
        """Save the details over the version read; ConflictError when another saved since."""
        from visitdesk.domain.visit import Visit
        from visitdesk.services.visit_editing import update_visit

        return self._desk.save(
            Visit,
            visit_id,
            version,
            _what(opened or details),
            details,
            lambda s: update_visit(s, visit_id, details),
            _load,
            opened,
        )

    def delete(self, visit_id: int) -> None:
        """Delete the visit with everything in it (its programme, delegation, outcomes)."""
        from visitdesk.services.visit_editing import delete_visit

        self._desk.write(lambda s: delete_visit(s, visit_id))
