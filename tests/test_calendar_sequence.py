"""Editing an engagement raises its calendar SEQUENCE once per saved change."""

from __future__ import annotations

from datetime import timedelta

from visitdesk.domain.engagement import Attendee, TalkingPoint
from visitdesk.domain.enums import Side
from visitdesk.services.visits import load_visit
from visitdesk.store.database import Store


def sequence_of(store: Store, ref: str) -> int:
    with store.session() as session:
        return next(
            e.sequence for e in load_visit(session, "sipo-2017-03").engagements if e.ref == ref
        )


def test_moving_an_engagement_raises_its_sequence(example_store: Store) -> None:
    with example_store.transaction() as session:
        meeting = next(
            e for e in load_visit(session, "sipo-2017-03").engagements if e.ref == "moc-meeting"
        )
        meeting.start += timedelta(hours=1)
        meeting.end += timedelta(hours=1)
    assert sequence_of(example_store, "moc-meeting") == 1
    assert sequence_of(example_store, "nust-visit") == 0


def test_attendees_and_talking_points_count_as_changes(example_store: Store) -> None:
    with example_store.transaction() as session:
        visit = load_visit(session, "sipo-2017-03")
        comsats = next(e for e in visit.engagements if e.ref == "comsats-visit")
        meeting = next(e for e in visit.engagements if e.ref == "moc-meeting")
        minister = meeting.host_attendees[0]
        comsats.attendees.append(Attendee(person=minister, side=Side.HOST))
    assert sequence_of(example_store, "comsats-visit") == 1
    with example_store.transaction() as session:
        visit = load_visit(session, "sipo-2017-03")
        comsats = next(e for e in visit.engagements if e.ref == "comsats-visit")
        comsats.talking_points.append(TalkingPoint(text="Thank the Rector."))
    assert sequence_of(example_store, "comsats-visit") == 2


def test_saving_without_a_change_leaves_it(example_store: Store) -> None:
    with example_store.transaction() as session:
        meeting = next(
            e for e in load_visit(session, "sipo-2017-03").engagements if e.ref == "moc-meeting"
        )
        meeting.title = meeting.title
    assert sequence_of(example_store, "moc-meeting") == 0
