"""The embassy sends a corrected delegation list: the officer previews it, applies the
corrections, takes a dropped member off the visit, then thinks better of it and undoes the
whole import with Edit > Undo. From an empty store, through visible widgets only."""

from __future__ import annotations

import csv
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QFileDialog,
    QLabel,
    QListWidget,
    QMenu,
    QTableView,
    QTabWidget,
    QWidget,
)

from tests.acceptance.conftest import open_window
from tests.conftest import EXAMPLE
from visitdesk.store.database import Store
from visitdesk.ui.main_window import MainWindow
from visitdesk.ui.refcounts import pin_singletons

pin_singletons()


@pytest.fixture
def window(qtbot: Any, store: Store, messages: list[Any]) -> MainWindow:
    return open_window(qtbot, store)


def choose_file(monkeypatch: pytest.MonkeyPatch, path: Path) -> None:
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))


def menu_action(window: MainWindow, menu: str, starts: str) -> QAction:
    for top in window.menuBar().actions():
        found = top.menu()
        if top.text().replace("&", "") == menu and isinstance(found, QMenu):
            for action in found.actions():
                if action.text().replace("&", "").startswith(starts):
                    chosen: QAction = action
                    return chosen
    raise AssertionError(f"no {menu} > {starts}… in the menus")


def button(parent: QWidget, text: str) -> QAbstractButton:
    for found in parent.findChildren(QAbstractButton):
        if found.isVisible() and found.text().replace("&", "") == text:
            return found
    raise AssertionError(f"no button {text!r} on screen")


def visible_table_texts(parent: QWidget, column: int) -> list[str]:
    tables = [t for t in parent.findChildren(QTableView) if t.isVisible()]
    assert len(tables) == 1, "expected one table on screen"
    model = tables[0].model()
    return [str(model.index(row, column).data()) for row in range(model.rowCount())]


def while_modal(qtbot: Any, act: Callable[[QWidget], None]) -> None:
    """Act in the next modal dialog once it is on screen (it blocks the caller meanwhile)."""

    def run() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(50, run)
            return
        act(dialog)

    QTimer.singleShot(50, run)


def test_a_corrected_list_is_applied_after_one_preview_and_undone_in_one_step(
    qtbot: Any, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The visit arrives as the office's exchange file.
    choose_file(monkeypatch, EXAMPLE)
    menu_action(window, "File", "Import visitdesk/1 file").trigger()
    search = window.visits_view.search
    qtbot.keyClicks(search, "sipo china")
    qtbot.keyClick(search, Qt.Key.Key_Return)
    visit = window.tabs.currentWidget()
    assert visit is not None
    tabs = next(t for t in visit.findChildren(QTabWidget) if t.isVisible())
    tabs.setCurrentIndex(
        next(i for i in range(tabs.count()) if tabs.tabText(i).replace("&", "") == "Delegation")
    )
    assert visible_table_texts(visit, 2) == [
        "Deputy Commissioner",
        "Director, International Cooperation Department",
    ]

    # The embassy's second list: a corrected title, a new interpreter, Mr. Zhang dropped.
    corrected = tmp_path / "delegation v2.csv"
    with corrected.open("w", encoding="utf-8-sig", newline="") as stream:
        csv.writer(stream).writerows(
            [
                ["Name", "Title/Position", "Organisation"],
                ["Dr. He Zhimin", "Commissioner", "SIPO"],
                ["Ms. Li Na", "Interpreter", "SIPO"],
            ]
        )
    choose_file(monkeypatch, corrected)
    preview: dict[str, Any] = {}

    def in_the_preview(dialog: QWidget) -> None:
        changes = dialog.findChild(QListWidget, "import-changes")
        missing = dialog.findChild(QListWidget, "import-missing")
        assert changes is not None and missing is not None
        preview["changes"] = [changes.item(i).text() for i in range(changes.count())]
        preview["missing"] = [missing.item(i).text() for i in range(missing.count())]
        preview["notes"] = [label.text() for label in dialog.findChildren(QLabel)]
        item = missing.item(0)
        box = missing.visualItemRect(item)
        # The tick box sits at the left of the row.
        tick = QPoint(box.left() + 10, box.center().y())
        qtbot.mouseClick(missing.viewport(), Qt.MouseButton.LeftButton, pos=tick)
        preview["ticked"] = item.checkState() == Qt.CheckState.Checked
        qtbot.mouseClick(button(dialog, "Import"), Qt.MouseButton.LeftButton)

    while_modal(qtbot, in_the_preview)
    qtbot.mouseClick(button(visit, "Import people…"), Qt.MouseButton.LeftButton)

    assert preview["changes"] == [
        "Row 2, Dr. HE Zhimin: Title/Position: “Deputy Commissioner” → “Commissioner”"
    ]
    assert preview["missing"] == ["Mr. ZHANG Wei (sipo-member-2)"]
    assert preview["ticked"] is True
    assert any("Read as UTF-8 with BOM." in text for text in preview["notes"])
    assert visible_table_texts(visit, 2) == ["Commissioner", "Interpreter"]
    assert window.statusBar().currentMessage() == (
        "Imported delegation v2.csv: 1 joined the visit, 1 of them new; "
        "1 field changed on 1 person; 1 taken off the visit."
    )

    # Second thoughts: one Undo puts the delegation back as it was.
    undo = menu_action(window, "Edit", "Undo")
    assert undo.text().replace("&", "") == "Undo Import delegation v2.csv"
    undo.trigger()
    assert visible_table_texts(visit, 2) == [
        "Deputy Commissioner",
        "Director, International Cooperation Department",
    ]
    redo = menu_action(window, "Edit", "Redo")
    redo.trigger()
    assert visible_table_texts(visit, 2) == ["Commissioner", "Interpreter"]
