"""An engagement's calendar SEQUENCE grows once for every saved change an attendee would see.

Calendar programs replace an event only when its SEQUENCE grows; without this, a moved meeting
would stay at its old time in every officer's Outlook. Done as a session hook so that every
editor (the window, services, scripts) gets it without having to remember, and exactly once a
flush: an editor that already raised it by hand is not raised again.

The hook also keeps a tombstone of each deleted engagement (see `calendar_tombstone`), and
gives an engagement put back under its old id (an undo) its old UID again.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, cast

from sqlalchemy import event, inspect, select
from sqlalchemy.orm import InstanceState, Session

from visitdesk.domain.calendar_tombstone import CalendarTombstone
from visitdesk.domain.engagement import Attendee, Engagement, TalkingPoint
from visitdesk.domain.timezones import engagement_zone
from visitdesk.domain.visit import Visit

# Attributes whose change does not alter the event a calendar shows.
_QUIET = frozenset(
    {"sequence", "id", "visit_id", "visit", "attendees", "talking_points", "uid", "published"}
    | {"version", "changed_at", "changed_by"}  # the record's own bookkeeping (versioning.py)
)
# Visit fields every event of the visit shows (its status, its zone, its title in the notes).
_VISIT_LOUD = ("status", "time_zone", "title")


def _changed(engagement: Engagement) -> bool:
    state = inspect(engagement)
    for attribute in state.mapper.column_attrs:
        if attribute.key in _QUIET:
            continue
        if state.attrs[attribute.key].history.has_changes():
            return True
    return False


def _visit_changed(visit: Visit) -> bool:
    state = inspect(visit)
    return any(state.attrs[key].history.has_changes() for key in _VISIT_LOUD)


def _owner(obj: Attendee | TalkingPoint) -> Engagement | None:
    # Typed as always set, but None while a child is being detached.
    owner = cast("Engagement | None", obj.engagement)
    if owner is None:
        # A deleted child may already have lost its parent reference.
        history = cast("InstanceState[Any]", inspect(obj)).attrs["engagement"].history
        owner = next(iter(history.deleted or ()), None)
    return owner


def _bury(session: Session, engagement: Engagement) -> None:
    if not engagement.published:
        return  # never sent out: no calendar holds it, and a cancellation would add a ghost
    visit = engagement.visit
    if visit is None or visit in session.deleted or inspect(visit).deleted:
        return  # the whole visit goes: its calendar is not exported again
    session.add(
        CalendarTombstone(
            visit_id=visit.id,
            engagement_id=engagement.id,
            uid=engagement.uid,
            summary=engagement.title,
            start=engagement.start,
            end=engagement.end,
            time_zone=engagement_zone(engagement.time_zone, visit.time_zone),
            sequence=(engagement.sequence or 0) + 1,
        )
    )


def _revive(session: Session, engagement: Engagement) -> None:
    """An engagement put back under the id it had keeps its UID, and outranks its tombstone."""
    # Typed as always set, but None until the row is inserted unless the editor chose it.
    if cast("int | None", engagement.id) is None:
        return
    tombstone = session.scalar(
        select(CalendarTombstone).where(CalendarTombstone.engagement_id == engagement.id)
    )
    if tombstone is None:
        return
    engagement.uid = tombstone.uid
    engagement.published = True
    engagement.sequence = max(engagement.sequence or 0, tombstone.sequence + 1)
    session.delete(tombstone)


@event.listens_for(Session, "before_flush")
def _bump_sequences(session: Session, _context: Any, _instances: Any) -> None:
    touched: set[Engagement] = set()
    with session.no_autoflush:
        for obj in session.dirty:
            if isinstance(obj, Engagement) and obj not in session.new and _changed(obj):
                touched.add(obj)
            elif isinstance(obj, Visit) and obj not in session.new and _visit_changed(obj):
                touched.update(e for e in obj.engagements if inspect(e).persistent)
        for obj in (*session.new, *session.deleted, *session.dirty):
            if isinstance(obj, Attendee | TalkingPoint):
                owner = _owner(obj)
                if owner is not None and owner not in session.new and inspect(owner).persistent:
                    touched.add(owner)
        for obj in list(session.new):
            if isinstance(obj, Engagement):
                _revive(session, obj)
        for obj in list(session.deleted):
            if isinstance(obj, Engagement):
                _bury(session, obj)
                touched.discard(obj)
        for engagement in touched:
            _raise_once(engagement)


def _raise_once(engagement: Engagement) -> None:
    history = inspect(engagement).attrs["sequence"].history
    if history.has_changes():
        return  # the editor raised it already in this change
    engagement.sequence = (engagement.sequence or 0) + 1


def bury_engagements(session: Session, engagements: Iterable[Engagement]) -> None:
    """Tombstones for engagements removed without the ORM (the importer's bulk delete)."""
    for engagement in engagements:
        _bury(session, engagement)
