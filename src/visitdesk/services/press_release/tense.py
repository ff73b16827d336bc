"""The release is written as of its date: what came before it is reported, what lies after it
is announced, and nothing after it is reported as done.

An engagement on the release's own day counts as done unless the release has a time and the
engagement starts after it (a release issued at noon announces the evening's dinner). An
outcome is told only if its engagement (if any) was done, with its status as it stood on the
release's date by its recorded history.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time
from typing import TYPE_CHECKING

from visitdesk.domain.enums import OutcomeStatus

if TYPE_CHECKING:
    from visitdesk.domain.engagement import Engagement
    from visitdesk.domain.outcome import Outcome


@dataclass(frozen=True)
class AsOf:
    day: date
    at: time | None = None

    def done(self, engagement: Engagement) -> bool:
        """Had the engagement taken place (begun) when the release was written?"""
        start = engagement.start
        if start.date() != self.day:
            return start.date() < self.day
        return self.at is None or start.time() <= self.at

    def ahead(self, engagement: Engagement) -> bool:
        return not self.done(engagement)

    def status(self, outcome: Outcome) -> OutcomeStatus:
        """The outcome's status on the release's date, from its history.

        The history's dates are those on which the office recorded each change, often days
        after the event: an outcome first recorded after the release's date is taken with the
        status it was first recorded with (its engagement's date says whether it had happened).
        With no history the current status stands (an imported record may have none).
        """
        history = [c for c in outcome.history if c.changed_on is not None]
        if not history:
            return outcome.status
        then = [c for c in history if c.changed_on <= self.day]
        # The history is kept in the order of the changes.
        return then[-1].status if then else history[0].status

    def current(self, outcome: Outcome) -> bool:
        """Is the outcome's recorded status the one it had on the release's date?"""
        return self.status(outcome) is outcome.status


def as_of(on: date, at: time | None = None) -> AsOf:
    """`on` may be a datetime, whose time is then the release's time."""
    if isinstance(on, datetime):
        return AsOf(on.date(), at or on.time())
    return AsOf(on, at)
