"""Saving when the database says no: a sentence, Retry or Cancel, and nothing typed lost.

`run_saving(parent, save)` runs `save`; when the database refuses it ("database is locked":
another window or program is writing; a full disk; a dropped network share) the officer reads
what happened and chooses Retry (run `save` again) or Cancel (back to the dialog, every field as
typed). Refusals the services explain (ServiceError and the like) are not caught here: the
callers show those. Everything else goes on to the safety net (see `safety.py`).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TypeVar

from PySide6.QtWidgets import QMessageBox, QWidget

T = TypeVar("T")

log = logging.getLogger("visitdesk.saving")


def database_error(exc: BaseException) -> bool:
    """An error of the database itself (not of what was typed): Retry may help."""
    from visitdesk.app import BusyError, FileGoneError, ReadOnlyError, StoreFaultError
    from visitdesk.app.translate import refusal

    # The app layer's own kinds, and what it would turn into them (a call not yet through it).
    kinds = BusyError | StoreFaultError | ReadOnlyError | FileGoneError
    return isinstance(exc, Exception) and isinstance(refusal(exc), kinds)


def is_locked(exc: BaseException) -> bool:
    from visitdesk.app import BusyError
    from visitdesk.app.translate import refusal

    return isinstance(exc, Exception) and isinstance(refusal(exc), BusyError)


def explain(exc: BaseException) -> str:
    """The sentence an officer reads about a database error during a save."""
    keep = "Cancel goes back to what you typed, so that nothing is lost."
    if is_locked(exc):
        return (
            "Your change could not be saved yet: another VisitDesk window or program is "
            "writing to the records at this moment (the database is locked). Wait a moment "
            f"and choose Retry. {keep}"
        )
    from visitdesk.app import RefusedError
    from visitdesk.app.translate import refusal

    refused = refusal(exc) if isinstance(exc, Exception) else None
    if isinstance(refused, RefusedError):
        return f"{refused} {keep}"
    original = getattr(exc, "orig", None) or exc
    reason = " ".join(str(original).split()) or type(original).__name__
    return (
        f"Your change could not be saved: the database refused it ({reason}). Nothing was "
        f"changed. Choose Retry to try again; if it fails again, check that the disk or the "
        f"network folder of the records is reachable. {keep}"
    )


def ask_retry(parent: QWidget | None, text: str) -> bool:
    box = QMessageBox(parent)
    box.setObjectName("save_failed")
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle("Not saved")
    box.setTextFormat(box.textFormat().PlainText)
    box.setText(text)
    box.setStandardButtons(QMessageBox.StandardButton.Retry | QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(QMessageBox.StandardButton.Retry)
    return box.exec() == QMessageBox.StandardButton.Retry


def run_saving(parent: QWidget | None, save: Callable[[], T]) -> T | None:
    """`save()`'s result, or None when the database refused it and the officer cancelled."""
    while True:
        try:
            return save()
        except Exception as exc:
            if not database_error(exc):
                raise
            log.warning("Save refused by the database: %s", exc, exc_info=True)
            if not ask_retry(parent, explain(exc)):
                return None
