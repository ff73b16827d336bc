"""Store calls off the GUI thread: a slow disk, a busy file or a far server never freezes it.

The window sets `desk.runner = Background(window).run`. Each app call then runs on one worker
thread while the GUI thread keeps painting; the caller still gets the result (or the exception)
in order, as if the call were direct, so the code reads straight. While a call is out, input to
the window waits (a click cannot start a second edit mid-save); after a moment the cursor says
busy, and when the call is waiting for another VisitDesk that holds the records, a small
window says so until the call is answered.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any

from PySide6.QtCore import QEventLoop, QMetaObject, QObject, Qt, QTimer
from PySide6.QtGui import QCursor, QGuiApplication
from PySide6.QtWidgets import QProgressDialog, QWidget
from shiboken6 import Shiboken

# Most calls take a few milliseconds: wait that long before turning the event loop.
QUICK_S = 0.03
BUSY_CURSOR_MS = 250


class Background(QObject):
    def __init__(self, waiting: threading.Event, parent: QWidget) -> None:
        super().__init__(parent)
        self._waiting = waiting
        self._parent = parent
        # One thread: the store's work stays in order, and SQLite sees one writer of ours.
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="visitdesk-store")
        self._depth = 0
        self._note: QProgressDialog | None = None

    def run(self, call: Callable[[], Any]) -> Any:
        if threading.current_thread() is not threading.main_thread() or self._depth:
            return call()  # already on the worker, or nested in a call being waited for
        future = self._pool.submit(call)
        try:
            return future.result(timeout=QUICK_S)
        except TimeoutError:
            pass
        self._depth += 1
        try:
            self._wait(future)
        finally:
            self._depth -= 1
        return future.result()

    def _wait(self, future: Future[Any]) -> None:
        loop = QEventLoop()

        def done(_f: Future[Any]) -> None:
            QMetaObject.invokeMethod(loop, "quit", Qt.ConnectionType.QueuedConnection)

        future.add_done_callback(done)
        ticker = QTimer()
        ticker.setInterval(100)
        ticker.timeout.connect(self._show_waiting)
        ticker.start()
        cursor = QTimer()
        cursor.setSingleShot(True)
        cursor.timeout.connect(
            lambda: QGuiApplication.setOverrideCursor(QCursor(Qt.CursorShape.BusyCursor))
        )
        cursor.start(BUSY_CURSOR_MS)
        try:
            if not future.done():
                loop.exec(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)
        finally:
            ticker.stop()
            if not cursor.isActive():
                QGuiApplication.restoreOverrideCursor()
            cursor.stop()
            if self._note is not None:
                self._note.hide()
                self._note.deleteLater()
                self._note = None

    def _show_waiting(self) -> None:
        if not self._waiting.is_set() or self._note is not None:
            return
        note = QProgressDialog(
            "Waiting for the other VisitDesk: another window or program (here or on another "
            "PC) is saving to the records. Your change is kept and will be saved as soon as "
            "it has finished.",
            "",
            0,
            0,
            self._parent,
        )
        note.setObjectName("waiting-for-other")
        note.setWindowTitle("Waiting for the other VisitDesk")
        note.setCancelButton(None)
        note.setMinimumDuration(0)
        note.show()
        self._note = note

    def shut_down(self) -> None:
        self._pool.shutdown(wait=True)


def still_shown(*widgets: QObject) -> bool:
    """Whether every widget still exists after a store call. While a call is out the event loop
    turns, and a widget deleted before any event loop ran (a window closed at start-up, or at a
    test's end) is deleted then; a caller that fills a widget with the answer asks first."""
    return all(Shiboken.isValid(w) for w in widgets)
