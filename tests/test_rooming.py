"""Handing a block of rooms out by precedence: the leader gets the suite, rooms given by hand
are kept (and a note says where that goes against precedence)."""

from __future__ import annotations

from visitdesk.domain.enums import RoomType
from visitdesk.domain.names import NameParts
from visitdesk.domain.rooming import Lodger, allot_rooms


def _lodger(person_id: int, family: str, rank: int | None, held: RoomType | None = None) -> Lodger:
    return Lodger(person_id, NameParts("Mr.", None, family, True), rank, held)


DELEGATION = [
    _lodger(1, "Kim", 3),
    _lodger(2, "Park", 2),
    _lodger(3, "Lee", None),
    _lodger(4, "Choi", 1),
]


def test_the_leader_gets_the_suite_then_the_best_rooms_go_by_rank() -> None:
    block = {RoomType.STANDARD: 2, RoomType.SUITE: 1, RoomType.EXECUTIVE: 1}
    plan = allot_rooms(DELEGATION, block, leader_id=1)
    given = [(a.person_id, a.room_type) for a in plan.rooms]
    # Kim leads though ranked 3: the leader first, then rank 1, 2, then the unranked.
    assert given == [
        (1, RoomType.SUITE),
        (4, RoomType.EXECUTIVE),
        (2, RoomType.STANDARD),
        (3, RoomType.STANDARD),
    ]
    assert plan.spare == () and plan.unlodged == () and plan.notes == ()
    assert len(plan.new) == 4


def test_a_room_given_by_hand_is_kept_and_a_note_says_it_outranks_the_leader() -> None:
    lodgers = [*DELEGATION[:2], _lodger(3, "Lee", None, held=RoomType.SUITE), DELEGATION[3]]
    block = {RoomType.SUITE: 1, RoomType.STANDARD: 3}
    plan = allot_rooms(lodgers, block, leader_id=1)
    rooms = {a.person_id: a.room_type for a in plan.rooms}
    assert rooms[3] is RoomType.SUITE  # kept: never silently changed
    assert rooms[1] is RoomType.STANDARD
    assert plan.changed == ()
    assert any("LEE keeps the suite already given" in n and "KIM" in n for n in plan.notes)


def test_allotting_again_changes_rooms_given_by_hand_and_says_so() -> None:
    lodgers = [*DELEGATION[:2], _lodger(3, "Lee", None, held=RoomType.SUITE), DELEGATION[3]]
    plan = allot_rooms(lodgers, {RoomType.SUITE: 1, RoomType.STANDARD: 3}, 1, reallot=True)
    rooms = {a.person_id: a.room_type for a in plan.rooms}
    assert rooms[1] is RoomType.SUITE and rooms[3] is RoomType.STANDARD
    assert [(a.person_id, a.before) for a in plan.changed] == [(3, RoomType.SUITE)]


def test_a_block_too_small_names_who_is_left_without_a_room() -> None:
    plan = allot_rooms(DELEGATION, {RoomType.DELUXE: 2, RoomType.SUITE: 0}, leader_id=1)
    assert [a.person_id for a in plan.rooms] == [1, 4]
    assert plan.unlodged == (2, 3)
    assert plan.notes == (
        "The block has no room left for Mr. PARK, Mr. LEE: add rooms to the block.",
    )


def test_rooms_left_over_are_listed_best_first() -> None:
    plan = allot_rooms(DELEGATION[:1], {RoomType.STANDARD: 1, RoomType.SUITE: 2}, leader_id=1)
    assert plan.spare == (RoomType.SUITE, RoomType.STANDARD)
