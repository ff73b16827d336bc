"""Build a briefing pack off the GUI thread, with progress and Cancel, then show it.

A 60-page pack takes seconds: the window keeps answering meanwhile. The pack is built by the
app layer (`desk.documents.save_briefing_pack`, which opens its own transaction) on the
document worker (`document_worker`); the pack's version is recorded only when the PDF was
written. Cancel stops the layout at the next progress report, so a cancelled pack leaves the
version count as it was.
"""

from __future__ import annotations

import contextlib
import logging
import tempfile
import threading
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from visitdesk.app import Desk, RefusedError
from visitdesk.ui.dialogs.pdf_viewer import PdfViewerDialog
from visitdesk.ui.document_worker import document_pool

# A small pack is ready before a progress window would be noticed: don't flash one.
SHOW_PROGRESS_AFTER_MS = 400


@dataclass(frozen=True)
class PackRequest:
    visit_id: int
    visit_ref: str
    visit_title: str
    person_ref: str | None = None
    person_name: str | None = None
    classification: str | None = None


class _CancelledError(Exception):
    pass


class _Relay(QObject):
    """Carries the worker's reports to the GUI thread (queued connections)."""

    progress = Signal(int, int)
    finished = Signal(str, str, str)  # path, summary, error ("" when it worked)


def _build(
    desk: Desk, request: PackRequest, path: Path, relay: _Relay, stop: threading.Event
) -> None:
    """Runs on the document worker; every outcome is reported through the relay."""

    def progress(done: int, total: int) -> None:
        if stop.is_set():
            raise _CancelledError
        with contextlib.suppress(RuntimeError):  # the window was closed meanwhile
            relay.progress.emit(done, total)

    path_text, summary, error = "", "", ""
    try:
        if stop.is_set():
            raise _CancelledError
        result = desk.documents.save_briefing_pack(
            request.visit_id,
            path,
            person_ref=request.person_ref,
            classification=request.classification,
            progress=progress,
        )
        pages = "1 page" if result.pages == 1 else f"{result.pages} pages"
        summary = f"{pages}, A4 · version {result.version} · {result.classification}"
        if result.withheld:
            # The server kept some talking points from this sign-in; the pack says so too.
            points = (
                "1 talking point" if result.withheld == 1 else f"{result.withheld} talking points"
            )
            summary += f" · leaves out {points} above {result.withheld_above}"
        path_text = str(path)
    except _CancelledError:
        error = ""
    except RefusedError as exc:  # the app's sentence, as the command line prints it
        error = str(exc)
    except Exception as exc:  # a fault of ours: shown in a dialog, never a traceback
        logging.getLogger("visitdesk.briefing").exception("A briefing pack could not be made")
        error = f"The pack could not be made: {exc or type(exc).__name__}."
    with contextlib.suppress(RuntimeError):
        relay.finished.emit(path_text, summary, error)


class BriefingJob(QObject):
    """One pack being built for `parent`; `finished` says whether a preview was opened."""

    done = Signal(bool)

    def __init__(self, desk: Desk, request: PackRequest, parent: QWidget) -> None:
        super().__init__(parent)
        self.request = request
        self._parent = parent
        self._stop = threading.Event()
        # Removed with the preview dialog that shows its file (or with this job on failure).
        self._folder = tempfile.TemporaryDirectory(prefix="visitdesk-pack-")
        self.viewer: PdfViewerDialog | None = None
        whose = f" for {request.person_name}" if request.person_name else ""
        self.progress = QProgressDialog(
            f"Building the briefing pack{whose}…", "Cancel", 0, 100, parent
        )
        self.progress.setWindowTitle("Briefing pack")
        self.progress.setMinimumDuration(SHOW_PROGRESS_AFTER_MS)
        self.progress.setAutoClose(False)
        self.progress.setAutoReset(False)
        self.progress.canceled.connect(self.cancel)
        self.progress.setValue(0)
        self._relay = _Relay(self)
        self._relay.progress.connect(self._progressed)
        self._relay.finished.connect(self._finished)
        path = Path(self._folder.name) / "briefing-pack.pdf"
        document_pool().submit(_build, desk, request, path, self._relay, self._stop)

    def cancel(self) -> None:
        self._stop.set()
        self.progress.setLabelText("Stopping…")

    def is_cancelled(self) -> bool:
        return self._stop.is_set()

    def _progressed(self, done: int, total: int) -> None:
        if not self._stop.is_set():
            self.progress.setMaximum(max(total, 1))
            self.progress.setValue(min(done, total))

    def _finished(self, path: str, summary: str, error: str) -> None:
        self.progress.hide()
        self.progress.deleteLater()
        if error:
            QMessageBox.warning(self._parent, "Briefing pack not made", error)
        if not path:
            self.done.emit(False)
            return
        request = self.request
        whose = f" for {request.person_name}" if request.person_name else ""
        name = f"Briefing pack {request.visit_ref}"
        if request.person_ref:
            name += f" {request.person_ref}"
        self.viewer = PdfViewerDialog(
            Path(path),
            f"Briefing pack{whose}: {request.visit_title}",
            f"{name}.pdf",
            summary,
            self._folder,
            self._parent,
        )
        self.viewer.setWindowModality(Qt.WindowModality.NonModal)
        self.viewer.show()
        self.done.emit(True)
