"""Start the VisitDesk window: the QApplication, the store, the main window.

Only what the first paint needs is imported here; every view, dialog and the PDF machinery is
imported when first used, so that the window appears about as fast as a bare Qt window.
"""

from __future__ import annotations

import argparse
import os
import sys


def run(args: argparse.Namespace) -> int:
    screenshot: str | None = getattr(args, "screenshot", None)
    if screenshot:
        # Must be set before the QApplication exists: the platform plugin is chosen then.
        os.environ["QT_QPA_PLATFORM"] = "offscreen"

    from PySide6.QtWidgets import QApplication, QMessageBox

    from visitdesk.store.database import Store
    from visitdesk.store.errors import StoreError

    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("VisitDesk")
    app.setOrganizationName("VisitDesk")

    try:
        store = Store.open(args.database_url, args.data_dir)
    except StoreError as exc:
        if screenshot:
            print(f"visitdesk: {exc}", file=sys.stderr)
        else:
            QMessageBox.critical(None, "VisitDesk cannot start", str(exc))
        return 3

    from visitdesk.ui.main_window import MainWindow

    window = MainWindow(store)
    try:
        if screenshot:
            from visitdesk.ui.screenshot import take_screenshot

            return take_screenshot(window, screenshot, getattr(args, "visit", None), args.view)
        window.show()
        window.open_initial(getattr(args, "visit", None), getattr(args, "view", None))
        return app.exec()
    finally:
        store.close()
