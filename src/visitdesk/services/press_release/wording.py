"""Small rules of English that the drafting needs: lists, sentences, dates, articles."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date

from visitdesk.domain.dates import month_day, month_day_year

_QUOTES = "\"'“”‘’«»「」『』"
_TERMINAL = (".", "!", "?", "…", "۔", "。", "！", "？")
# Words that begin a recorded phrase but are no proper noun: lower-cased when the phrase is
# set inside a sentence (`said that the visit…`). Anything else (`Pakistan`, `IPO-Pakistan`,
# `SIPO`) keeps its capital, since a wrong small letter on a name is worse than a capital.
_COMMON = frozenset(
    [
        "a",
        "an",
        "the",
        "this",
        "that",
        "these",
        "those",
        "there",
        "here",
        "it",
        "its",
        "our",
        "their",
        "his",
        "her",
        "we",
        "they",
        "both",
        "all",
        "each",
        "every",
        "some",
        "any",
        "no",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "several",
        "many",
        "most",
        "during",
        "in",
        "on",
        "at",
        "for",
        "to",
        "with",
        "from",
        "by",
        "of",
        "after",
        "before",
        "under",
        "over",
        "between",
        "among",
        "about",
        "as",
        "and",
        "but",
        "or",
        "so",
        "if",
        "when",
        "while",
        "since",
        "because",
        "although",
        "high",
        "higher",
        "new",
        "further",
        "formal",
        "formally",
        "joint",
        "mutual",
        "bilateral",
        "technical",
        "closer",
        "close",
        "full",
        "future",
        "early",
        "next",
        "first",
        "second",
        "third",
        "last",
        "recent",
        "major",
        "consult",
        "ensure",
        "prepare",
        "work",
        "share",
        "establish",
        "develop",
        "explore",
        "hold",
        "set",
        "arrange",
        "organise",
        "organize",
        "review",
        "follow",
        "finalise",
        "finalize",
        "draft",
        "send",
        "nominate",
        "study",
        "identify",
        "strengthen",
        "promote",
        "enhance",
        "expand",
        "support",
        "provide",
        "conduct",
        "complete",
        "submit",
        "seek",
        "take",
        "make",
        "give",
        "hold",
        "cooperation",
        "collaboration",
        "training",
        "exchange",
        "programme",
        "program",
        "visit",
        "visits",
        "meeting",
        "talks",
        "discussion",
        "discussions",
        "agreement",
        "memorandum",
        "offer",
        "decision",
        "action",
        "steps",
        "step",
        "is",
        "are",
        "was",
        "were",
        "will",
        "would",
        "should",
        "could",
        "can",
        "may",
        "might",
        "must",
        "has",
        "have",
        "had",
    ]
)
_NUMBER_WORDS = ("", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")


def squash(text: str | None) -> str:
    """Whitespace made single spaces; None made empty."""
    return " ".join((text or "").split())


def unquote(text: str) -> str:
    """A statement typed with its own quotation marks loses them: the release adds its own."""
    text = squash(text)
    while len(text) >= 2 and text[0] in _QUOTES and text[-1] in _QUOTES:
        text = text[1:-1].strip()
    return text


def sentence(text: str) -> str:
    """End the text with a full stop unless it already ends a sentence."""
    text = text.rstrip()
    if (
        not text
        or text.endswith(_TERMINAL)
        or (text[-1] in _QUOTES and text[:-1].endswith(_TERMINAL))
    ):
        return text
    return text.rstrip(",;:") + "."


def lower_first(text: str) -> str:
    """`The visit was…` → `the visit was…`, for a phrase set after `said that`."""
    match = re.match(r"([A-Za-z]+)", text)
    if match and match.group(1).lower() in _COMMON and not match.group(1).isupper():
        return text[0].lower() + text[1:]
    if match and len(match.group(1)) == 1 and match.group(1) == "A":
        return "a" + text[1:]
    return text


def upper_first(text: str) -> str:
    return text[:1].upper() + text[1:]


def with_article(phrase: str, definite: bool = False) -> str:
    """`high level Chinese delegation` → `a high level Chinese delegation`."""
    first = phrase.split(" ", 1)[0].lower()
    if first in ("a", "an", "the", "this", "its", "their", "our"):
        return phrase
    if definite:
        return f"the {phrase}"
    article = "an" if first[:1] in "aeiou" and not first.startswith(("uni", "eu", "one")) else "a"
    return f"{article} {phrase}"


def join(items: Sequence[str], conjunction: str = "and") -> str:
    """`A`, `A and B`, `A, B and C`; items holding commas are set off with semicolons."""
    items = [i for i in items if i]
    if len(items) <= 1:
        return "".join(items)
    if any("," in i for i in items):
        return "; ".join(items[:-1]) + f"; {conjunction} {items[-1]}"
    return ", ".join(items[:-1]) + f" {conjunction} {items[-1]}"


def long_date(day: date) -> str:
    """`March 22, 2017`, as releases write it."""
    return month_day_year(day)


def short_date(day: date) -> str:
    return month_day(day)


def days_phrase(start: date, end: date) -> str:
    """`the visit`, `the two-day visit`, `the 12-day visit`."""
    days = (end - start).days + 1
    if days <= 1:
        return "the visit"
    word = _NUMBER_WORDS[days] if days < len(_NUMBER_WORDS) else str(days)
    return f"the {word}-day visit"
