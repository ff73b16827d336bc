"""Draft a press release from what the officer recorded about a visit.

The shape is that of the office's own releases (shared/seed/press-release-PR211.txt): a headline
and a lead quote; a first paragraph that says who said it, where, to which delegation, and who
else was present; a paragraph for each further statement for the press, in reported speech, in
the order recorded; the outcomes; the other engagements where something came of the visit; and
a closing summary of the whole programme. Only statements marked for the press are used.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from visitdesk.domain.engagement import Engagement
from visitdesk.domain.enums import (
    EngagementKind,
    OutcomeKind,
    OutcomeStatus,
    Side,
    StatementRole,
    StatementStyle,
)
from visitdesk.domain.lifecycle import AGREEMENT_STEPS
from visitdesk.domain.office import Office
from visitdesk.domain.organisation import Organisation
from visitdesk.domain.outcome import Outcome
from visitdesk.domain.person import Person
from visitdesk.domain.precedence import in_precedence
from visitdesk.domain.statement import Statement
from visitdesk.domain.visit import Visit
from visitdesk.services.press_release.mentions import Mentions
from visitdesk.services.press_release.outcomes import (
    agreement_clause,
    announced,
    next_step,
    outcome_sentences,
    title_of,
)
from visitdesk.services.press_release.phrases import AT, MEETINGS, OCCASION, TITLE_NOUNS, VISITS
from visitdesk.services.press_release.wording import (
    days_phrase,
    join,
    lower_first,
    sentence,
    short_date,
    squash,
    unquote,
    upper_first,
    with_article,
)

# The topic column holds this much (PressRelease.topic).
TOPIC_LENGTH = 300
_STEP = {status: index for index, status in enumerate(AGREEMENT_STEPS)}
_UNSIGNED = frozenset({OutcomeStatus.PROPOSED, OutcomeStatus.DRAFTED, OutcomeStatus.INITIALLED})


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
    visit: Visit, office: Office | None = None, on: date | None = None
) -> PressReleaseDraft:
    """The release a media officer would write from this visit's record.

    `on` is the release's date when it is already known (a numbered record keeps its date);
    an engagement on another day is then dated in the text.
    """
    return _Drafter(visit, office, on).draft()


class _Drafter:
    def __init__(self, visit: Visit, office: Office | None, on: date | None) -> None:
        self.visit = visit
        self.office = office
        self.mentions = Mentions()
        self.press = [s for s in visit.statements if s.for_press and squash(s.text)]
        self.headline = next((s for s in self.press if s.role is StatementRole.HEADLINE), None)
        self.lead = next((s for s in self.press if s.role is StatementRole.LEAD_QUOTE), None)
        quoted = self.lead or self.headline
        self.main = self._main_engagement(quoted)
        self.outcomes = announced(visit.outcomes)
        self.leader = visit.leader
        default = self.main.start.date() if self.main is not None else visit.end_date
        self.release_date = on or default

    def _main_engagement(self, quoted: Statement | None) -> Engagement | None:
        if quoted is not None and quoted.engagement is not None:
            return quoted.engagement
        for statement in self.press:
            if statement.engagement is not None:
                return statement.engagement
        engagements = self.visit.engagements
        with_hosts = [e for e in engagements if e.attendees_on(Side.HOST)]
        candidates = with_hosts or engagements
        return candidates[0] if candidates else None

    def draft(self) -> PressReleaseDraft:
        paragraphs = [self._opening()]
        paragraphs += self._statements()
        main_outcomes = [o for o in self.outcomes if not self._elsewhere(o)]
        outcome_text = " ".join(outcome_sentences(main_outcomes, self.mentions))
        if outcome_text:
            paragraphs.append(outcome_text)
        paragraphs += self._other_engagements()
        paragraphs.append(self._summary())
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
            furthest = max(agreements, key=lambda o: _STEP.get(o.status, -1))
            title = title_of(furthest).replace("Memorandum of Understanding", "MoU")
            if furthest.status in _UNSIGNED:
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

    # The first paragraph.

    def _delegation(self) -> str:
        """`a high level Chinese delegation led by Dr. HE Zhimin, Deputy Commissioner …`."""
        description = squash(self.visit.delegation_description)
        guest = self.visit.guest_organisation
        if description:
            phrase = with_article(description)
        elif guest is not None:
            phrase = f"a delegation of {_the(self.mentions.organisation(guest))}"
        else:
            phrase = "a visiting delegation"
        if self.leader is not None:
            phrase += f" led by {self.mentions.name_first(self.leader)}"
        return phrase

    def _opening(self) -> str:
        quoted = self.lead or self.headline
        engagement = self.main
        when = self._on(engagement)
        # Each phrase is built in reading order, so that names are given in full where they
        # first appear.
        if quoted is not None:
            speaker = quoted.speaker
            if speaker is not None and speaker is self.leader:
                first = self._said_by_leader(speaker, engagement, when)
            else:
                if speaker is not None:
                    who = f"This was said by {self.mentions.title_first(speaker)}"
                else:
                    who = "This was stated jointly by the two sides"
                where = self._at(engagement)
                linked = where if engagement is None else f"{where} with"
                first = f"{who} {linked} {self._delegation()}{when}."
        else:
            hosts = in_precedence(engagement.attendees_on(Side.HOST)) if engagement else []
            if hosts:
                host = upper_first(self.mentions.title_first(hosts[0]))
                delegation = self._delegation()
                first = f"{host} received {delegation} {self._at(engagement)}{when}."
            else:
                delegation = upper_first(self._delegation())
                first = f"{delegation} visited {self._host_place(engagement)}{self._dates()}."
        return " ".join(p for p in (first, self._present(engagement, quoted)) if p)

    def _said_by_leader(self, leader: Person, engagement: Engagement | None, when: str) -> str:
        """`This was said by H.E. X, President …, leading a Japanese delegation, in a meeting
        with Foreign Minister, Ms. Y.` The guest side spoke, so the host is named as met."""
        name = self.mentions.name_first(leader)
        self.leader = None  # the delegation phrase must not repeat `led by` the same person
        delegation = self._delegation()
        where = self._at(engagement)
        hosts = in_precedence(engagement.attendees_on(Side.HOST)) if engagement else []
        met = f" with {self.mentions.title_first(hosts[0])}" if hosts else ""
        self.leader = leader
        if engagement is None:
            return f"This was said by {name}, leading {delegation}, during the visit{when}."
        return f"This was said by {name}, leading {delegation}, {where}{met}{when}."

    def _host_place(self, engagement: Engagement | None) -> str:
        """Whom or where a delegation visited when no host is recorded at an engagement."""
        for organisation in (
            self.visit.host_organisation,
            engagement.organisation if engagement is not None else None,
        ):
            if organisation is not None:
                return _the(self.mentions.organisation(organisation))
        if self.office is not None and squash(self.office.name):
            return _the(squash(self.office.name))
        return squash(self.visit.city) or "the country"

    def _at(self, engagement: Engagement | None) -> str:
        if engagement is None:
            return "during the visit of"
        if engagement.kind in VISITS and engagement.organisation is not None:
            return f"during a visit to {self.mentions.organisation(engagement.organisation)}"
        return AT.get(engagement.kind, "in a meeting")

    def _on(self, engagement: Engagement | None) -> str:
        if engagement is None or engagement.start.date() == self.release_date:
            return ""
        return f" on {short_date(engagement.start.date())}"

    def _dates(self) -> str:
        start, end = self.visit.start_date, self.visit.end_date
        if start == end:
            return f" on {short_date(start)}"
        if start.month == end.month:
            return f" from {short_date(start)} to {end.day}"
        return f" from {short_date(start)} to {short_date(end)}"

    def _present(self, engagement: Engagement | None, quoted: Statement | None) -> str:
        """`Secretary Commerce Mr. Azmat Ali Ranjha and … were also present in the meeting.`"""
        if engagement is None:
            return ""
        already = {id(p) for p in engagement.attendees_on(Side.HOST) if self.mentions.named(p)}
        hosts = [
            p for p in in_precedence(engagement.attendees_on(Side.HOST)) if id(p) not in already
        ]
        if not hosts:
            return ""
        names = join([self.mentions.title_then_name(p) for p in hosts])
        verb = "was" if len(hosts) == 1 else "were"
        where = OCCASION.get(engagement.kind, "in the meeting")
        if engagement.kind in VISITS:
            where = "on the occasion"
        return f"{names} {verb} also present {where}."

    # Statements for the press, in the order recorded.

    def _statements(self) -> list[str]:
        rest = [s for s in self.press if s is not self.headline and s is not self.lead]
        paragraphs: list[str] = []
        group: list[Statement] = []
        for statement in rest:
            if group and (
                statement.speaker is not group[-1].speaker
                or statement.engagement is not group[-1].engagement
            ):
                paragraphs.append(self._paragraph(group))
                group = []
            group.append(statement)
        if group:
            paragraphs.append(self._paragraph(group))
        return paragraphs

    def _paragraph(self, group: list[Statement]) -> str:
        sentences = []
        for index, statement in enumerate(group):
            verb = "said" if index == 0 else "added"
            speaker = statement.speaker
            if speaker is None:
                subject = "In a joint statement, the two sides" if index == 0 else "They"
            else:
                subject = self.mentions.title_first(speaker) if index == 0 else speaker.short_name
            text = unquote(statement.text)
            if statement.style is StatementStyle.DIRECT:
                sentences.append(f"{subject} {verb}, “{sentence(text)}”")
            else:
                sentences.append(sentence(f"{subject} {verb} that {lower_first(text)}"))
        context = self._context(group[0].engagement)
        first = sentences[0]
        if context:
            first = f"{context}, {first}"
        return " ".join([first, *sentences[1:]])

    def _context(self, engagement: Engagement | None) -> str:
        """`During the visit to COMSATS on March 21` for a statement made elsewhere."""
        if engagement is None or engagement is self.main:
            return ""
        title = squash(engagement.title)
        first_word = title.split(" ", 1)[0].lower() if title else ""
        if first_word in TITLE_NOUNS:
            title = title[0].lower() + title[1:]
        occasion = f"the {title}" if title else "another engagement"
        return f"During {occasion} on {short_date(engagement.start.date())}"

    # Other engagements, and the close.

    def _elsewhere(self, outcome: Outcome) -> bool:
        return outcome.engagement is not None and outcome.engagement is not self.main

    def _other_engagements(self) -> list[str]:
        """`Earlier, the delegation visited IPO-Pakistan, where the draft MoU was initialled.`"""
        paragraphs = []
        main_start = self.main.start if self.main is not None else None
        for engagement in self.visit.engagements:
            results = [o for o in self.outcomes if o.engagement is engagement]
            if engagement is self.main or not results:
                continue
            when = (
                "Earlier" if main_start is not None and engagement.start < main_start else "Later"
            )
            if main_start is None or engagement.start.date() != main_start.date():
                when += f" on {short_date(engagement.start.date())}"
            did = self._did(engagement)
            agreements = [agreement_clause(o) for o in results if o.kind is OutcomeKind.AGREEMENT]
            others = [o for o in results if o.kind is not OutcomeKind.AGREEMENT]
            text = f"{when}, the delegation {did}"
            if agreements:
                text += f", where {join(agreements)}"
            parts = [sentence(text)]
            parts += [next_step(o) for o in results if o.kind is OutcomeKind.AGREEMENT]
            parts += outcome_sentences(others, self.mentions)
            paragraphs.append(" ".join(p for p in parts if p))
        return paragraphs

    def _did(self, engagement: Engagement) -> str:
        organisation = engagement.organisation
        place = self.mentions.organisation(organisation) if organisation is not None else ""
        place = place or squash(engagement.venue)
        if engagement.kind in VISITS or engagement.kind is EngagementKind.OFFICE_VISIT:
            return f"visited {place}" if place else f"attended the {lower_first(engagement.title)}"
        if engagement.kind in MEETINGS:
            return f"held a meeting at {place}" if place else "held a meeting"
        title = squash(engagement.title)
        return f"attended the {title[0].lower() + title[1:]}" if title else "held a meeting"

    def _summary(self) -> str:
        """`During the two-day visit, the delegation held meetings with … and visited …`."""
        engagements = self.visit.engagements
        if len(engagements) < 2:
            return ""
        met = self._organisations(e for e in engagements if e.kind in MEETINGS)
        visited = self._organisations(e for e in engagements if e.kind in VISITS)
        actions = []
        if met:
            actions.append(f"held meetings with {join(met)}")
        if visited:
            actions.append(f"visited {join(visited)}")
        if not actions:
            return ""
        cities = _unique(squash(e.city) for e in engagements if squash(e.city))
        where = f" in {join(cities)}" if len(cities) > 1 else ""
        span = days_phrase(self.visit.start_date, self.visit.end_date)
        return f"During {span}{where}, the delegation {', and '.join(actions)}."

    def _organisations(self, engagements: Iterable[Engagement]) -> list[str]:
        """Each organisation once, in programme order, named as the release names it."""
        seen: dict[int, Organisation] = {}
        for engagement in engagements:
            if engagement.organisation is not None:
                seen.setdefault(id(engagement.organisation), engagement.organisation)
        return [self.mentions.organisation(o) for o in seen.values()]


def _the(name: str) -> str:
    """`the Ministry of Commerce (MoC)`, but `JICA` and `IPO-Pakistan` stand alone."""
    return with_article(name, definite=True) if " " in name else name


def _unique(items: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(i for i in items if i))
