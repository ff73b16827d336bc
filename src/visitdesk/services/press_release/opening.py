"""The first paragraph of a release: who said it, or who received whom, where and when, and
who else was present; or, before anything has happened, the visit announced."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from visitdesk.domain.enums import EngagementKind, Side
from visitdesk.domain.precedence import in_precedence
from visitdesk.services.press_release.grammar import (
    be_past,
    closed,
    is_plural,
    join,
    with_indefinite,
)
from visitdesk.services.press_release.phrases import VISITS
from visitdesk.services.press_release.programme import (
    action,
    host_object,
    meal_word,
)
from visitdesk.services.press_release.state import DraftState
from visitdesk.services.press_release.wording import (
    days_phrase,
    short_date,
    squash,
    upper_first,
)

if TYPE_CHECKING:
    from visitdesk.domain.engagement import Engagement
    from visitdesk.domain.person import Person


class Opening(DraftState):
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
        if self.visit.start_date == self.release_date:
            # The visit begins today: `… arrives in Islamabad today on a three-day visit.`
            span = days_phrase(self.visit.start_date, self.visit.end_date)
            visit = span.replace("the ", "a ", 1)
            verb = "arrive" if is_plural(self.visit.delegation_description or "") else "arrives"
            return f"{delegation} {verb} in {place} today on {visit}."
        return f"{delegation} will visit {place}{self._dates()}."

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
