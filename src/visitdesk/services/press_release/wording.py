"""Small rules of English that the drafting needs: lists, sentences, dates, articles."""

from __future__ import annotations

import re
from datetime import date

from visitdesk.domain.dates import month_day, month_day_year
from visitdesk.services.press_release.lexicon import COMMON_WORDS

_QUOTES = "\"'“”‘’«»「」『』"
_TERMINAL = (".", "!", "?", "…", "۔", "。", "！", "？")
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
    if match and match.group(1).lower() in COMMON_WORDS and not match.group(1).isupper():
        return text[0].lower() + text[1:]
    if match and len(match.group(1)) == 1 and match.group(1) == "A":
        return "a" + text[1:]
    return text


def upper_first(text: str) -> str:
    return text[:1].upper() + text[1:]


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
