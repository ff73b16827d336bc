"""What the briefing pack gathers from the store, and where the seating plan puts people."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest
from sqlalchemy import select

from visitdesk.documents.briefing.seating import seat_row, seat_rows
from visitdesk.domain.enums import EngagementKind, Side
from visitdesk.domain.models import Attendee, Engagement, Office, Person, Visit
from visitdesk.services.briefing import (
    HISTORY_LIMIT,
    PersonInfo,
    gather_briefing,
    record_pack_built,
)
from visitdesk.services.errors import NotFoundError, ServiceError
from visitdesk.store.database import Store

VISIT = "sipo-2017-03"


def person(name: str, role: str | None = None) -> PersonInfo:
    return PersonInfo(ref=name, name=name, short_name=name, role=role)


def test_seating_head_centre_interpreter_beside_others_right_then_left() -> None:
    people = [person("head"), person("two"), person("three"), person("terp", "Interpreter")]
    people.append(person("four"))
    seats = seat_row(list(enumerate(people, start=1)))
    placed = {offset: who.name for offset, (_, who) in seats.items()}
    # The interpreter takes the head's left (-1); the others the head's right, then left...
    assert placed == {0: "head", -1: "terp", 1: "two", 2: "three", -2: "four"}


def test_seating_a_long_side_fills_rows_behind_the_table() -> None:
    rows = seat_rows(tuple(person(f"p{i}") for i in range(12)))
    assert [len(row) for row in rows] == [9, 3]
    assert rows[0][0][0] == 1 and rows[1][0][0] == 10  # each row has its own centre seat


def test_personal_pack_for_someone_attending_nothing_is_refused(example_store: Store) -> None:
    with example_store.transaction() as session:
        session.add(Person(ref="outsider", family_name="Outsider"))
    with example_store.session() as session:
        with pytest.raises(ServiceError, match="attends none of the engagements"):
            gather_briefing(session, VISIT, for_person="outsider")
        with pytest.raises(NotFoundError, match="no person 'ghost'"):
            gather_briefing(session, VISIT, for_person="ghost")
        with pytest.raises(NotFoundError, match="no visit 'ghost'"):
            gather_briefing(session, "ghost")


def test_classification_defaults_to_the_office_s_and_version_counts_up(
    example_store: Store,
) -> None:
    with example_store.transaction() as session:
        office = session.scalars(select(Office)).one()
        office.default_classification = "CONFIDENTIAL"
    with example_store.transaction() as session:
        first = gather_briefing(session, VISIT, today=date(2017, 3, 20))
        assert (first.classification, first.version) == ("CONFIDENTIAL", 1)
        record_pack_built(session, VISIT, first.version)
    with example_store.session() as session:
        second = gather_briefing(session, VISIT, classification=" secret ")
        assert (second.classification, second.version) == ("secret", 2)


def test_history_is_earlier_engagements_between_the_same_organisations_newest_first(
    example_store: Store,
) -> None:
    with example_store.transaction() as session:
        current = session.scalars(select(Visit).where(Visit.ref == VISIT)).one()
        rashid = session.scalars(select(Person).where(Person.ref == "rashid")).one()
        for year in range(2005, 2005 + HISTORY_LIMIT + 2):
            past = Visit(
                ref=f"past-{year}",
                title=f"Visit of {year}",
                start_date=date(year, 5, 1),
                end_date=date(year, 5, 2),
                host_organisation=current.host_organisation,
                guest_organisation=current.guest_organisation,
            )
            meeting = Engagement(
                ref="m",
                title=f"Talks of {year}",
                kind=EngagementKind.OFFICE_VISIT,
                start=datetime(year, 5, 1, 10),
                end=datetime(year, 5, 1, 11),
                organisation=current.host_organisation,
            )
            meeting.attendees.append(Attendee(person=rashid, side=Side.HOST))
            past.engagements.append(meeting)
            session.add(past)
        # A later visit is not history, nor is a meeting with another organisation.
        session.add(
            Visit(
                ref="later",
                title="Later",
                start_date=date(2019, 1, 1),
                end_date=date(2019, 1, 2),
                guest_organisation=current.guest_organisation,
                engagements=[
                    Engagement(
                        ref="x",
                        title="Later talks",
                        start=datetime(2019, 1, 1, 10),
                        end=datetime(2019, 1, 1, 11),
                        organisation=current.host_organisation,
                    )
                ],
            )
        )
    with example_store.session() as session:
        content = gather_briefing(session, VISIT)
    talks = next(e for e in content.engagements if e.ref == "ipo-talks")
    titles = [h.title for h in talks.history]
    assert titles == [f"Talks of {y}" for y in range(2014, 2014 - HISTORY_LIMIT, -1)]
    assert talks.older_history == 2
    comsats = next(e for e in content.engagements if e.ref == "comsats-visit")
    assert comsats.history == ()  # SIPO never met COMSATS before


def test_attendees_come_in_order_of_precedence_leader_first(example_store: Store) -> None:
    with example_store.transaction() as session:
        leader = session.scalars(select(Person).where(Person.ref == "he-zhimin")).one()
        leader.precedence = 5  # ranked below Zhang, but leads the delegation
    with example_store.session() as session:
        content = gather_briefing(session, VISIT)
    talks = next(e for e in content.engagements if e.ref == "ipo-talks")
    assert [p.ref for p in talks.guests] == ["he-zhimin", "sipo-member-2"]
    assert [p.ref for p in content.delegation] == ["he-zhimin", "sipo-member-2"]
    meeting = next(e for e in content.engagements if e.ref == "moc-meeting")
    assert [p.ref for p in meeting.hosts] == ["dastgir", "ranjha", "rashid"]
    assert talks.seated and not next(e for e in content.engagements if "COMSATS" in e.title).seated


def test_migration_adds_the_pack_version_to_old_databases(tmp_path: Path) -> None:
    import shutil

    from visitdesk.store.location import DATABASE_FILE

    data_dir = tmp_path / "old"
    data_dir.mkdir()
    fixture = Path(__file__).parent / "fixtures" / "schemas" / "0001_initial.sqlite3"
    shutil.copy(fixture, data_dir / DATABASE_FILE)
    store = Store.open(data_dir=data_dir)
    try:
        assert store.backup is not None
        with store.session() as session:
            assert gather_briefing(session, VISIT).version == 1
    finally:
        store.close()
