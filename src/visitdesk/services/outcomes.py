"""What was said at a visit (statements) and what came of it (outcomes).

Adding takes an optional id so that an undone deletion puts the very same row back, and every
later undo step that names it by id still finds it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import NamedTuple

from sqlalchemy import select
from sqlalchemy.orm import Session

from visitdesk.domain.dates import short_date
from visitdesk.domain.enums import OutcomeKind, OutcomeStatus, StatementRole, StatementStyle
from visitdesk.domain.errors import DomainError
from visitdesk.domain.lifecycle import allowed_next, check_status, statuses_for
from visitdesk.domain.models import Engagement, Outcome, Person, Statement, StatusChange
from visitdesk.services.errors import NotFoundError, ServiceError
from visitdesk.services.fields import blank_as_none
from visitdesk.services.lookup import get_or_not_found
from visitdesk.services.search import fold
from visitdesk.services.visit_editing import get_visit


@dataclass(frozen=True)
class StatementData:
    text: str
    speaker_id: int | None = None
    engagement_id: int | None = None
    style: StatementStyle = StatementStyle.REPORTED
    for_press: bool = False
    role: StatementRole = StatementRole.NONE


class StatementRow(NamedTuple):
    id: int
    engagement: str
    speaker: str
    text: str
    style: StatementStyle
    for_press: bool
    role: StatementRole
    haystack: str


@dataclass(frozen=True)
class OutcomeData:
    kind: OutcomeKind
    title: str
    status: OutcomeStatus | None = None
    description: str | None = None
    owner_id: int | None = None
    due_date: date | None = None
    next_step: str | None = None
    engagement_id: int | None = None
    # The day the status was reached (a change of status is recorded on it); None: today.
    status_on: date | None = None


class OutcomeRow(NamedTuple):
    id: int
    kind: OutcomeKind
    title: str
    owner: str
    due_date: date | None
    status: OutcomeStatus
    engagement: str
    haystack: str
    # When the current status was reached, and every step before it, oldest first.
    status_on: date | None = None
    history: tuple[tuple[OutcomeStatus, date], ...] = ()


def _check_links(
    session: Session, visit_id: int, person_id: int | None, eng_id: int | None
) -> None:
    if person_id is not None and session.get(Person, person_id) is None:
        raise NotFoundError("That person no longer exists; choose another.")
    if eng_id is not None:
        engagement = session.get(Engagement, eng_id)
        if engagement is None or engagement.visit_id != visit_id:
            raise NotFoundError("That engagement is not part of this visit any more.")


# Statements ------------------------------------------------------------------------------


def statement_rows(session: Session, visit_id: int) -> list[StatementRow]:
    visit = get_visit(session, visit_id)
    rows = []
    for s in visit.statements:
        speaker = s.speaker.display_name if s.speaker else "Joint / the office"
        engagement = s.engagement.title if s.engagement else ""
        rows.append(
            StatementRow(
                s.id,
                engagement,
                speaker,
                s.text,
                s.style,
                s.for_press,
                s.role,
                fold(s.text, speaker, engagement),
            )
        )
    return rows


def _checked_statement(session: Session, visit_id: int, data: StatementData) -> StatementData:
    if not data.text.strip():
        raise ServiceError("Write what was said; a statement cannot be empty.")
    _check_links(session, visit_id, data.speaker_id, data.engagement_id)
    return data


def add_statement(
    session: Session,
    visit_id: int,
    data: StatementData,
    statement_id: int | None = None,
    position: int | None = None,
) -> int:
    visit = get_visit(session, visit_id)
    data = _checked_statement(session, visit_id, data)
    if statement_id is not None and session.get(Statement, statement_id) is not None:
        raise ServiceError("This statement cannot be put back: it was replaced meanwhile.")
    statement = Statement(text=data.text)
    if statement_id is not None:
        statement.id = statement_id
    _apply_statement(statement, data)
    if position is None or position > len(visit.statements):
        visit.statements.append(statement)
    else:
        visit.statements.insert(position, statement)
    session.flush()
    return statement.id


def _apply_statement(statement: Statement, data: StatementData) -> None:
    statement.text = data.text.strip()
    statement.speaker_id = data.speaker_id
    statement.engagement_id = data.engagement_id
    statement.style = data.style
    statement.for_press = data.for_press
    statement.role = data.role


def _statement(session: Session, statement_id: int) -> Statement:
    return get_or_not_found(session, Statement, statement_id, "This statement no longer exists.")


def load_statement(session: Session, statement_id: int) -> tuple[StatementData, int]:
    """The statement and its place in the visit's list."""
    s = _statement(session, statement_id)
    data = StatementData(s.text, s.speaker_id, s.engagement_id, s.style, s.for_press, s.role)
    return data, s.position


def update_statement(session: Session, statement_id: int, data: StatementData) -> None:
    statement = _statement(session, statement_id)
    _apply_statement(statement, _checked_statement(session, statement.visit_id, data))


def delete_statement(session: Session, statement_id: int) -> None:
    statement = _statement(session, statement_id)
    statement.visit.statements.remove(statement)
    session.delete(statement)
    session.flush()


def statements_of_engagement(session: Session, engagement_id: int) -> list[tuple[int, int]]:
    """(id, position) of the statements made at an engagement, which go when it goes."""
    query = select(Statement.id, Statement.position).where(Statement.engagement_id == engagement_id)
    return [(sid, position) for sid, position in session.execute(query)]


# Outcomes --------------------------------------------------------------------------------


def outcome_rows(session: Session, visit_id: int) -> list[OutcomeRow]:
    visit = get_visit(session, visit_id)
    rows = []
    for o in visit.outcomes:
        owner = o.owner.display_name if o.owner else ""
        engagement = o.engagement.title if o.engagement else ""
        rows.append(
            OutcomeRow(
                o.id,
                o.kind,
                o.title,
                owner,
                o.due_date,
                o.status,
                engagement,
                fold(o.title, owner, engagement, o.kind.label, o.status.label),
                o.history[-1].changed_on if o.history else None,
                tuple((c.status, c.changed_on) for c in o.history),
            )
        )
    return rows


def _outcome(session: Session, outcome_id: int) -> Outcome:
    return get_or_not_found(session, Outcome, outcome_id, "This outcome no longer exists.")


def _checked_outcome(session: Session, visit_id: int, data: OutcomeData) -> None:
    if not data.title.strip():
        raise ServiceError("Give the outcome a title, such as “MoU on patent examination”.")
    _check_links(session, visit_id, data.owner_id, data.engagement_id)
    if data.status is not None:
        try:
            check_status(data.kind, data.status)
        except DomainError as exc:
            raise ServiceError(f"The status does not fit: {exc}.") from exc


def _apply_outcome(outcome: Outcome, data: OutcomeData) -> None:
    outcome.title = data.title.strip()
    outcome.description = blank_as_none(data.description)
    outcome.owner_id = data.owner_id
    outcome.due_date = data.due_date
    outcome.next_step = blank_as_none(data.next_step)
    outcome.engagement_id = data.engagement_id


def add_outcome(
    session: Session,
    visit_id: int,
    data: OutcomeData,
    today: date,
    outcome_id: int | None = None,
) -> int:
    visit = get_visit(session, visit_id)
    _checked_outcome(session, visit_id, data)
    if outcome_id is not None and session.get(Outcome, outcome_id) is not None:
        raise ServiceError("This outcome cannot be put back: it was replaced meanwhile.")
    on = data.status_on or today
    outcome = Outcome.new(data.kind, data.title.strip(), on)
    if data.status is not None and data.status is not outcome.status:
        # Recorded after the fact: the outcome may already be drafted or signed when first
        # written down; its history starts there (earlier steps are not known).
        outcome.status = data.status
        outcome.history[-1].status = data.status
    if outcome_id is not None:
        outcome.id = outcome_id
    _apply_outcome(outcome, data)
    visit.outcomes.append(outcome)
    session.flush()
    return outcome.id


def load_outcome(session: Session, outcome_id: int) -> OutcomeData:
    o = _outcome(session, outcome_id)
    return OutcomeData(
        o.kind,
        o.title,
        o.status,
        o.description,
        o.owner_id,
        o.due_date,
        o.next_step,
        o.engagement_id,
        o.history[-1].changed_on if o.history else None,
    )


def history_length(session: Session, outcome_id: int) -> int:
    return len(_outcome(session, outcome_id).history)


def update_outcome(session: Session, outcome_id: int, data: OutcomeData, today: date) -> None:
    """Change an outcome; a new status must follow its life cycle and is added to its history."""
    outcome = _outcome(session, outcome_id)
    if OutcomeKind(data.kind) is not outcome.kind:
        raise ServiceError("The kind of an outcome cannot change; delete it and add a new one.")
    _checked_outcome(session, outcome.visit_id, data)
    if data.status is not None and OutcomeStatus(data.status) is not outcome.status:
        on = data.status_on or today
        last = outcome.history[-1].changed_on if outcome.history else None
        if last is not None and on < last:
            raise ServiceError(
                f"The new status cannot date from {short_date(on)}: the outcome became "
                f"{outcome.status.label.lower()} on {short_date(last)}. Give a later date."
            )
        try:
            outcome.change_status(OutcomeStatus(data.status), on)
        except DomainError as exc:
            raise ServiceError(f"The status cannot change so: {exc}.") from exc
    elif data.status_on is not None and outcome.history:
        # Only the date of the current status was corrected.
        outcome.history[-1].changed_on = data.status_on
    _apply_outcome(outcome, data)


def restore_outcome(
    session: Session, outcome_id: int, data: OutcomeData, history_kept: int
) -> None:
    """Put an outcome back as it was before an edit, history included (for undo)."""
    outcome = _outcome(session, outcome_id)
    del outcome.history[history_kept:]
    if data.status is not None:
        outcome.status = data.status
    if data.status_on is not None and outcome.history:
        outcome.history[-1].changed_on = data.status_on
    _apply_outcome(outcome, data)


@dataclass(frozen=True)
class OutcomeSnapshot:
    """An outcome whole, history and place in the list included: what undoing a deletion
    puts back."""

    data: OutcomeData
    position: int
    # (status, changed on, note), oldest first.
    history: tuple[tuple[OutcomeStatus, date, str | None], ...]


def snapshot_outcome(session: Session, outcome_id: int) -> OutcomeSnapshot:
    outcome = _outcome(session, outcome_id)
    return OutcomeSnapshot(
        load_outcome(session, outcome_id),
        outcome.position,
        tuple((c.status, c.changed_on, c.note) for c in outcome.history),
    )


def put_back_outcome(
    session: Session, visit_id: int, outcome_id: int, snapshot: OutcomeSnapshot
) -> None:
    """Recreate a deleted outcome exactly as it was, under its old id."""
    visit = get_visit(session, visit_id)
    data = snapshot.data
    _checked_outcome(session, visit_id, data)
    if session.get(Outcome, outcome_id) is not None:
        raise ServiceError("This outcome cannot be put back: it was replaced meanwhile.")
    outcome = Outcome(
        id=outcome_id,
        kind=data.kind,
        title=data.title.strip(),
        status=data.status if data.status is not None else snapshot.history[-1][0],
        position=snapshot.position,
    )
    _apply_outcome(outcome, data)
    outcome.history = [
        StatusChange(status=status, changed_on=on, note=note)
        for status, on, note in snapshot.history
    ]
    visit.outcomes.append(outcome)
    session.flush()


def delete_outcome(session: Session, outcome_id: int) -> None:
    outcome = _outcome(session, outcome_id)
    # Load the history before the outcome leaves its visit: SQLAlchemy 2.1 otherwise fails the
    # flush ("Failed to add object to the flush context") when it has status changes.
    outcome.history  # noqa: B018
    outcome.visit.outcomes.remove(outcome)
    session.delete(outcome)
    session.flush()


def outcomes_of_engagement(session: Session, engagement_id: int) -> list[int]:
    return list(session.scalars(select(Outcome.id).where(Outcome.engagement_id == engagement_id)))


def relink_outcomes(session: Session, outcome_ids: list[int], engagement_id: int) -> None:
    for outcome_id in outcome_ids:
        outcome = session.get(Outcome, outcome_id)
        if outcome is not None:
            outcome.engagement_id = engagement_id


def status_choices(
    kind: OutcomeKind, current: OutcomeStatus | None = None
) -> tuple[OutcomeStatus, ...]:
    """What the Status list offers: a new outcome, its kind's whole life cycle; a saved one,
    where it stands and where it may go next."""
    if current is None:
        return statuses_for(kind)
    return (current, *allowed_next(kind, current))
