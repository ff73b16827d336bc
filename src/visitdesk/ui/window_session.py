"""The window's memory from one start to the next: File > Recent, and the tabs left open.

Recent files and visits are kept by `recent.py`; this module fills the menu, opens what is
chosen in it, and saves and restores the open tabs (which visits and lists, which in front).
Only Qt at the top: the window imports it before SQLAlchemy loads.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMenu, QMessageBox, QWidget

from visitdesk.ui import recent
from visitdesk.ui.plain import mnemonic_safe

if TYPE_CHECKING:
    from visitdesk.ui.main_window import MainWindow

OPEN_TABS_KEY = "session/open_tabs"
CURRENT_TAB_KEY = "session/current_tab"
LIST_TABS = ("followups", "engagements", "people")


def fill_recent(window: MainWindow) -> None:
    menu: QMenu = window.recent_menu
    menu.clear()
    files, visits = recent.files(), recent.visits()
    for number, path in enumerate(files, start=1):
        action = menu.addAction(mnemonic_safe(f"{number}  {Path(path).name}"))
        action.setToolTip(path)
        action.setStatusTip(path)
        action.triggered.connect(lambda _c=False, p=path: open_recent_file(window, p))
    if files and visits:
        menu.addSeparator()
    for visit in visits:
        action = menu.addAction(mnemonic_safe(f"{visit.title}  ({visit.ref})"))
        action.triggered.connect(lambda _c=False, ref=visit.ref: open_recent_visit(window, ref))
    if not files and not visits:
        menu.addAction("No files or visits yet").setEnabled(False)
        return
    menu.addSeparator()
    menu.addAction("&Clear this list", clear_recent)
    menu.menuAction().setEnabled(True)


def clear_recent() -> None:
    QSettings().remove(recent.FILES_KEY)
    QSettings().remove(recent.VISITS_KEY)


def open_recent_file(window: MainWindow, path: str) -> None:
    """A visitdesk/1 file is imported again; any other file opens in its own program."""
    if not window.ready:
        return
    if not Path(path).is_file():
        recent.forget_file(path)
        QMessageBox.information(
            window,
            "File not found",
            f"{path} is no longer there (moved, renamed or deleted), so it was taken off the list.",
        )
        return
    if path.lower().endswith(".json"):
        from visitdesk.ui import exchange_actions

        if exchange_actions.import_path(window.desk, path, window):
            recent.add_file(path)
            window.data_changed()
        return
    recent.add_file(path)
    QDesktopServices.openUrl(QUrl.fromLocalFile(path))


def open_recent_visit(window: MainWindow, ref: str) -> None:
    if not window.ready:
        return
    if window.open_visit_ref(ref) is None:
        recent.forget_visit(ref)
        QMessageBox.information(
            window,
            "Visit not found",
            f"There is no visit with the reference {ref} any more, so it was taken off the list.",
        )


def tab_key(window: MainWindow, widget: QWidget | None) -> str:
    ref = getattr(widget, "visit_ref", None)
    if ref:
        return f"visit:{ref}"
    for name in LIST_TABS:
        if window.lists.view(name) is widget and widget is not None:
            return f"list:{name}"
    return "visits"


def save_tabs(window: MainWindow) -> None:
    keys = [tab_key(window, window.tabs.widget(i)) for i in range(1, window.tabs.count())]
    settings = QSettings()
    settings.setValue(OPEN_TABS_KEY, [k for k in keys if k != "visits"])
    settings.setValue(CURRENT_TAB_KEY, tab_key(window, window.tabs.currentWidget()))


def restore_tabs(window: MainWindow) -> None:
    """Open the visits and lists that were open at the last close, the same tab in front."""
    settings = QSettings()
    keys = recent.strings(settings.value(OPEN_TABS_KEY))
    current = settings.value(CURRENT_TAB_KEY)
    opened: dict[str, QWidget] = {}
    for key in keys:
        kind, _sep, name = key.partition(":")
        widget: QWidget | None = None
        if kind == "visit":
            widget = window.open_visit_ref(name)
        elif kind == "list" and name in LIST_TABS:
            widget = getattr(window, f"show_{name}")()
        if widget is not None:
            opened[key] = widget
    front = opened.get(current) if isinstance(current, str) else None
    window.tabs.setCurrentWidget(front if front is not None else window.visits_view)
