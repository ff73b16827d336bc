"""An officer opens a visit's press release and exports it as Word, to finish it there.

The .docx read back holds what the window's preview shows: letterhead, number line, headline,
body and end mark, each in its named style.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import docx
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QLineEdit, QPushButton, QTableView, QTabWidget

from tests.acceptance.test_press_register import (  # noqa: F401  (fixtures used by name)
    child,
    import_through_menu,
    window,
)
from visitdesk.ui.main_window import MainWindow


def test_export_as_word(
    qtbot: Any,
    window: MainWindow,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    example_path: Path,
) -> None:
    qtbot.waitUntil(lambda: window.findChild(QTableView) is not None)
    import_through_menu(window, monkeypatch, example_path)
    visits = window.tabs.widget(0)
    assert visits is not None
    search = child(visits, QLineEdit)
    qtbot.keyClicks(search, "sipo china")
    qtbot.keyClick(search, Qt.Key.Key_Return)
    visit = window.tabs.currentWidget()
    assert visit is not None
    sections = child(visit, QTabWidget)
    titles = [sections.tabText(i).replace("&", "") for i in range(sections.count())]
    bar = sections.tabBar()
    tab = bar.tabRect(titles.index("Press release")).center()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=tab)
    export = next(
        b for b in visit.findChildren(QPushButton) if b.text().replace("&", "") == "Export as Word…"
    )
    qtbot.waitUntil(export.isVisible, timeout=10_000)
    target = tmp_path / "PR211 for the press wing"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), "Word documents (*.docx)")
    )
    qtbot.mouseClick(export, Qt.MouseButton.LeftButton)
    written = tmp_path / "PR211 for the press wing.docx"
    assert window.statusBar().currentMessage() == f"Press release written to {written}"
    paragraphs = [(p.style.name, p.text) for p in docx.Document(str(written)).paragraphs if p.style]
    assert paragraphs[0] == ("Letterhead", "Intellectual Property Organization of Pakistan")
    assert ("Release Number Line", "PR No.211\tIslamabad: March 22, 2017") in paragraphs
    assert any(name == "Release Headline" and "draft MoU" in text for name, text in paragraphs)
    assert paragraphs[-1] == ("Release End Mark", "*****")
