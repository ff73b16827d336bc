"""Follow-ups: every open outcome across all visits, and marking one done (and undoing that).

Marking done is a save of the outcome: it names the version the list showed, so a list read
before another officer changed the outcome (closed it, reopened it, gave it a new next step)
cannot silently overwrite their change. Undoing it ("reopen") is one call too, refused in the
same way when the outcome changed after it was marked done.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from typing import TYPE_CHECKING

from visitdesk.app.enums import OutcomeKind, OutcomeStatus
from visitdesk.app.errors import ConflictError, NotFoundError, RefusedError, local_time
from visitdesk.app.part import Part
from visitdesk.app.records import Record
from visitdesk.services.followups import FollowUpData, FollowUpRow

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from visitdesk.services.outcomes import OutcomeData

__all__ = ["FollowUpData", "FollowUpRow", "Followups", "MarkedDone"]


@dataclass(frozen=True)
class MarkedDone:
    """A follow-up just marked done: what `reopen` needs to put it back exactly as it was."""

    outcome_id: int
    title: str
    status: OutcomeStatus  # what it became: done, or in force for an agreement
    version: int  # the version the marking made
    was: FollowUpData
    before: OutcomeData
    history_kept: int


def closing_status(kind: OutcomeKind) -> OutcomeStatus:
    """What "done" means for an outcome of this kind: an agreement closes when in force."""
    return OutcomeStatus.IN_FORCE if kind is OutcomeKind.AGREEMENT else OutcomeStatus.DONE


def _load(session: Session, outcome_id: int) -> FollowUpData:
    from visitdesk.domain.models import Outcome

    outcome = session.get(Outcome, outcome_id)
    if outcome is None:
        raise NotFoundError("This follow-up no longer exists.")
    return FollowUpData(
        outcome.kind,
        outcome.title,
        outcome.status,
        outcome.owner.display_name if outcome.owner is not None else "",
        outcome.due_date,
        outcome.next_step or "",
    )


def _what(title: str) -> str:
    return f"the follow-up “{' '.join(title.split())}”"


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


class Followups(Part):
    def list(self, today: date | None = None) -> tuple[FollowUpRow, ...]:
        """Open outcomes of every visit, soonest due first (undated last); `overdue` is
        judged against `today` (the computer's date when not given)."""
        from visitdesk.services.followups import open_followups

        day = today or date.today()
        return tuple(self._desk.read(lambda session: open_followups(session, day)))

    def details(self, outcome_id: int) -> Record[FollowUpData]:
        from visitdesk.domain.models import Outcome

        return self._desk.record(Outcome, outcome_id, _load)

    def mark_done(
        self,
        outcome_id: int,
        version: int,
        today: date | None = None,
        opened: FollowUpData | None = None,
    ) -> MarkedDone:
        """Close the follow-up read at `version` (an action done, an agreement in force).

        Refused with ConflictError when another officer changed it since (both versions in
        the error; marking again with `version=error.theirs.version` closes it on purpose),
        with RefusedError when it was closed meanwhile, NotFoundError when it was deleted.
        """
        from visitdesk.domain.models import Outcome
        from visitdesk.services.followups import mark_done
        from visitdesk.services.outcomes import history_length, load_outcome

        day = today or date.today()
        seen = opened if opened is not None else self.details(outcome_id).data
        mine = replace(seen, status=closing_status(seen.kind))
        what = _what(seen.title)
        # What the marking found and did, for `reopen`: (was, before, history kept, status).
        made: list[tuple[FollowUpData, OutcomeData, int, OutcomeStatus]] = []

        def apply(session: Session) -> None:
            # The write may run twice (a busy store): each run replaces what it captured.
            was, before = _load(session, outcome_id), load_outcome(session, outcome_id)
            kept = history_length(session, outcome_id)
            made[:] = [(was, before, kept, mark_done(session, outcome_id, day))]

        try:
            saved = self._desk.save(Outcome, outcome_id, version, what, mine, apply, _load, seen)
        except ConflictError as exc:
            theirs = exc.theirs
            if exc.deleted or theirs is None:
                raise NotFoundError(
                    f"{_capital(what)} was deleted by another officer, so it was not marked done."
                ) from exc
            if _is_closed(theirs.data):
                who = theirs.changed_by or "another officer"
                raise RefusedError(
                    f"{_capital(what)} was already closed by {who} at "
                    f"{local_time(theirs.changed_at)}: it is {theirs.data.status.label.lower()} "
                    "now. Nothing was changed."
                ) from exc
            # Marking done changes only the status: "yours" is their version, closed, so the
            # comparison never suggests that keeping yours would undo their other changes.
            raise ConflictError(
                what,
                replace(theirs.data, status=closing_status(theirs.data.kind)),
                theirs,
                exc.fields,
            ) from exc
        was, before, kept, status = made[0]
        return MarkedDone(outcome_id, seen.title, status, saved.version, was, before, kept)

    def reopen(self, done: MarkedDone) -> Record[FollowUpData]:
        """Undo a `mark_done`: the follow-up as it was before, its status history included.

        Refused (RefusedError, nothing changed) when another officer changed the follow-up
        after it was marked done: reopening would overwrite their change.
        """
        from visitdesk.domain.models import Outcome
        from visitdesk.services.outcomes import restore_outcome

        what = _what(done.title)
        try:
            return self._desk.save(
                Outcome,
                done.outcome_id,
                done.version,
                what,
                done.was,
                lambda s: restore_outcome(s, done.outcome_id, done.before, done.history_kept),
                _load,
            )
        except ConflictError as exc:
            if exc.deleted or exc.theirs is None:
                raise NotFoundError(
                    f"{_capital(what)} was deleted by another officer, so it cannot be reopened."
                ) from exc
            who = exc.theirs.changed_by or "another officer"
            raise RefusedError(
                f"{_capital(what)} was changed by {who} at {local_time(exc.theirs.changed_at)} "
                "after it was marked done, so it was not reopened (that would undo their "
                "change). Nothing was changed."
            ) from exc


def _is_closed(data: FollowUpData) -> bool:
    from visitdesk.domain.lifecycle import is_closed

    return is_closed(data.kind, data.status)
