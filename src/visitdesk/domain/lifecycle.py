"""The life cycle of an outcome.

An agreement moves forward: proposed → drafted → initialled → signed → in force (steps may be
skipped: an MoU can be signed the day it is drafted), never back. Everything else is open until
done. Either may be dropped while it is still alive; a done or dropped action may be reopened,
because directives come back.
"""

from __future__ import annotations

from visitdesk.domain.enums import OutcomeKind, OutcomeStatus
from visitdesk.domain.errors import DomainError

AGREEMENT_STEPS: tuple[OutcomeStatus, ...] = (
    OutcomeStatus.PROPOSED,
    OutcomeStatus.DRAFTED,
    OutcomeStatus.INITIALLED,
    OutcomeStatus.SIGNED,
    OutcomeStatus.IN_FORCE,
)
ACTION_STEPS: tuple[OutcomeStatus, ...] = (OutcomeStatus.OPEN, OutcomeStatus.DONE)


def statuses_for(kind: OutcomeKind) -> tuple[OutcomeStatus, ...]:
    """Every status an outcome of this kind may have, in life-cycle order."""
    steps = AGREEMENT_STEPS if kind is OutcomeKind.AGREEMENT else ACTION_STEPS
    return (*steps, OutcomeStatus.DROPPED)


def initial_status(kind: OutcomeKind) -> OutcomeStatus:
    return statuses_for(kind)[0]


def is_closed(kind: OutcomeKind, status: OutcomeStatus) -> bool:
    """Closed outcomes need no follow-up: an agreement in force, an action done, or dropped."""
    if status is OutcomeStatus.DROPPED:
        return True
    if kind is OutcomeKind.AGREEMENT:
        return status is OutcomeStatus.IN_FORCE
    return status is OutcomeStatus.DONE


def allowed_next(kind: OutcomeKind, current: OutcomeStatus) -> tuple[OutcomeStatus, ...]:
    if kind is OutcomeKind.AGREEMENT:
        if current is OutcomeStatus.DROPPED or current not in AGREEMENT_STEPS:
            return ()
        later = AGREEMENT_STEPS[AGREEMENT_STEPS.index(current) + 1 :]
        return (*later, OutcomeStatus.DROPPED) if later else ()
    if current is OutcomeStatus.OPEN:
        return (OutcomeStatus.DONE, OutcomeStatus.DROPPED)
    if current in (OutcomeStatus.DONE, OutcomeStatus.DROPPED):
        return (OutcomeStatus.OPEN,)
    return ()


def check_status(kind: OutcomeKind, status: OutcomeStatus) -> None:
    if status not in statuses_for(kind):
        allowed = ", ".join(s.value for s in statuses_for(kind))
        raise DomainError(
            f"an outcome of kind {kind.value} cannot be {status.value!r} (it can be {allowed})"
        )


def check_transition(kind: OutcomeKind, current: OutcomeStatus, new: OutcomeStatus) -> None:
    check_status(kind, new)
    if new not in allowed_next(kind, current):
        nexts = allowed_next(kind, current)
        hint = ", ".join(s.value for s in nexts) if nexts else "nothing: it is final"
        raise DomainError(
            f"this {kind.value} is {current.value} and cannot become {new.value} "
            f"(next can be {hint})"
        )
