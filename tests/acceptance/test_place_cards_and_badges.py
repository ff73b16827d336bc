"""An officer prints the place cards and the name badges of a visit, from an empty store.

The delegation arrives as a visitdesk/1 file (File ▸ Import); then she asks for the place cards
of the whole visit from the visit's button row, looks at them, saves them and prints them (on
A4 landscape, as they are folded); then the badges of one engagement from the Visit menu; and
a ceremony nobody is down for yet is answered with a sentence, not a blank sheet.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrintDialog
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QDialog,
    QFileDialog,
    QLabel,
    QPushButton,
    QRadioButton,
    QWidget,
)

from tests.acceptance.conftest import menu_action, modal, shown_text, when_shown
from tests.printed_visits import NAMES, NATIVE, write_visit
from visitdesk.ui.main_window import MainWindow

Messages = list[tuple[str, str]]


def pdf_text(path: Path) -> list[str]:
    if shutil.which("pdftotext") is None:
        pytest.fail("this story reads the saved PDFs with poppler's pdftotext")
    pages = []
    for n in range(1, len(PdfReader(path).pages) + 1):
        out = subprocess.run(
            ["pdftotext", "-f", str(n), "-l", str(n), str(path), "-"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        pages.append(" ".join("".join(c for c in out if c not in "\u202a\u202b\u202c").split()))
    return pages


def button(parent: QWidget, text: str) -> QAbstractButton:
    for candidate in parent.findChildren(QAbstractButton):
        if shown_text(candidate.text()) == text and candidate.isVisible():
            return candidate
    raise AssertionError(f"no visible button {text!r}")


def shown_preview(name: str) -> QDialog:
    found = [w for w in QApplication.topLevelWidgets() if w.objectName() == name and w.isVisible()]
    assert len(found) == 1, f"no preview {name!r} on screen"
    preview = found[0]
    assert isinstance(preview, QDialog)
    return preview


def labels(widget: QWidget) -> str:
    return " ".join(label.text() for label in widget.findChildren(QLabel))


def answer_scope(qtbot: Any, engagement: str | None) -> list[QWidget]:
    """In the dialog that asks whom to print for: the whole visit, or one engagement."""

    def act(dialog: QWidget) -> None:
        if engagement is not None:
            one = next(r for r in dialog.findChildren(QRadioButton) if "one engagement" in r.text())
            qtbot.mouseClick(one, Qt.MouseButton.LeftButton)
            combo = dialog.findChild(QComboBox, "printed_scope_engagement")
            assert combo is not None
            texts = [combo.itemText(i) for i in range(combo.count())]
            wanted = next(i for i, t in enumerate(texts) if t.endswith(engagement))
            combo.setFocus()
            while combo.currentIndex() != wanted:
                down = combo.currentIndex() < wanted
                qtbot.keyClick(combo, Qt.Key.Key_Down if down else Qt.Key.Key_Up)
        qtbot.mouseClick(button(dialog, "OK"), Qt.MouseButton.LeftButton)

    return when_shown(modal("printed_scope_dialog"), act)


def test_an_officer_prints_place_cards_and_badges(
    qtbot: Any,
    empty_window: MainWindow,
    messages: Messages,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window = empty_window
    visit_file = write_visit(tmp_path / "trade.visit.json")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(visit_file), ""))
    menu_action(window, "File", "Import visitdesk/1 file…").trigger()
    assert messages and messages[-1][0] == "Imported", messages
    search = window.visits_view.search
    qtbot.keyClicks(search, "asian trade")
    qtbot.keyClick(search, Qt.Key.Key_Return)
    view = window.tabs.currentWidget()
    assert view is not None
    assert shown_text(window.tabs.tabText(window.tabs.currentIndex())) == (
        "Visit of the Asian trade delegation"
    )

    # 1. Place cards of the whole visit, from the visit's button row.
    asked = answer_scope(qtbot, None)
    qtbot.mouseClick(button(view, "Place cards…"), Qt.MouseButton.LeftButton)
    assert asked
    preview = shown_preview("place_cards_preview")
    assert preview.windowTitle() == "Place cards: Visit of the Asian trade delegation"
    assert "10 place cards, one A4 sheet each: print landscape, fold along the dotted line." in (
        labels(preview)
    )
    saved = tmp_path / "out" / "cards.pdf"
    saved.parent.mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(saved), ""))
    qtbot.mouseClick(button(preview, "Save as PDF…"), Qt.MouseButton.LeftButton)
    assert f"Saved to {saved}" in labels(preview)
    pages = pdf_text(saved)
    # One sheet a person, in order of precedence: the delegation, then the hosts; every name
    # twice (both faces of the tent), with its native script.
    assert len(pages) == len(NAMES)
    for page, name in zip(pages, NAMES, strict=True):
        assert page.count(" ".join(name.split())) == 2, (name, page)
        if name in NATIVE:
            assert page.count(NATIVE[name]) == 2, (name, page)

    # Print…: the printer is set to A4 landscape, so the tent's fold stays in the middle.
    printed = tmp_path / "printed.pdf"

    def accept(dialog: QPrintDialog) -> int:
        dialog.printer().setOutputFileName(str(printed))
        return int(QDialog.DialogCode.Accepted.value)

    monkeypatch.setattr(QPrintDialog, "exec", accept)
    qtbot.mouseClick(button(preview, "Print…"), Qt.MouseButton.LeftButton)
    sheets = PdfReader(printed).pages
    assert len(sheets) == 10
    assert all(float(p.mediabox.width) > float(p.mediabox.height) for p in sheets)
    preview.close()

    # 2. Badges of one engagement, from the Visit menu.
    asked = answer_scope(qtbot, "Talks at the Ministry of Commerce")
    menu_action(window, "Visit", "Name badges…").trigger()
    assert asked
    preview = shown_preview("badges_preview")
    assert preview.windowTitle() == "Name badges: Talks at the Ministry of Commerce"
    assert "5 badges of 90 × 55 mm on 1 sheet of A4: cut along the marks." in labels(preview)
    badges = tmp_path / "out" / "badges.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(badges), ""))
    qtbot.mouseClick(button(preview, "Save as PDF…"), Qt.MouseButton.LeftButton)
    (sheet,) = pdf_text(badges)
    for name in ("H.E. Mr. WANG Li", "Dr. KIM Min-jun", "Ms. CHEN Mei", "Mr. Ahmed Ranjha"):
        assert name in sheet
    assert "Engr. Khurram Dastgir Khan" in sheet or "Engr. Khurram Dastgir" in sheet
    assert "Ms. SUZUKI Hanako" not in sheet  # not at these talks
    for word in ("DELEGATION", "INTERPRETER", "HOST"):
        assert word in sheet
    assert "خرم دستگیر خان" in sheet and "陈梅" in sheet
    preview.close()

    # 3. A ceremony nobody is down for: a sentence, and no preview.
    before = len(messages)
    asked = answer_scope(qtbot, "Wreath laying")
    qtbot.mouseClick(button(view, "Place cards…"), Qt.MouseButton.LeftButton)
    assert asked
    assert messages[before:] == [
        (
            "Place cards",
            "Nobody takes part in the engagement “Wreath laying” yet, so there are no place "
            "cards to print. Add the delegation or the attendees first.",
        )
    ]
    assert not any(
        w.objectName() == "place_cards_preview" and w.isVisible()
        for w in QApplication.topLevelWidgets()
    )
    assert isinstance(button(view, "Name badges…"), QPushButton)
