"""Order of precedence: who is named, seated and listed first."""

from __future__ import annotations

import sys
from collections.abc import Iterable
from typing import Protocol, TypeVar

from visitdesk.domain.names import NameParts, sort_key


class Ranked(Protocol):
    @property
    def precedence(self) -> int | None: ...

    @property
    def name_parts(self) -> NameParts: ...


def precedence_key(
    person: Ranked, leader: Ranked | None = None
) -> tuple[int, int, tuple[str, str]]:
    """The leader first, then by rank (1 is the most senior, unranked last), then by name."""
    is_leader = leader is not None and person is leader
    rank = person.precedence if person.precedence is not None else sys.maxsize
    return (0 if is_leader else 1, rank, sort_key(person.name_parts))


P = TypeVar("P", bound=Ranked)


def in_precedence(people: Iterable[P], leader: Ranked | None = None) -> list[P]:
    return sorted(people, key=lambda p: precedence_key(p, leader))
