"""The safety net: a log file in the data folder, and one plain dialog for the unexpected.

`install(folder)` sends the `logging` records of VisitDesk (and Qt's own messages) to
`visitdesk.log` in the data folder, rotated at 1 MB with three old files kept, and replaces
`sys.excepthook`: an error nobody expected is written to the log with its traceback and the
officer sees one plain dialog that says where the details are. Nothing is swallowed: the
error is always logged, and the dialog is shown once even if errors follow one another.
"""

from __future__ import annotations

import logging
import sys
import threading
from logging.handlers import RotatingFileHandler
from pathlib import Path
from types import TracebackType
from typing import Any

from PySide6.QtCore import QMessageLogContext, QtMsgType, qInstallMessageHandler
from PySide6.QtWidgets import QApplication, QMessageBox

LOG_NAME = "visitdesk.log"
LOG_BYTES = 1_000_000
LOG_BACKUPS = 3
FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"

log = logging.getLogger("visitdesk")

_QT_LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}


class SafetyNet:
    """What `install` set up; `uninstall` puts the previous hook and handler back (tests)."""

    def __init__(self, log_path: Path) -> None:
        self.log_path = log_path
        self._showing = False
        self._previous_hook = sys.excepthook
        self._handler = RotatingFileHandler(
            log_path, maxBytes=LOG_BYTES, backupCount=LOG_BACKUPS, encoding="utf-8"
        )
        self._handler.setFormatter(logging.Formatter(FORMAT))
        log.addHandler(self._handler)
        log.setLevel(logging.INFO)
        sys.excepthook = self.excepthook
        self._previous_qt: Any = qInstallMessageHandler(self.qt_message)

    def uninstall(self) -> None:
        sys.excepthook = self._previous_hook
        qInstallMessageHandler(self._previous_qt)
        log.removeHandler(self._handler)
        self._handler.close()

    def message(self) -> str:
        return (
            "Something went wrong in VisitDesk, and what you were doing may not have been "
            f"finished. The details are in {self.log_path}. Please send that file to whoever "
            "looks after VisitDesk in your office. What was saved before is safe."
        )

    def excepthook(
        self,
        kind: type[BaseException],
        value: BaseException,
        traceback: TracebackType | None,
    ) -> None:
        if issubclass(kind, KeyboardInterrupt):
            self._previous_hook(kind, value, traceback)
            return
        log.error("Unexpected error", exc_info=(kind, value, traceback))
        self._handler.flush()
        self.show_dialog()

    def qt_message(self, kind: QtMsgType, context: QMessageLogContext, text: str) -> None:
        level = _QT_LEVELS.get(kind, logging.WARNING)
        where = f" ({context.file}:{context.line})" if context.file else ""
        logging.getLogger("visitdesk.qt").log(level, "%s%s", text, where)
        if level >= logging.ERROR:
            self._handler.flush()
            self.show_dialog()

    def show_dialog(self) -> None:
        """One plain dialog at a time, on the GUI thread only; the log has every error."""
        app = QApplication.instance()
        if (
            self._showing
            or app is None
            or threading.current_thread() is not threading.main_thread()
        ):
            return
        self._showing = True
        try:
            box = QMessageBox(QApplication.activeWindow())
            box.setObjectName("error_dialog")
            box.setIcon(QMessageBox.Icon.Critical)
            box.setWindowTitle("Something went wrong")
            box.setTextFormat(box.textFormat().PlainText)
            box.setText(self.message())
            box.setStandardButtons(QMessageBox.StandardButton.Ok)
            box.exec()
        finally:
            self._showing = False


def log_folder(data_dir: str | Path | None) -> Path:
    """The data folder the log goes to: the one named, else the user's VisitDesk folder."""
    from visitdesk.app.places import data_folder

    return data_folder(data_dir)


def install(folder: Path) -> SafetyNet | None:
    """Log to `folder`/visitdesk.log and show unexpected errors; None if it cannot be written."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        net = SafetyNet(folder / LOG_NAME)
    except OSError as exc:
        print(f"visitdesk: cannot write the log in {folder}: {exc}", file=sys.stderr)
        return None
    log.info("VisitDesk started")
    return net
