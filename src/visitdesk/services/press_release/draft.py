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

from visitdesk.domain.engagement import Engagement
from visitdesk.domain.enums import EngagementKind, OutcomeKind, Side, StatementRole, StatementStyle
from visitdesk.domain.lifecycle import AGREEMENT_STEPS
from visitdesk.domain.office import Office
from visitdesk.domain.organisation import Organisation
from visitdesk.domain.outcome import Outcome
from visitdesk.domain.person import Person
from visitdesk.domain.precedence import in_precedence
from visitdesk.domain.statement import Statement
from visitdesk.domain.visit import Visit
from visitdesk.services.press_release.grammar import be_past, closed, join, with_indefinite
from visitdesk.services.press_release.mentions import Mentions, pronoun
from visitdesk.services.press_release.outcomes import (
    agreement_clause,
    expected,
    live,
    next_step,
    outcome_sentences,
    title_of,
)
from visitdesk.services.press_release.phrases import VISITS
from visitdesk.services.press_release.programme import (
    Action,
    action,
    announced,
    host_object,
    meal_word,
    merged,
    occasion,
    place_of,
)
from visitdesk.services.press_release.tense import AsOf, as_of
from visitdesk.services.press_release.wording import (
    days_phrase,
    lower_first,
    sentence,
    short_date,
    squash,
    unquote,
    upper_first,
)

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


class _Drafter:
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
            furthest = max(agreements, key=lambda o: _STEP.get(self.asof.status(o), -1))  # type: ignore[arg-type]
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

    # The first paragraph.

    def _delegation(self) -> str:
        """`a high level Chinese delegation led by Dr. HE Zhimin, Deputy Commissioner of …`, or
        `a delegation of the State Intellectual Property Office led by its Deputy Commissioner,
        Dr. HE Zhimin` (the organisation just named is not named again in the title)."""
        description = squash(self.visit.delegation_description)
        guest = self.visit.guest_organisation
        leader = self.leader
        if description:
            phrase = with_indefinite(description)
        elif guest is not None:
            phrase = f"a delegation of {self.mentions.the(guest)}"
        else:
            phrase = "a visiting delegation"
        if leader is None:
            return phrase
        own = not description and guest is not None and leader.organisation is guest
        if own and not self.mentions.named(leader) and squash(leader.position):
            self.mentions.name_first(leader)  # named now
            position = squash(leader.position)
            return f"{phrase} led by its {position}, {leader.display_name}"
        return f"{phrase} led by {self.mentions.name_first(leader)}"

    def _subject_delegation(self) -> str:
        """The delegation as a sentence's subject: an appositive title is closed by a comma
        (`… led by Dr. HE Zhimin, Deputy Commissioner of SIPO, called on …`)."""
        phrase = upper_first(self._delegation())
        return f"{phrase}," if re.search(r" led by [^,]+, .+$", phrase) else phrase

    def _opening(self) -> str:
        engagement = self.main
        if engagement is None:
            return self._announce_visit() if self.ahead else self._visited()
        quoted = self.lead or self.headline
        when = self._on(engagement)
        # Each phrase is built in reading order, so that names are given in full where they
        # first appear.
        hosts = in_precedence(engagement.attendees_on(Side.HOST))
        if quoted is not None:
            speaker = quoted.speaker
            if speaker is not None and speaker is self.leader:
                first = self._said_by_leader(speaker, engagement, when)
            else:
                if speaker is not None:
                    who = f"This was said by {self.mentions.title_first(speaker)}"
                else:
                    who = "This was stated jointly by the two sides"
                first = f"{closed(f'{who} {self._with_delegation(engagement)}', when)}{when}."
        elif hosts and engagement.kind is EngagementKind.COURTESY_CALL:
            delegation = self._subject_delegation()
            called = f"{delegation} called on {host_object(hosts[0], self.mentions)}"
            first = f"{closed(called, when)}{when}."
        elif hosts and engagement.kind is EngagementKind.MEAL:
            host = upper_first(self.mentions.title_first(hosts[0]))
            meal = with_indefinite(meal_word(engagement))
            hosted = f"{host} hosted {meal} in honour of {self._delegation()}"
            first = f"{closed(hosted, when)}{when}."
        elif hosts:
            host = upper_first(self.mentions.title_first(hosts[0]))
            delegation = self._delegation()
            place = self._place(engagement, hosts[0])
            first = f"{closed(f'{host} received {delegation}{place}', when)}{when}."
        else:
            told = action(engagement, self.mentions)
            delegation = self._subject_delegation()
            did = told.told(False) if told is not None else f"visited {self._host_place()}"
            first = f"{closed(f'{delegation} {did}', when)}{when}."
        return " ".join(p for p in (first, self._present(engagement)) if p)

    def _with_delegation(self, engagement: Engagement) -> str:
        """`in a meeting with a … delegation`, `during a courtesy call by a … delegation`."""
        kind = engagement.kind
        if kind is EngagementKind.COURTESY_CALL:
            return f"during a courtesy call by {self._delegation()}"
        if kind is EngagementKind.SIGNING_CEREMONY:
            return f"at a signing ceremony with {self._delegation()}"
        if kind is EngagementKind.MEAL:
            meal = with_indefinite(meal_word(engagement))
            return f"at {meal} in honour of {self._delegation()}"
        if kind is EngagementKind.PRESS_EVENT:
            return f"at a joint press conference with {self._delegation()}"
        if kind in VISITS and engagement.organisation is not None:
            delegation = self._delegation()
            return f"during a visit by {delegation} to {self.mentions.the(engagement.organisation)}"
        return f"in a meeting with {self._delegation()}"

    def _said_by_leader(self, leader: Person, engagement: Engagement, when: str) -> str:
        """`This was said by H.E. X, President of …, leading a Japanese delegation, in a meeting
        with Foreign Minister, Ms. Y.` The guest side spoke, so the host is named as met."""
        name = self.mentions.name_first(leader)
        self.leader = None  # the delegation phrase must not repeat `led by` the same person
        delegation = self._delegation()
        self.leader = leader
        hosts = in_precedence(engagement.attendees_on(Side.HOST))
        kind = engagement.kind
        if kind is EngagementKind.COURTESY_CALL and hosts:
            where = f"during a courtesy call on {host_object(hosts[0], self.mentions)}"
        elif kind in VISITS and engagement.organisation is not None:
            where = f"during a visit to {self.mentions.the(engagement.organisation)}"
        else:
            met = f" with {host_object(hosts[0], self.mentions)}" if hosts else ""
            where = {
                EngagementKind.SIGNING_CEREMONY: "at a signing ceremony",
                EngagementKind.MEAL: f"at {with_indefinite(meal_word(engagement))}",
                EngagementKind.PRESS_EVENT: "at a joint press conference",
            }.get(kind, "in a meeting") + met
        said = f"This was said by {name}, leading {delegation}, {where}"
        return f"{closed(said, when)}{when}."

    def _place(self, engagement: Engagement, host: Person) -> str:
        """` at NUST`; nothing when the host's own title already says where."""
        organisation = engagement.organisation
        if organisation is None or organisation is host.organisation:
            return ""
        return f" at {self.mentions.the(organisation)}"

    def _host_place(self) -> str:
        """Whom or where a delegation visits when no engagement says so."""
        organisation = self.visit.host_organisation
        if organisation is not None:
            return self.mentions.the(organisation)
        if self.office is not None and squash(self.office.name):
            return squash(self.office.name)
        return squash(self.visit.city) or "the country"

    def _visited(self) -> str:
        delegation = self._subject_delegation()
        place = squash(self.visit.city) or self._host_place()
        return f"{delegation} visited {place}{self._dates()}."

    def _announce_visit(self) -> str:
        """Before the visit: `A … delegation led by … will visit Islamabad from May 6 to 8.`"""
        delegation = self._subject_delegation()
        place = squash(self.visit.city) or self._host_place()
        return f"{delegation} will visit {place}{self._dates()}."

    def _on(self, engagement: Engagement) -> str:
        if engagement.start.date() == self.release_date:
            return ""
        return f" on {short_date(engagement.start.date())}"

    def _dates(self) -> str:
        start, end = self.visit.start_date, self.visit.end_date
        if start == end:
            return f" on {short_date(start)}"
        if start.month == end.month and start.year == end.year:
            return f" from {short_date(start)} to {end.day}"
        return f" from {short_date(start)} to {short_date(end)}"

    def _present(self, engagement: Engagement) -> str:
        """`Secretary Commerce Mr. Azmat Ali Ranjha and … were also present in the meeting.`"""
        hosts = [
            p
            for p in in_precedence(engagement.attendees_on(Side.HOST))
            if not self.mentions.named(p)
        ]
        if not hosts:
            return ""
        names = join([self.mentions.title_then_name(p) for p in hosts])
        if "," in self.mentions.title(hosts[-1]):
            names += ","  # `…, Director General, Academics, HEC, was also present`
        where = "in the meeting"
        if engagement.kind not in (EngagementKind.MINISTRY_MEETING, EngagementKind.OFFICE_VISIT):
            where = "on the occasion"
        return f"{names} {be_past(len(hosts) > 1)} also present {where}."

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
        return f"During {occasion(engagement, self.mentions)}{self._on(engagement)}"

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
        """`Later, on May 7, the Grant Agreement … was signed at a signing ceremony at …`."""
        main_start = self.main.start if self.main is not None else None
        earlier = main_start is not None and engagement.start < main_start
        when = "Earlier" if earlier else "Later"
        if engagement.start.date() != self.release_date:
            when += f", on {short_date(engagement.start.date())}"
        clauses = join([agreement_clause(o, self.asof) for o in agreements])
        if clauses and engagement.kind is EngagementKind.SIGNING_CEREMONY:
            place = place_of(engagement, self.mentions)
            at = f" at {place}" if place else ""
            return sentence(f"{when}, {clauses} at a signing ceremony{at}")
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

    def _summary(self) -> str:
        """`During the two-day visit, the delegation held meetings with … and visited …`; while
        the visit goes on, what else the delegation has done so far."""
        if not self.ahead:
            if len(self.visit.engagements) < 2:
                return ""
            actions = self._brief_actions(self.visit.engagements)
            if not actions:
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
        subject = "the delegation"
        sentences = announced(self.ahead, self.mentions, subject, self.release_date)
        for engagement in self.ahead:
            for outcome in self.visit.outcomes:
                if outcome.engagement is engagement:
                    sentences.append(expected(outcome, engagement))
        return " ".join(s for s in sentences if s)
