"""Naming people and organisations in a release: in full the first time, briefly after that.

A person is named in full once (`Minister for Commerce, Engr. Khurram Dastgir Khan`, `Dr. HE
Zhimin, Deputy Commissioner of …`), then by the title of a unique office (`the Minister`) or by
honorific and family name (`Mr. Ranjha`, `Dr. He`), the same way for everyone. An organisation
is named in full once, with its abbreviation only when the abbreviation is used again.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable
from typing import TYPE_CHECKING

from visitdesk.domain.names import dynastic_reference
from visitdesk.services.press_release.grammar import the_name
from visitdesk.services.press_release.lexicon import OFFICES, POSITION_GENERIC, PREPOSITIONS
from visitdesk.services.press_release.wording import squash

if TYPE_CHECKING:
    from visitdesk.domain.organisation import Organisation
    from visitdesk.domain.person import Person

# Honorifics of rank, not of address: dropped from a second mention (`H.E. Mr. Li` → `Mr. Li`).
_STYLES = re.compile(
    r"^(H\.?\s?E\.?|His Excellency|Her Excellency|Hon\.?|The Honou?rable)\s*", re.I
)
_HE = re.compile(r"^(mr\.?|his\b)", re.I)
_SHE = re.compile(r"^(ms\.?|mrs\.?|miss|madam|her\b)", re.I)


def short_title(position: str) -> str:
    """`Minister for Commerce` → `Minister`; `Foreign Minister` stays; `Director, X` →
    `Director`."""
    segment = position.split(",", 1)[0]
    kept: list[str] = []
    for word in segment.split():
        if word.lower() in PREPOSITIONS:
            break
        kept.append(word)
    return " ".join(kept)


def pronoun(person: Person) -> str | None:
    """`he` or `she` when the honorific says so; otherwise the release names the person again."""
    honorific = squash(person.honorific)
    if _SHE.match(honorific):
        return "she"
    if _HE.match(honorific):
        return "he"
    return None


def surname_reference(person: Person) -> str:
    """`Mr. Ranjha`, `Dr. He` (a family name typed in capitals is written as a name again),
    `Prince Abdulaziz` (a dynastic title goes with the given name, domain/names.py)."""
    dynastic = dynastic_reference(person.name_parts)
    if dynastic is not None:
        return dynastic
    honorific = squash(person.honorific)
    styled = _STYLES.match(honorific)
    if styled:
        rest = honorific[styled.end() :].strip()
        if not rest:
            rank = styled.group(1).lower()
            rest = "Ms." if rank.startswith("her") else "Mr." if rank.startswith("his") else ""
        honorific = rest
    family = squash(person.family_name) or squash(person.given_name)
    if family.isupper() or family.islower():
        family = " ".join(
            "-".join(part.capitalize() for part in word.split("-")) for word in family.split()
        )
    return " ".join(p for p in (honorific, family) if p)


class Mentions:
    """Remembers who and what the release has already named."""

    def __init__(
        self, people: Iterable[Person] = (), abbreviate: Collection[int] | None = None
    ) -> None:
        self._people: set[int] = set()
        self._organisations: set[int] = set()
        # None: introduce every abbreviation (the first pass, which finds those used again).
        self._abbreviate = abbreviate
        titles: dict[str, list[int]] = {}
        for person in {id(p): p for p in people}.values():
            titles.setdefault(short_title(squash(person.position)).casefold(), []).append(
                id(person)
            )
        self._unique_title = {
            ids[0]: title for title, ids in titles.items() if len(ids) == 1 and title
        }

    def named(self, person: Person) -> bool:
        return id(person) in self._people

    def org_named(self, organisation: Organisation) -> bool:
        return id(organisation) in self._organisations

    # Organisations.

    def organisation(self, organisation: Organisation) -> str:
        """`State Intellectual Property Office (SIPO)` first, then `SIPO`."""
        name, short = squash(organisation.name), squash(organisation.short_name)
        if id(organisation) in self._organisations:
            if short and self._introduces(organisation):
                return short
            return name or short
        self._organisations.add(id(organisation))
        if short and short != name and self._introduces(organisation):
            return f"{name} ({short})"
        return name or short

    def the(self, organisation: Organisation) -> str:
        """The organisation with the article its name takes: `the Ministry of Commerce`, `NUST`."""
        return the_name(self.organisation(organisation), organisation.kind)

    def _introduces(self, organisation: Organisation) -> bool:
        return self._abbreviate is None or id(organisation) in self._abbreviate

    # People.

    def again(self, person: Person) -> str:
        """The second mention: `the Minister` for a unique office, else `Mr. Ranjha`."""
        title = self._unique_title.get(id(person))
        words = short_title(squash(person.position)).split()
        offices = [i for i, w in enumerate(words) if w.casefold() in OFFICES]
        if title and offices:
            # `Federal Minister` stays whole; `Governor Punjab` is `the Governor`.
            return f"the {' '.join(words[: offices[-1] + 1])}"
        return surname_reference(person)

    def object(self, person: Person) -> str:
        """A person as the object of a verb: `the Minister for Commerce, Engr. X` the first
        time (the title takes an article here), then `the Minister` or `Mr. Ranjha`."""
        if self.named(person):
            return self.again(person)
        mention = self.title_first(person)
        if mention.startswith(person.display_name) or not mention[:1].isupper():
            return mention
        return f"the {mention}"

    def title(self, person: Person, *, omit: Organisation | None = None) -> str:
        """The person's position, with the organisation when the position does not name it:
        `Minister for Commerce`, `Deputy Commissioner of the State Intellectual Property Office`.
        `omit` is an organisation the sentence has just named, so it is not named again.
        """
        position = squash(person.position)
        organisation = person.organisation
        if (
            organisation is None
            or organisation is omit
            or _names_organisation(position, organisation)
        ):
            return position
        if not position:
            return self.the(organisation)
        if "," in position or " of " in position:
            # `Minister of Economy, Department of Economic Development`: a label, no article.
            return f"{position}, {self.organisation(organisation)}"
        return f"{position} of {self.the(organisation)}"

    def _first(self, person: Person) -> bool:
        first = id(person) not in self._people
        self._people.add(id(person))
        return first

    def title_first(self, person: Person, *, omit: Organisation | None = None) -> str:
        """`Minister for Commerce, Engr. Khurram Dastgir Khan` once, then `the Minister`."""
        if not self._first(person):
            return self.again(person)
        title = self.title(person, omit=omit)
        return f"{title}, {person.display_name}" if title else person.display_name

    def name_first(self, person: Person, *, omit: Organisation | None = None) -> str:
        """`Dr. HE Zhimin, Deputy Commissioner of …` once, then `Dr. He`."""
        if not self._first(person):
            return self.again(person)
        title = self.title(person, omit=omit)
        return f"{person.display_name}, {title}" if title else person.display_name

    def title_then_name(self, person: Person) -> str:
        """`Secretary Commerce Mr. Azmat Ali Ranjha` once (a list of those present), then short."""
        if not self._first(person):
            return self.again(person)
        title = self.title(person)
        if "," in title:  # `Dr. PARK Ji-woo, Director General, International Cooperation, KIPO`
            return f"{person.display_name}, {title}"
        return f"{title} {person.display_name}" if title else person.display_name


def _names_organisation(position: str, organisation: Organisation) -> bool:
    """Does `Secretary Commerce` already say `Ministry of Commerce`? Then it is not repeated."""
    words = set(re.findall(r"[\w-]+", position.casefold()))
    short = squash(organisation.short_name).casefold()
    if short and short in words:
        return True
    significant = {
        w
        for w in re.findall(r"[\w-]+", organisation.name.casefold())
        if w not in POSITION_GENERIC and len(w) >= 4
    }
    return bool(significant & words)
