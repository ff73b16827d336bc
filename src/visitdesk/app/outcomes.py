"""What was said at a visit (statements) and what came of it (outcomes), and their editing.

Both are versioned records; an outcome's status history is part of it. A status moves along its
kind's life cycle (`statuses`), each step recorded on the day given. Deleting returns what
`restore_*` puts back whole (under the same id and version), so undo steps before it still apply.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any, NamedTuple, TypeVar

from visitdesk.app.enums import OutcomeKind, OutcomeStatus
from visitdesk.app.itinerary import keep_version
from visitdesk.app.part import Part
from visitdesk.app.records import Record
from visitdesk.services.outcomes import (
    OutcomeData,
    OutcomeRow,
    OutcomeSnapshot,
    StatementData,
    StatementRow,
)

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

D = TypeVar("D")

__all__ = [
    "DeletedOutcome",
    "DeletedStatement",
    "OutcomeData",
    "OutcomeRow",
    "OutcomeSnapshot",
    "Outcomes",
    "RecordChoices",
    "StatementData",
    "StatementRow",
    "statuses",
]


class RecordChoices(NamedTuple):
    """What the statement and outcome dialogs offer: (id, text) of each person (speaker,
    owner) and engagement of the visit, and the visit's first day (where dates start)."""

    people: tuple[tuple[int, str], ...]
    engagements: tuple[tuple[int, str], ...]
    visit_start: date


@dataclass(frozen=True)
class DeletedStatement:
    id: int
    visit_id: int
    version: int
    position: int
    data: StatementData


@dataclass(frozen=True)
class DeletedOutcome:
    id: int
    visit_id: int
    version: int
    snapshot: OutcomeSnapshot


def statuses(kind: OutcomeKind, current: OutcomeStatus | None = None) -> tuple[OutcomeStatus, ...]:
    """The Status list: for a new outcome its kind's whole life cycle; for a saved one where it
    stands and the steps it may take next."""
    from visitdesk.services.outcomes import status_choices

    return status_choices(kind, current)


def _statement(session: Session, statement_id: int) -> StatementData:
    from visitdesk.services.outcomes import load_statement

    return load_statement(session, statement_id)[0]


def _outcome(session: Session, outcome_id: int) -> OutcomeData:
    from visitdesk.services.outcomes import load_outcome

    return load_outcome(session, outcome_id)


def _snapshot(session: Session, outcome_id: int) -> OutcomeSnapshot:
    from visitdesk.services.outcomes import snapshot_outcome

    return snapshot_outcome(session, outcome_id)


def _statement_what(data: StatementData) -> str:
    words = " ".join(data.text.split())
    return f"the statement “{words[:40]}{'…' if len(words) > 40 else ''}”"


def _outcome_what(data: OutcomeData) -> str:
    return f"the outcome “{' '.join(data.title.split())}”"


def _now(
    session: Session, model: type[Any], record_id: int, load: Callable[[Session, int], D]
) -> Record[D]:
    row = session.get(model, record_id)
    assert row is not None
    return Record(row.id, row.version, load(session, row.id), row.changed_at, row.changed_by)


class Outcomes(Part):
    # -- choices ------------------------------------------------------------------------

    def choices(self, visit_id: int) -> RecordChoices:
        from visitdesk.app.text import day_month
        from visitdesk.services.itinerary import itinerary_rows, visit_dates
        from visitdesk.services.people import person_rows

        def work(session: Session) -> RecordChoices:
            people = tuple(
                (p.id, f"{p.name} — {p.position}" if p.position else p.name)
                for p in person_rows(session)
            )
            engagements = tuple(
                (e.id, f"{day_month(e.start)} {e.start:%H:%M} {e.title}")
                for e in itinerary_rows(session, visit_id)
            )
            return RecordChoices(people, engagements, visit_dates(session, visit_id)[0])

        return self._desk.read(work)

    def statuses(
        self, kind: OutcomeKind, current: OutcomeStatus | None = None
    ) -> tuple[OutcomeStatus, ...]:
        return statuses(kind, current)

    # -- statements -----------------------------------------------------------------------

    def statements(self, visit_id: int) -> tuple[StatementRow, ...]:
        """What was said at the visit, in the order recorded."""
        from visitdesk.services.outcomes import statement_rows

        return tuple(self._desk.read(lambda s: statement_rows(s, visit_id)))

    def statement(self, statement_id: int) -> Record[StatementData]:
        from visitdesk.domain.models import Statement

        return self._desk.record(Statement, statement_id, _statement)

    def add_statement(self, visit_id: int, data: StatementData) -> Record[StatementData]:
        from visitdesk.domain.models import Statement
        from visitdesk.services.outcomes import add_statement

        def work(session: Session) -> Record[StatementData]:
            made = add_statement(session, visit_id, data)
            return _now(session, Statement, made, _statement)

        return self._desk.write(work)

    def update_statement(
        self,
        statement_id: int,
        data: StatementData,
        version: int,
        opened: StatementData | None = None,
    ) -> Record[StatementData]:
        from visitdesk.domain.models import Statement
        from visitdesk.services.outcomes import update_statement

        return self._desk.save(
            Statement,
            statement_id,
            version,
            _statement_what(opened or data),
            data,
            lambda s: update_statement(s, statement_id, data),
            _statement,
            opened,
        )

    def delete_statement(self, statement_id: int) -> DeletedStatement:
        from visitdesk.services.outcomes import delete_statement, load_statement

        def work(session: Session) -> DeletedStatement:
            from visitdesk.domain.models import Statement

            row = session.get(Statement, statement_id)
            data, position = load_statement(session, statement_id)
            assert row is not None
            gone = DeletedStatement(statement_id, row.visit_id, row.version, position, data)
            delete_statement(session, statement_id)
            return gone

        return self._desk.write(work)

    def restore_statement(self, deleted: DeletedStatement) -> Record[StatementData]:
        """Put a deleted statement back where it was in the list, under its id and version."""
        from visitdesk.domain.models import Statement
        from visitdesk.services.outcomes import add_statement

        def work(session: Session) -> Record[StatementData]:
            add_statement(session, deleted.visit_id, deleted.data, deleted.id, deleted.position)
            keep_version(session, Statement, deleted.id, deleted.version)
            return _now(session, Statement, deleted.id, _statement)

        return self._desk.write(work)

    # -- outcomes -------------------------------------------------------------------------

    def outcomes(self, visit_id: int) -> tuple[OutcomeRow, ...]:
        """What came of the visit, each with where it stands, since when and its history."""
        from visitdesk.services.outcomes import outcome_rows

        return tuple(self._desk.read(lambda s: outcome_rows(s, visit_id)))

    def outcome(self, outcome_id: int) -> Record[OutcomeData]:
        from visitdesk.domain.models import Outcome

        return self._desk.record(Outcome, outcome_id, _outcome)

    def snapshot(self, outcome_id: int) -> Record[OutcomeSnapshot]:
        """The outcome whole, history included: what `revert` puts back (for undo)."""
        from visitdesk.domain.models import Outcome

        return self._desk.record(Outcome, outcome_id, _snapshot)

    def add_outcome(
        self, visit_id: int, data: OutcomeData, today: date | None = None
    ) -> Record[OutcomeData]:
        """Record an outcome; its status (its kind's first when None) dates from
        `data.status_on`, else today."""
        from visitdesk.domain.models import Outcome
        from visitdesk.services.outcomes import add_outcome

        def work(session: Session) -> Record[OutcomeData]:
            made = add_outcome(session, visit_id, data, today or date.today())
            return _now(session, Outcome, made, _outcome)

        return self._desk.write(work)

    def update_outcome(
        self,
        outcome_id: int,
        data: OutcomeData,
        version: int,
        opened: OutcomeData | None = None,
        today: date | None = None,
    ) -> Record[OutcomeData]:
        """Save over the version read. A new status must follow the kind's life cycle; it is
        added to the history on `data.status_on` (else today), never before the last step."""
        from visitdesk.domain.models import Outcome
        from visitdesk.services.outcomes import update_outcome

        return self._desk.save(
            Outcome,
            outcome_id,
            version,
            _outcome_what(opened or data),
            data,
            lambda s: update_outcome(s, outcome_id, data, today or date.today()),
            _outcome,
            opened,
        )

    def set_status(
        self, outcome_id: int, status: OutcomeStatus, on: date | None, version: int
    ) -> Record[OutcomeData]:
        """Move the outcome's status on (e.g. "done"), recorded on `on` (None: today)."""
        import dataclasses

        opened = self.outcome(outcome_id)
        mine = dataclasses.replace(opened.data, status=status, status_on=on)
        # Read after another officer's save (a stale `version`): refused by the save below.
        same = opened.version == version
        return self.update_outcome(outcome_id, mine, version, opened.data if same else None)

    def revert(
        self, outcome_id: int, snapshot: OutcomeSnapshot, version: int
    ) -> Record[OutcomeSnapshot]:
        """Put the outcome back as `snapshot` has it, history too (undo of an edit or of a
        change of status); ConflictError when another officer saved it since `version`."""
        from visitdesk.domain.models import Outcome
        from visitdesk.services.outcomes import restore_outcome

        return self._desk.save(
            Outcome,
            outcome_id,
            version,
            _outcome_what(snapshot.data),
            snapshot,
            lambda s: restore_outcome(s, outcome_id, snapshot.data, len(snapshot.history)),
            _snapshot,
        )

    def delete_outcome(self, outcome_id: int) -> DeletedOutcome:
        from visitdesk.domain.models import Outcome
        from visitdesk.services.outcomes import delete_outcome

        def work(session: Session) -> DeletedOutcome:
            row = session.get(Outcome, outcome_id)
            snapshot = _snapshot(session, outcome_id)
            assert row is not None
            gone = DeletedOutcome(outcome_id, row.visit_id, row.version, snapshot)
            delete_outcome(session, outcome_id)
            return gone

        return self._desk.write(work)

    def restore_outcome(self, deleted: DeletedOutcome) -> Record[OutcomeData]:
        """Put a deleted outcome back whole: its history, place in the list, id and version."""
        from visitdesk.domain.models import Outcome
        from visitdesk.services.outcomes import put_back_outcome

        def work(session: Session) -> Record[OutcomeData]:
            put_back_outcome(session, deleted.visit_id, deleted.id, deleted.snapshot)
            keep_version(session, Outcome, deleted.id, deleted.version)
            return _now(session, Outcome, deleted.id, _outcome)

        return self._desk.write(work)
