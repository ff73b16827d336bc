"""The foot every edit dialog shares: Save and Cancel, Tab in layout order, and nothing typed
lost without asking."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QMessageBox, QWidget

from visitdesk.ui.widgets import tab_in_layout_order


def add_save_cancel(dialog: QDialog, form: QFormLayout) -> None:
    """Save and Cancel as the form's last row; Tab then follows the fields as laid out."""
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, dialog
    )
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    form.addRow(buttons)
    tab_in_layout_order(dialog)


class SavingDialog(QDialog):
    """Saves through a callback that may refuse; cancelling with changes asks first.

    A refused save leaves the dialog open, so nothing typed is lost; a database error
    during the save is answered with Retry or Cancel (`ui/errors.py`). A subclass builds its
    form, says what it holds in `data()`, then calls `_finish(form)`.
    """

    discard_question = "What you typed is not saved. Discard it?"

    def __init__(self, save: Callable[[Any], bool], parent: QWidget | None) -> None:
        super().__init__(parent)
        self._save = save
        self._baseline: Any = None

    def data(self) -> Any:
        raise NotImplementedError

    def _finish(self, form: QFormLayout) -> None:
        add_save_cancel(self, form)
        self._baseline = self.data()

    def accept(self) -> None:
        from visitdesk.ui.errors import run_saving

        # A database that refuses (locked, unreachable) asks Retry or Cancel; Cancel keeps
        # the dialog open with everything typed.
        if run_saving(self, lambda: self._save(self.data())):
            super().accept()

    def reject(self) -> None:
        if self.data() != self._baseline:
            answer = QMessageBox.question(
                self,
                "Discard changes?",
                self.discard_question,
                QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            )
            if answer != QMessageBox.StandardButton.Discard:
                return
        super().reject()
