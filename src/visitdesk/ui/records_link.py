"""The window's link to its records once they are open: store calls off the GUI thread, the
banner for read-only, vanished or unreachable records, the watch for other officers' changes,
and the daily copy of the file."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QMainWindow, QMessageBox

if TYPE_CHECKING:
    from visitdesk.app import Desk

# A few seconds after the records are open: the first paint and the first reads come first.
DAILY_BACKUP_AFTER_MS = 5000

log = logging.getLogger("visitdesk.backup")


def daily_backup(desk: Desk) -> None:
    """Today's copy of the records, on a thread of its own (it takes a moment on a big office);
    a failure is logged, never shown: the records themselves are fine."""

    def run() -> None:
        from visitdesk.app import RefusedError

        try:
            made = desk.keep_daily_backup()
        except RefusedError as exc:
            log.warning("No daily backup: %s", exc)
            return
        if made is not None:
            log.info("Daily backup written: %s", made)

    threading.Thread(target=run, name="visitdesk-daily-backup", daemon=True).start()


class RecordsLink:
    def __init__(
        self, window: QMainWindow, desk: Desk, changed_elsewhere: Callable[[], None]
    ) -> None:
        from visitdesk.ui.records_banner import RecordsBanner, RecordsWatch, read_only_text

        self._window, self._desk = window, desk
        self._run_off_gui_thread()
        self.banner = RecordsBanner(window)
        if desk.read_only:
            self.banner.say(read_only_text(desk))
        self.watch = RecordsWatch(desk, window, changed_elsewhere, self._gone, self._offline)
        QTimer.singleShot(DAILY_BACKUP_AFTER_MS, lambda: daily_backup(desk))

    def _run_off_gui_thread(self) -> None:
        """Every store call of the window runs on a worker thread (see `ui/background.py`)."""
        from visitdesk.ui.background import Background

        desk = self._desk
        desk.runner = Background(desk.waiting, self._window).run

        def direct(call: Callable[[], object]) -> object:
            return call()

        # The desk may outlive the window (a test, the screenshot): calls then run directly.
        self._window.destroyed.connect(lambda: setattr(desk, "runner", direct))

    def _offline(self, offline: bool) -> None:
        from visitdesk.ui.records_banner import OFFLINE, read_only_text

        if offline:
            self.banner.say(OFFLINE)
        elif self._desk.read_only:
            self.banner.say(read_only_text(self._desk))
        else:
            self.banner.hide()

    def _gone(self, text: str) -> None:
        self.banner.say(text)
        QMessageBox.warning(self._window, "The records file has changed", text)

    def stop(self) -> None:
        self.watch.stop()
