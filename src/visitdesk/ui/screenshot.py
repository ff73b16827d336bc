"""`visitdesk --screenshot FILE.png`: open a view offscreen, save a picture, quit."""

from __future__ import annotations

import contextlib
import time
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEventLoop
from PySide6.QtWidgets import QApplication

if TYPE_CHECKING:
    from visitdesk.ui.main_window import MainWindow

# The size of the office screens the window is judged on.
SCREEN_SIZE = (1366, 768)


def _wait_for_previews(window: MainWindow, limit_s: float = 20.0) -> None:
    """A PDF preview is built on a worker thread: a picture of a grey pane would mislead."""
    from visitdesk.ui.pdf_preview import PdfPreview

    deadline = time.monotonic() + limit_s
    previews = [p for p in window.findChildren(PdfPreview) if p.isVisible()]
    while time.monotonic() < deadline and not all(p.is_settled() for p in previews):
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
        time.sleep(0.01)
    for _ in range(3):  # the loaded document's first paint
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)


def take_screenshot(window: MainWindow, path: str, visit_ref: str | None, view: str | None) -> int:
    window.resize(*SCREEN_SIZE)
    window.show()
    window.open_initial(visit_ref, view)
    # Let layouts, lazy loads and the first paint happen before grabbing.
    for _ in range(5):
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
    _wait_for_previews(window)
    picture = window.grab()
    target = Path(path)
    with contextlib.suppress(OSError):  # saving below then reports the folder problem
        target.parent.mkdir(parents=True, exist_ok=True)
    if not picture.save(str(target), "PNG"):
        print(f"visitdesk: cannot write the screenshot {target}", flush=True)
        window.close()
        return 1
    window.close()
    app = QApplication.instance()
    if app is not None:
        app.processEvents()
    return 0
