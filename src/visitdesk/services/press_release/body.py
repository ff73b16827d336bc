"""The body of a release: statements for the press, in the order recorded, and what came of
the other engagements held by the release's date."""

from __future__ import annotations

from typing import TYPE_CHECKING

from visitdesk.domain.enums import EngagementKind, OutcomeKind, Side, StatementStyle
from visitdesk.services.press_release.grammar import join
from visitdesk.services.press_release.mentions import pronoun
from visitdesk.services.press_release.outcomes import (
    agreement_clause,
    next_step,
    outcome_sentences,
)
from visitdesk.services.press_release.programme import (
    action,
    occasion,
    place_of,
)
from visitdesk.services.press_release.state import DraftState
from visitdesk.services.press_release.wording import (
    lower_first,
    sentence,
    short_date,
    unquote,
    upper_first,
)

if TYPE_CHECKING:
    from visitdesk.domain.engagement import Engagement
    from visitdesk.domain.outcome import Outcome
    from visitdesk.domain.person import Person
    from visitdesk.domain.statement import Statement


class Body(DraftState):
    # Statements for the press, in the order recorded.

    def _rest(self) -> list[Statement]:
        return [s for s in self.press if s is not self.headline and s is not self.lead]

    def _statements(self) -> list[str]:
        """Statements at the main engagement (or at none), in the order recorded."""
        main = self.main
        return self._grouped([s for s in self._rest() if s.engagement in (None, main)])

    def _grouped(self, statements: list[Statement]) -> list[str]:
        return [self._paragraph(group) for group in self._groups(statements)]

    def _groups(self, statements: list[Statement]) -> list[list[Statement]]:
        """Consecutive statements of one speaker at one engagement make one paragraph."""
        groups: list[list[Statement]] = []
        for statement in statements:
            if groups and (
                statement.speaker is groups[-1][-1].speaker
                and statement.engagement is groups[-1][-1].engagement
            ):
                groups[-1].append(statement)
            else:
                groups.append([statement])
        return groups

    def _paragraph(self, group: list[Statement], context: str | None = None) -> str:
        sentences = []
        for index, statement in enumerate(group):
            verb = "said" if index == 0 else "added"
            speaker = statement.speaker
            if speaker is None:
                subject = "in a joint statement, the two sides" if index == 0 else "they"
            elif index == 0:
                named = self.mentions.named(speaker)
                subject = self.mentions.again(speaker) if named else self._speaker_first(speaker)
            else:
                subject = pronoun(speaker) or self.mentions.again(speaker)
            text = unquote(statement.text)
            if statement.style is StatementStyle.DIRECT:
                said = f"{subject} {verb}, “{sentence(text)}”"
            else:
                said = sentence(f"{subject} {verb} that {lower_first(text)}")
            sentences.append(upper_first(said))
        if context is None:
            context = self._context(group[0].engagement)
        first = sentences[0]
        if context:
            first = f"{context}, {first[0].lower() if first[:4] == 'The ' else first[0]}{first[1:]}"
        return " ".join([first, *sentences[1:]])

    def _speaker_first(self, speaker: Person) -> str:
        if any(speaker is p for p in self._guests()):
            return self.mentions.name_first(speaker)
        return self.mentions.title_first(speaker)

    def _guests(self) -> list[Person]:
        guests = [p for e in self.visit.engagements for p in e.attendees_on(Side.GUEST)]
        return guests + [p for p in (self.visit.leader,) if p is not None]

    def _context(self, engagement: Engagement | None) -> str:
        """`During the visit to COMSATS University Islamabad on March 21` for a statement made
        at another engagement than the main one."""
        if engagement is None or engagement is self.main:
            return ""
        told = occasion(engagement, self.mentions)
        preposition = "At" if told.startswith("a ") or told.startswith("an ") else "During"
        main = self.main
        when = self._on(engagement)
        if main is not None and main.start.date() == engagement.start.date():
            when = " later in the day" if engagement.start > main.start else " earlier in the day"
        return f"{preposition} {told}{when}"

    # Other engagements, and the close.

    def _elsewhere(self, outcome: Outcome) -> bool:
        return outcome.engagement is not None and outcome.engagement is not self.main

    def _other_engagements(self) -> list[str]:
        """`Earlier, on March 21, the delegation visited IPO-Pakistan, where the draft MoU was
        initialled. It will be formally signed after approval of the Cabinet.` What was said
        there follows what was agreed; an engagement with only statements gets their paragraph.
        """
        paragraphs = []
        for engagement in self.done:
            if engagement is self.main:
                continue
            results = [o for o in self.outcomes if o.engagement is engagement]
            said = [s for s in self._rest() if s.engagement is engagement]
            if not results:
                paragraphs += self._grouped(said)
                continue
            agreements = [o for o in results if o.kind is OutcomeKind.AGREEMENT]
            others = [o for o in results if o.kind is not OutcomeKind.AGREEMENT]
            parts = [self._what_came(engagement, agreements)]
            parts += [
                self._paragraph(group, "Speaking on the occasion") for group in self._groups(said)
            ]
            parts += [next_step(o, self.asof) for o in agreements]
            parts += outcome_sentences(others, self.mentions, self.asof)
            paragraphs.append(" ".join(p for p in parts if p))
        return paragraphs

    def _what_came(self, engagement: Engagement, agreements: list[Outcome]) -> str:
        """`Later, on May 7, the Grant Agreement … was signed at a ceremony at …`."""
        main_start = self.main.start if self.main is not None else None
        earlier = main_start is not None and engagement.start < main_start
        when = "Earlier" if earlier else "Later"
        day = engagement.start.date()
        if main_start is not None and main_start.date() == day:
            when += " in the day"
        elif day != self.release_date:
            when += f", on {short_date(day)}"
        elif main_start is not None:
            # The main engagement was on another day: say which. What is told here is done,
            # so it happened "today", never "later today" (that is for what lies ahead).
            when = "Earlier today" if earlier else "Today"
        # Every clause here follows a time of its own (`Earlier`, `Today`...): a simple past.
        clauses = join([agreement_clause(o, self.asof, dated=True) for o in agreements])
        if clauses and engagement.kind is EngagementKind.SIGNING_CEREMONY:
            place = place_of(engagement, self.mentions)
            at = f" at {place}" if place else ""
            return sentence(f"{when}, {clauses} at a ceremony{at}")
        told = action(engagement, self.mentions, brief=True)
        did = told.told(False) if told is not None else "held a meeting"
        if told is not None and told.key == "meet":
            did = f"held talks at {told.what}"
        text = f"{when}, the delegation {did}"
        if clauses and told is not None and told.key in ("visit", "meet"):
            return sentence(f"{text}, where {clauses}")
        if clauses:
            return f"{sentence(text)} {sentence(f'On the occasion, {clauses}')}"
        return sentence(text)
