"""The records file that was in the folder is gone: restore a backup, or begin again on purpose."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

from visitdesk.app import Desk, MissingRecordsError, OpenError


def ask_missing(parent: QWidget | None, missing: MissingRecordsError) -> bool:
    """True when a backup was put back; False to begin with empty records; OpenError to quit."""
    box = QMessageBox(parent)
    box.setObjectName("missing_records")
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle("The records file is missing")
    box.setTextFormat(box.textFormat().PlainText)
    box.setText(str(missing))
    # Offer in words only what the buttons offer: with no backup there is none to restore.
    box.setInformativeText(
        ("Restore the newest backup, begin" if missing.backups else "Begin")
        + " with empty records, or quit and put the file back yourself (for instance once "
        "the sync tool has finished)."
    )
    restore = None
    if missing.backups:
        restore = box.addButton("&Restore the newest backup", QMessageBox.ButtonRole.AcceptRole)
    empty = box.addButton("Begin with &empty records", QMessageBox.ButtonRole.DestructiveRole)
    quit_ = box.addButton("&Quit", QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(restore or quit_)
    box.exec()
    chosen = box.clickedButton()
    if restore is not None and chosen is restore:
        Desk.restore_backup(missing.backups[0], missing.path)
        return True
    if chosen is empty:
        return False
    raise OpenError("VisitDesk was closed so that the missing records file can be put back.")
