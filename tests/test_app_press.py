"""The press release through the app layer: drafted as of a date, saved over the version read,
numbered once per year, listed in the register."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from visitdesk.app import ConflictError, Desk, RefusedError

EXAMPLE = Path(__file__).parent / "fixtures" / "sipo-2017.visit.json"
REF = "sipo-2017-03"


@pytest.fixture
def two_desks(tmp_path: Path) -> Iterator[tuple[Desk, Desk, int]]:
    first = Desk.open(data_dir=tmp_path, user="akhan")
    first.exchange.import_file(EXAMPLE)
    second = Desk.open(data_dir=tmp_path, user="bmalik")
    yield first, second, first.visits.id_of(REF)
    first.close()
    second.close()


def test_a_stale_release_save_is_refused_and_keeps_what_was_typed(
    two_desks: tuple[Desk, Desk, int],
) -> None:
    a, b, visit_id = two_desks
    mine = a.press.release(visit_id)
    theirs = b.press.release(visit_id)
    assert mine is not None and theirs is not None
    b.press.update(
        theirs.record.id,
        dataclasses.replace(theirs.record.data, headline="Pakistan and China sign MoU"),
        theirs.record.version,
    )
    typed = dataclasses.replace(mine.record.data, body="The officer's own words.")
    with pytest.raises(ConflictError) as refused:
        a.press.update(mine.record.id, typed, mine.record.version, opened=mine.record.data)
    error = refused.value
    assert "bmalik" in str(error) and "(headline)" in str(error)
    assert error.mine.body == "The officer's own words."
    # Nothing of A's was stored; B's headline stands.
    now = a.press.load(mine.record.id)
    assert now.data.headline == "Pakistan and China sign MoU"
    assert now.data.body != "The officer's own words."
    # Keeping mine on purpose, over the version now stored, goes through and marks it edited.
    kept = a.press.update(mine.record.id, typed, error.theirs.version)
    assert kept.record.data.body == "The officer's own words." and kept.edited
    assert kept.record.changed_by == "akhan"


def test_drafting_as_of_another_date_changes_the_tenses_until_the_words_are_edited(
    two_desks: tuple[Desk, Desk, int],
) -> None:
    desk, _, visit_id = two_desks
    shown = desk.press.draft(visit_id, on=date(2017, 3, 21))
    assert shown.label == "PR No.211" and not shown.edited
    # On its first day the MoU of the 22nd is still to come: announced, not reported.
    assert "will" in shown.record.data.body
    later = desk.press.update(
        shown.record.id,
        dataclasses.replace(shown.record.data, date=date(2017, 3, 23)),
        shown.record.version,
    )
    assert later.drafted and not later.edited
    assert later.record.data.body != shown.record.data.body
    edited = desk.press.update(
        later.record.id,
        dataclasses.replace(later.record.data, body="Our words."),
        later.record.version,
    )
    assert edited.edited
    again = desk.press.draft(visit_id)
    assert again.kept_edits and again.record.data.body == "Our words."
    redrafted = desk.press.draft(visit_id, redraft=True)
    assert redrafted.drafted and redrafted.record.data.body != "Our words."


def test_numbers_are_unique_within_a_year_and_the_register_lists_them(tmp_path: Path) -> None:
    desk = Desk.open(data_dir=tmp_path)
    try:
        desk.exchange.import_file(EXAMPLE)
        visit_id = desk.visits.id_of(REF)
        shown = desk.press.draft(visit_id)
        with pytest.raises(RefusedError, match="already used") as refused:
            # A second visit's release may not take 211 of 2017.
            _second_visit_release(desk, shown.record.data.number)
        assert "the next free one (301)" in str(refused.value)
        assert "--number" not in str(refused.value)  # the window has no --number
        register = desk.press.register(2017)
        assert [register.label(e) for e in register.entries] == ["PR No.211", "PR No.300"]
        assert register.years == (2017,) and desk.press.register(2026).entries == ()
        renumbered = desk.press.renumber(shown.record.id, 5, shown.record.version)
        assert renumbered.label == "PR No.5"
    finally:
        desk.close()


def _second_visit_release(desk: Desk, number: int) -> None:
    """A copy of the example under another reference, its release given `number`."""
    import json

    document = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    visit = document["visits"][0]
    visit["id"] = "sipo-2017-04"
    for release in visit.get("press_releases", []):
        release["number"] = 300
    path = Path(desk.location).parent / "copy.visit.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    desk.exchange.import_file(path)
    shown = desk.press.draft(desk.visits.id_of("sipo-2017-04"))
    desk.press.update(
        shown.record.id, dataclasses.replace(shown.record.data, number=number), shown.record.version
    )
