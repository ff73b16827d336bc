"""The programme through the app layer: rows, versioned saves, delete and undo as one call."""

from __future__ import annotations

import dataclasses
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from visitdesk.app import ConflictError, Desk, NotFoundError, RefusedError
from visitdesk.app.enums import EngagementKind, Side
from visitdesk.app.itinerary import EngagementData, EngagementRow, NewPerson

EXAMPLE = Path(__file__).parent / "fixtures" / "sipo-2017.visit.json"


def _row(desk: Desk, visit_id: int, words: str) -> EngagementRow:
    return next(r for r in desk.itinerary.rows(visit_id) if words in r.title)


def test_rows_come_in_time_order_with_their_warnings(two_desks: tuple[Desk, Desk, int]) -> None:
    a, _b, visit_id = two_desks
    rows = a.itinerary.rows(visit_id)
    assert [r.start for r in rows] == sorted(r.start for r in rows)
    talks = _row(a, visit_id, "Talks at IPO-Pakistan")
    clash = dataclasses.replace(a.itinerary.load(talks.id).data, title="Courtesy call 東京", ref="")
    a.itinerary.add(visit_id, clash)
    warned = [r for r in a.itinerary.rows(visit_id) if r.warnings]
    assert {r.title for r in warned} >= {"Courtesy call 東京"}


def test_a_stale_save_of_an_engagement_is_refused_and_names_the_time(
    two_desks: tuple[Desk, Desk, int],
) -> None:
    a, b, visit_id = two_desks
    row = _row(a, visit_id, "Visit to NUST")
    opened_a, opened_b = a.itinerary.load(row.id), b.itinerary.load(row.id)
    later = opened_b.data.start + timedelta(hours=1)
    b.itinerary.update(
        row.id,
        dataclasses.replace(opened_b.data, start=later, end=later + timedelta(hours=1)),
        opened_b.version,
    )
    mine = dataclasses.replace(opened_a.data, venue="NUST H-12, سیکٹر")
    with pytest.raises(ConflictError) as refused:
        a.itinerary.update(row.id, mine, opened_a.version, opened=opened_a.data)
    assert "bmalik" in str(refused.value) and "start" in refused.value.fields
    assert refused.value.theirs.data.start == later
    assert a.itinerary.load(row.id).data.venue == opened_a.data.venue  # nothing of A's stored


def test_a_change_of_attendees_or_talking_points_raises_the_version(
    two_desks: tuple[Desk, Desk, int],
) -> None:
    a, b, visit_id = two_desks
    row = _row(a, visit_id, "Visit to COMSATS")
    opened = a.itinerary.load(row.id)
    stale = b.itinerary.load(row.id)
    fewer = dataclasses.replace(opened.data, attendees=opened.data.attendees[1:])
    after_attendees = a.itinerary.update(row.id, fewer, opened.version)
    assert after_attendees.version > opened.version
    pointed = dataclasses.replace(fewer, talking_points=("환영 인사", "Patent backlog"))
    after_points = a.itinerary.update(row.id, pointed, after_attendees.version)
    assert after_points.version > after_attendees.version
    assert after_points.data.talking_points == ("환영 인사", "Patent backlog")
    # B opened it before either change: their save is refused, not silently undoing A's.
    with pytest.raises(ConflictError):
        b.itinerary.update(row.id, stale.data, stale.version)


def test_delete_and_restore_bring_back_statements_and_outcome_links(
    two_desks: tuple[Desk, Desk, int],
) -> None:
    a, _b, visit_id = two_desks
    row = _row(a, visit_id, "Minister for Commerce")
    said = [s for s in a.outcomes.statements(visit_id) if s.engagement == row.title]
    agreed = [o for o in a.outcomes.outcomes(visit_id) if o.engagement == row.title]
    assert said and agreed
    before = a.itinerary.load(row.id)
    gone = a.itinerary.delete(row.id)
    assert all(r.id != row.id for r in a.itinerary.rows(visit_id))
    assert not [s for s in a.outcomes.statements(visit_id) if s.engagement == row.title]
    with pytest.raises(NotFoundError):
        a.itinerary.load(row.id)
    back = a.itinerary.restore(gone)
    assert back.id == row.id and back.data == before.data and back.version == before.version
    assert [s.id for s in a.outcomes.statements(visit_id) if s.engagement == row.title] == [
        s.id for s in said
    ]
    assert {o.id for o in a.outcomes.outcomes(visit_id) if o.engagement == row.title} == {
        o.id for o in agreed
    }
    # An edit opened before the delete still saves: the version came back with it.
    a.itinerary.update(row.id, dataclasses.replace(before.data, notes="Cars 10:30"), back.version)


def test_add_refuses_an_empty_title_with_a_sentence(two_desks: tuple[Desk, Desk, int]) -> None:
    a, _b, visit_id = two_desks
    start = datetime(2017, 3, 23, 9, 0)
    with pytest.raises(RefusedError, match="Give the engagement a title"):
        a.itinerary.add(visit_id, EngagementData(title="  ", start=start, end=start))


def test_a_person_typed_in_the_dialog_attends_and_can_be_removed_again(
    two_desks: tuple[Desk, Desk, int],
) -> None:
    a, _b, visit_id = two_desks
    person = a.itinerary.create_person(NewPerson(family_name="خان", given_name="Ahmed"))
    candidate = next(c for c in a.itinerary.candidates(visit_id) if c.id == person)
    assert not candidate.delegate and "Ahmed" in candidate.name
    start = datetime(2017, 3, 23, 9, 0)
    made = a.itinerary.add(
        visit_id,
        EngagementData(
            title="Signing",
            start=start,
            end=start + timedelta(hours=1),
            kind=EngagementKind.SIGNING_CEREMONY,
            attendees=((person, Side.HOST),),
            host_signatory_id=person,
        ),
    )
    assert a.itinerary.signatories(made.id).host == (person, candidate.name)
    assert a.itinerary.signatories(made.id).guest is None
    # Undo both (the engagement first), then redo both: the same person, the same engagement.
    gone = a.itinerary.delete(made.id)
    a.itinerary.remove_person(person)
    assert all(c.id != person for c in a.itinerary.candidates(None))
    assert a.itinerary.create_person(NewPerson(family_name="خان", given_name="Ahmed"), person) == (
        person
    )
    back = a.itinerary.restore(gone)
    assert back.data.attendees == ((person, Side.HOST),)


def test_visit_dates_zone_delegation_and_organisations(two_desks: tuple[Desk, Desk, int]) -> None:
    a, _b, visit_id = two_desks
    first, last = a.itinerary.visit_dates(visit_id)
    assert first <= last and first.year == 2017
    assert a.itinerary.visit_zone(visit_id) == "Asia/Karachi"
    delegation = a.itinerary.delegation(visit_id)
    assert delegation and all(
        c.delegate for c in a.itinerary.candidates(visit_id) if c.id in delegation
    )
    assert any("IPO" in o.label for o in a.itinerary.organisations())
