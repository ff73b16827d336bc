"""Naming people and organisations in a release: in full the first time, briefly after that."""

from __future__ import annotations

import re

from visitdesk.domain.organisation import Organisation
from visitdesk.domain.person import Person
from visitdesk.services.press_release.wording import squash

# Words too common to show that a position already names its organisation.
_GENERIC = frozenset(
    [
        "ministry",
        "office",
        "organisation",
        "organization",
        "department",
        "division",
        "of",
        "the",
        "for",
        "and",
        "government",
        "national",
        "state",
        "federal",
        "international",
        "university",
        "institute",
        "authority",
        "commission",
        "council",
        "board",
        "agency",
        "bureau",
        "centre",
        "center",
    ]
)


class Mentions:
    """Remembers who and what the release has already named."""

    def __init__(self) -> None:
        self._people: set[int] = set()
        self._organisations: set[int] = set()

    def named(self, person: Person) -> bool:
        return id(person) in self._people

    def organisation(self, organisation: Organisation) -> str:
        """`State Intellectual Property Office (SIPO)` first, then `SIPO`."""
        if id(organisation) in self._organisations:
            return squash(organisation.short_name) or squash(organisation.name)
        self._organisations.add(id(organisation))
        name, short = squash(organisation.name), squash(organisation.short_name)
        return f"{name} ({short})" if short and short != name else name

    def title(self, person: Person) -> str:
        """The person's position, with the organisation when the position does not name it:
        `Minister for Commerce`, `Deputy Commissioner State Intellectual Property Office (SIPO)`.
        """
        position = squash(person.position)
        organisation = person.organisation
        if organisation is None or _names_organisation(position, organisation):
            return position
        org = self.organisation(organisation)
        if not position:
            return org
        return f"{position}, {org}" if "," in position else f"{position} {org}"

    def _first(self, person: Person) -> bool:
        first = id(person) not in self._people
        self._people.add(id(person))
        return first

    def title_first(self, person: Person) -> str:
        """`Minister for Commerce, Engr. Khurram Dastgir Khan` once, then `Engr. Khan`."""
        if not self._first(person):
            return person.short_name
        title = self.title(person)
        return f"{title}, {person.display_name}" if title else person.display_name

    def name_first(self, person: Person) -> str:
        """`Dr. HE Zhimin, Deputy Commissioner …` once, then `Dr. HE Zhimin`."""
        if not self._first(person):
            return person.short_name
        title = self.title(person)
        return f"{person.display_name}, {title}" if title else person.display_name

    def title_then_name(self, person: Person) -> str:
        """`Secretary Commerce Mr. Azmat Ali Ranjha` once (a list of those present), then short."""
        if not self._first(person):
            return person.short_name
        title = self.title(person)
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
        if w not in _GENERIC and len(w) >= 4
    }
    return bool(significant & words)
