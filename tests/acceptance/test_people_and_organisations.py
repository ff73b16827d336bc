"""An officer enters a delegation by hand, corrects it, and merges a duplicate organisation.

From an empty store, through the visible widgets only: office set-up, a new visit whose guest
organisation is made from the visit dialog, three delegates made in the picker, a misspelt name
corrected from the delegation, an interpreter's role, the leader chosen by precedence and said
so in the visit dialog, two organisations that are the same merged from the People view, and
the merge undone.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, TypeVar

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction, QInputMethodEvent
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QLabel,
    QMenu,
    QMessageBox,
    QTableView,
    QTabWidget,
    QWidget,
)

from tests.acceptance.widgets import button, click, column_cells
from visitdesk.app import Desk
from visitdesk.store.database import Store
from visitdesk.ui.main_window import MainWindow
from visitdesk.ui.refcounts import pin_singletons

pin_singletons()

Handler = Callable[[QDialog], None]


@pytest.fixture
def warnings(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every warning the window shows; none is expected on this walk."""
    shown: list[str] = []

    def warn(_parent: Any, title: str, text: str, *_a: Any, **_k: Any) -> Any:
        shown.append(f"{title}: {text}")
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "warning", warn)
    monkeypatch.setattr(QMessageBox, "information", warn)
    discard = QMessageBox.StandardButton.Discard
    monkeypatch.setattr(QMessageBox, "question", lambda *_a, **_k: discard)
    return shown


@pytest.fixture
def window(qtbot: Any, data_dir: Path, warnings: list[str]) -> Iterator[MainWindow]:
    store = Store.open(data_dir=data_dir)  # an empty store: nothing imported
    main = MainWindow(Desk(store))
    qtbot.addWidget(main)
    main.resize(1366, 768)
    main.show()
    qtbot.waitExposed(main)
    yield main
    store.close()


class Dialogs:
    """Answers the modal dialogs as they open, in order, each by a handler that drives it."""

    def __init__(self) -> None:
        self.handlers: list[Handler] = []
        self.seen: list[QDialog] = []
        self.failures: list[BaseException] = []

    def check(self) -> None:
        """Raise what went wrong inside a dialog (the dialog was closed so the test goes on)."""
        if self.failures:
            raise self.failures[0]

    def then(self, handler: Handler) -> None:
        self.handlers.append(handler)
        QTimer.singleShot(20, self._poll)

    def _poll(self) -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, QDialog) and dialog not in self.seen and self.handlers:
            self.seen.append(dialog)
            handler = self.handlers.pop(0)
            if self.handlers:
                QTimer.singleShot(20, self._poll)  # a fresh timer: nested dialogs get theirs
            try:
                handler(dialog)
            except BaseException as exc:  # re-raised by check()
                self.failures.append(exc)
                self.handlers.clear()
                for open_dialog in reversed(self.seen):
                    open_dialog.done(0)
        elif self.handlers:
            QTimer.singleShot(20, self._poll)


W = TypeVar("W", bound=QWidget)


def child(parent: QWidget, kind: type[W], name: str | None = None) -> W:
    """The one widget of this kind (with this object name) inside `parent`."""
    found = parent.findChild(kind, name) if name else parent.findChild(kind)
    assert found is not None, f"no {kind.__name__} {name or ''} in {parent.windowTitle()!r}"
    return found


def field(parent: QWidget, name: str) -> Any:
    """The widget the officer knows by this label (its accessible name)."""
    found = [w for w in parent.findChildren(QWidget) if w.accessibleName() == name]
    assert found, f"no field {name!r} in {parent.windowTitle()!r}"
    return found[0]


def menu_action(window: MainWindow, menu: str, text: str) -> QAction:
    for top in window.menuBar().actions():
        if top.text().replace("&", "") == menu:
            sub = top.menu()
            assert isinstance(sub, QMenu)
            for action in sub.actions():
                if action.text().replace("&", "").startswith(text):
                    return action
    raise AssertionError(f"no {menu} > {text}")


def _keys(qtbot: Any, widget: QWidget, text: str) -> None:
    if text.isascii():
        qtbot.keyClicks(widget, text)
        return
    # Chinese is typed through an input method, which hands the widget the finished text.
    event = QInputMethodEvent("", [])
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def type_into(qtbot: Any, widget: QWidget, text: str) -> None:
    """Replace what a field holds by typing, as the officer does (select all, then type)."""
    if isinstance(widget, QComboBox) and widget.isEditable():
        line = widget.lineEdit()
        completer = widget.completer()
        assert line is not None and completer is not None
        line.setFocus()
        qtbot.keyClick(line, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        _keys(qtbot, line, text)
        popup = completer.popup()
        if (
            popup is not None and popup.isVisible()
        ):  # the first name found, taken with Down and Enter
            qtbot.keyClick(popup, Qt.Key.Key_Down)
            qtbot.keyClick(popup, Qt.Key.Key_Return)
        return
    widget.setFocus()
    qtbot.keyClick(widget, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    _keys(qtbot, widget, text)


def choose(qtbot: Any, combo: QComboBox, text: str) -> None:
    """Pick an entry of a drop-down list by typing its first word, as the keyboard does (a
    space would open the list)."""
    combo.setFocus()
    qtbot.keyClicks(combo, text.split()[0])
    assert combo.currentText().startswith(text), combo.currentText()


def click_row(qtbot: Any, table: QTableView, row: int, double: bool = False) -> None:
    rect = table.visualRect(table.model().index(row, 0))
    press = qtbot.mouseDClick if double else qtbot.mouseClick
    if double:
        qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    press(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def new_person(
    qtbot: Any, honorific: str, given: str, family: str, rank: int, organisation: str
) -> Handler:
    def fill(dialog: QDialog) -> None:
        assert dialog.windowTitle() == "New person"
        type_into(qtbot, field(dialog, "Honorific"), honorific)
        type_into(qtbot, field(dialog, "Given name"), given)
        type_into(qtbot, field(dialog, "Family name"), family)
        click(qtbot, button(dialog, "Family name first (Chinese, Japanese, Korean names)"))
        type_into(qtbot, field(dialog, "Precedence"), str(rank))
        choose(qtbot, field(dialog, "Organisation"), organisation)
        click(qtbot, button(dialog, "Save"))

    return fill


def test_a_delegation_entered_by_hand_corrected_and_a_duplicate_merged_then_undone(
    qtbot: Any, window: MainWindow, warnings: list[str]
) -> None:
    dialogs = Dialogs()

    # Office set-up: the office becomes the host organisation of its visits.
    def set_up_office(dialog: QDialog) -> None:
        assert dialog.windowTitle() == "Office set-up"
        type_into(
            qtbot, field(dialog, "Office name"), "Intellectual Property Organization of Pakistan"
        )
        type_into(qtbot, field(dialog, "Short name"), "IPO-Pakistan")
        type_into(qtbot, field(dialog, "Country"), "Pakistan")
        click(qtbot, button(dialog, "Save"))

    dialogs.then(set_up_office)
    menu_action(window, "File", "Office set-up").trigger()
    dialogs.check()
    assert not warnings

    # A new visit: the host is the office; the guests are made from the visit dialog.
    def guests(dialog: QDialog) -> None:
        assert dialog.windowTitle() == "New organisation"
        type_into(
            qtbot, field(dialog, "Name"), "China National Intellectual Property Administration"
        )
        type_into(qtbot, field(dialog, "Short name"), "CNIPA")
        type_into(qtbot, field(dialog, "Name in own script"), "国家知识产权局")
        type_into(qtbot, field(dialog, "Country"), "China")
        choose(qtbot, field(dialog, "Kind"), "Government agency")
        click(qtbot, button(dialog, "Save"))

    seen: dict[str, str] = {}

    def new_visit(dialog: QDialog) -> None:
        assert dialog.windowTitle() == "New visit"
        seen["host"] = field(dialog, "Host").currentText()
        type_into(qtbot, field(dialog, "Title"), "Visit of the CNIPA delegation")
        dialogs.then(guests)
        click(qtbot, field(dialog, "New organisation (Guests)"))
        seen["guests"] = field(dialog, "Guests").currentText()
        type_into(qtbot, field(dialog, "Country"), "Pakistan")
        click(qtbot, button(dialog, "Save"))

    dialogs.then(new_visit)
    menu_action(window, "File", "New visit").trigger()
    dialogs.check()
    assert seen["host"] == "Intellectual Property Organization of Pakistan (IPO-Pakistan)"
    assert seen["guests"] == "China National Intellectual Property Administration (CNIPA)"
    assert window.tabs.tabText(window.tabs.currentIndex()) == "Visit of the CNIPA delegation"
    visit = window.tabs.currentWidget()
    assert visit is not None
    sections = child(visit, QTabWidget)
    assert isinstance(sections, QTabWidget)
    for number in range(sections.count()):
        if sections.tabText(number).replace("&", "") == "Delegation":
            sections.setCurrentIndex(number)
    panel = sections.currentWidget()

    # Three delegates made in the picker; it lists them by precedence, unranked last.
    order: list[list[str]] = []

    def picker(dialog: QDialog) -> None:
        for handler in (
            new_person(qtbot, "Mr.", "Wei", "ZHANG", 2, "China National"),
            new_person(qtbot, "Dr.", "Zhimin", "HEE", 1, "China National"),
            new_person(qtbot, "Ms.", "Li", "WANG", 0, "China National"),
        ):
            dialogs.then(handler)
            click(qtbot, button(dialog, "New person…"))
        table = child(dialog, QTableView, "people")
        order.append(column_cells(table, 0))
        table.setFocus()
        qtbot.keyClick(table, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        click(qtbot, button(dialog, "OK"))

    dialogs.then(picker)
    click(qtbot, button(panel, "Add members…"))
    dialogs.check()
    assert order == [["Dr. HEE Zhimin", "Mr. ZHANG Wei", "Ms. WANG Li"]]
    delegation = child(panel, QTableView, "delegation")
    # The most senior leads, though no one chose a leader.
    assert column_cells(delegation, 0) == [
        "Dr. HEE Zhimin  (leader)",
        "Mr. ZHANG Wei",
        "Ms. WANG Li",
    ]

    # The misspelt name corrected from the delegation: a double-click opens the person.
    def correct(dialog: QDialog) -> None:
        assert dialog.windowTitle() == "Edit person: Dr. HEE Zhimin"
        type_into(qtbot, field(dialog, "Family name"), "HE")
        type_into(qtbot, field(dialog, "Dietary needs"), "No pork")
        click(qtbot, button(dialog, "Save"))

    dialogs.then(correct)
    click_row(qtbot, delegation, 0, double=True)
    dialogs.check()
    assert column_cells(delegation, 0)[0] == "Dr. HE Zhimin  (leader)"
    # The correction is undoable like any edit of the visit, and redoable.
    undo = menu_action(window, "Edit", "Undo")
    assert undo.text().replace("&", "") == "Undo Edit Dr. HE Zhimin"
    undo.trigger()
    assert column_cells(delegation, 0)[0] == "Dr. HEE Zhimin  (leader)"
    menu_action(window, "Edit", "Redo").trigger()
    assert column_cells(delegation, 0)[0] == "Dr. HE Zhimin  (leader)"

    # Ms. WANG interprets.
    click_row(qtbot, delegation, 2)
    choose(qtbot, field(panel, "Role"), "Interpreter")
    assert column_cells(delegation, 5) == ["", "", "Interpreter"]

    # The visit dialog says who leads and why.
    notes: list[str] = []

    def details(dialog: QDialog) -> None:
        notes.append(child(dialog, QLabel, "leader_note").text())
        notes.append(field(dialog, "Leader").currentText())
        click(qtbot, button(dialog, "Cancel"))

    dialogs.then(details)
    click(qtbot, button(visit, "Edit details…"))
    dialogs.check()
    assert notes == ["Leader: Dr. HE Zhimin (highest precedence); change it here.", "Dr. HE Zhimin"]

    # A second record of the guests' organisation, as a second file would bring it, and Ms.
    # WANG put under it from the People view.
    menu_action(window, "View", "People and organisations").trigger()
    people = window.tabs.currentWidget()
    assert people is not None

    def duplicate(dialog: QDialog) -> None:
        type_into(
            qtbot, field(dialog, "Name"), "National Intellectual Property Administration, PRC"
        )
        type_into(qtbot, field(dialog, "Short name"), "NIPA")
        type_into(qtbot, field(dialog, "Country"), "CN")
        click(qtbot, button(dialog, "Save"))

    dialogs.then(duplicate)
    click(qtbot, button(people, "New organisation…"))
    dialogs.check()
    lists = child(people, QTabWidget)
    lists.setCurrentIndex(0)
    people_table = child(people, QTableView, "people")
    wang = column_cells(people_table, 0).index("Ms. WANG Li")

    def move_wang(dialog: QDialog) -> None:
        choose(qtbot, field(dialog, "Organisation"), "National")
        click(qtbot, button(dialog, "Save"))

    dialogs.then(move_wang)
    click_row(qtbot, people_table, wang, double=True)
    dialogs.check()
    assert column_cells(delegation, 3) == ["CNIPA", "CNIPA", "NIPA"]

    # Merge the two from the People view: both side by side, CNIPA kept.
    lists.setCurrentIndex(1)
    organisations = child(people, QTableView, "organisations")
    assert sorted(column_cells(organisations, 1)) == ["CNIPA", "IPO-Pakistan", "NIPA"]
    qtbot.keyClicks(
        field(people, "Search people and organisations"), "intellectual property administration"
    )
    assert sorted(column_cells(organisations, 1)) == ["CNIPA", "NIPA"]
    organisations.setFocus()
    qtbot.keyClick(organisations, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    side_by_side: list[str] = []

    def merge(dialog: QDialog) -> None:
        assert dialog.windowTitle() == "Merge two organisations"
        side_by_side.extend(label.text() for label in dialog.findChildren(QLabel))
        click(qtbot, field(dialog, "Keep CNIPA"))
        click(qtbot, button(dialog, "Merge"))

    dialogs.then(merge)
    click(qtbot, button(people, "Merge…"))
    dialogs.check()
    assert "国家知识产权局" in side_by_side and "China" in side_by_side
    assert column_cells(organisations, 1) == ["CNIPA"]
    assert column_cells(delegation, 3) == ["CNIPA", "CNIPA", "CNIPA"]

    # Edit > Undo brings the duplicate back, with Ms. WANG under it again.
    undo = menu_action(window, "Edit", "Undo")
    assert undo.text().replace("&", "") == "Undo Merge NIPA into CNIPA"
    undo.trigger()
    assert sorted(column_cells(organisations, 1)) == ["CNIPA", "NIPA"]
    assert column_cells(delegation, 3) == ["CNIPA", "CNIPA", "NIPA"]
    assert warnings == []
