"""`visitdesk --screenshot FILE.png`: open a view offscreen, save a picture, quit."""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEventLoop
from PySide6.QtWidgets import QApplication

if TYPE_CHECKING:
    from visitdesk.ui.main_window import MainWindow

# The size of the office screens the window is judged on.
SCREEN_SIZE = (1366, 768)


def take_screenshot(window: MainWindow, path: str, visit_ref: str | None, view: str | None) -> int:
    window.resize(*SCREEN_SIZE)
    window.show()
    window.open_initial(visit_ref, view)
    # Let layouts, lazy loads and the first paint happen before grabbing.
    for _ in range(5):
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
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
