"""Searching every engagement of every visit, and opening one from the list."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt

from visitdesk.ui.views.engagements_view import EngagementsView
from visitdesk.ui.views.visit_view import VisitView


def test_typing_narrows_the_engagements_and_enter_opens_the_one_found(qtbot, window):
    qtbot.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    view = window.tabs.currentWidget()
    assert isinstance(view, EngagementsView)
    assert view.proxy.rowCount() == 4
    assert view.count_label.text() == "4 engagements in all visits, newest first"
    # Newest first: the last engagement of the visit heads the list.
    assert view.model.row_at(0).title == "Visit to NUST"
    qtbot.keyClicks(view.search, "minister COMMERCE")
    assert [r.title for r in view.model.shown_rows()] == ["Meeting with the Minister for Commerce"]
    assert view.count_label.text() == "1 of 4 engagements match “minister COMMERCE”"
    qtbot.keyClick(view.search, Qt.Key.Key_Return)
    visit = window.tabs.currentWidget()
    assert isinstance(visit, VisitView)
    assert visit.sections.currentWidget() is visit.itinerary
    chosen = visit.itinerary.current()
    assert chosen is not None and chosen.title == "Meeting with the Minister for Commerce"


def test_the_list_follows_edits_and_hostile_text_is_found_literally(qtbot, window):
    view = window.show_engagements()
    visit = window.open_visit_ref("sipo-2017-03")
    assert visit is not None
    row = visit.itinerary.model.rows()[0]
    opened = window.desk.itinerary.load(row.id)
    after = replace(opened.data, title="Talks <b>& tea</b> 🍵")
    visit.push_call(
        "Rename",
        lambda: window.desk.itinerary.update(row.id, after, opened.version),
        lambda: None,
    )
    window.show_engagements()
    qtbot.keyClicks(view.search, "<b>&")
    assert [r.title for r in view.model.shown_rows()] == ["Talks <b>& tea</b> 🍵"]
    assert view.proxy.index(0, 2).data() == "Talks <b>& tea</b> 🍵"
