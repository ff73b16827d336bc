"""Briefing pack from the window: options, built off the GUI thread, preview, save, print."""

from __future__ import annotations

import threading
from pathlib import Path

from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QFileDialog, QPushButton

from visitdesk.domain.enums import Side
from visitdesk.domain.models import Person, Visit, VisitParticipant
from visitdesk.ui.briefing_job import BriefingJob
from visitdesk.ui.dialogs.document_options import DocumentOptionsDialog
from visitdesk.ui.document_worker import document_pool
from visitdesk.ui.views.visit_view import VisitView


def _open_sipo(qtbot, window) -> VisitView:
    qtbot.keyClicks(window.visits_view.search, "sipo china")
    qtbot.keyClick(window.visits_view.search, Qt.Key.Key_Return)
    view = window.tabs.currentWidget()
    assert isinstance(view, VisitView)
    return view


def _version(store) -> int:
    with store.session() as session:
        visit = session.query(Visit).one()
        return int(visit.briefing_pack_version or 0)


def _text(path: Path) -> str:
    return " ".join(page.extract_text() or "" for page in PdfReader(path).pages)


def _finished(qtbot, view: VisitView) -> BriefingJob:
    qtbot.waitUntil(lambda: view.last_pack is not None, timeout=20_000)
    assert view.last_pack is not None
    return view.last_pack


def test_whole_visit_pack_is_previewed_with_the_marking_typed(
    qtbot, window, fill_dialog, example_store, tmp_path, monkeypatch
):
    view = _open_sipo(qtbot, window)
    before = _version(example_store)
    offered: list[str] = []

    def fill(dialog: DocumentOptionsDialog) -> None:
        assert dialog.classification is not None
        offered.append(dialog.classification.text())
        assert dialog.whole.isChecked()
        dialog.classification.setText("CONFIDENTIAL <b>&</b>")

    fill_dialog(DocumentOptionsDialog, fill)
    qtbot.mouseClick(view.pack_button, Qt.MouseButton.LeftButton)
    job = _finished(qtbot, view)
    assert offered == ["RESTRICTED"]  # the office's default is filled in
    viewer = job.viewer
    assert viewer is not None and viewer.isVisible()
    assert viewer.page_count() >= 4
    assert "CONFIDENTIAL <b>&</b>" in _text(viewer.pdf)
    assert "CONFIDENTIAL <b>&</b>" in viewer.summary.text()
    assert _version(example_store) == before + 1

    saved = tmp_path / "my pack"  # no extension typed: .pdf is added
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(saved), ""))
    qtbot.mouseClick(viewer.save_button, Qt.MouseButton.LeftButton)
    kept = tmp_path / "my pack.pdf"
    assert kept.read_bytes() == viewer.pdf.read_bytes()
    assert str(kept) in viewer.summary.text()

    out = tmp_path / "printed.pdf"

    def exec_(dialog: QPrintDialog) -> int:
        dialog.printer().setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        dialog.printer().setOutputFileName(str(out))
        return int(QDialog.DialogCode.Accepted)

    monkeypatch.setattr(QPrintDialog, "exec", exec_)
    qtbot.mouseClick(viewer.print_button, Qt.MouseButton.LeftButton)
    assert len(PdfReader(out).pages) == viewer.page_count()


def test_a_person_s_pack_from_the_delegation_is_prepared_for_them(qtbot, window, fill_dialog):
    view = _open_sipo(qtbot, window)
    view.sections.setCurrentWidget(view.delegation)
    view.delegation.table.selectRow(1)  # Mr. ZHANG Wei
    chosen: list[str | None] = []
    fill_dialog(DocumentOptionsDialog, lambda d: chosen.append(d.person_ref()))
    button = next(
        b for b in view.delegation.findChildren(QPushButton) if b.text() == "Their briefing pack…"
    )
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    job = _finished(qtbot, view)
    assert chosen == ["sipo-member-2"]
    assert job.viewer is not None
    assert "ZHANG Wei" in _text(job.viewer.pdf)
    assert "Prepared for" in _text(job.viewer.pdf)


def test_a_pack_that_cannot_be_made_says_why_in_a_dialog(
    qtbot, window, fill_dialog, example_store, messages
):
    with example_store.transaction() as session:
        visit = session.query(Visit).one()
        guest = Person(ref="late-guest", family_name="Late", given_name="Guest")
        visit.participants.append(VisitParticipant(person=guest, side=Side.GUEST))
    view = _open_sipo(qtbot, window)

    def fill(dialog: DocumentOptionsDialog) -> None:
        dialog.one.setChecked(True)
        dialog.person.setCurrentIndex(dialog.person.findData(guest_id(example_store)))

    fill_dialog(DocumentOptionsDialog, fill)
    qtbot.mouseClick(view.pack_button, Qt.MouseButton.LeftButton)
    job = _finished(qtbot, view)
    assert job.viewer is None
    title, text = messages[-1]
    assert title == "Briefing pack not made"
    assert "attends none of the engagements" in text and "Traceback" not in text


def guest_id(store) -> int:
    with store.session() as session:
        return int(session.query(Person).filter_by(ref="late-guest").one().id)


def test_cancel_stops_the_pack_and_keeps_its_version(
    qtbot, window, fill_dialog, example_store, messages
):
    view = _open_sipo(qtbot, window)
    before = _version(example_store)
    # Hold the document worker so that Cancel comes before the pack starts drawing.
    release = threading.Event()
    document_pool().submit(release.wait, 20)
    fill_dialog(DocumentOptionsDialog, lambda d: None)
    qtbot.mouseClick(view.pack_button, Qt.MouseButton.LeftButton)
    job = view.briefing_job
    assert job is not None
    # The window still answers while the pack waits: its tabs can be switched.
    view.sections.setCurrentWidget(view.outcomes)
    qtbot.wait(50)
    job.progress.show()  # it shows itself after a moment; the test needn't wait for that
    cancel = next(b for b in job.progress.findChildren(QPushButton) if b.text() == "Cancel")
    qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
    assert job.is_cancelled()
    release.set()
    _finished(qtbot, view)
    assert job.viewer is None
    assert messages == []  # cancelling is not an error
    assert _version(example_store) == before
