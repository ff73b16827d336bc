"""What an officer does with the window's widgets, shared by the acceptance stories: find a
menu entry, a button or a field by what is written on it, click, retype, read a column.

Only visible texts, object names and the keyboard and mouse: nothing private, no service.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QLineEdit,
    QMenu,
    QTableView,
    QWidget,
)


def plain(text: str) -> str:
    """A label without its mnemonic marks, as the officer reads it."""
    return text.replace("&", "")


def menu_entry(window: QWidget, menu: str, starts: str) -> QAction:
    """The entry of the top menu `menu` whose text starts with `starts`."""
    for top in window.menuBar().actions():  # type: ignore[attr-defined]
        sub = top.menu()
        if plain(top.text()) == menu and isinstance(sub, QMenu):
            for action in sub.actions():
                if plain(action.text()).startswith(starts):
                    found: QAction = action
                    return found
    raise AssertionError(f"no {menu} ▸ {starts}")


def button(parent: QWidget, text: str) -> QAbstractButton:
    """The visible button that reads `text`."""
    for candidate in parent.findChildren(QAbstractButton):
        if plain(candidate.text()) == text and candidate.isVisible():
            return candidate
    raise AssertionError(f"no visible button {text!r} in {parent.windowTitle()!r}")


def named(parent: QWidget, kind: type[Any], name: str) -> Any:
    """A widget by its object name (the name a screen reader also has)."""
    found = parent.findChild(kind, name)
    assert found is not None, f"no {kind.__name__} named {name!r}"
    return found


def click(qtbot: Any, widget: QWidget) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def retype(qtbot: Any, field: QLineEdit, text: str) -> None:
    """Select what the field holds, type over it and leave it, as an officer does."""
    field.setFocus()
    field.selectAll()
    qtbot.keyClick(field, Qt.Key.Key_Delete)
    qtbot.keyClicks(field, text)
    qtbot.keyClick(field, Qt.Key.Key_Tab)


def cells_under(table: QTableView, heading: str) -> list[str]:
    """The texts of the column headed `heading`, top to bottom."""
    model = table.model()
    heads = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    number = heads.index(heading)
    return [model.index(r, number).data() for r in range(model.rowCount())]


def column_cells(table: QTableView, column: int) -> list[str]:
    """The texts of the table's column number `column`, top to bottom."""
    model = table.model()
    return [str(model.index(row, column).data()) for row in range(model.rowCount())]


def conflict_dialog() -> QWidget | None:
    """The "changed by another officer" dialog, when it is the one on screen."""
    widget = QApplication.activeModalWidget()
    return widget if widget is not None and widget.objectName() == "conflict" else None


def choose(qtbot: Any, combo: QComboBox, text: str) -> None:
    """Pick the entry `text` of a drop-down list with the arrow keys, as from the keyboard."""
    index = combo.findText(text)
    assert index >= 0, f"{text!r} not offered: {[combo.itemText(i) for i in range(combo.count())]}"
    combo.setFocus()
    while combo.currentIndex() != index:
        key = Qt.Key.Key_Down if combo.currentIndex() < index else Qt.Key.Key_Up
        qtbot.keyClick(combo, key)


def in_dialog(title: str, steps: Callable[[QWidget], None]) -> list[QWidget]:
    """Run `steps` in the dialog titled `title` that the next click opens (the click blocks
    until the dialog closes). Polled: the window reads the records off its GUI thread and
    keeps its event loop turning meanwhile, so the dialog may come a moment later."""
    seen: list[QWidget] = []
    timer = QTimer(QApplication.instance())

    def run() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None or not dialog.isVisible() or dialog.windowTitle() != title:
            return
        timer.stop()
        timer.deleteLater()
        seen.append(dialog)
        steps(dialog)

    timer.timeout.connect(run)
    timer.start(20)
    return seen
