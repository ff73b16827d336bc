"""Finding people and organisations as you type, and opening their visits from the list."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QWidget

from visitdesk.services.people import NewPerson, create_person
from visitdesk.ui.views.people_view import PeopleView
from visitdesk.ui.views.visit_view import VisitView


def type_native(widget: QWidget, text: str) -> None:
    """Type Chinese or Urdu as an officer does, through an input method that commits each
    word (QTest can only press keys of a Latin keyboard)."""
    for word in text.split(" "):
        event = QInputMethodEvent("", [])
        event.setCommitString(word if widget.property("text") == "" else " " + word)
        QCoreApplication.sendEvent(widget, event)


def _people_view(qtbot, window) -> PeopleView:
    qtbot.keyClick(window, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    view = window.tabs.currentWidget()
    assert isinstance(view, PeopleView)
    assert view.search.hasFocus()
    return view


def _names(view: PeopleView) -> list[str]:
    return [r.name for r in view.people.shown_rows()]


def test_typing_narrows_people_every_word_case_blind(qtbot, window):
    view = _people_view(qtbot, window)
    assert view.people_proxy.rowCount() == 5
    assert view.count_label.text() == "5 people and 6 organisations on record"
    # In family-name order, named as printed.
    assert _names(view) == [
        "Dr. HE Zhimin",
        "Engr. Khurram Dastgir Khan",
        "Mr. Azmat Ali Ranjha",
        "Mr. Shahid Rashid",
        "Mr. ZHANG Wei",
    ]
    qtbot.keyClicks(view.search, "COMMERCE")
    assert _names(view) == ["Engr. Khurram Dastgir Khan", "Mr. Azmat Ali Ranjha"]
    qtbot.keyClicks(view.search, " minister")
    assert _names(view) == ["Engr. Khurram Dastgir Khan"]
    assert (
        view.count_label.text()
        == "1 of 5 people and 0 of 6 organisations match “COMMERCE minister”"
    )
    assert view.lists.tabText(0) == "&People (1 of 5)"
    # The cells as an officer reads them.
    cells = [view.people_proxy.index(0, c).data() for c in range(6)]
    assert cells == ["Engr. Khurram Dastgir Khan", "", "Minister for Commerce", "MoC", "1", "1"]


def test_native_script_finds_the_person_and_the_organisation(qtbot, window):
    view = _people_view(qtbot, window)
    type_native(view.search, "何志敏")
    assert _names(view) == ["Dr. HE Zhimin"]
    view.search.clear()
    # SIPO's own name in Chinese finds its people (by their organisation) and SIPO itself.
    type_native(view.search, "国家知识产权局")
    assert _names(view) == ["Dr. HE Zhimin", "Mr. ZHANG Wei"]
    assert [r.short_name for r in view.organisations.shown_rows()] == ["SIPO"]
    assert view.organisations_proxy.index(0, 2).data() == "国家知识产权局"


def test_enter_lists_a_person_s_visits_and_enter_again_opens_one(qtbot, window):
    view = _people_view(qtbot, window)
    qtbot.keyClicks(view.search, "zhimin")
    qtbot.keyClick(view.search, Qt.Key.Key_Return)
    assert view.visits_label.text() == "Dr. HE Zhimin: 1 visit, newest first (Enter opens one)"
    assert view.visits_table.hasFocus()
    assert view.visits_proxy.index(0, 1).data() == "Visit of the SIPO China delegation"
    qtbot.keyClick(view.visits_table, Qt.Key.Key_Return)
    visit = window.tabs.currentWidget()
    assert isinstance(visit, VisitView) and visit.visit_ref == "sipo-2017-03"


def test_an_organisation_alone_in_the_results_is_shown_and_its_visit_opens(qtbot, window):
    view = _people_view(qtbot, window)
    qtbot.keyClicks(view.search, "nust")
    # No person matches: the organisations come to the front by themselves.
    assert view.lists.currentWidget() is view.organisations_table
    assert view.lists.tabText(1) == "O&rganisations (1 of 6)"
    qtbot.mouseClick(view.visits_button, Qt.MouseButton.LeftButton)
    assert view.visits_label.text().startswith("National University of Sciences and Technology:")
    qtbot.mouseClick(view.open_button, Qt.MouseButton.LeftButton)
    visit = window.tabs.currentWidget()
    assert isinstance(visit, VisitView) and visit.visit_ref == "sipo-2017-03"


def test_someone_without_visits_says_so_and_nothing_opens(qtbot, window):
    view = _people_view(qtbot, window)
    qtbot.keyClicks(view.search, "wipo")
    qtbot.keyClick(view.search, Qt.Key.Key_Return)
    assert (
        view.visits_label.text() == "World Intellectual Property Organization: no visits on record."
    )
    assert not view.open_button.isEnabled()
    assert window.tabs.currentWidget() is view
    assert view.search.hasFocus()


def test_moving_down_the_list_shows_each_one_s_visits_after_a_pause(qtbot, window):
    view = _people_view(qtbot, window)
    qtbot.keyClick(view.search, Qt.Key.Key_Down)
    assert view.people_table.hasFocus()
    qtbot.keyClick(view.people_table, Qt.Key.Key_Down)
    qtbot.waitUntil(lambda: view.visits_label.text().startswith("Engr. Khurram Dastgir Khan:"))
    assert view.visits.rowCount() == 1  # a host at two of its engagements


def test_a_person_added_later_is_listed_literally(qtbot, window):
    view = _people_view(qtbot, window)
    with window.desk._store.transaction() as session:
        create_person(session, NewPerson("<b>Nobody</b> & 🎌", native_name="عمران خان"))
    window.data_changed()
    assert view.people_proxy.rowCount() == 6
    type_native(view.search, "عمران")
    assert _names(view) == ["<b>Nobody</b> & 🎌"]
    assert view.people_proxy.index(0, 1).data() == "عمران خان"
    qtbot.keyClick(view.search, Qt.Key.Key_Return)
    assert view.visits_label.text() == "<b>Nobody</b> & 🎌: no visits on record."


def test_records_changed_behind_another_tab_are_read_when_it_comes_back(qtbot, window):
    view = _people_view(qtbot, window)
    qtbot.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    with window.desk._store.transaction() as session:
        create_person(session, NewPerson("Suzuki", given_name="Ichiro", family_name_first=True))
    window.data_changed()
    assert view.people_proxy.rowCount() == 5  # not read while hidden
    assert _people_view(qtbot, window) is view
    assert "SUZUKI Ichiro" in _names(view)


def test_the_visits_tab_finds_a_visit_by_a_delegate_s_name(qtbot, window):
    search = window.visits_view.search
    for typed in ("Zhimin", "何志敏", "zhang WEI", "张伟 zhang"):
        search.clear()
        type_native(search, typed)
        assert [r.ref for r in window.visits_view.model.shown_rows()] == ["sipo-2017-03"], typed
    search.clear()
    qtbot.keyClicks(search, "Ranjha")  # of the host side, not the delegation
    assert window.visits_view.proxy.rowCount() == 0


def test_closing_the_tab_then_ctrl_4_makes_a_fresh_one(qtbot, window):
    view = _people_view(qtbot, window)
    qtbot.keyClick(window, Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier)
    assert window.tabs.indexOf(view) == -1
    again = _people_view(qtbot, window)
    assert again is not view and again.people_proxy.rowCount() == 5


def test_screenshot_of_the_people_view(tmp_path, example_store, qapp):
    import argparse

    from PySide6.QtGui import QImage

    from visitdesk.ui.app import run

    picture = tmp_path / "people.png"
    args = argparse.Namespace(
        database_url=None,
        data_dir=str(example_store.database_file.parent),
        screenshot=str(picture),
        visit=None,
        view="people",
    )
    assert run(args) == 0
    assert QImage(str(picture)).width() == 1366


def test_a_long_list_counts_with_thousands_separators_and_narrows_to_one(qtbot, window):
    from visitdesk.domain.models import Person

    with window.desk._store.transaction() as session:
        session.add_all(
            Person(ref=f"p{i}", family_name=f"Family{i}", given_name=f"Given{i}")
            for i in range(1500)
        )
    view = _people_view(qtbot, window)
    assert view.count_label.text() == "1,505 people and 6 organisations on record"
    qtbot.keyClicks(view.search, "given1234 ")
    assert _names(view) == ["Given1234 Family1234"]
    assert view.lists.tabText(0) == "&People (1 of 1,505)"
