"""What every part of a release's drafting knows: the visit, the date it is written as of,
who has been named, and which engagements lie before and after that date."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from visitdesk.services.press_release.mentions import Mentions
from visitdesk.services.press_release.tense import AsOf
from visitdesk.services.press_release.wording import short_date

if TYPE_CHECKING:
    from visitdesk.domain.engagement import Engagement
    from visitdesk.domain.office import Office
    from visitdesk.domain.outcome import Outcome
    from visitdesk.domain.person import Person
    from visitdesk.domain.statement import Statement
    from visitdesk.domain.visit import Visit


class DraftState:
    visit: Visit
    office: Office | None
    mentions: Mentions
    asof: AsOf
    release_date: date
    leader: Person | None
    main: Engagement | None
    done: list[Engagement]
    ahead: list[Engagement]
    press: list[Statement]
    headline: Statement | None
    lead: Statement | None
    outcomes: list[Outcome]

    def _on(self, engagement: Engagement) -> str:
        if engagement.start.date() == self.release_date:
            return ""
        return f" on {short_date(engagement.start.date())}"
