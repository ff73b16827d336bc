"""Two officers on one file: a save made from a stale copy is refused, never silent."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from visitdesk.app import ConflictError, Desk

EXAMPLE = Path(__file__).parent / "fixtures" / "sipo-2017.visit.json"


def test_a_stale_save_is_refused_naming_who_changed_what(two_desks: tuple[Desk, Desk, int]) -> None:
    a, b, visit_id = two_desks
    opened_by_a = a.visits.details(visit_id)
    opened_by_b = b.visits.details(visit_id)
    b.visits.update(
        visit_id,
        dataclasses.replace(opened_by_b.data, notes="Cars at 08:00"),
        opened_by_b.version,
    )
    mine = dataclasses.replace(opened_by_a.data, title="Visit of the CNIPA delegation")
    with pytest.raises(ConflictError) as refused:
        a.visits.update(visit_id, mine, opened_by_a.version, opened=opened_by_a.data)
    error = refused.value
    assert error.fields == ("notes",)
    assert "bmalik" in str(error) and "(notes)" in str(error)
    assert error.theirs.data.notes == "Cars at 08:00"
    assert error.mine.title == "Visit of the CNIPA delegation"
    # Nothing of A's was stored; B's change stands.
    now = a.visits.details(visit_id)
    assert now.data.notes == "Cars at 08:00" and now.data.title == opened_by_a.data.title
    # A keeps theirs on purpose: saving over the version now stored goes through.
    kept = a.visits.update(visit_id, mine, error.theirs.version)
    assert kept.data.title == "Visit of the CNIPA delegation"
    assert kept.changed_by == "akhan" and kept.version == error.theirs.version + 1


def test_a_save_of_a_deleted_record_says_it_was_deleted(two_desks: tuple[Desk, Desk, int]) -> None:
    a, b, visit_id = two_desks
    opened = a.visits.details(visit_id)
    b.visits.delete(visit_id)
    with pytest.raises(ConflictError, match="deleted by another officer") as refused:
        a.visits.update(visit_id, opened.data, opened.version)
    assert refused.value.deleted


def test_an_import_over_an_open_record_makes_its_save_stale(
    two_desks: tuple[Desk, Desk, int],
) -> None:

    a, b, visit_id = two_desks
    opened = a.visits.details(visit_id)
    b.exchange.import_file(EXAMPLE)  # the same visit, imported again by the other officer
    with pytest.raises(ConflictError):
        a.visits.update(visit_id, opened.data, opened.version)


def test_a_save_waits_for_another_writer_then_goes_through(
    two_desks: tuple[Desk, Desk, int],
) -> None:
    import sqlite3
    import threading

    a, _b, visit_id = two_desks
    path = a.database_file
    assert path is not None
    opened = a.visits.details(visit_id)
    holder = sqlite3.connect(path, check_same_thread=False)
    holder.execute("BEGIN IMMEDIATE")  # another VisitDesk in the middle of a long save
    seen_waiting: list[bool] = []

    def release() -> None:
        seen_waiting.append(a.waiting.is_set())
        holder.rollback()

    timer = threading.Timer(1.8, release)
    timer.start()
    try:
        saved = a.visits.update(
            visit_id, dataclasses.replace(opened.data, notes="After the wait"), opened.version
        )
    finally:
        timer.cancel()
        holder.close()
    assert seen_waiting == [True]  # the window shows "waiting for the other VisitDesk" then
    assert saved.data.notes == "After the wait" and not a.waiting.is_set()
