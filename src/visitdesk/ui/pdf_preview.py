"""A live PDF preview: the document is rebuilt off the GUI thread a moment after the last edit.

Builds run one at a time on a worker thread (reportlab keeps global font state, so two
builds must never overlap); each writes its own file in a temporary folder, and only the newest
finished build is shown. Typing therefore never waits for a PDF.
"""

from __future__ import annotations

import contextlib
import logging
import tempfile
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QPointF, QTimer, Signal
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from visitdesk.ui.document_worker import document_pool

Build = Callable[[Path], None]

# Long enough that a typist's next key usually comes first; short enough to feel live.
DEBOUNCE_MS = 400


class _Relay(QObject):
    """Carries a finished build from the worker thread to the GUI thread (queued)."""

    finished = Signal(int, str, str)  # generation, path, error message ("" when it worked)


def _build_job(relay: _Relay, generation: int, build: Build, path: Path) -> None:
    """Runs on the worker thread; reports to the GUI thread through the relay's signal."""
    error = ""
    try:
        build(path)
    except Exception as exc:  # shown under the preview; the editor keeps working
        error = str(exc) or type(exc).__name__
        # ...and written to the log with its traceback, so that support can see why.
        logging.getLogger("visitdesk.preview").exception("A preview could not be built")
    with contextlib.suppress(RuntimeError):  # the preview was closed meanwhile
        relay.finished.emit(generation, str(path), error)


class PdfPreview(QWidget):
    built = Signal(str)  # the path of the PDF now shown
    failed = Signal(str)

    def __init__(self, parent: QWidget | None = None, delay_ms: int = DEBOUNCE_MS) -> None:
        super().__init__(parent)
        # Removed with its files when the preview is collected, or at exit at the latest.
        self._folder = tempfile.TemporaryDirectory(prefix="visitdesk-preview-")
        # One worker for every document of the window keeps builds from overlapping.
        self._pool = document_pool()
        self._relay = _Relay(self)
        self._relay.finished.connect(self._finished)
        self._generation = 0
        self._shown_generation = 0
        self._pending: Build | None = None
        self._path: Path | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(delay_ms)
        self._timer.timeout.connect(self._start)

        self.document = QPdfDocument(self)
        self.view = QPdfView(self)
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.status.setTextFormat(self.status.textFormat().PlainText)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.status)

    def request(self, build: Build) -> None:
        """Rebuild with `build` once no further request has come for a moment."""
        self._pending = build
        self.status.setText("Updating the preview…")
        self._timer.start()

    def rebuild_now(self, build: Build) -> None:
        self._pending = build
        self._timer.stop()
        self._start()

    def is_settled(self) -> bool:
        """No build waiting or running: what is shown is the newest document (or an error)."""
        return (
            not self._timer.isActive()
            and self._pending is None
            and self._shown_generation >= self._generation
        )

    def current_path(self) -> Path | None:
        """The PDF on screen (the newest that finished), if any."""
        return self._path

    def folder(self) -> Path:
        """A temporary folder that lives as long as the preview (for a file to print)."""
        return Path(self._folder.name)

    def page_count(self) -> int:
        return int(self.document.pageCount())

    def _start(self) -> None:
        if self._pending is None:
            return
        self._generation += 1
        path = Path(self._folder.name) / f"preview-{self._generation}.pdf"
        self._pool.submit(_build_job, self._relay, self._generation, self._pending, path)
        self._pending = None

    def _finished(self, generation: int, path: str, error: str) -> None:
        if generation < self._shown_generation:
            Path(path).unlink(missing_ok=True)  # overtaken by a newer build
            return
        if error:
            self._shown_generation = generation
            self.status.setText(f"The preview could not be made: {error}")
            self.failed.emit(error)
            return
        self._shown_generation = generation
        navigator = self.view.pageNavigator()
        page = navigator.currentPage()
        old = self._path
        self.document.close()
        self.document.load(path)
        self._path = Path(path)
        if 0 < page < self.document.pageCount():
            navigator.jump(page, QPointF())  # stay on the page the officer was reading
        if old is not None and old != self._path:
            old.unlink(missing_ok=True)
        pages = self.document.pageCount()
        busy = self._timer.isActive() or self._pending is not None
        self.status.setText(
            "Updating the preview…" if busy else f"{pages} page{'s' if pages != 1 else ''}, A4."
        )
        self.built.emit(path)
