"""The rest of the programme in a release: what the delegation did, and what it will do.

Each engagement is told by what the delegation does at it (`visited NUST`, `held meetings with
the Ministry of Commerce`, `called on the Minister for Commerce`), in the past when it had taken
place by the release's date and announced (`will visit … on April 15`) when it had not.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from visitdesk.domain.enums import EngagementKind, Side
from visitdesk.domain.precedence import in_precedence
from visitdesk.services.press_release.grammar import (
    closed,
    join,
    lower_title_initial,
    with_indefinite,
)
from visitdesk.services.press_release.lexicon import COMMON_WORDS, MEAL_WORDS
from visitdesk.services.press_release.mentions import Mentions
from visitdesk.services.press_release.phrases import MEETINGS, VISITS
from visitdesk.services.press_release.wording import short_date, squash, upper_first

if TYPE_CHECKING:
    from visitdesk.domain.engagement import Engagement
    from visitdesk.domain.person import Person


@dataclass(frozen=True)
class Action:
    """`visited` / `visit` + `NUST`: one thing the delegation did or will do."""

    past: str
    base: str
    what: str
    key: str  # actions with the same key are merged: `visited COMSATS and NUST`
    ident: int = 0  # the organisation or person the action is on, listed once when merged

    def told(self, future: bool) -> str:
        return f"{self.base if future else self.past} {self.what}".strip()


def action(
    engagement: Engagement, mentions: Mentions, *, brief: bool = False, summary: bool = False
) -> Action | None:
    """What the delegation does at an engagement; None for transfers and the like.

    `brief` names an organisation rather than the person met; `summary` (of a whole visit)
    counts the talks at an office among the meetings, as releases do.
    """
    hosts = in_precedence(engagement.attendees_on(Side.HOST))
    kind = engagement.kind
    if kind is EngagementKind.COURTESY_CALL and hosts:
        who = mentions.again(hosts[0]) if brief else host_object(hosts[0], mentions)
        return Action("called on", "call on", who, "call", id(hosts[0]))
    if kind in MEETINGS and hosts and not brief:
        return Action("met", "meet", host_object(hosts[0], mentions), "met", id(hosts[0]))
    if kind is EngagementKind.MEAL:
        return Action("attended", "attend", _meal(engagement, mentions), engagement.ref)
    if kind is EngagementKind.TRANSFER:
        return None
    if kind is EngagementKind.OTHER:
        # Told by its title: `attended a business roundtable at LCCI`.
        title = lower_title_initial(squash(engagement.title), COMMON_WORDS)
        return (
            Action("attended", "attend", with_indefinite(title), engagement.ref) if title else None
        )
    # Named only now: naming an organisation marks it as mentioned.
    place = place_of(engagement, mentions)
    ident = id(engagement.organisation) if engagement.organisation is not None else 0
    if kind in VISITS or (kind is EngagementKind.OFFICE_VISIT and not summary):
        return Action("visited", "visit", place, "visit", ident) if place else None
    if kind in MEETINGS:
        if place:
            return Action("held meetings with", "hold meetings with", place, "meet", ident)
        return None
    if kind is EngagementKind.SIGNING_CEREMONY:
        return Action("attended", "attend", "a signing ceremony" + _at(place), "sign")
    if kind is EngagementKind.PRESS_EVENT:
        return Action("addressed", "address", "a press conference" + _at(place), "press")
    return None


def place_of(engagement: Engagement, mentions: Mentions) -> str:
    organisation = engagement.organisation
    if organisation is not None:
        return mentions.the(organisation)
    return squash(engagement.venue)


def host_object(person: Person, mentions: Mentions) -> str:
    return mentions.object(person)


def _at(place: str) -> str:
    return f" at {place}" if place else ""


def meal_word(engagement: Engagement) -> str:
    """`dinner`, `luncheon`, `reception` from the title; `meal` otherwise."""
    for word in squash(engagement.title).lower().split():
        if word in MEAL_WORDS:
            return word
    return "meal"


def _meal(engagement: Engagement, mentions: Mentions) -> str:
    """`a dinner hosted by the Minister for Commerce, Engr. X`."""
    word = meal_word(engagement)
    people = in_precedence(engagement.attendees_on(Side.HOST))
    if people:
        return f"{with_indefinite(word)} hosted by {host_object(people[0], mentions)}"
    return with_indefinite(word)


def merged(actions: Sequence[Action], future: bool) -> str:
    """`visited COMSATS and NUST and called on the Minister`: like actions share their verb."""
    groups: dict[str, list[Action]] = {}
    order = {"meet": 0, "call": 1, "met": 1, "visit": 2}
    for item in sorted(actions, key=lambda a: order.get(a.key, 3)):
        groups.setdefault(item.key, []).append(item)
    phrases = []
    several = False  # a list inside a phrase: the phrases are then set off by commas
    for group in groups.values():
        verb = group[0].base if future else group[0].past
        objects = list({(a.ident or a.what): a.what for a in group if a.what}.values())
        phrases.append(f"{verb} {join(objects)}".strip())
        several = several or len(objects) > 1
    if len(phrases) > 1 and several:
        return ", ".join(phrases[:-1]) + f", and {phrases[-1]}"
    return join(phrases)


def announced(
    ahead: Sequence[Engagement],
    mentions: Mentions,
    subject: str,
    today: date,
    signings: Mapping[int, str] | None = None,
) -> list[str]:
    """`The delegation will call on the Minister for Commerce on March 22 and visit NUST on
    March 23.` One sentence a day when a day has several engagements. `signings` names what
    is to be signed at a signing ceremony (by the engagement's id): `attend the signing of the
    Grant Agreement … at the Ministry …`."""

    def on(day: date) -> str:
        return "later today" if day == today else f"on {short_date(day)}"

    by_day: dict[date, list[Action]] = {}
    for engagement in ahead:
        told = action(engagement, mentions)
        signed = (signings or {}).get(id(engagement))
        if told is not None and signed and engagement.kind is EngagementKind.SIGNING_CEREMONY:
            place = told.what.removeprefix("a signing ceremony")
            told = Action("attended", "attend", f"the signing of {signed}{place}", told.key)
        if told is not None:
            by_day.setdefault(engagement.start.date(), []).append(told)
    if not by_day:
        return []
    if all(len(actions) == 1 for actions in by_day.values()):
        parts = [f"{closed(actions[0].told(True))} {on(day)}" for day, actions in by_day.items()]
        return [f"{upper_first(subject)} will {join(parts)}."]
    sentences = []
    for index, (day, actions) in enumerate(by_day.items()):
        who = subject if index == 0 else "it"
        sentences.append(f"{upper_first(on(day))}, {who} will {merged(actions, True)}.")
    return sentences


def occasion(engagement: Engagement, mentions: Mentions) -> str:
    """`the visit to COMSATS University Islamabad`, `the courtesy call on the Minister`, for a
    statement made at an engagement other than the release's main one."""
    kind = engagement.kind
    if kind in VISITS or kind is EngagementKind.OFFICE_VISIT:
        place = place_of(engagement, mentions)
        return f"the visit to {place}" if place else "the visit"
    if kind is EngagementKind.COURTESY_CALL:
        hosts = in_precedence(engagement.attendees_on(Side.HOST))
        if hosts:
            return f"the courtesy call on {mentions.again(hosts[0])}"
        return "the courtesy call"
    if kind in MEETINGS:
        place = place_of(engagement, mentions)
        return f"the meeting at {place}" if place else "the meeting"
    # Not told before in the release: introduced with `a`.
    if kind is EngagementKind.SIGNING_CEREMONY:
        return "a signing ceremony"
    if kind is EngagementKind.MEAL:
        return with_indefinite(meal_word(engagement))
    if kind is EngagementKind.PRESS_EVENT:
        return "a joint press conference"
    title = lower_title_initial(squash(engagement.title), COMMON_WORDS)
    return f"the {title}" if title else "another engagement"
