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
    from visitdesk.services.search_rows import VisitRow
    from visitdesk.store.database import Store
    from visitdesk.ui.main_window import MainWindow

# The exit status when the store cannot be opened (as the command line's).
STORE_FAILED = 3


def open_store(args: argparse.Namespace) -> Store:
    """Open the store the arguments name; raises StoreError with a sentence for the officer."""
    from visitdesk.store.database import Store

    return Store.open(getattr(args, "database_url", None), getattr(args, "data_dir", None))


def first_rows(args: argparse.Namespace) -> list[VisitRow] | None:
    """The visits list read without SQLAlchemy when the store is a current SQLite file, else
    None (a store to make, upgrade or refuse is opened the ordinary way, which says why)."""
    import sqlite3

    from visitdesk.services.fast_reads import visit_rows
    from visitdesk.store.quick import current_file, read_connection

    path = current_file(getattr(args, "database_url", None), getattr(args, "data_dir", None))
    if path is None:
        return None
    try:
        connection = read_connection(path)
        try:
            return visit_rows(connection, delegations=False)
        finally:
            connection.close()
    except (sqlite3.Error, ValueError):
        return None  # busy, damaged or unexpected: the ordinary way explains


def show_window(
    args: argparse.Namespace, before_show: Callable[[MainWindow], object] | None = None
) -> tuple[MainWindow, list[Store]]:
    """Show the window at once and open the store after its first paint.

    Returns the window and a list that holds the store once it is open (for closing it).
    `before_show` sees the window just before it is shown (the bench times its first paint).
    """
    from PySide6.QtWidgets import QApplication, QMessageBox

    from visitdesk.store.errors import StoreError
    from visitdesk.ui.main_window import MainWindow
    from visitdesk.ui.refcounts import pin_singletons

    pin_singletons()
    window = MainWindow()
    opened: list[Store] = []

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
            store = open_store(args)
        except StoreError as exc:
            QMessageBox.critical(window, "VisitDesk cannot start", str(exc))
            QApplication.exit(STORE_FAILED)
            return
        opened.append(store)
        window.attach_store(store)
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
        for store in opened:
            store.close()


def _screenshot(args: argparse.Namespace, path: str) -> int:
    """A picture needs the records in it: open the store first, then the window."""
    from visitdesk.store.errors import StoreError
    from visitdesk.ui.main_window import MainWindow
    from visitdesk.ui.screenshot import take_screenshot

    try:
        store = open_store(args)
    except StoreError as exc:
        print(f"visitdesk: {exc}", file=sys.stderr)
        return STORE_FAILED
    try:
        window = MainWindow(store)
        return take_screenshot(window, path, getattr(args, "visit", None), args.view)
    finally:
        store.close()
