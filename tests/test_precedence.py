from dataclasses import dataclass

from visitdesk.domain.names import NameParts
from visitdesk.domain.precedence import in_precedence


@dataclass(eq=False)
class P:
    family: str
    precedence: int | None
    given: str = ""

    @property
    def name_parts(self) -> NameParts:
        return NameParts(None, self.given, self.family)


def test_leader_first_then_rank_then_name() -> None:
    leader = P("Zhang", 5)
    people = [P("Wang", 2), P("Li", None), leader, P("Chen", 2), P("Zhao", 1)]
    ordered = in_precedence(people, leader)
    assert [p.family for p in ordered] == ["Zhang", "Zhao", "Chen", "Wang", "Li"]


def test_without_leader_unranked_people_come_last_alphabetically() -> None:
    people = [P("b", None), P("a", None), P("c", 3)]
    assert [p.family for p in in_precedence(people)] == ["c", "a", "b"]
