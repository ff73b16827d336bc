"""The press release editor: draft beside a live preview, edit, save, export, print."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QFileDialog

from visitdesk.domain.models import PressRelease
from visitdesk.ui.views.press_release_panel import PressReleasePanel
from visitdesk.ui.views.visit_view import VisitView


def _release_tab(qtbot, window) -> tuple[VisitView, PressReleasePanel]:
    view = window.visits_view
    qtbot.keyClicks(view.search, "sipo china")
    qtbot.keyClick(view.search, Qt.Key.Key_Return)
    visit = window.tabs.currentWidget()
    assert isinstance(visit, VisitView)
    visit.show_section("press-release")
    panel = visit.press_release
    assert panel is not None
    qtbot.waitUntil(lambda: panel.preview.page_count() > 0, timeout=10_000)
    return visit, panel


def _saved(store) -> PressRelease:
    with store.session() as session:
        release: PressRelease = session.query(PressRelease).one()
        session.expunge(release)
        return release


def _text(path: Path | None) -> str:
    assert path is not None, "the preview has no PDF yet"
    return " ".join((page.extract_text() or "") for page in PdfReader(path).pages)


def test_the_release_opens_beside_its_preview_and_typing_updates_the_preview(qtbot, window):
    _visit, panel = _release_tab(qtbot, window)
    assert panel.number.value() == 211
    assert panel.headline.toPlainText() == _saved(window.desk._store).headline
    first = panel.preview.current_path()
    panel.headline.setPlainText("Talks on <b>patents</b> & designs 🙂")
    assert "Unsaved" in panel.state.text()
    with qtbot.waitSignal(panel.preview.built, timeout=10_000):
        pass
    assert panel.preview.current_path() != first
    assert "Talks on <b>patents</b> & designs" in _text(panel.preview.current_path())


def test_saving_keeps_the_edits_and_marks_the_record_edited(qtbot, window, example_store):
    _visit, panel = _release_tab(qtbot, window)
    panel.headline.setPlainText("A new headline")
    panel.body.setPlainText("First paragraph.\n\nSecond paragraph.")
    panel.number.setValue(300)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    panel.body.setFocus()
    qtbot.keyClick(panel.body, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    saved = _saved(example_store)
    assert (saved.headline, saved.number, saved.edited) == ("A new headline", 300, True)
    assert saved.body == "First paragraph.\n\nSecond paragraph."
    assert not panel.is_dirty()
    assert "your edits" in panel.state.text()


def test_a_refused_number_keeps_the_text_and_says_why(qtbot, window, example_store, messages):
    _visit, panel = _release_tab(qtbot, window)
    panel.body.setPlainText("Words I must not lose")
    panel.number.setValue(0)  # below the range: the spin box refuses it itself
    assert panel.number.value() == 1
    with example_store.transaction() as session:
        other = session.query(PressRelease).one()
        visit = other.visit
        visit.press_releases.append(PressRelease(number=5, date=other.date))
    panel.number.setValue(5)
    qtbot.mouseClick(panel.save_button, Qt.MouseButton.LeftButton)
    assert messages[-1][0] == "Press release not saved"
    assert "already used" in messages[-1][1]
    assert panel.body.toPlainText() == "Words I must not lose" and panel.is_dirty()


def test_export_writes_the_pdf_the_officer_sees(qtbot, window, tmp_path, monkeypatch):
    _visit, panel = _release_tab(qtbot, window)
    panel.headline.setPlainText("Exported headline")
    target = tmp_path / "release"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), "PDF documents (*.pdf)")
    )
    qtbot.mouseClick(panel.export_button, Qt.MouseButton.LeftButton)
    written = tmp_path / "release.pdf"
    assert "Exported headline" in _text(written)
    assert _saved(window.desk._store).headline == "Exported headline"  # saved before export


def test_print_goes_through_the_print_dialog(qtbot, window, tmp_path, monkeypatch):
    _visit, panel = _release_tab(qtbot, window)
    out = tmp_path / "printed.pdf"
    shown: list[QPrinter] = []

    def exec_(dialog: QPrintDialog) -> int:
        printer = dialog.printer()
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(out))
        shown.append(printer)
        return int(QDialog.DialogCode.Accepted)

    monkeypatch.setattr(QPrintDialog, "exec", exec_)
    qtbot.mouseClick(panel.print_button, Qt.MouseButton.LeftButton)
    assert shown and out.exists()
    assert len(PdfReader(out).pages) == panel.preview.page_count()


@pytest.mark.parametrize("answer", ["discard", "cancel"])
def test_closing_the_tab_with_unsaved_text_asks(qtbot, window, monkeypatch, answer):
    from PySide6.QtWidgets import QMessageBox

    visit, panel = _release_tab(qtbot, window)
    panel.body.setPlainText("unsaved")
    button = {
        "discard": QMessageBox.StandardButton.Discard,
        "cancel": QMessageBox.StandardButton.Cancel,
    }
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: button[answer])
    window.close_tab(window.tabs.indexOf(visit))
    still_open = window.tabs.indexOf(visit) >= 0
    assert still_open is (answer == "cancel")
