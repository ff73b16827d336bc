"""The release record: numbers proposed and never reused, edits kept, drafting again on request."""

from __future__ import annotations

from datetime import date

import pytest

from tests.test_press_release_draft import base_visit
from visitdesk.domain.enums import PressReleaseStatus
from visitdesk.services.errors import ConflictError, ServiceError
from visitdesk.services.press_release.record import edit_release, next_free_number, prepare_release
from visitdesk.services.visits import load_visit
from visitdesk.store.database import Store


def test_imported_release_keeps_its_number_date_and_city(example_store: Store) -> None:
    with example_store.transaction() as session:
        prepared = prepare_release(session, load_visit(session, "sipo-2017-03"))
        release = prepared.release
        assert not prepared.created and prepared.drafted
        assert (release.number, release.date, release.city) == (211, date(2017, 3, 22), "Islamabad")
        assert release.body and "This was said by" in release.body
        assert next_free_number(session, 2017) == 212


def test_new_release_takes_the_next_free_number_of_its_year_and_refuses_a_used_one(
    example_store: Store,
) -> None:
    with example_store.transaction() as session:
        visit, _, _ = base_visit()
        session.add(visit)
        with pytest.raises(
            ConflictError, match=r"211 of 2017 is already used .*sipo-2017-03.*\(212\)"
        ):
            prepare_release(session, visit, number=211, on=date(2017, 3, 23))
        with pytest.raises(ServiceError, match="whole number from 1"):
            prepare_release(session, visit, number=0)
        prepared = prepare_release(session, visit, on=date(2017, 5, 6))
        assert prepared.created and prepared.release.number == 212
        assert prepared.release.city == "Islamabad"


def test_numbers_start_again_every_year(example_store: Store) -> None:
    with example_store.transaction() as session:
        visit, _, _ = base_visit()
        session.add(visit)
        # 2024's register is empty: the first release of 2024 is number 1, and 211 is free.
        assert next_free_number(session, 2024) == 1
        prepared = prepare_release(session, visit, number=211, on=date(2024, 5, 6))
        assert (prepared.release.number, prepared.release.year) == (211, 2024)
        assert next_free_number(session, 2024) == 212
        assert next_free_number(session, 2017) == 212
        # Moving it into 2017, where 211 is taken, is refused and says what to do.
        with pytest.raises(ConflictError, match=r"211 of 2017 .*sipo-2017-03.*--number.*212"):
            prepare_release(session, visit, on=date(2017, 3, 25))
        moved = prepare_release(session, visit, number=5, on=date(2017, 3, 25)).release
        assert (moved.number, moved.year) == (5, 2017)


def test_edits_are_kept_until_a_redraft_is_asked_for(example_store: Store) -> None:
    with example_store.transaction() as session:
        visit = load_visit(session, "sipo-2017-03")
        release = prepare_release(session, visit).release
        assert edit_release(release, body="Polished by the officer.")
        assert release.edited
        again = prepare_release(session, visit)
        assert again.kept_edits and not again.drafted
        assert release.body == "Polished by the officer."
        redrafted = prepare_release(session, visit, redraft=True)
        assert redrafted.drafted
        assert (release.body, release.edited) != ("Polished by the officer.", True)
        assert redrafted.release.edited is False
        assert release.number == 211


def test_an_unedited_draft_follows_the_visit_record_but_an_issued_one_is_frozen(
    example_store: Store,
) -> None:
    with example_store.transaction() as session:
        visit = load_visit(session, "sipo-2017-03")
        release = prepare_release(session, visit).release
        visit.statements[2].text = "Pakistan values its friendship with China."
        assert "values its friendship" in (prepare_release(session, visit).release.body or "")
        release.status = PressReleaseStatus.ISSUED
        visit.statements[2].text = "Something else entirely."
        assert "Something else" not in (prepare_release(session, visit).release.body or "")
        with pytest.raises(ConflictError, match="has been issued"):
            prepare_release(session, visit, redraft=True)
        with pytest.raises(ConflictError, match="has been issued"):
            edit_release(release, body="x")


def test_date_and_city_can_be_set(example_store: Store) -> None:
    with example_store.transaction() as session:
        visit = load_visit(session, "sipo-2017-03")
        release = prepare_release(session, visit, on=date(2017, 3, 23), city=" Lahore ").release
        assert (release.date, release.city) == (date(2017, 3, 23), "Lahore")
        # The meeting was the day before the release: the text now says when.
        assert "Khurram Dastgir Khan in a meeting with" in (release.body or "")
        assert "on March 22" in (release.body or "")
