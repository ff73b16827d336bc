"""Who a briefing pack is for decides what it may hold.

A pack `--for` a member of the guest delegation is a guest copy: it goes to the other side, so it
carries the programme, venues, logistics, the people and the reader's own details, and none of
the host's preparation (objectives, talking points, background, notes, outcomes, follow-ups,
biographies, other people's dietary and medical notes). A host's personal pack keeps its brief
but only the follow-ups its reader owns or that come from the reader's engagements.

Also here: which medical notes a caterer needs (those about food), and who signs at a signing
ceremony when the engagement does not say.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from visitdesk.domain.enums import Side
from visitdesk.domain.models import Engagement, Outcome, Person, Visit

# A medical note reaches a meal's brief and the caterer only when it is about food: "allergic
# to penicillin" is for the doctor, "severe peanut allergy" and "diabetic" are for the kitchen.
_FOOD_WORDS = re.compile(
    r"\b(food|meal|diet|eat|nut|nuts|peanut|peanuts|tree nut|shellfish|seafood|fish|egg|eggs|"
    r"milk|dairy|lactose|gluten|wheat|coeliac|celiac|soy|soya|sesame|sugar|salt|sodium|"
    r"diabet\w*|halal|kosher|pork|alcohol|vegetarian|vegan|spic\w*|chewing|swallow\w*)\b",
    re.IGNORECASE,
)


def about_food(note: str | None) -> bool:
    """Whether a medical note matters to whoever serves a meal."""
    return bool(note) and _FOOD_WORDS.search(note or "") is not None


def side_of(visit: Visit, person: Person) -> Side | None:
    """The side `person` is on in `visit`: as a participant, else as an attendee."""
    for participant in visit.participants:
        if participant.person_id == person.id:
            return participant.side
    for engagement in visit.engagements:
        for attendee in engagement.attendees:
            if attendee.person_id == person.id:
                return attendee.side
    return None


def is_guest_copy(visit: Visit, reader: Person | None) -> bool:
    return reader is not None and side_of(visit, reader) is Side.GUEST


def followups_for(
    visit: Visit, reader: Person | None, engagements: Sequence[Engagement]
) -> list[Outcome]:
    """All of the visit's outcomes; for a personal pack only the reader's own or those of the
    reader's engagements; none in a guest copy."""
    if reader is None:
        return list(visit.outcomes)
    if is_guest_copy(visit, reader):
        return []
    attended = {e.id for e in engagements}
    return [o for o in visit.outcomes if o.owner_id == reader.id or o.engagement_id in attended]


def signatory(chosen: int | None, side: Sequence[Person]) -> Person | None:
    """Who signs for one side: the one chosen if they attend on it, else its principal (the
    side's first in order of precedence)."""
    for person in side:
        if person.id == chosen:
            return person
    return side[0] if side else None
