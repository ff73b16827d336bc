"""The visits part of the API: the lists the window shows, the details dialog's calls, and a
stale save (a leader changed by another officer) refused."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy.orm import Session

from visitdesk.app import ConflictError, Desk, NotFoundError
from visitdesk.app.visits import Leader, VisitDetails

JPO = VisitDetails(
    title="Visit of the JPO delegation 特許庁",
    start_date=date(2026, 3, 9),
    end_date=date(2026, 3, 11),
    city="Lahore",
    country="PK",
)
ARAB = VisitDetails(
    title="زيارة وفد المنظمة العربية للملكية الفكرية",
    start_date=date(2025, 11, 2),
    end_date=date(2025, 11, 2),
    city="Karachi",
    country="PK",
)


@pytest.fixture
def desks(tmp_path: Path) -> Iterator[tuple[Desk, Desk]]:
    first = Desk.open(data_dir=tmp_path, user="akhan")
    second = Desk.open(data_dir=tmp_path, user="bmalik")
    yield first, second
    first.close()
    second.close()


def _delegation(desk: Desk, visit_id: int) -> tuple[int, int]:
    """Two Japanese delegates on the visit's guest side (people are another part's job)."""
    from visitdesk.services.people import Delegation, NewPerson, create_person, set_delegation

    def work(session: Session) -> tuple[int, int]:
        head = create_person(
            session,
            NewPerson("Yamada", "Taro", "Mr.", True, "山田太郎", "Commissioner", precedence=1),
        )
        aide = create_person(
            session,
            NewPerson("Sato", "Hanako", "Ms.", True, "佐藤花子", "Examiner", precedence=2),
        )
        set_delegation(session, visit_id, Delegation(((head, None), (aide, None)), None))
        return head, aide

    return desk.write(work)


def test_the_visits_list_is_newest_first_and_searchable_by_delegates(
    desks: tuple[Desk, Desk],
) -> None:
    a, _b = desks
    assert a.visits.rows() == ()
    jpo = a.visits.create(JPO).id
    a.visits.create(ARAB)
    _delegation(a, jpo)
    rows = a.visits.rows()
    assert [r.title for r in rows] == [JPO.title, ARAB.title]
    assert "yamada" in rows[0].haystack and "山田太郎" in rows[0].haystack
    assert rows[0].ref == a.visits.details(jpo).data.ref


def test_delegation_ids_and_leaders_name_the_guest_side(desks: tuple[Desk, Desk]) -> None:
    a, _b = desks
    visit_id = a.visits.create(JPO).id
    assert a.visits.delegation_ids(visit_id) == frozenset()
    assert a.visits.leaders(visit_id).members == ()
    head, aide = _delegation(a, visit_id)
    assert a.visits.delegation_ids(visit_id) == {head, aide}
    choice = a.visits.leaders(visit_id)
    assert [person for person, _name in choice.members] == [head, aide]  # precedence first
    assert choice.most_senior_id == head


def test_a_new_visit_starts_today_for_a_day_with_no_host_before_the_office_is_set_up(
    desks: tuple[Desk, Desk],
) -> None:
    a, _b = desks
    blank = a.visits.blank_details(date(2026, 12, 31))
    assert (blank.title, blank.start_date, blank.end_date) == (
        "",
        date(2026, 12, 31),
        date(2027, 1, 1),
    )
    assert blank.host_organisation_id is None


def test_the_leader_is_saved_with_the_details_and_a_stale_save_is_refused(
    desks: tuple[Desk, Desk],
) -> None:
    a, b = desks
    visit_id = a.visits.create(JPO).id
    head, aide = _delegation(a, visit_id)
    opened_by_a = a.visits.details(visit_id)
    opened_by_b = b.visits.details(visit_id)
    b.visits.update(visit_id, opened_by_b.data, opened_by_b.version, leader=Leader(aide))
    assert a.visits.leaders(visit_id).leader_id == aide
    notes = dataclasses.replace(opened_by_a.data, notes="Cars at 08:00 from the hotel")
    with pytest.raises(ConflictError) as refused:
        a.visits.update(visit_id, notes, opened_by_a.version, opened_by_a.data, Leader(head))
    assert "bmalik" in str(refused.value)
    # Nothing of A's was stored: B's leader stands, the notes are empty.
    assert a.visits.leaders(visit_id).leader_id == aide
    assert a.visits.details(visit_id).data.notes is None
    kept = a.visits.update(visit_id, notes, refused.value.theirs.version, leader=Leader(head))
    assert kept.data.notes == "Cars at 08:00 from the hotel" and kept.changed_by == "akhan"
    assert a.visits.leaders(visit_id).leader_id == head


def test_the_engagements_list_spans_every_visit(desks: tuple[Desk, Desk]) -> None:
    from datetime import datetime

    from visitdesk.services.itinerary import EngagementData, add_engagement

    a, _b = desks
    jpo, arab = a.visits.create(JPO).id, a.visits.create(ARAB).id
    a.write(
        lambda s: add_engagement(
            s,
            jpo,
            EngagementData("Courtesy call", datetime(2026, 3, 9, 10), datetime(2026, 3, 9, 11)),
        )
    )
    a.write(
        lambda s: add_engagement(
            s,
            arab,
            EngagementData("مأدبة غداء", datetime(2025, 11, 2, 13), datetime(2025, 11, 2, 14)),
        )
    )
    rows = a.visits.engagement_rows()
    assert [(r.title, r.visit_title) for r in rows] == [
        ("Courtesy call", JPO.title),
        ("مأدبة غداء", ARAB.title),
    ]


def test_an_unknown_reference_names_close_ones_without_a_front_ends_hint(
    desks: tuple[Desk, Desk],
) -> None:
    a, _b = desks
    ref = a.visits.create(JPO).data.ref
    with pytest.raises(NotFoundError) as refused:
        a.visits.summary(ref[:-1] + "9")
    assert str(refused.value) == f"There is no visit {ref[:-1] + '9'!r}. Did you mean {ref}?"
    with pytest.raises(NotFoundError, match=r"^There is no visit 'nothing-like-it'\.$"):
        a.visits.id_of("nothing-like-it")


def test_the_heading_of_a_visit_deleted_by_another_officer_is_not_found(
    desks: tuple[Desk, Desk],
) -> None:
    a, b = desks
    visit_id = a.visits.create(ARAB).id
    assert a.visits.heading(visit_id).title == ARAB.title
    b.visits.delete(visit_id)
    with pytest.raises(NotFoundError):
        a.visits.heading(visit_id)
