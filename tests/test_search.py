"""The rows the search lists are made of: visits with their delegations' names, people and
organisations with their visit counts, each in a fixed number of queries."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime
from typing import Any

from sqlalchemy import event, select

from visitdesk.domain.enums import Side
from visitdesk.domain.models import (
    Attendee,
    Engagement,
    Organisation,
    Person,
    Visit,
    VisitParticipant,
)
from visitdesk.services import search
from visitdesk.store.database import Store


@contextmanager
def counted(store: Store) -> Iterator[list[str]]:
    """The SQL statements run inside the block."""
    statements: list[str] = []

    def record(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        statements.append(statement)

    event.listen(store.engine, "before_cursor_execute", record)
    try:
        yield statements
    finally:
        event.remove(store.engine, "before_cursor_execute", record)


def _matching(rows: list[search.VisitRow], query: str) -> list[str]:
    return [r.ref for r in rows if search.matches(r.haystack, query)]


def test_a_visit_is_found_by_its_delegates_names_in_latin_and_native_script(
    example_store: Store,
) -> None:
    with example_store.session() as session:
        rows = search.visit_rows(session)
    assert _matching(rows, "Zhimin") == ["sipo-2017-03"]
    assert _matching(rows, "何志敏") == ["sipo-2017-03"]
    assert _matching(rows, "张伟 zhang") == ["sipo-2017-03"]
    # The host side is not the delegation: the Secretary Commerce does not find the visit.
    assert _matching(rows, "Ranjha") == []


def _many_visits(store: Store, count: int) -> None:
    with store.transaction() as session:
        for i in range(count):
            guest = Person(ref=f"guest-{i}", family_name=f"Delegate{i}", native_name=f"代表{i}")
            visit = Visit(
                ref=f"v-{i}",
                title=f"Visit {i}",
                start_date=date(2000 + i % 20, 1, 1 + i % 28),
                end_date=date(2000 + i % 20, 1, 1 + i % 28),
            )
            visit.participants.append(VisitParticipant(person=guest, side=Side.GUEST))
            session.add(visit)


def test_the_lists_take_the_same_few_queries_for_thirty_visits_as_for_one(
    example_store: Store,
) -> None:
    _many_visits(example_store, 30)
    with example_store.session() as session, counted(example_store) as statements:
        visits = search.visit_rows(session)
        assert len(statements) == 2  # the visits, then every delegation's names
        people = search.people_rows(session)
        assert len(statements) == 3
        organisations = search.organisation_rows(session)
        assert len(statements) == 4
    assert len(visits) == 31 and len(people) == 35 and len(organisations) == 6
    assert _matching(visits, "delegate17") == ["v-17"]
    assert _matching(visits, "代表29") == ["v-29"]


def test_people_rows_name_as_printed_and_count_each_visit_once(example_store: Store) -> None:
    with example_store.transaction() as session:
        sipo = session.scalars(select(Organisation).where(Organisation.ref == "sipo")).one()
        he = session.scalars(select(Person).where(Person.ref == "he-zhimin")).one()
        he.email = "he.zhimin@example.cn"
        # A later visit he leads without being listed on a side, and one he only attends.
        session.add(
            Visit(
                ref="led",
                title="Led",
                start_date=date(2019, 5, 1),
                end_date=date(2019, 5, 1),
                leader=he,
            )
        )
        attended = Visit(
            ref="attended", title="Attended", start_date=date(2018, 1, 2), end_date=date(2018, 1, 2)
        )
        meeting = Engagement(
            ref="m",
            title="Talks",
            start=datetime(2018, 1, 2, 10),
            end=datetime(2018, 1, 2, 11),
            organisation=sipo,
        )
        meeting.attendees.append(Attendee(person=he, side=Side.GUEST))
        attended.engagements.append(meeting)
        session.add(attended)
        session.add(Person(ref="nobody", family_name="<b>Nobody</b> & 🎌"))
    with example_store.session() as session:
        people = {r.name: r for r in search.people_rows(session)}
        he_row = people["Dr. HE Zhimin"]
        visits = [r.ref for r in search.person_visit_rows(session, he_row.id)]
        sipo_row = next(r for r in search.organisation_rows(session) if r.short_name == "SIPO")
        sipo_visits = [r.ref for r in search.organisation_visit_rows(session, sipo_row.id)]
    assert he_row.native_name == "何志敏"
    assert he_row.organisation == "SIPO"
    assert he_row.precedence == 1
    # A member of the delegation who attends its engagements counts once per visit.
    assert he_row.visits == 3
    assert visits == ["led", "attended", "sipo-2017-03"]  # newest first
    for word in ("he.zhimin@example.cn", "国家知识产权局", "deputy commissioner", "state"):
        assert word.casefold() in he_row.haystack
    nobody = people["<b>Nobody</b> & 🎌"]
    assert (nobody.native_name, nobody.position, nobody.organisation, nobody.visits) == (
        "",
        "",
        "",
        0,
    )
    # SIPO's own visit (as guest) and the one where it hosted an engagement; the visit its
    # deputy commissioner led alone is his, and it is also SIPO's through him.
    assert sipo_row.visits == 3 and sipo_visits == ["led", "attended", "sipo-2017-03"]
    assert sipo_row.native_name == "国家知识产权局" and sipo_row.country == "CN"


def test_an_organisation_without_visits_is_listed_with_none(example_store: Store) -> None:
    with example_store.session() as session:
        rows = {r.short_name: r for r in search.organisation_rows(session)}
        wipo_visits = search.organisation_visit_rows(session, rows["WIPO"].id)
    assert rows["WIPO"].visits == 0 and wipo_visits == []
    assert rows["NUST"].visits == 1  # hosts an engagement of the SIPO visit
    assert [r.name for r in rows.values()] == sorted(
        (r.name for r in rows.values()), key=str.casefold
    )
