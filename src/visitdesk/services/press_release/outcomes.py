"""Outcomes in plain words: what was agreed, offered, directed or decided, and what comes next.

Outcome titles are typed by officers as noun phrases (`Memorandum of Understanding between…`)
or as instructions (`Consult SIPO in advance…`); the sentences here read well with either.
Dropped outcomes are never announced; owners and due dates are the office's business, not the
press's, so only the next step is told.
"""

from __future__ import annotations

from collections.abc import Sequence

from visitdesk.domain.engagement import Engagement
from visitdesk.domain.enums import OutcomeKind, OutcomeStatus, Side
from visitdesk.domain.outcome import Outcome
from visitdesk.domain.person import Person
from visitdesk.domain.precedence import in_precedence
from visitdesk.services.press_release.mentions import Mentions
from visitdesk.services.press_release.wording import (
    join,
    lower_first,
    sentence,
    squash,
    unquote,
    upper_first,
    with_article,
)

_AGREEMENT_STATUS = {
    OutcomeStatus.PROPOSED: "was proposed",
    OutcomeStatus.DRAFTED: "has been drafted",
    OutcomeStatus.INITIALLED: "was initialled",
    OutcomeStatus.SIGNED: "was signed",
    OutcomeStatus.IN_FORCE: "is now in force",
    OutcomeStatus.OPEN: "was discussed",
    OutcomeStatus.DONE: "was concluded",
}


def announced(outcomes: Sequence[Outcome]) -> list[Outcome]:
    return [o for o in outcomes if o.status is not OutcomeStatus.DROPPED and squash(o.title)]


def title_of(outcome: Outcome) -> str:
    return unquote(outcome.title).rstrip(".;:")


def next_step(outcome: Outcome) -> str:
    step = unquote(outcome.next_step or "").rstrip(".;:")
    return f"The next step is {lower_first(step)}." if step else ""


def agreement_clause(outcome: Outcome) -> str:
    """`the Memorandum of Understanding between IPO-Pakistan and SIPO was initialled`."""
    return f"{with_article(title_of(outcome), definite=True)} {_status(outcome)}"


def _status(outcome: Outcome) -> str:
    return _AGREEMENT_STATUS.get(outcome.status, "was discussed")


def issuer(engagement: Engagement | None) -> Person | None:
    """Who gives directions at an engagement: its most senior host-side attendee."""
    if engagement is None:
        return None
    hosts = in_precedence(engagement.attendees_on(Side.HOST))
    return hosts[0] if hosts else None


def outcome_sentences(outcomes: Sequence[Outcome], mentions: Mentions) -> list[str]:
    """One or more sentences for each kind of outcome, agreements first."""
    sentences: list[str] = []
    for outcome in (o for o in outcomes if o.kind is OutcomeKind.AGREEMENT):
        sentences.append(sentence(upper_first(agreement_clause(outcome))))
        sentences.append(next_step(outcome))
    offers = [o for o in outcomes if o.kind is OutcomeKind.OFFER]
    if offers:
        lead = "An offer was also made" if len(offers) == 1 else "Offers were also made"
        sentences.append(sentence(f"{lead}: {_list(offers)}"))
        sentences += [next_step(o) for o in offers]
    directives = [o for o in outcomes if o.kind is OutcomeKind.DIRECTIVE]
    for giver, group in _by_issuer(directives):
        owners = in_precedence({id(p): p for o in group if (p := o.owner)}.values())
        owners = [p for p in owners if p is not giver]
        to = f" to {join([mentions.title_first(p) for p in owners])}" if owners else ""
        noun = "direction" if len(group) == 1 else "directions"
        if giver is not None:
            who = mentions.title_first(giver)
            sentences.append(sentence(f"{who} gave the following {noun}{to}: {_list(group)}"))
        else:
            sentences.append(sentence(f"The following {noun} were given{to}: {_list(group)}"))
        sentences += [next_step(o) for o in group]
    decisions = [o for o in outcomes if o.kind is OutcomeKind.DECISION]
    if decisions:
        sentences.append(sentence(f"It was also decided: {_list(decisions)}"))
        sentences += [next_step(o) for o in decisions]
    actions = [o for o in outcomes if o.kind is OutcomeKind.ACTION]
    if actions:
        noun = "action was" if len(actions) == 1 else "actions were"
        sentences.append(sentence(f"The following follow-up {noun} agreed: {_list(actions)}"))
        sentences += [next_step(o) for o in actions]
    return [s for s in sentences if s]


def _list(outcomes: Sequence[Outcome]) -> str:
    items = [lower_first(title_of(o)) + (" (completed)" if _done(o) else "") for o in outcomes]
    if len(items) == 1:
        return items[0]
    return "; ".join(items[:-1]) + "; and " + items[-1]


def _done(outcome: Outcome) -> bool:
    return outcome.status is OutcomeStatus.DONE


def _by_issuer(outcomes: Sequence[Outcome]) -> list[tuple[Person | None, list[Outcome]]]:
    groups: dict[int, tuple[Person | None, list[Outcome]]] = {}
    for outcome in outcomes:
        giver = issuer(outcome.engagement)
        groups.setdefault(id(giver), (giver, []))[1].append(outcome)
    return list(groups.values())
