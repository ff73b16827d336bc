"""Every file dialog of the window: it opens in the folder used last, and remembers it.

The folder is kept in QSettings, so it survives a restart; the first time it is the user's
Documents folder, never the program's own folder (where an installed VisitDesk lives and an
officer's files must not go). The functions return what `QFileDialog`'s do: (path, filter).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, QStandardPaths
from PySide6.QtWidgets import QFileDialog, QWidget

LAST_FOLDER_KEY = "files/last_folder"


def documents_folder() -> Path:
    found = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(found) if found and Path(found).is_dir() else Path.home()


def last_folder() -> Path:
    """The folder of the last file chosen, while it exists; else the Documents folder."""
    value = QSettings().value(LAST_FOLDER_KEY)
    if isinstance(value, str) and value and Path(value).is_dir():
        return Path(value)
    return documents_folder()


def remember_folder(path: str | Path) -> None:
    folder = Path(path).parent
    QSettings().setValue(LAST_FOLDER_KEY, str(folder))


def _start(suggested: str) -> str:
    """Where the dialog opens: a suggested bare name goes into the last folder."""
    if suggested and Path(suggested).is_absolute():
        return suggested
    folder = last_folder()
    return str(folder / suggested) if suggested else str(folder)


def open_file_name(
    parent: QWidget | None, caption: str, suggested: str = "", filters: str = ""
) -> tuple[str, str]:
    path, chosen = QFileDialog.getOpenFileName(parent, caption, _start(suggested), filters)
    if path:
        remember_folder(path)
    return path, chosen


def save_file_name(
    parent: QWidget | None,
    caption: str,
    suggested: str = "",
    filters: str = "",
    recent: bool = False,
) -> tuple[str, str]:
    """A file to write; with `recent`, it is listed under File > Recent once chosen."""
    path, chosen = QFileDialog.getSaveFileName(parent, caption, _start(suggested), filters)
    if path:
        remember_folder(path)
        if recent:
            from visitdesk.ui.recent import add_file

            add_file(path)
    return path, chosen
