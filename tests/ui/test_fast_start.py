"""The window on a store at this version's schema: the visits list is painted before
SQLAlchemy is loaded, then everything works as it always has."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from visitdesk.store.database import Store

SCRIPT = """
import sys, argparse
from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
app = QApplication([])
from visitdesk.ui.app import show_window
args = argparse.Namespace(data_dir=sys.argv[1], database_url=None, visit=None, view=None)
window, opened = show_window(args)
seen = []

class Spy(QObject):
    def eventFilter(self, watched, event):
        view = getattr(window, "visits_view", None)
        if (
            not seen
            and event.type() == QEvent.Type.Paint
            and view is not None
            and watched is view.table.viewport()
        ):
            model = view.table.model()
            seen.append((
                any(m.startswith("sqlalchemy") for m in sys.modules),
                model.rowCount(),
                model.index(0, 1).data(),
                view.new_button.isEnabled(),
            ))
            # The officer presses Enter on the first visit before the store is open.
            view.table.setFocus()
            view.table.selectRow(0)
            QTest.keyClick(view.table, Qt.Key.Key_Return)
        return False

spy = Spy()
app.installEventFilter(spy)

def ready():
    tabs = [window.tabs.tabText(i) for i in range(window.tabs.count())]
    view = window.visits_view
    view.search.setText("zhimin")  # a delegate's name: searched once the store is open
    found = [view.proxy.index(r, 5).data() for r in range(view.proxy.rowCount())]
    print(seen[0], tabs, found, view.new_button.isEnabled())
    QTimer.singleShot(0, app.quit)

window.records_ready.connect(ready)
app.exec()
"""


def test_the_list_is_painted_without_sqlalchemy_and_enter_opens_the_visit(
    tmp_path: Path, example_store: Store
) -> None:
    folder = example_store.database_file.parent  # type: ignore[union-attr]
    example_store.close()
    run = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(folder)],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(tmp_path)},
    )
    assert run.returncode == 0, run.stderr[-800:]
    first, *_ = run.stdout.strip().splitlines()[-1:]
    assert first == (
        "(False, 1, 'Visit of the SIPO China delegation', False) "
        "['Visits', 'Visit of the SIPO China delegation'] ['sipo-2017-03'] True"
    ), run.stdout
