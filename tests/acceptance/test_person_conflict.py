"""Two officers correct one person at the same time, each in their own window on one folder.

From an empty folder: officer A adds Ms. Tanaka in the People view. A opens her to add her
phone; meanwhile officer B opens her too, changes her position and saves. When A saves, the
window does not overwrite B's change in silence: it shows both versions and names the field B
changed, and A keeps theirs on purpose (Keep mine). Edit > Undo in A then puts back B's
version, and the undo is said in the menu.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QTableView,
    QTableWidget,
    QWidget,
)

from tests.acceptance.conftest import menu_action, when_shown
from tests.acceptance.widgets import button, column_cells, conflict_dialog
from visitdesk.app import Desk
from visitdesk.ui.main_window import MainWindow


@pytest.fixture
def two_windows(
    qtbot: Any, tmp_path: Path, messages: list[Any]
) -> Iterator[tuple[MainWindow, MainWindow]]:
    """Officer A's and officer B's windows, each a VisitDesk of its own on one folder."""
    folder = tmp_path / "office records"
    windows = []
    for user in ("akhan", "bmalik"):
        main = MainWindow(Desk.open(data_dir=folder, user=user))
        qtbot.addWidget(main)
        main.resize(1366, 768)
        main.show()
        qtbot.waitExposed(main)
        windows.append(main)
    yield windows[0], windows[1]
    for main in windows:
        main.desk.close()


def field(dialog: QWidget, name: str) -> Any:
    found = [w for w in dialog.findChildren(QWidget) if w.accessibleName() == name]
    assert found, f"no field {name!r} in {dialog.windowTitle()!r}"
    return found[0]


def type_into(qtbot: Any, widget: QWidget, text: str) -> None:
    widget.setFocus()
    qtbot.keyClick(widget, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(widget, text)


def people_table(qtbot: Any, window: MainWindow) -> QTableView:
    menu_action(window, "View", "People and organisations").trigger()
    view = window.tabs.currentWidget()
    table = view.findChild(QTableView, "people")
    assert table is not None
    return table


def double_click(qtbot: Any, table: QTableView, text: str) -> None:
    row = column_cells(table, 0).index(text)
    centre = table.visualRect(table.model().index(row, 0)).center()
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=centre)


def person_dialog(other_than: QWidget | None = None) -> Any:
    def find() -> QWidget | None:
        widget = QApplication.activeModalWidget()
        if widget is None or widget.objectName() != "person_dialog" or widget is other_than:
            return None
        return widget

    return find


def test_a_save_over_another_officers_change_shows_both_and_keep_mine_stores_mine(
    qtbot: Any, two_windows: tuple[MainWindow, MainWindow], messages: list[Any]
) -> None:
    a, b = two_windows

    # A adds Ms. Tanaka, an examiner.
    a_people = people_table(qtbot, a)

    def add(dialog: QWidget) -> None:
        type_into(qtbot, field(dialog, "Honorific"), "Ms.")
        type_into(qtbot, field(dialog, "Given name"), "Yuki")
        type_into(qtbot, field(dialog, "Family name"), "Tanaka")
        type_into(qtbot, field(dialog, "Position"), "Examiner")
        qtbot.mouseClick(button(dialog, "Save"), Qt.MouseButton.LeftButton)

    when_shown(person_dialog(), add)
    qtbot.mouseClick(button(a, "New person…"), Qt.MouseButton.LeftButton)
    assert "Ms. Yuki Tanaka" in column_cells(a_people, 0)
    b_people = people_table(qtbot, b)
    assert column_cells(b_people, 0) == ["Ms. Yuki Tanaka"]

    seen: dict[str, Any] = {}

    def b_changes_position(dialog: QWidget) -> None:
        type_into(qtbot, field(dialog, "Position"), "Director, Patent Examination")
        qtbot.mouseClick(button(dialog, "Save"), Qt.MouseButton.LeftButton)

    def keep_mine(dialog: QWidget) -> None:
        seen["title"] = dialog.windowTitle()
        seen["text"] = " ".join(label.text() for label in dialog.findChildren(QLabel))
        table = dialog.findChild(QTableWidget, "conflict-fields")
        assert table is not None
        seen["rows"] = [
            tuple(str(table.model().index(r, c).data()) for c in range(3))
            for r in range(table.rowCount())
        ]
        qtbot.mouseClick(button(dialog, "Keep mine"), Qt.MouseButton.LeftButton)

    def a_adds_phone(dialog: QWidget) -> None:
        type_into(qtbot, field(dialog, "Phone"), "+81 3 3581 1101")
        # Meanwhile B opens her in the other window, corrects her position and saves.
        when_shown(person_dialog(other_than=dialog), b_changes_position)
        double_click(qtbot, b_people, "Ms. Yuki Tanaka")
        seen["b saw"] = column_cells(b_people, 2)
        when_shown(conflict_dialog, keep_mine)
        qtbot.mouseClick(button(dialog, "Save"), Qt.MouseButton.LeftButton)

    when_shown(person_dialog(), a_adds_phone)
    double_click(qtbot, a_people, "Ms. Yuki Tanaka")

    assert seen["b saw"] == ["Director, Patent Examination"]
    assert seen["title"] == "Changed by another officer"
    assert "bmalik" in seen["text"] and "(position)" in seen["text"]
    # Only what differs is compared, each field by its name.
    assert seen["rows"] == [
        ("Position", "Examiner", "Director, Patent Examination"),
        ("Phone", "+81 3 3581 1101", "—"),
    ]
    assert not messages  # no other warning on the way

    # Keep mine stored A's change (the phone) over B's version; B's position, which A never
    # touched, stays as B saved it. B opening her again reads both.
    assert column_cells(a_people, 2) == ["Director, Patent Examination"]
    in_b: dict[str, str] = {}

    def look(dialog: QWidget) -> None:
        in_b.update(position=field(dialog, "Position").text(), phone=field(dialog, "Phone").text())
        qtbot.mouseClick(button(dialog, "Cancel"), Qt.MouseButton.LeftButton)

    when_shown(person_dialog(), look)
    double_click(qtbot, b_people, "Ms. Yuki Tanaka")
    assert in_b == {"position": "Director, Patent Examination", "phone": "+81 3 3581 1101"}

    # Edit > Undo in A puts back B's version, which A's save replaced: no phone.
    undo = menu_action(a, "Edit", "Undo Edit Ms. Yuki Tanaka")
    undo.trigger()
    assert column_cells(a_people, 2) == ["Director, Patent Examination"]

    def no_phone(dialog: QWidget) -> None:
        in_b.update(phone=field(dialog, "Phone").text())
        qtbot.mouseClick(button(dialog, "Cancel"), Qt.MouseButton.LeftButton)

    when_shown(person_dialog(), no_phone)
    double_click(qtbot, b_people, "Ms. Yuki Tanaka")
    assert in_b["phone"] == ""
