"""What the officer must know about the records themselves, shown above every tab.

- Read only: the file or its folder cannot be written to; browsing, searching, printing and
  exporting work, and the banner says why changes are refused.
- Gone: the file was replaced or deleted while the window had it open; nothing more is
  written to it (the app layer refuses), and the banner says what to do.
Both stay until VisitDesk is started again: neither can mend itself while it runs.

The watch also notices another VisitDesk's commits to the same file (SQLite's data_version)
and asks the window to read the records again, so two officers on one file see each other's
work within a few seconds.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QLabel, QMainWindow, QToolBar

if TYPE_CHECKING:
    from visitdesk.app import Desk

WATCH_MS = 2000


def read_only_text(desk: Desk) -> str:
    if desk.read_only_asked:
        return (
            f"Read only: these records ({desk.location}) were opened for browsing only. You "
            "can browse, search, print and export; changes are not saved. To change them, "
            "close VisitDesk and start it again without read-only."
        )
    return (
        f"Read only: these records ({desk.location}) are in a file or folder you may not "
        "write to. You can browse, search, print and export; changes are not saved. Ask for "
        "write access to the folder, or copy the file to a folder of yours and open that."
    )


class RecordsBanner(QToolBar):
    def __init__(self, window: QMainWindow) -> None:
        super().__init__("Records", window)
        self.setObjectName("records-banner")
        self.setMovable(False)
        self.setFloatable(False)
        self.label = QLabel(self)
        self.label.setObjectName("records-banner-text")
        self.label.setTextFormat(self.label.textFormat().PlainText)
        self.label.setWordWrap(True)
        self.label.setStyleSheet("QLabel { background: #fff3c4; color: #4a3800; padding: 6px; }")
        self.addWidget(self.label)
        self.toggleViewAction().setVisible(False)  # not something to hide by accident
        window.addToolBar(self)
        self.hide()

    def say(self, text: str) -> None:
        self.label.setText(text)
        self.show()


class RecordsWatch:
    """Polls the records file; `changed()` when another program committed, `gone(text)` once."""

    def __init__(
        self,
        desk: Desk,
        window: QMainWindow,
        changed: Callable[[], None],
        gone: Callable[[str], None],
    ) -> None:
        self._watch = desk.watch()
        self._changed, self._gone = changed, gone
        self._timer = QTimer(window)
        self._timer.setInterval(WATCH_MS)
        self._timer.timeout.connect(self.look)
        if self._watch is not None:
            self._watch.look()  # the starting point
            self._timer.start()

    def look(self) -> None:
        if self._watch is None:
            return
        changed, gone = self._watch.look()
        if gone is not None:
            self.stop()
            self._gone(gone)
        elif changed:
            self._changed()

    def stop(self) -> None:
        self._timer.stop()
        if self._watch is not None:
            self._watch.close()
            self._watch = None
