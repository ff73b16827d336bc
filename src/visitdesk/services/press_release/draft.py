"""Draft a press release from what the officer recorded about a visit.

The shape is that of the office's own releases (shared/seed/press-release-PR211.txt): a headline
and a lead quote; a first paragraph that says who said it, where, to which delegation, and who
else was present; a paragraph for each further statement for the press, in reported speech, in
the order recorded; the outcomes; the other engagements where something came of the visit; and
a closing summary of the programme. Only statements marked for the press are used.

The release is written as of its date (and time, when it has one): engagements after it are
announced, never reported, and what was said or decided at them is left out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, time
from typing import TYPE_CHECKING

from visitdesk.domain.enums import EngagementKind, OutcomeKind, OutcomeStatus, Side, StatementRole
from visitdesk.domain.lifecycle import AGREEMENT_STEPS
from visitdesk.services.press_release.body import Body
from visitdesk.services.press_release.grammar import join, with_definite
from visitdesk.services.press_release.mentions import Mentions
from visitdesk.services.press_release.opening import Opening
from visitdesk.services.press_release.outcomes import (
    expected,
    live,
    outcome_sentences,
    phrase_of,
    title_of,
)
from visitdesk.services.press_release.programme import (
    Action,
    action,
    announced,
    merged,
)
from visitdesk.services.press_release.tense import AsOf, as_of
from visitdesk.services.press_release.wording import (
    days_phrase,
    sentence,
    squash,
    unquote,
    upper_first,
)

if TYPE_CHECKING:
    from visitdesk.domain.engagement import Engagement
    from visitdesk.domain.office import Office
    from visitdesk.domain.organisation import Organisation
    from visitdesk.domain.statement import Statement
    from visitdesk.domain.visit import Visit

# The topic column holds this much (PressRelease.topic).
TOPIC_LENGTH = 300
_STEP = {status: index for index, status in enumerate(AGREEMENT_STEPS)}
_UNSIGNED = frozenset(AGREEMENT_STEPS[:3])


@dataclass(frozen=True)
class PressReleaseDraft:
    topic: str | None
    headline: str | None
    lead_quote: str | None
    lead_quote_attribution: str | None
    paragraphs: list[str] = field(default_factory=list)
    date: date | None = None
    city: str | None = None

    @property
    def body(self) -> str:
        return "\n\n".join(self.paragraphs)


def draft_press_release(
    visit: Visit, office: Office | None = None, on: date | None = None, at: time | None = None
) -> PressReleaseDraft:
    """The release a media officer would write from this visit's record, as of `on` (and `at`).

    `on` is the release's date when it is already known (a numbered record keeps its date; a
    datetime also gives the time); otherwise the day of the engagement the release reports.
    The text is drafted twice: the first draft shows which abbreviations are used again, and
    only those are introduced in the second.
    """
    first = _Drafter(visit, office, on, at, None).draft()
    again = _used_again(visit, first)
    return _Drafter(visit, office, on, at, again).draft()


def _used_again(visit: Visit, draft: PressReleaseDraft) -> set[int]:
    """Organisations whose abbreviation appears more than once in the body (its introduction
    and at least one use)."""
    used = set()
    for organisation in _organisations(visit):
        name, short = squash(organisation.name), squash(organisation.short_name)
        if not short or not name or short == name:
            continue
        # Uses of the abbreviation, not its introduction nor the full name that may hold it
        # (`COMSATS University Islamabad (COMSATS)`).
        rest = draft.body.replace(f"{name} ({short})", "").replace(name, "")
        if re.search(rf"(?<![\w-]){re.escape(short)}(?![\w-])", rest):
            used.add(id(organisation))
    return used


def _organisations(visit: Visit) -> list[Organisation]:
    found: dict[int, Organisation] = {}
    candidates = [visit.guest_organisation, visit.host_organisation]
    candidates += [e.organisation for e in visit.engagements]
    people = [p for e in visit.engagements for p in e.attendee_people]
    people += [p for p in (visit.leader, *(s.speaker for s in visit.statements)) if p is not None]
    people += [o.owner for o in visit.outcomes if o.owner is not None]
    candidates += [p.organisation for p in people]
    for organisation in candidates:
        if organisation is not None:
            found.setdefault(id(organisation), organisation)
    return list(found.values())


class _Drafter(Opening, Body):
    def __init__(
        self,
        visit: Visit,
        office: Office | None,
        on: date | None,
        at: time | None,
        abbreviate: set[int] | None,
    ) -> None:
        self.visit = visit
        self.office = office
        people = [p for e in visit.engagements for p in e.attendee_people]
        people += [p for p in (visit.leader,) if p is not None]
        people += [s.speaker for s in visit.statements if s.speaker is not None]
        self.mentions = Mentions(people, abbreviate)
        self.leader = visit.leader
        if on is None:
            on = self._reported_day()
        self.asof: AsOf = as_of(on, at)
        self.release_date = self.asof.day
        self.done = [e for e in visit.engagements if self.asof.done(e)]
        self.ahead = [e for e in visit.engagements if not self.asof.done(e)]
        self.press = [
            s
            for s in visit.statements
            if s.for_press
            and squash(s.text)
            and (s.engagement is None or self.asof.done(s.engagement))
        ]
        self.headline = next((s for s in self.press if s.role is StatementRole.HEADLINE), None)
        self.lead = next((s for s in self.press if s.role is StatementRole.LEAD_QUOTE), None)
        self.main = self._main_engagement(self.lead or self.headline)
        self.outcomes = [
            o
            for o in live(visit.outcomes, self.asof)
            if o.engagement is None or self.asof.done(o.engagement)
        ]

    def _reported_day(self) -> date:
        """Without a date, the release is of the day of its quoted statement (else of the visit's
        first engagement with hosts), and everything recorded has taken place."""
        press = [s for s in self.visit.statements if s.for_press and squash(s.text)]
        quoted = next((s for s in press if s.role is StatementRole.LEAD_QUOTE), None)
        quoted = quoted or next((s for s in press if s.role is StatementRole.HEADLINE), None)
        engagements = self.visit.engagements
        if quoted is not None and quoted.engagement is not None:
            return quoted.engagement.start.date()
        with_hosts = [e for e in engagements if e.attendees_on(Side.HOST)]
        chosen = (with_hosts or engagements)[:1]
        return chosen[0].start.date() if chosen else self.visit.end_date

    def _main_engagement(self, quoted: Statement | None) -> Engagement | None:
        if quoted is not None and quoted.engagement is not None:
            return quoted.engagement
        for statement in self.press:
            if statement.engagement is not None:
                return statement.engagement
        today = [e for e in self.done if e.start.date() == self.release_date]
        for candidates in (today, self.done):
            with_hosts = [e for e in candidates if e.attendees_on(Side.HOST)]
            if with_hosts or candidates:
                return (with_hosts or candidates)[0]
        return None

    def draft(self) -> PressReleaseDraft:
        paragraphs = [self._opening()]
        paragraphs += self._statements()
        main_outcomes = [o for o in self.outcomes if not self._elsewhere(o)]
        outcome_text = " ".join(outcome_sentences(main_outcomes, self.mentions, self.asof))
        if outcome_text:
            paragraphs.append(outcome_text)
        paragraphs += self._other_engagements()
        paragraphs.append(self._summary())
        paragraphs.append(self._ahead())
        city = (self.main.city if self.main is not None else None) or self.visit.city
        if not squash(city) and self.office is not None:
            city = self.office.city
        return PressReleaseDraft(
            topic=self._topic(),
            headline=self._headline(),
            lead_quote=sentence(unquote(self.lead.text)) if self.lead else None,
            lead_quote_attribution=self._attribution(self.lead) if self.lead else None,
            paragraphs=[p for p in paragraphs if p],
            date=self.release_date,
            city=squash(city) or None,
        )

    # The top of the release.

    def _topic(self) -> str | None:
        """The subject after the number: the agreement the visit advanced, else the visit.

        `Draft MoU between IPO-Pakistan and SIPO` for an initialled MoU, as the office files it.
        """
        agreements = [o for o in self.outcomes if o.kind is OutcomeKind.AGREEMENT]
        if agreements:
            furthest = max(agreements, key=lambda o: _STEP.get(self.asof.status(o), -1))
            title = title_of(furthest).replace("Memorandum of Understanding", "MoU")
            if self.asof.status(furthest) in _UNSIGNED:
                title = f"Draft {title}"
            return upper_first(squash(title))[:TOPIC_LENGTH] or None
        return squash(self.visit.title)[:TOPIC_LENGTH] or None

    def _headline(self) -> str:
        if self.headline is not None:
            return f"“{sentence(unquote(self.headline.text)).rstrip('.')}”"
        return squash(self.visit.title) or "Visit of a foreign delegation"

    def _attribution(self, statement: Statement) -> str:
        if statement.speaker is not None:
            return statement.speaker.display_name
        return "Joint statement"

    def _summary(self) -> str:
        """`During the two-day visit, the delegation held meetings with … and visited …`; while
        the visit goes on, what else the delegation has done so far."""
        if not self.ahead:
            if len(self.visit.engagements) < 2:
                return ""
            actions = self._brief_actions(self.visit.engagements)
            others = [e for e in self.visit.engagements if e is not self.main]
            if not actions or not self._brief_actions(others):
                # Only the engagement the lead already tells: saying it again adds nothing.
                return ""
            cities = list(dict.fromkeys(squash(e.city) for e in self.done if squash(e.city)))
            where = f" in {join(cities)}" if len(cities) > 1 else ""
            span = days_phrase(self.visit.start_date, self.visit.end_date)
            return f"During {span}{where}, the delegation {merged(actions, False)}."
        told = {id(o.engagement) for o in self.outcomes if o.engagement is not None}
        rest = [e for e in self.done if e is not self.main and id(e) not in told]
        actions = self._brief_actions(rest)
        if not actions:
            return ""
        return f"The delegation also {merged(actions, False)}."

    def _brief_actions(self, engagements: list[Engagement]) -> list[Action]:
        actions = [action(e, self.mentions, brief=True, summary=True) for e in engagements]
        kept = [a for a in actions if a is not None and a.key in ("visit", "meet", "call")]
        return kept

    def _ahead(self) -> str:
        """What the delegation will do after the release's date, and what is to be signed."""
        if not self.ahead:
            return ""
        # Agreements to be signed at a signing ceremony are told with it; those recorded as
        # signed at another engagement are announced as expected.
        signings: dict[int, str] = {}
        expecting = []
        # The record's current status: what lies ahead has no history yet on the release's date.
        for outcome in (o for o in self.visit.outcomes if o.status is not OutcomeStatus.DROPPED):
            engagement = outcome.engagement
            if engagement is None or engagement not in self.ahead:
                continue
            if outcome.kind is not OutcomeKind.AGREEMENT:
                continue
            if engagement.kind is EngagementKind.SIGNING_CEREMONY:
                named = signings.get(id(engagement))
                title = with_definite(phrase_of(outcome))
                signings[id(engagement)] = f"{named} and {title}" if named else title
            else:
                expecting.append(expected(outcome, engagement))
        subject = "the delegation"
        sentences = announced(self.ahead, self.mentions, subject, self.release_date, signings)
        return " ".join(s for s in [*sentences, *expecting] if s)
