"""Two officers, two windows, one data folder: nobody's save is lost without a word.

Akhan creates a visit in her window; Bmalik opens it in his. Akhan opens Edit details, Bmalik
changes the title and saves first; when Akhan saves her notes the window says the visit was
changed by another officer and shows both versions. Keep mine stores her notes as she typed
them; in a second round Take theirs drops what she typed and her window shows his title.
Then Follow-ups: a list older than the records cannot close again, or reopen, what the other
window changed.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent, QTextCursor
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTableView,
    QTableWidget,
    QTabWidget,
    QWidget,
)

from tests.acceptance.widgets import click, conflict_dialog
from visitdesk.app import Desk
from visitdesk.ui.main_window import MainWindow
from visitdesk.ui.refcounts import pin_singletons

from .conftest import menu_action, shown_text, when_shown

pin_singletons()

FIRST_TITLE = "Visit of the KIPO delegation 특허청"
THEIR_TITLE = "Visit of the KIPO delegation (Commissioner Kim 김종수)"
SECOND_TITLE = "زيارة وفد كيبو — second day added"
NOTES = "Cars at 08:00 from the Serena; interpreter: Ms. Lee"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    return tmp_path / "shared records"


@pytest.fixture
def windows(qtbot: Any, folder: Path, messages: list[Any]) -> Iterator[Callable[[str], MainWindow]]:
    """`open_as(user)`: a window on the one folder, as that officer starts VisitDesk."""
    desks: list[Desk] = []

    def open_as(user: str) -> MainWindow:
        desk = Desk.open(data_dir=folder, user=user)
        desks.append(desk)
        window = MainWindow(desk)
        qtbot.addWidget(window)
        window.resize(1366, 768)
        window.show()
        qtbot.waitExposed(window)
        return window

    yield open_as
    for desk in desks:
        desk.close()


def modal_of(window: QWidget, name: str) -> Callable[[], QWidget | None]:
    """The modal dialog called `name` opened from `window` (each window has its own)."""

    def find() -> QWidget | None:
        widget = QApplication.activeModalWidget()
        owner = widget.parentWidget() if widget is not None else None
        if widget is None or widget.objectName() != name or owner is None:
            return None
        return widget if owner.window() is window else None

    return find


def button(parent: QWidget, text: str) -> QAbstractButton:
    for candidate in parent.findChildren(QAbstractButton):
        if shown_text(candidate.text()) == text and candidate.isVisible():
            return candidate
    raise AssertionError(f"no visible button {text!r}")


def field(parent: QWidget, kind: type[Any], name: str) -> Any:
    for candidate in parent.findChildren(kind):
        if candidate.accessibleName() == name and candidate.isVisible():
            return candidate
    raise AssertionError(f"no visible {kind.__name__} {name!r}")


def type_in(qtbot: Any, widget: QWidget, text: str) -> None:
    """Type as the officer does: Latin letters key by key, other scripts as their input
    method hands them over (a committed string; QTest has no keys for 특 or ز)."""
    widget.setFocus()
    for chunk in re.findall(r"[\x20-\x7e]+|[^\x20-\x7e]+", text):
        if chunk.isascii():
            qtbot.keyClicks(widget, chunk)
        else:
            event = QInputMethodEvent()
            event.setCommitString(chunk)
            QApplication.sendEvent(widget, event)


def retype(qtbot: Any, line: QLineEdit, text: str) -> None:
    line.setFocus()
    line.selectAll()
    qtbot.keyClick(line, Qt.Key.Key_Delete)
    type_in(qtbot, line, text)


def heading(window: MainWindow) -> str:
    label = window.tabs.currentWidget().findChild(QLabel, "visit-heading")
    assert label is not None, "no visit is shown"
    return label.text()


def cells(table: QTableView, column: str) -> list[str]:
    model = table.model()
    heads = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    return [model.index(r, heads.index(column)).data() for r in range(model.rowCount())]


def compared(dialog: QWidget) -> dict[str, tuple[str, str]]:
    """The conflict dialog's table: field → (yours, theirs), as the officer reads it."""
    table = dialog.findChild(QTableWidget, "conflict-fields")
    assert table is not None
    model = table.model()
    heads = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert heads[1:] == ["Yours (not saved)", "Theirs (saved)"]
    text = [[model.index(r, c).data() for c in range(3)] for r in range(model.rowCount())]
    return {name: (yours, theirs) for name, yours, theirs in text}


def open_from_list(qtbot: Any, window: MainWindow, words: str) -> None:
    search = window.visits_view.search
    qtbot.keyClicks(search, words)
    qtbot.keyClick(search, Qt.Key.Key_Return)


def edit_details(qtbot: Any, window: MainWindow, steps: Callable[[QWidget], None]) -> None:
    """Click Edit details… in the window's visit and run `steps` in the dialog it opens."""
    seen = when_shown(modal_of(window, "visit_dialog"), steps)
    click(qtbot, button(window.tabs.currentWidget(), "Edit details…"))
    assert seen, "the details dialog did not open"


def test_two_officers_editing_one_visit_see_each_others_saves(
    qtbot: Any, windows: Callable[[str], MainWindow], messages: list[Any]
) -> None:
    a = windows("akhan")
    assert not a.visits_view.model.rows()

    # 1. Akhan creates the visit through New visit.
    def new_visit(dialog: QWidget) -> None:
        assert dialog.windowTitle() == "New visit"
        type_in(qtbot, field(dialog, QLineEdit, "Title"), FIRST_TITLE)
        click(qtbot, button(dialog, "Save"))

    made = when_shown(modal_of(a, "visit_dialog"), new_visit)
    click(qtbot, button(a.visits_view, "New visit…"))
    assert made and heading(a) == FIRST_TITLE

    # 2. Bmalik starts VisitDesk on the same folder and opens it from the list.
    b = windows("bmalik")
    assert cells(b.visits_view.table, "Visit") == [FIRST_TITLE]
    open_from_list(qtbot, b, "kipo")
    assert heading(b) == FIRST_TITLE

    # 3. Akhan opens Edit details; meanwhile Bmalik changes the title and saves first.
    def their_title(dialog: QWidget) -> None:
        retype(qtbot, field(dialog, QLineEdit, "Title"), THEIR_TITLE)
        click(qtbot, button(dialog, "Save"))

    shown: dict[str, Any] = {}

    def keep_mine(dialog: QWidget) -> None:
        label = dialog.findChild(QLabel)
        assert label is not None
        shown["text"] = label.text()
        shown["fields"] = compared(dialog)
        click(qtbot, button(dialog, "Keep mine"))

    def my_notes(dialog: QWidget) -> None:
        edit_details(qtbot, b, their_title)
        assert heading(b) == THEIR_TITLE
        type_in(qtbot, field(dialog, QPlainTextEdit, "Notes"), NOTES)
        asked = when_shown(conflict_dialog, keep_mine)
        click(qtbot, button(dialog, "Save"))
        assert asked, "no conflict was shown"

    edit_details(qtbot, a, my_notes)
    assert "changed by bmalik" in shown["text"] and "(title)" in shown["text"]
    assert shown["fields"] == {
        "Title": (FIRST_TITLE, THEIR_TITLE),
        "Notes": (NOTES, "—"),
    }
    # Keep mine: her notes are stored over his version; his title, which she never touched,
    # stays as he saved it.
    assert heading(a) == THEIR_TITLE

    # Bmalik opens Edit details again: he sees both.
    def read_only(dialog: QWidget) -> None:
        shown["b notes"] = field(dialog, QPlainTextEdit, "Notes").toPlainText()
        shown["b title"] = field(dialog, QLineEdit, "Title").text()
        click(qtbot, button(dialog, "Cancel"))

    edit_details(qtbot, b, read_only)
    assert (shown["b title"], shown["b notes"]) == (THEIR_TITLE, NOTES)
    # Her undo brings back what her save replaced (his version, without her notes), her redo
    # her notes again.
    menu_action(a, "Edit", "Undo Edit visit details").trigger()
    edit_details(qtbot, b, read_only)
    assert (shown["b title"], shown["b notes"]) == (THEIR_TITLE, "")
    menu_action(a, "Edit", "Redo Edit visit details").trigger()
    edit_details(qtbot, b, read_only)
    assert (shown["b title"], shown["b notes"]) == (THEIR_TITLE, NOTES)

    # 4. Second round: Bmalik saves a new title first again; this time Akhan takes theirs.
    def second_title(dialog: QWidget) -> None:
        retype(qtbot, field(dialog, QLineEdit, "Title"), SECOND_TITLE)
        click(qtbot, button(dialog, "Save"))

    def take_theirs(dialog: QWidget) -> None:
        shown["fields"] = compared(dialog)
        click(qtbot, button(dialog, "Take theirs"))

    def more_notes(dialog: QWidget) -> None:
        edit_details(qtbot, b, second_title)
        notes = field(dialog, QPlainTextEdit, "Notes")
        notes.moveCursor(QTextCursor.MoveOperation.End)
        type_in(qtbot, notes, " — and flowers")
        asked = when_shown(conflict_dialog, take_theirs)
        click(qtbot, button(dialog, "Save"))
        assert asked, "no conflict was shown"

    edit_details(qtbot, a, more_notes)
    assert shown["fields"] == {
        "Title": (THEIR_TITLE, SECOND_TITLE),
        "Notes": (NOTES + " — and flowers", NOTES),
    }
    # The dialog closed and her window shows the visit as he left it.
    assert QApplication.activeModalWidget() is None
    assert heading(a) == SECOND_TITLE
    assert shown_text(a.tabs.tabText(a.tabs.currentIndex())) == SECOND_TITLE

    def read_again(dialog: QWidget) -> None:
        shown["a notes"] = field(dialog, QPlainTextEdit, "Notes").toPlainText()
        click(qtbot, button(dialog, "Cancel"))

    edit_details(qtbot, a, read_again)
    assert shown["a notes"] == NOTES
    # Her undo of the first round would overwrite his title: refused with his name.
    undo = menu_action(a, "Edit", "Undo Edit visit details")
    undo.trigger()
    assert messages and messages[-1][0] == "Cannot undo", messages
    assert "bmalik" in messages[-1][1]
    # Told as what stays: no "compare the two versions" promised by a box that has none.
    assert "not undone: their version stays" in messages[-1][1], messages[-1][1]
    assert "compare" not in messages[-1][1]
    assert heading(a) == SECOND_TITLE


def follow_ups(window: MainWindow) -> tuple[QWidget, QTableView]:
    menu_action(window, "View", "Follow-ups").trigger()
    view = window.tabs.currentWidget()
    table = view.findChild(QTableView)
    assert table is not None
    return view, table


def outcomes_section(window: MainWindow) -> tuple[QWidget, QTableView]:
    sections = window.tabs.currentWidget().findChild(QTabWidget)
    assert sections is not None
    titles = [shown_text(sections.tabText(i)) for i in range(sections.count())]
    sections.setCurrentIndex(titles.index("Outcomes"))
    section = sections.currentWidget()
    table = section.findChild(QTableView)
    assert table is not None
    return section, table


def mark_done(qtbot: Any, view: QWidget, table: QTableView, title: str) -> None:
    table.selectRow(cells(table, "Follow-up").index(title))
    click(qtbot, button(view, "Mark done"))


def test_a_follow_up_list_older_than_the_records_never_overwrites_the_other_window(
    qtbot: Any, windows: Callable[[str], MainWindow], messages: list[Any]
) -> None:
    task = "Send the examiner list 심사관 명단"
    a = windows("akhan")

    def new_visit(dialog: QWidget) -> None:
        type_in(qtbot, field(dialog, QLineEdit, "Title"), FIRST_TITLE)
        click(qtbot, button(dialog, "Save"))

    when_shown(modal_of(a, "visit_dialog"), new_visit)
    click(qtbot, button(a.visits_view, "New visit…"))
    section, _table = outcomes_section(a)

    def new_action(dialog: QWidget) -> None:
        title = dialog.findChild(QLineEdit, "outcome title")
        assert title is not None
        type_in(qtbot, title, task)
        click(qtbot, button(dialog, "Save"))

    added = when_shown(lambda: QApplication.activeModalWidget(), new_action)
    click(qtbot, button(section, "Add outcome…"))
    assert added

    b = windows("bmalik")
    view_a, table_a = follow_ups(a)
    view_b, table_b = follow_ups(b)
    assert cells(table_a, "Follow-up") == cells(table_b, "Follow-up") == [task]

    # Bmalik closes it; Akhan's list, read before, still offers it: closing it again is
    # refused with his name, and her list then shows what is stored.
    mark_done(qtbot, view_b, table_b, task)
    assert cells(table_b, "Follow-up") == []
    assert cells(table_a, "Follow-up") == [task]
    mark_done(qtbot, view_a, table_a, task)
    title, text = messages[-1]
    assert title == "Not changed"
    assert "was already closed by bmalik" in text and "Nothing was changed." in text
    assert cells(table_a, "Follow-up") == []
    assert not menu_action(a, "Edit", "Undo").isEnabled()  # nothing of hers to undo

    # He undoes it (reopened); she, on her next look, closes it herself.
    menu_action(b, "Edit", f"Undo Mark “{task}” done").trigger()
    assert cells(table_b, "Follow-up") == [task]
    view_a, table_a = follow_ups(a)
    assert cells(table_a, "Follow-up") == [task]
    mark_done(qtbot, view_a, table_a, task)
    assert cells(table_a, "Follow-up") == []

    # He then gives the closed action a due date in the visit; her undo would reopen it over
    # his change: refused with his name, and it stays closed in both windows.
    open_from_list(qtbot, b, "kipo")
    section, outcomes = outcomes_section(b)
    outcomes.selectRow(0)

    def due_date(dialog: QWidget) -> None:
        due = dialog.findChild(QLineEdit, "Due date")
        assert due is not None
        retype(qtbot, due, "30/6/2026")
        click(qtbot, button(dialog, "Save"))

    edited = when_shown(lambda: QApplication.activeModalWidget(), due_date)
    click(qtbot, button(section, "Edit…"))
    assert edited
    assert cells(outcomes, "Due") == ["30 Jun 2026"]
    before = len(messages)
    menu_action(a, "Edit", f"Undo Mark “{task}” done").trigger()
    assert len(messages) == before + 1
    title, text = messages[-1]
    assert title == "Cannot undo" and "was changed by bmalik" in text and "not reopened" in text
    view_a, table_a = follow_ups(a)
    assert cells(table_a, "Follow-up") == []
    assert cells(outcomes, "Status")[0].startswith("Done")
