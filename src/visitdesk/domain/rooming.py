"""Handing out a hotel's block of rooms by precedence: the leader gets the suite.

Pure: it takes the delegates (with the room each holds in the hotel now, if any) and the
block the hotel confirmed (how many rooms of each type), and says who gets which type. Rooms
the officer already gave are kept as they are unless `reallot` asks otherwise; where a kept
room runs against precedence (a junior keeps a suite the leader does not get), a note says so,
so that nothing changes, or stays, silently.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from visitdesk.domain.enums import RoomType
from visitdesk.domain.names import NameParts, display_name
from visitdesk.domain.precedence import in_precedence


@dataclass(frozen=True)
class Lodger:
    """A delegate to lodge, ranked as the pack ranks them (domain/precedence.py)."""

    person_id: int
    name_parts: NameParts
    precedence: int | None
    # The type of the room they hold in this hotel now; None: no room yet.
    held: RoomType | None = None

    @property
    def name(self) -> str:
        return display_name(self.name_parts)


@dataclass(frozen=True)
class Allotment:
    person_id: int
    room_type: RoomType
    # The type they held before (None: a new room); equal to room_type for a kept room.
    before: RoomType | None


@dataclass(frozen=True)
class RoomPlan:
    # Everyone lodged, in order of precedence: new rooms, changed rooms and kept rooms.
    rooms: tuple[Allotment, ...]
    # People the block has no room left for, in order of precedence.
    unlodged: tuple[int, ...]
    # Rooms of the block nobody got, best first.
    spare: tuple[RoomType, ...]
    notes: tuple[str, ...]

    @property
    def new(self) -> tuple[Allotment, ...]:
        return tuple(a for a in self.rooms if a.before is None)

    @property
    def changed(self) -> tuple[Allotment, ...]:
        return tuple(a for a in self.rooms if a.before is not None and a.before != a.room_type)


def allot_rooms(
    lodgers: Sequence[Lodger],
    block: Mapping[RoomType, int],
    leader_id: int | None = None,
    reallot: bool = False,
) -> RoomPlan:
    """Give the best rooms of `block` to the highest in precedence (the leader first).

    A lodger who holds a room keeps it (and it counts against the block when the block has
    one of its type) unless `reallot`, when every lodger is given a room afresh."""
    leader = next((x for x in lodgers if x.person_id == leader_id), None)
    order = in_precedence(lodgers, leader)
    remaining: Counter[RoomType] = Counter({t: n for t, n in block.items() if n > 0})
    kept: dict[int, RoomType] = {}
    if not reallot:
        for lodger in order:
            if lodger.held is not None:
                kept[lodger.person_id] = lodger.held
                if remaining[lodger.held] > 0:
                    remaining[lodger.held] -= 1
    pool = sorted(remaining.elements(), key=lambda t: t.rank)
    given: dict[int, RoomType] = dict(kept)
    unlodged: list[int] = []
    for lodger in order:
        if lodger.person_id in given:
            continue
        if pool:
            given[lodger.person_id] = pool.pop(0)
        else:
            unlodged.append(lodger.person_id)
    rooms = tuple(
        Allotment(x.person_id, given[x.person_id], x.held) for x in order if x.person_id in given
    )
    return RoomPlan(rooms, tuple(unlodged), tuple(pool), _notes(order, given, kept, unlodged))


def a_room(room_type: RoomType) -> str:
    """`a suite`, `an executive`: the room type with its article, for a sentence."""
    word = room_type.label.lower()
    return f"{'an' if word[0] in 'aeiou' else 'a'} {word}"


def _notes(
    order: Sequence[Lodger],
    given: Mapping[int, RoomType],
    kept: Mapping[int, RoomType],
    unlodged: Sequence[int],
) -> tuple[str, ...]:
    notes: list[str] = []
    for rank, lodger in enumerate(order):
        held = kept.get(lodger.person_id)
        if held is None:
            continue
        # Someone above them in precedence ends up in a lesser room (or none).
        above = [
            x
            for x in order[:rank]
            if x.person_id in unlodged
            or (x.person_id in given and given[x.person_id].rank > held.rank)
        ]
        if above:
            senior = above[0]
            theirs = given.get(senior.person_id)
            notes.append(
                f"{lodger.name} keeps the {held.label.lower()} already given, although "
                f"{senior.name} ranks higher and gets "
                + (a_room(theirs) if theirs else "no room")
                + ": tick “Allot again” to hand the rooms out by precedence."
            )
    by_id = {x.person_id: x for x in order}
    if unlodged:
        names = ", ".join(by_id[i].name for i in unlodged)
        notes.append(f"The block has no room left for {names}: add rooms to the block.")
    return tuple(notes)
