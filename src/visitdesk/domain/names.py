"""How people are named in print: `Dr. HE Zhimin`, `Engr. Khurram Dastgir Khan`.

Protocol convention: a family-name-first name (Chinese, Japanese, Korean) is written family name
first, in capitals, so that a reader who does not know the naming order still knows which part
is the family name.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class NameParts:
    honorific: str | None
    given_name: str | None
    family_name: str
    family_name_first: bool = False


def _clean(text: str | None) -> str:
    return " ".join((text or "").split())


def plain_name(parts: NameParts) -> str:
    """The name without honorific: `HE Zhimin`, `Khurram Dastgir Khan`."""
    given = _clean(parts.given_name)
    family = _clean(parts.family_name)
    if parts.family_name_first:
        return " ".join(p for p in (family.upper(), given) if p)
    return " ".join(p for p in (given, family) if p)


def display_name(parts: NameParts) -> str:
    """The full name as printed the first time a person is mentioned."""
    return " ".join(p for p in (_clean(parts.honorific), plain_name(parts)) if p)


def short_reference(parts: NameParts) -> str:
    """How a person is named after the first mention: `Mr. Ranjha`, `Dr. HE Zhimin`.

    A family-name-first name keeps the whole name: `Dr. HE` alone reads as a fragment.
    """
    honorific = _clean(parts.honorific)
    if parts.family_name_first:
        core = plain_name(parts)
    else:
        core = _clean(parts.family_name) or _clean(parts.given_name)
    return " ".join(p for p in (honorific, core) if p)


def sort_key(parts: NameParts) -> tuple[str, str]:
    """Alphabetical order by family name, then given name, ignoring case."""
    return (_clean(parts.family_name).casefold(), _clean(parts.given_name).casefold())
