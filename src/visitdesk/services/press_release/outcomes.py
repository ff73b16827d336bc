"""Outcomes in plain sentences: what was agreed, offered, directed or decided, and what comes next.

Outcome titles are typed by officers as noun phrases (`Memorandum of Understanding between…`,
`Two-year Masters in Law programme offered by SIPO to IPO-Pakistan employees`) or as
instructions (`Consult SIPO in advance…`); each is turned into a sentence with one subject:
`SIPO offered a two-year Master's in Law programme to IPO-Pakistan employees.`, `The Minister
directed Mr. Ranjha to consult SIPO …`. Dropped outcomes are never told; owners and due dates
are the office's business, not the press's. Everything is told as of the release's date.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from visitdesk.domain.enums import EngagementKind, OutcomeKind, OutcomeStatus, Side
from visitdesk.domain.precedence import in_precedence
from visitdesk.services.press_release.grammar import (
    be_past,
    closed,
    fix_degrees,
    is_imperative,
    is_plural,
    join,
    lower_title_initial,
    with_definite,
    with_indefinite,
)
from visitdesk.services.press_release.lexicon import COMMON_WORDS
from visitdesk.services.press_release.mentions import Mentions, pronoun
from visitdesk.services.press_release.tense import AsOf
from visitdesk.services.press_release.wording import (
    sentence,
    short_date,
    squash,
    unquote,
    upper_first,
)

if TYPE_CHECKING:
    from visitdesk.domain.engagement import Engagement
    from visitdesk.domain.outcome import Outcome
    from visitdesk.domain.person import Person

_AGREEMENT_STATUS = {
    OutcomeStatus.PROPOSED: "was proposed",
    OutcomeStatus.DRAFTED: "has been drafted",
    OutcomeStatus.INITIALLED: "was initialled",
    OutcomeStatus.SIGNED: "was signed",
    OutcomeStatus.IN_FORCE: "is now in force",
}
_PLURAL_AUXILIARY = {"was": "were", "has": "have", "is": "are"}
_SIGNED = frozenset({OutcomeStatus.SIGNED, OutcomeStatus.IN_FORCE})
# Nouns of a next step and the participle that tells it: `formal signature` → `formally signed`.
_DEVERBAL = {
    "signature": "signed",
    "signing": "signed",
    "approval": "approved",
    "ratification": "ratified",
    "review": "reviewed",
    "vetting": "vetted",
    "finalisation": "finalised",
    "finalization": "finalized",
    "adoption": "adopted",
    "endorsement": "endorsed",
    "submission": "submitted",
    "notification": "notified",
    "implementation": "implemented",
    "translation": "translated",
    "consideration": "considered",
    "execution": "executed",
}
_OFFERED = re.compile(r"^(?P<what>.+?)\s+offered(?:\s+by\s+(?P<by>.+?))?(?:\s+to\s+(?P<to>.+))?$")


def live(outcomes: Sequence[Outcome], asof: AsOf) -> list[Outcome]:
    """The outcomes not dropped by the release's date (the caller keeps those of engagements
    held by then)."""
    kept = []
    for outcome in outcomes:
        status = asof.status(outcome)
        if status is OutcomeStatus.DROPPED or not squash(outcome.title):
            continue
        kept.append(outcome)
    return kept


def title_of(outcome: Outcome) -> str:
    return fix_degrees(unquote(outcome.title).rstrip(".;:"))


def phrase_of(outcome: Outcome) -> str:
    """The title set inside a sentence: `two-year Master's in Law programme …`."""
    return lower_title_initial(title_of(outcome), COMMON_WORDS)


def agreement_clause(outcome: Outcome, asof: AsOf, *, dated: bool = False) -> str:
    """`the Memorandum of Understanding between IPO-Pakistan and SIPO was initialled`.

    `dated`: the clause is told with its day (`Later, on May 7, …`), which the present perfect
    cannot take: `has been drafted` becomes `was drafted`.
    """
    status = asof.status(outcome)
    told = _AGREEMENT_STATUS.get(status, "was discussed")
    if dated:
        told = told.replace("has been", "was", 1)
    if is_plural(phrase_of(outcome)):
        auxiliary, rest = told.split(" ", 1)
        told = f"{_PLURAL_AUXILIARY.get(auxiliary, auxiliary)} {rest}"
    return f"{with_definite(phrase_of(outcome))} {told}"


def next_step(outcome: Outcome, asof: AsOf, subject: str | None = None) -> str:
    """`It will be formally signed after approval of the Cabinet.` from `Formal signature
    after approval of the Cabinet`; a step typed as an instruction: `The next step is to …`.

    A next step recorded for a later status than the release's date knows is not told.
    """
    step = unquote(outcome.next_step or "").rstrip(".;:")
    if not step or not asof.current(outcome):
        return ""
    if subject is None:
        subject = "They" if is_plural(phrase_of(outcome)) else "It"
    tokens = step.split()
    adverb = ""
    if len(tokens) > 1 and tokens[0].lower().endswith("al") and tokens[1].lower() in _DEVERBAL:
        adverb = tokens[0].lower() + "ly "
        tokens = tokens[1:]
    participle = _DEVERBAL.get(tokens[0].lower())
    if participle is not None:
        rest = tokens[1:]
        if rest[:1] == ["of"]:  # `signature of the MoU`: the subject already says which
            rest = rest[1:]
            while rest and rest[0].lower() not in ("after", "by", "before", "in", "at", "on"):
                rest = rest[1:]
        tail = f" {' '.join(rest)}" if rest else ""
        return f"{subject} will be {adverb}{participle}{tail}."
    if is_imperative(step):
        return f"The next step is to {lower_title_initial(step, COMMON_WORDS)}."
    return f"{subject} will now go forward for {lower_title_initial(step, COMMON_WORDS)}."


def expected(outcome: Outcome, engagement: Engagement) -> str:
    """An agreement to be signed at a later engagement: `The MoU … is expected to be signed on
    April 15.`, when the programme or the record says it will be signed there."""
    if outcome.kind is not OutcomeKind.AGREEMENT:
        return ""
    if engagement.kind is not EngagementKind.SIGNING_CEREMONY and outcome.status not in _SIGNED:
        return ""
    subject = upper_first(with_definite(phrase_of(outcome)))
    when = short_date(engagement.start.date())
    verb = "are" if is_plural(phrase_of(outcome)) else "is"
    return f"{subject} {verb} expected to be signed on {when}."


def issuer(engagement: Engagement | None) -> Person | None:
    """Who gives directions at an engagement: its most senior host-side attendee."""
    if engagement is None:
        return None
    hosts = in_precedence(engagement.attendees_on(Side.HOST))
    return hosts[0] if hosts else None


def outcome_sentences(outcomes: Sequence[Outcome], mentions: Mentions, asof: AsOf) -> list[str]:
    """Sentences for outcomes of engagements already held: agreements, offers, directives,
    decisions, then actions."""
    sentences: list[str] = []
    for outcome in (o for o in outcomes if o.kind is OutcomeKind.AGREEMENT):
        sentences.append(sentence(upper_first(agreement_clause(outcome, asof))))
        sentences.append(next_step(outcome, asof))
    sentences += _offers([o for o in outcomes if o.kind is OutcomeKind.OFFER], mentions)
    directives = [o for o in outcomes if o.kind is OutcomeKind.DIRECTIVE]
    for giver, group in _by_issuer(directives):
        sentences += _directives(giver, group, mentions)
    agreed = []
    for kind, verb in ((OutcomeKind.DECISION, "decided"), (OutcomeKind.ACTION, "agreed")):
        for outcome in (o for o in outcomes if o.kind is kind):
            phrase = phrase_of(outcome)
            if is_imperative(phrase):
                agreed.append(f"{verb} to {phrase}")
            else:  # a thing, not a deed: what the two sides agreed on
                agreed.append(f"agreed on {with_indefinite(phrase)}")
    if agreed:
        # One subject for all that the two sides decided and agreed.
        also = " also" if sentences else ""
        sentences.append(sentence(f"The two sides{also} {join(agreed)}"))
    return [s for s in sentences if s]


def _offers(offers: Sequence[Outcome], mentions: Mentions) -> list[str]:
    """`SIPO offered a two-year Master's in Law programme to IPO-Pakistan employees.`"""
    sentences = []
    previous = ""
    for outcome in offers:
        phrase = phrase_of(outcome)
        match = _OFFERED.match(phrase)
        what, by, to = phrase, "", ""
        if match is not None:
            what, by, to = match.group("what"), match.group("by") or "", match.group("to") or ""
        thing = with_indefinite(what)
        recipient = f" to {to}" if to else ""
        if by:
            also = " also" if by == previous else ""
            sentences.append(sentence(f"{upper_first(by)}{also} offered {thing}{recipient}"))
        else:
            verb = be_past(is_plural(what))
            sentences.append(sentence(f"{upper_first(thing)} {verb} also offered{recipient}"))
        previous = by
    return sentences


def _directives(giver: Person | None, group: Sequence[Outcome], mentions: Mentions) -> list[str]:
    """`The Minister directed Mr. Ranjha to consult …. He further instructed Mr. Rashid to work
    on ….` An instruction is told as one; a noun phrase as what to work on."""
    sentences = []
    last_owners: list[int] | None = None
    for index, outcome in enumerate(group):
        phrase = phrase_of(outcome)
        owner = outcome.owner if outcome.owner is not giver else None
        owners = [owner] if owner is not None else []
        ids = [id(p) for p in owners]
        if not owners:
            whom = "the officials concerned"
        elif ids == last_owners and pronoun_object(owners):
            whom = pronoun_object(owners) or ""
        else:
            whom = join([_object(p, mentions) for p in owners])
        last_owners = ids
        if index == 0:
            subject = _subject(giver, mentions)
            told = "directed"
        else:
            subject = _again(giver, mentions)
            told = "further instructed" if index == 1 else "also instructed"
        task = phrase if is_imperative(phrase) else f"work on {phrase}"
        if giver is None:
            # Nobody recorded as giving it: told in the passive, the one directed as subject.
            verb = "were" if not owners or whom == "them" else "was"
            who = whom.rstrip(",")
            sentences.append(sentence(f"{upper_first(who)} {verb} directed to {task}"))
            continue
        sentences.append(sentence(f"{upper_first(subject)} {told} {whom} to {task}"))
    return sentences


def _subject(giver: Person | None, mentions: Mentions) -> str:
    return mentions.title_first(giver) if giver is not None else ""


def _again(giver: Person | None, mentions: Mentions) -> str:
    if giver is None:
        return ""
    return pronoun(giver) or mentions.again(giver)


def _object(person: Person, mentions: Mentions) -> str:
    """`the President of the Lahore Chamber … (LCCI), Mr. Kashif Butt,` before `to …`."""
    return closed(mentions.object(person))


def pronoun_object(people: Sequence[Person]) -> str | None:
    """`them` for several, `him` or `her` when the honorific says so; None: name them again."""
    if len(people) != 1:
        return "them"
    return {"he": "him", "she": "her"}.get(pronoun(people[0]) or "")


def _by_issuer(outcomes: Sequence[Outcome]) -> list[tuple[Person | None, list[Outcome]]]:
    groups: dict[int, tuple[Person | None, list[Outcome]]] = {}
    for outcome in outcomes:
        giver = issuer(outcome.engagement)
        groups.setdefault(id(giver), (giver, []))[1].append(outcome)
    return list(groups.values())
