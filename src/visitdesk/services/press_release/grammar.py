"""English grammar the drafting needs, by rule rather than by case: articles, number, lists.

Officers type noun phrases (`Two-year Masters in Law programme`, `Scholarships for ten
students`, `Ministry of Commerce`); these functions decide from the shape of the phrase whether
it takes `a`, `an`, `the` or nothing, and whether a verb after it is singular or plural.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from visitdesk.domain.enums import OrganisationKind
from visitdesk.services.press_release.lexicon import (
    DETERMINERS,
    GENERIC_FIRST,
    IMPERATIVES,
    MASS_NOUNS,
    PLURAL,
    PREPOSITIONS,
    SINGULAR_S,
)

# Words whose first letter is sounded as a vowel though written as a consonant, or the reverse.
_VOWEL_SOUND = ("hour", "honour", "honor", "heir", "honest")
_CONSONANT_SOUND = ("uni", "use", "usu", "eu", "one", "once", "ubi", "ura", "uro", "uti")
# Letters whose names begin with a vowel sound: `an MoU`, `an NGO`, `a UN agency`.
_VOWEL_LETTERS = frozenset("AEFHILMNORSX")
_POSSESSIVE_DEGREE = re.compile(
    r"\b(Master|Bachelor)s(?= (?:in|of|degree|programmes?|programs?)\b)"
)


def words(text: str) -> list[str]:
    return text.split()


def _is_acronym(word: str) -> bool:
    letters = re.sub(r"[^A-Za-z]", "", word)
    return len(letters) >= 2 and sum(c.isupper() for c in letters) >= len(letters) - 1


def indefinite(word: str) -> str:
    """`a` or `an` before `word`, by its sound: `an MoU`, `a university`, `an hour`."""
    bare = word.lstrip("\"'“‘(")
    if not bare:
        return "a"
    lower = bare.lower()
    if bare[0].isdigit():
        return "an" if re.match(r"(8|11|18)(\D|$)", bare) else "a"
    if _is_acronym(bare.split()[0].split("-")[0]):
        return "an" if bare[0].upper() in _VOWEL_LETTERS else "a"
    if lower.startswith(_VOWEL_SOUND):
        return "an"
    if lower.startswith(_CONSONANT_SOUND):
        return "a"
    return "an" if lower[0] in "aeiou" else "a"


def head_noun(phrase: str) -> str:
    """The word a noun phrase is about: `programme` in `two-year Master's in Law programme`,
    `scholarships` in `scholarships for ten students`.

    The phrase is cut at its first preposition, unless the preposition joins two capitalised
    words inside a compound (`Master's in Law programme`, `Bachelor of Science degree`).
    """
    tokens = words(phrase.rstrip(".;:,"))
    cut = len(tokens)
    for index, token in enumerate(tokens[1:], start=1):
        if token.lower() not in PREPOSITIONS:
            continue
        rest = tokens[index + 1 : index + 3]
        inside = (
            len(rest) == 2
            and tokens[index - 1][:1].isupper()
            and rest[0][:1].isupper()
            and rest[1][:1].islower()
            and rest[1].lower() not in PREPOSITIONS
        )
        if not inside:
            cut = index
            break
    core = tokens[:cut] or tokens
    return re.sub(r"[^\w'-]", "", core[-1]).lower() if core else ""


def is_plural(phrase: str) -> bool:
    """`delegates`, `scholarships for students` are plural; `business and trade delegation`
    is not: the head noun decides."""
    head = head_noun(phrase)
    if head in PLURAL:
        return True
    if head in SINGULAR_S or head.endswith(("ss", "us", "is", "'s")):
        return False
    return head.endswith("s") and len(head) > 3


def is_mass(phrase: str) -> bool:
    tokens = [w.lower().strip(",.") for w in words(phrase)]
    return head_noun(phrase) in MASS_NOUNS or bool(tokens and tokens[0] in MASS_NOUNS)


def with_indefinite(phrase: str) -> str:
    """`a two-year programme`, `an MoU`; plurals and mass nouns stand alone."""
    first = phrase.split(" ", 1)[0].lower()
    if first in DETERMINERS or not phrase:
        return phrase
    if is_plural(phrase) or is_mass(phrase):
        return phrase
    return f"{indefinite(phrase)} {phrase}"


def with_definite(phrase: str) -> str:
    """`the Memorandum of Understanding …`, unless the phrase has its own determiner."""
    first = phrase.split(" ", 1)[0].lower()
    if first in DETERMINERS or not phrase:
        return phrase
    return f"the {phrase}"


def takes_article(name: str, kind: OrganisationKind | None) -> bool:
    """Does an organisation's name take `the`? From its shape and kind, never a list of names.

    `IPO-Pakistan`, `NUST`, `COMSATS University Islamabad`, `Toyota Motor Corporation` and
    `Seoul National University` stand alone; `the Ministry of Commerce`, `the National
    University of Sciences and Technology`, `the Japan International Cooperation Agency` do not.
    """
    tokens = words(name)
    if len(tokens) <= 1:
        return False
    if tokens[0].lower() == "the":
        return False
    if any(t.lower() in ("of", "for", "on") for t in tokens[1:]):
        return True
    if tokens[0].lower() in GENERIC_FIRST:
        return True
    return kind not in (OrganisationKind.UNIVERSITY, OrganisationKind.COMPANY)


def the_name(name: str, kind: OrganisationKind | None) -> str:
    return f"the {name}" if takes_article(name, kind) else name


def fix_degrees(text: str) -> str:
    """`Masters in Law` → `Master's in Law`: the degree is a possessive."""
    return _POSSESSIVE_DEGREE.sub(r"\1's", text)


def join(items: Sequence[str], conjunction: str = "and") -> str:
    """`A`, `A and B`, `A, B and C`; items holding commas are set off with semicolons."""
    items = [i for i in items if i]
    if len(items) <= 1:
        return "".join(items)
    if len(items) > 2 and any("," in i for i in items):
        return "; ".join(items[:-1]) + f"; {conjunction} {items[-1]}"
    if len(items) == 2 and "," in items[0]:
        # `the Chairman, Mr. Rashid, and …`: the appositive is closed before the conjunction.
        return f"{items[0]}, {conjunction} {items[1]}"
    return ", ".join(items[:-1]) + f" {conjunction} {items[-1]}"


def verb(singular: str, plural: str, subject_plural: bool) -> str:
    return plural if subject_plural else singular


def be_past(subject_plural: bool) -> str:
    return "were" if subject_plural else "was"


def be_present(subject_plural: bool) -> str:
    return "are" if subject_plural else "is"


def have(subject_plural: bool) -> str:
    return "have" if subject_plural else "has"


def lower_title_initial(text: str, common: frozenset[str]) -> str:
    """A title typed in sentence case, set inside a sentence: `Scholarships for students` →
    `scholarships for students`. Acronyms, names and proper adjectives keep their capital
    (`JICA …`, `Pakistan Japan …`, `Japanese language training`)."""
    tokens = words(text)
    if not tokens:
        return text
    first = tokens[0]
    match = re.match(r"[A-Za-z]+", first)
    if match is None or _is_acronym(first):
        return text
    word = match.group(0)
    if not (word[0].isupper() and word[1:].islower()) and len(word) > 1:
        return text
    lowered = text[0].lower() + text[1:]
    if "-" in first and word.lower() in common:  # `Two-year …`, `High-level …`
        return lowered
    content = [t for t in tokens[1:] if t.lower() not in PREPOSITIONS and t.lower() != "and"]
    if content and content[0][:1].isupper() and not _is_acronym(content[0]):
        return text  # a name in title case: `Memorandum of Understanding`
    if word.lower() in common:
        return lowered
    second = tokens[1] if len(tokens) > 1 else ""
    proper_adjective = re.search(r"(ese|ian|ean|an|ish|i|ic)$", word.lower()) is not None
    if second[:1].islower() and not proper_adjective:
        return lowered
    return text


def is_imperative(phrase: str) -> bool:
    """`Consult SIPO in advance …` is an instruction; `Exchange of information` is a thing."""
    tokens = [w.lower().strip(",.;:") for w in words(phrase)]
    if not tokens or tokens[0] not in IMPERATIVES:
        return False
    return len(tokens) == 1 or tokens[1] not in ("of", "for", "and", "between")


# Words after which a person's title and name stand in apposition: `led by Dr. X, Director`.
_APPOSED = re.compile(r" (?:led by|with|called on|received|meet|met) ")


def closed(phrase: str, following: str = ",") -> str:
    """Close an appositive before more words follow: `… led by Dr. HE Zhimin, Deputy
    Commissioner of SIPO` + ` on March 22` needs a comma after `SIPO`."""
    if not following:
        return phrase
    marks = list(_APPOSED.finditer(phrase))
    tail = phrase[marks[-1].end() :] if marks else phrase
    return f"{phrase}," if ", " in tail and not phrase.endswith(",") else phrase
