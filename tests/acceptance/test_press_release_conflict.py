"""Two officers finish one press release at the same time, each in their own window.

From an empty folder: officer A imports the example visit; officer B opens its press release in
a window of their own and saves a new headline. A, who opened the release before, adds a closing
paragraph and saves. A's save does not overwrite B's headline in silence: both versions are
shown, naming the headline, and A goes back to the editor with the paragraph still typed. Saved
again, A keeps their own text on purpose, and the exported PDF carries A's paragraph. When B later
changes the topic under A's new city, A takes B's version instead: the editor shows it.
"""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QFileDialog,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTableView,
    QTableWidget,
    QTabWidget,
    QWidget,
)

from tests.acceptance.conftest import menu_action, when_shown
from tests.acceptance.widgets import conflict_dialog
from visitdesk.app import Desk
from visitdesk.ui.main_window import MainWindow

PARAGRAPH = "Both offices will meet again in Beijing in the autumn."


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    return tmp_path / "office records"


def open_window(qtbot: Any, folder: Path, user: str) -> MainWindow:
    main = MainWindow(Desk.open(data_dir=folder, user=user))
    qtbot.addWidget(main)
    main.resize(1366, 768)
    main.show()
    qtbot.waitExposed(main)
    return main


@pytest.fixture
def officer_a(qtbot: Any, folder: Path, messages: list[Any]) -> Iterator[MainWindow]:
    main = open_window(qtbot, folder, "akhan")
    yield main
    main.desk.close()


def button(parent: QWidget, text: str) -> QAbstractButton:
    found = [
        b
        for b in parent.findChildren(QAbstractButton)
        if b.isVisible() and b.text().replace("&", "") == text
    ]
    assert found, f"no button {text!r} shown"
    return found[0]


def field(parent: QWidget, name: str) -> Any:
    found = [w for w in parent.findChildren(QWidget) if w.accessibleName() == name]
    assert found, f"no field {name!r}"
    return found[0]


def release_of_the_visit(qtbot: Any, window: MainWindow) -> QWidget:
    """Search the visits for the SIPO visit, open it and choose its Press release tab."""
    qtbot.waitUntil(lambda: window.findChild(QTableView) is not None)
    visits = window.tabs.widget(0)
    assert visits is not None
    search = visits.findChild(QLineEdit)
    assert search is not None
    qtbot.keyClicks(search, "sipo china")
    qtbot.keyClick(search, Qt.Key.Key_Return)
    visit = window.tabs.currentWidget()
    assert visit is not None
    sections = visit.findChild(QTabWidget)
    assert sections is not None
    titles = [sections.tabText(i).replace("&", "") for i in range(sections.count())]
    bar = sections.tabBar()
    qtbot.mouseClick(
        bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(titles.index("Press release")).center()
    )
    qtbot.waitUntil(lambda: button(visit, "Save").isVisible(), timeout=10_000)
    return visit


def type_into(qtbot: Any, box: QPlainTextEdit, text: str) -> None:
    box.setFocus()
    qtbot.keyClick(box, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    for _ in range(2):  # an empty line: a new paragraph
        qtbot.keyClick(box, Qt.Key.Key_Return)
    qtbot.keyClicks(box, text)


def state(release: QWidget) -> str:
    """What the line under the editor says (saved, unsaved, issued)."""
    label = release.findChild(QLabel, "release_state")
    assert label is not None
    return label.text()


def test_a_stale_release_save_shows_both_versions_and_keeps_what_was_typed(
    qtbot: Any,
    officer_a: MainWindow,
    folder: Path,
    messages: list[tuple[str, str]],
    monkeypatch: pytest.MonkeyPatch,
    example_path: Path,
    tmp_path: Path,
) -> None:
    a = officer_a
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(example_path), ""))
    menu_action(a, "File", "Import visitdesk/1 file…").trigger()
    assert messages[-1][0] == "Imported"
    a_release = release_of_the_visit(qtbot, a)

    # Officer B, in a window of their own, gives the release a new headline and saves it.
    b = open_window(qtbot, folder, "bmalik")
    try:
        b_release = release_of_the_visit(qtbot, b)
        headline = field(b_release, "Headline")
        headline.setFocus()
        qtbot.keyClick(headline, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        qtbot.keyClicks(headline, "Pakistan and China to cooperate on patents")
        qtbot.mouseClick(button(b_release, "Save"), Qt.MouseButton.LeftButton)
        assert "Saved, with your edits" in state(b_release)
    finally:
        b.desk.close()

    # A, who opened the release before B saved, adds a paragraph and saves.
    body = field(a_release, "Body")
    type_into(qtbot, body, PARAGRAPH)
    seen: list[str] = []

    def back(dialog: QWidget) -> None:
        seen.append(" ".join(label.text() for label in dialog.findChildren(QLabel)))
        table = dialog.findChild(QTableWidget, "conflict-fields")
        assert table is not None
        items = [table.item(r, 0) for r in range(table.rowCount())]
        seen.append(" | ".join(item.text() for item in items if item is not None))
        qtbot.mouseClick(button(dialog, "Back to my changes"), Qt.MouseButton.LeftButton)

    when_shown(conflict_dialog, back)
    qtbot.mouseClick(button(a_release, "Save"), Qt.MouseButton.LeftButton)
    assert "changed by bmalik" in seen[0] and "(headline)" in seen[0]
    assert "Headline" in seen[1]
    # Back in the editor: the paragraph is still there, unsaved.
    assert body.toPlainText().endswith(PARAGRAPH)
    assert "Unsaved" in state(a_release)

    when_shown(
        conflict_dialog,
        lambda d: qtbot.mouseClick(button(d, "Keep mine"), Qt.MouseButton.LeftButton),
    )
    qtbot.mouseClick(button(a_release, "Save"), Qt.MouseButton.LeftButton)
    assert "Saved, with your edits" in state(a_release)

    target = tmp_path / "PR211"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), "PDF documents (*.pdf)")
    )
    qtbot.mouseClick(button(a_release, "Export PDF…"), Qt.MouseButton.LeftButton)
    text = subprocess.run(
        ["pdftotext", "-layout", str(tmp_path / "PR211.pdf"), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert " ".join(PARAGRAPH.split()) in " ".join(text.split())

    # B, in a new window, changes the topic; A changes the city, saves, and takes B's version.
    b = open_window(qtbot, folder, "bmalik")
    try:
        b_release = release_of_the_visit(qtbot, b)
        topic = field(b_release, "Topic")
        topic.setFocus()
        qtbot.keyClick(topic, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        qtbot.keyClicks(topic, "MoU on patent examination")
        qtbot.mouseClick(button(b_release, "Save"), Qt.MouseButton.LeftButton)
    finally:
        b.desk.close()
    city = field(a_release, "City")
    city.setFocus()
    qtbot.keyClick(city, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(city, "Lahore")
    when_shown(
        conflict_dialog,
        lambda d: qtbot.mouseClick(button(d, "Take theirs"), Qt.MouseButton.LeftButton),
    )
    qtbot.mouseClick(button(a_release, "Save"), Qt.MouseButton.LeftButton)
    assert field(a_release, "Topic").text() == "MoU on patent examination"
    assert field(a_release, "City").text() == "Islamabad"
    assert field(a_release, "Body").toPlainText().endswith(PARAGRAPH)  # A's kept save stands
    assert "Unsaved" not in state(a_release)
