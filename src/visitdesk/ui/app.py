"""Start the VisitDesk window: the QApplication, the main window, then the store.

The window is shown first, with only Qt imported. On a store already at this version's schema
(the usual day), the visits list is then read with the standard library alone (sqlite3, no
SQLAlchemy) and painted; SQLAlchemy is imported and the store opened on the next turn of the
event loop after that paint, and the list read again with the delegates' names it searches.
A store to create or upgrade opens the ordinary way, after the window's first paint. Every
view, dialog and the PDF machinery is imported when first used.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from visitdesk.app import Desk
    from visitdesk.app.quick import VisitRow
    from visitdesk.ui.main_window import MainWindow

# The exit status when the store cannot be opened (as the command line's).
STORE_FAILED = 3


def open_desk(
    args: argparse.Namespace, start_empty: bool = False, database_url: str | None = None
) -> Desk:
    """Open the records the arguments name; raises OpenError with a sentence for the officer."""
    from visitdesk.app import Desk

    return Desk.open(
        database_url or getattr(args, "database_url", None),
        getattr(args, "data_dir", None),
        read_only=bool(getattr(args, "read_only", False)),
        start_empty=start_empty or bool(getattr(args, "start_empty", False)),
    )


def open_or_ask(args: argparse.Namespace, parent: QWidget) -> Desk:
    """Open the records; when the file that was there is missing, the officer chooses what
    to do (restore the newest backup, begin with empty records, or quit: OpenError)."""
    from visitdesk.app import MissingRecordsError

    given = getattr(args, "database_url", None)
    if given is not None and given.startswith("postgresql"):
        return _signed_in(args, parent, given)
    try:
        return open_desk(args)
    except MissingRecordsError as missing:
        from visitdesk.ui.dialogs.missing_records import ask_missing

        if ask_missing(parent, missing):
            return open_desk(args)  # the backup is back in place
        return open_desk(args, start_empty=True)


def _signed_in(args: argparse.Namespace, parent: QWidget, given: str) -> Desk:
    """The office's server: the officer signs in with their own login (kept in the OS keyring
    on request); a refused password asks again, with the server's reason."""
    from visitdesk.app import OpenError
    from visitdesk.ui.sign_in_dialog import forget_kept, refused_sign_in, sign_in

    refused = ""
    while True:
        url = sign_in(given, parent, refused)
        if url is None:
            raise OpenError("VisitDesk was closed without signing in to the office's server.")
        try:
            return open_desk(args, database_url=url)
        except OpenError as exc:
            if not refused_sign_in(exc):
                raise
            forget_kept(given)
            refused = str(exc)


def first_rows(args: argparse.Namespace) -> list[VisitRow] | None:
    """The visits list read without SQLAlchemy when the store is a current SQLite file, else
    None (a store to make, upgrade or refuse is opened the ordinary way, which says why)."""
    from visitdesk.app.quick import first_visit_rows

    return first_visit_rows(getattr(args, "database_url", None), getattr(args, "data_dir", None))


def show_window(
    args: argparse.Namespace, before_show: Callable[[MainWindow], object] | None = None
) -> tuple[MainWindow, list[Desk]]:
    """Show the window at once and open the store after its first paint.

    Returns the window and a list that holds the store once it is open (for closing it).
    `before_show` sees the window just before it is shown (the bench times its first paint).
    """
    from PySide6.QtWidgets import QApplication, QMessageBox

    from visitdesk.app import OpenError
    from visitdesk.ui.main_window import MainWindow
    from visitdesk.ui.refcounts import pin_singletons

    pin_singletons()
    window = MainWindow()
    opened: list[Desk] = []

    def open_records() -> None:
        rows = first_rows(args)
        if rows is None:
            open_everything()
            return
        # The list first, from the standard library alone; SQLAlchemy and the rest are loaded
        # once that list has been painted.
        window.show_first_rows(rows, open_everything)

    def open_everything() -> None:
        try:
            desk = open_or_ask(args, window)
        except OpenError as exc:
            QMessageBox.critical(window, "VisitDesk cannot start", str(exc))
            QApplication.exit(STORE_FAILED)
            return
        opened.append(desk)
        window.attach_desk(desk)
        window.open_initial(getattr(args, "visit", None), getattr(args, "view", None))

    window.open_store_when_shown(open_records)
    if before_show is not None:
        before_show(window)
    window.show()
    return window, opened


def run(args: argparse.Namespace) -> int:
    screenshot: str | None = getattr(args, "screenshot", None)
    if screenshot:
        # Must be set before the QApplication exists: the platform plugin is chosen then.
        os.environ["QT_QPA_PLATFORM"] = "offscreen"

    from PySide6.QtWidgets import QApplication

    from visitdesk.ui.refcounts import pin_singletons

    pin_singletons()  # before any Qt call: see refcounts.py
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("VisitDesk")
    app.setOrganizationName("VisitDesk")
    from visitdesk.ui.safety import install, log_folder

    # Before the window: an error while it starts is logged and shown too.
    install(log_folder(getattr(args, "data_dir", None)))

    if screenshot:
        return _screenshot(args, screenshot)

    window, opened = show_window(args)
    try:
        return app.exec()
    finally:
        window.deleteLater()
        for desk in opened:
            desk.close()


def _screenshot(args: argparse.Namespace, path: str) -> int:
    """A picture needs the records in it: open the store first, then the window."""
    from visitdesk.app import OpenError
    from visitdesk.ui.main_window import MainWindow
    from visitdesk.ui.screenshot import take_screenshot

    try:
        desk = open_desk(args)
    except OpenError as exc:
        print(f"visitdesk: {exc}", file=sys.stderr)
        return STORE_FAILED
    try:
        window = MainWindow(desk)
        return take_screenshot(window, path, getattr(args, "visit", None), args.view)
    finally:
        desk.close()
