"""An engagement's calendar SEQUENCE grows whenever anything an attendee sees changes.

Calendar programs replace an event only when its SEQUENCE grows; without this, a moved meeting
would stay at its old time in every officer's Outlook. Done as a session hook so that every
editor (the window, services, scripts) gets it without having to remember.
"""

from __future__ import annotations

from typing import Any, cast

from sqlalchemy import event, inspect
from sqlalchemy.orm import InstanceState, Session

from visitdesk.domain.engagement import Attendee, Engagement, TalkingPoint

# Attributes whose change does not alter the event a calendar shows.
_QUIET = frozenset({"sequence", "id", "visit_id", "visit", "attendees", "talking_points"})


def _changed(engagement: Engagement) -> bool:
    state = inspect(engagement)
    for attribute in state.mapper.column_attrs:
        if attribute.key in _QUIET:
            continue
        if state.attrs[attribute.key].history.has_changes():
            return True
    return False


@event.listens_for(Session, "before_flush")
def _bump_sequences(session: Session, _context: Any, _instances: Any) -> None:
    touched: set[Engagement] = set()
    for obj in session.dirty:
        if isinstance(obj, Engagement) and obj not in session.new and _changed(obj):
            touched.add(obj)
    for obj in (*session.new, *session.deleted, *session.dirty):
        if isinstance(obj, Attendee | TalkingPoint):
            # Typed as always set, but None while a child is being detached.
            owner = cast("Engagement | None", obj.engagement)
            if owner is None:
                # A deleted child may already have lost its parent reference.
                history = cast("InstanceState[Any]", inspect(obj)).attrs["engagement"].history
                owner = next(iter(history.deleted or ()), None)
            if owner is not None and owner not in session.new and inspect(owner).persistent:
                touched.add(owner)
    for engagement in touched:
        engagement.sequence = (engagement.sequence or 0) + 1
