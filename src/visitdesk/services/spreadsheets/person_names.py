"""Splitting a one-column name (`Dr. HE Zhimin`, `Khurram Dastgir Khan`) into its parts.

Protocol lists write a family name in capitals when it might be mistaken (`HE Zhimin`,
`ZHANG Wei`): that word is the family name, and if it comes first the name is family-name-first.
Otherwise the last word is the family name, the usual order in the lists offices receive,
unless the row says the name is Chinese or Korean (a native name in Han or Hangul, or such a
country): those are written family name first in English too (`Kim Min-ji`, `Wang Lei`).
Japanese names are not guessed: both orders are common in English, and lists from Japan mark
the family name in capitals.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass

from visitdesk.domain.languages import is_hangul, is_kana

# Written with or without the full stop. "HE" alone is a Chinese family name, not His Excellency.
_HONORIFICS = {
    "dr", "mr", "mrs", "ms", "miss", "prof", "professor", "engr", "h.e", "hon", "sen", "sir",
    "dame", "amb", "ambassador", "gen", "col", "maj", "capt", "brig", "lt",
}  # fmt: skip


@dataclass(frozen=True, slots=True)
class SplitName:
    honorific: str | None
    given_name: str | None
    family_name: str
    family_name_first: bool


def _is_honorific(word: str) -> bool:
    return word.casefold().rstrip(".") in _HONORIFICS and word != "HE"


def _is_capitalised_surname(word: str) -> bool:
    letters = [c for c in word if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


_FAMILY_FIRST_COUNTRIES = frozenset({"CN", "TW", "HK", "MO", "KR", "KP"})


def family_name_first_hint(native_name: str | None, country: str | None) -> bool:
    """Whether a name without a marked family name is Chinese or Korean, so family name first."""
    native = native_name or ""
    if any(is_kana(c) for c in native):
        return False
    if any(is_hangul(c) or _is_han(c) for c in native):
        return True
    return bool(country) and (country or "").strip().upper() in _FAMILY_FIRST_COUNTRIES


def _is_han(char: str) -> bool:
    code = ord(char)
    return 0x4E00 <= code <= 0x9FFF or 0x3400 <= code <= 0x4DBF or 0x20000 <= code <= 0x2FA1F


def split_name(text: str, family_first: bool = False) -> SplitName:
    """`family_first`: the row's hint (family_name_first_hint) for a name with no family name
    in capitals."""
    words = text.split()
    honorifics: list[str] = []
    while len(words) > 1 and _is_honorific(words[0]):
        honorifics.append(words.pop(0))
    honorific = " ".join(honorifics) or None
    if len(words) == 1:
        return SplitName(honorific, None, words[0], False)
    capitals = [i for i, w in enumerate(words) if _is_capitalised_surname(w)]
    if len(capitals) == 1 and len(words) > 1:
        index = capitals[0]
        family = words.pop(index)
        return SplitName(honorific, " ".join(words), family, index == 0)
    if family_first:
        return SplitName(honorific, " ".join(words[1:]), words[0], True)
    return SplitName(honorific, " ".join(words[:-1]), words[-1], False)


def slug(text: str) -> str:
    """`Azmat Ali Ranjha` → `azmat-ali-ranjha`; names in other scripts keep their letters."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    cleaned = re.sub(r"[^a-z0-9]+", "-", ascii_text.casefold()).strip("-")
    if not cleaned:
        cleaned = re.sub(r"[\W_]+", "-", text.casefold()).strip("-")
    return cleaned[:100] or "person"


def unique_ref(base: str, taken: Callable[[str], bool]) -> str:
    candidate, n = base, 2
    while taken(candidate):
        candidate, n = f"{base}-{n}", n + 1
    return candidate
