"""Every open follow-up across all visits: outcomes still alive, with owner and due date."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import NamedTuple

from sqlalchemy import select
from sqlalchemy.orm import Session

from visitdesk.domain.enums import OutcomeKind, OutcomeStatus
from visitdesk.domain.errors import DomainError
from visitdesk.domain.lifecycle import is_closed
from visitdesk.domain.models import Outcome, Person, Visit
from visitdesk.domain.names import NameParts, display_name
from visitdesk.services.errors import ServiceError
from visitdesk.services.lookup import get_or_not_found
from visitdesk.services.search import fold


@dataclass(frozen=True)
class FollowUpData:
    """A follow-up as the officer decides on it (and as a conflict compares two versions)."""

    kind: OutcomeKind
    title: str
    status: OutcomeStatus
    owner: str
    due_date: date | None
    next_step: str


class FollowUpRow(NamedTuple):
    """A row of the follow-ups list: an open outcome, with the version it was read at."""

    id: int
    visit_id: int
    visit_title: str
    kind: OutcomeKind
    title: str
    owner: str
    due_date: date | None
    status: OutcomeStatus
    next_step: str
    overdue: bool
    haystack: str
    version: int

    def data(self) -> FollowUpData:
        return FollowUpData(
            self.kind, self.title, self.status, self.owner, self.due_date, self.next_step
        )


def open_followups(session: Session, today: date) -> list[FollowUpRow]:
    """Open outcomes, soonest due first (undated last), in one query."""
    query = (
        select(
            Outcome.id,
            Outcome.visit_id,
            Visit.title,
            Outcome.kind,
            Outcome.title,
            Person.honorific,
            Person.given_name,
            Person.family_name,
            Person.family_name_first,
            Outcome.due_date,
            Outcome.status,
            Outcome.next_step,
            Outcome.version,
        )
        .join(Visit, Outcome.visit_id == Visit.id)
        .outerjoin(Person, Outcome.owner_id == Person.id)
        .where(Outcome.status.not_in([OutcomeStatus.DONE, OutcomeStatus.DROPPED]))
    )
    rows = []
    for (
        oid,
        vid,
        vtitle,
        kind,
        title,
        hon,
        given,
        family,
        first,
        due,
        status,
        step,
        version,
    ) in session.execute(query):
        if is_closed(kind, status):
            continue
        owner = display_name(NameParts(hon, given, family, first)) if family else ""
        rows.append(
            FollowUpRow(
                oid,
                vid,
                vtitle,
                kind,
                title,
                owner,
                due,
                status,
                step or "",
                due is not None and due < today,
                fold(title, owner, vtitle, kind.label, status.label, step),
                version,
            )
        )
    rows.sort(key=lambda r: (r.due_date is None, r.due_date or today, r.visit_title, r.id))
    return rows


def mark_done(session: Session, outcome_id: int, today: date) -> OutcomeStatus:
    """Close a follow-up: an action is done; an agreement closes when it comes into force."""
    outcome = get_or_not_found(session, Outcome, outcome_id, "This follow-up no longer exists.")
    target = OutcomeStatus.IN_FORCE if outcome.kind is OutcomeKind.AGREEMENT else OutcomeStatus.DONE
    try:
        outcome.change_status(target, today, note="Marked done in the follow-ups list")
    except DomainError as exc:
        raise ServiceError(f"“{outcome.title}” cannot be closed: {exc}.") from exc
    return target
