"""What the officer must know about the records themselves, shown above every tab.

- Read only: the file or its folder cannot be written to; browsing, searching, printing and
  exporting work, and the banner says why changes are refused.
- Gone: the file was replaced or deleted while the window had it open; nothing more is
  written to it (the app layer refuses), and the banner says what to do.
Both stay until VisitDesk is started again: neither can mend itself while it runs.

- Offline: the office's server cannot be reached; what is typed stays in its dialog and is
  saved (or refused with both versions) once the server answers again.

The watch also notices other officers' changes and asks the window to read the records again:
on one SQLite file by another VisitDesk's commits (SQLite's data_version, every 2 s), on the
office's server by the server's own notifications (LISTEN/NOTIFY, within a moment).
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QLabel, QMainWindow, QToolBar

if TYPE_CHECKING:
    from visitdesk.app import Desk
    from visitdesk.app.live import ChangeListener

WATCH_MS = 2000
# Notifications come one per changed row: a burst (an import) is read again once.
SETTLE_MS = 300


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


class _Relay(QObject):
    """Hands the listener thread's news to the GUI thread (queued signals)."""

    changed = Signal()
    online = Signal(bool)


OFFLINE = (
    "Offline: the office's server cannot be reached (the network or the server is down). "
    "What you type stays in its dialog; VisitDesk reconnects by itself, and saving works again "
    "once it has."
)


class RecordsWatch:
    """Watches the records: `changed()` when another officer saved, `gone(text)` once when the
    file is no longer the one opened, `offline(bool)` when the server goes and comes back."""

    def __init__(
        self,
        desk: Desk,
        window: QMainWindow,
        changed: Callable[[], None],
        gone: Callable[[str], None],
        offline: Callable[[bool], None] | None = None,
    ) -> None:
        self._watch = desk.watch()
        self._changed, self._gone = changed, gone
        self._timer = QTimer(window)
        self._timer.setInterval(WATCH_MS)
        self._timer.timeout.connect(self.look)
        if self._watch is not None:
            self._watch.look()  # the starting point
            self._timer.start()
        self._listener: ChangeListener | None = None
        if desk.is_shared_server:
            self._listen(desk, window, offline)

    def _listen(
        self, desk: Desk, window: QMainWindow, offline: Callable[[bool], None] | None
    ) -> None:
        from visitdesk.app.live import listen

        relay = _Relay(window)
        settle = QTimer(window)
        settle.setSingleShot(True)
        settle.setInterval(SETTLE_MS)
        settle.timeout.connect(self._changed)
        relay.changed.connect(settle.start)
        if offline is not None:
            relay.online.connect(lambda up: offline(not up))
        relay.online.connect(lambda up: settle.start() if up else None)  # catch up
        self._relay = relay
        self._listener = listen(
            desk, lambda _change: relay.changed.emit(), lambda up: relay.online.emit(up)
        )

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
        with contextlib.suppress(RuntimeError):  # the window (and its timer) already gone
            self._timer.stop()
        if self._listener is not None:
            self._listener.stop()
            self._listener = None
        if self._watch is not None:
            self._watch.close()
            self._watch = None
