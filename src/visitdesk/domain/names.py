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


# Titles of a ruling or princely family (Gulf, Jordan, Brunei, Malaysia...): their holders are
# named on second mention by the title and the first given name ("Prince Abdulaziz", "Sheikh
# Mohammed"), never by the family or dynasty name ("Prince Al Saud" names a whole house).
_DYNASTIC_TITLES = frozenset(
    {
        "prince", "princess", "sheikh", "sheikha", "shaikh", "shaikha", "sheik", "emir", "amir",
        "sultan", "king", "queen", "crown", "tunku", "tengku", "pengiran",
    }
)  # fmt: skip


def dynastic_reference(parts: NameParts) -> str | None:
    """`Prince Abdulaziz` for `HRH Prince Abdulaziz bin Salman Al Saud`; None for a name that
    carries no dynastic title (or no given name to go with it)."""
    given = _clean(parts.given_name)
    words = _clean(parts.honorific).split()
    first = next(
        (n for n, word in enumerate(words) if word.strip(".,").casefold() in _DYNASTIC_TITLES),
        None,
    )
    if first is None or not given:
        return None
    # The style before the title (HRH, HH, HE) belongs to the first mention only.
    return " ".join([*words[first:], given.split()[0]])


def short_reference(parts: NameParts) -> str:
    """How a person is named after the first mention: `Mr. Ranjha`, `Dr. HE Zhimin`,
    `Prince Abdulaziz`.

    A family-name-first name keeps the whole name: `Dr. HE` alone reads as a fragment.
    """
    honorific = _clean(parts.honorific)
    dynastic = dynastic_reference(parts)
    if dynastic is not None:
        return dynastic
    if parts.family_name_first:
        core = plain_name(parts)
    else:
        core = _clean(parts.family_name) or _clean(parts.given_name)
    return " ".join(p for p in (honorific, core) if p)


def sort_key(parts: NameParts) -> tuple[str, str]:
    """Alphabetical order by family name, then given name, ignoring case."""
    return (_clean(parts.family_name).casefold(), _clean(parts.given_name).casefold())
