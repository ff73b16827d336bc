"""The clipboard forms of copied rows, the column fit, and the database-error sentences."""

from __future__ import annotations

import sqlite3

from sqlalchemy.exc import OperationalError

from visitdesk.ui.errors import database_error, explain
from visitdesk.ui.table_actions import _common_cap, as_html, as_tsv


def test_rows_copy_as_tab_separated_text_and_an_escaped_html_table() -> None:
    headings = ["Name", "Position"]
    rows = [["Mr. SATO Hiroshi", "Director <b>R&D</b>"], ["محمد اسلم", ""]]
    assert as_tsv(headings, rows) == (
        "Name\tPosition\nMr. SATO Hiroshi\tDirector <b>R&D</b>\nمحمد اسلم\t\n"
    )
    markup = as_html(headings, rows)
    assert "<th>Name</th><th>Position</th>" in markup
    assert "<td>Director &lt;b&gt;R&amp;D&lt;/b&gt;</td>" in markup
    assert "<td>محمد اسلم</td>" in markup


def test_columns_wider_than_the_table_are_cut_to_one_width_and_short_ones_stay_whole() -> None:
    assert _common_cap([100, 120, 300], 1000) == 300  # everything fits
    cap = _common_cap([90, 95, 130, 200, 270, 500, 400], 1320)
    assert 200 < cap < 270
    widths = [min(w, cap) for w in (90, 95, 130, 200, 270, 500, 400)]
    assert widths[:4] == [90, 95, 130, 200] and sum(widths) <= 1320


def test_a_locked_database_and_a_broken_one_are_told_apart() -> None:
    locked = OperationalError("UPDATE visit", {}, sqlite3.OperationalError("database is locked"))
    assert database_error(locked)
    assert "database is locked" in explain(locked) and "Retry" in explain(locked)
    full = OperationalError("INSERT", {}, sqlite3.OperationalError("database or disk is full"))
    sentence = explain(full)
    assert "disk that holds the records is full" in sentence and "Nothing was changed" in sentence
    assert not database_error(ValueError("typed wrong"))


def test_keep_mine_keeps_the_fields_only_the_other_officer_changed() -> None:
    import dataclasses

    from visitdesk.ui.dialogs.editing import keep_mine

    @dataclasses.dataclass(frozen=True)
    class Card:
        title: str
        notes: str
        city: str

    opened = Card("Visit", "", "Lahore")
    mine = Card("Visit", "Cars at 08:00", "Lahore")  # I wrote the notes
    theirs = Card("Visit of the KIPO delegation", "", "Islamabad")  # they renamed and moved it
    assert keep_mine(opened, mine, theirs) == Card(
        "Visit of the KIPO delegation", "Cars at 08:00", "Islamabad"
    )
    assert keep_mine(opened, ("not", "a dataclass"), theirs) is None
    # A form of the record and its leader: the record merged, the leader as chosen.
    assert keep_mine((opened, 7), (mine, 9), theirs) == (
        Card("Visit of the KIPO delegation", "Cars at 08:00", "Islamabad"),
        9,
    )
