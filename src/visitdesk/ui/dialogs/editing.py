"""The foot every edit dialog shares: Save and Cancel, Tab in layout order, and nothing typed
lost without asking."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QBoxLayout,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QMessageBox,
    QWidget,
)

from visitdesk.ui.widgets import tab_in_layout_order

if TYPE_CHECKING:
    from visitdesk.app import Desk


def add_save_cancel(dialog: QDialog, form: QFormLayout) -> None:
    """Save and Cancel as the form's last row; Tab then follows the fields as laid out."""
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, dialog
    )
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    form.addRow(buttons)
    tab_in_layout_order(dialog)


def keep_mine(opened: Any, mine: Any, theirs: Any) -> Any:
    """What Keep mine saves: their version, with each field this officer changed put over it.

    A field only the other officer changed keeps their value, so keeping mine never undoes
    their work in fields I did not touch. Forms that are not one dataclass save as typed.
    """
    if isinstance(mine, tuple) and isinstance(opened, tuple) and mine and opened:
        # A form of the record and what goes with it (the visit's details and its leader):
        # the record merged field by field, the rest as typed.
        head = keep_mine(opened[0], mine[0], theirs)
        return None if head is None else (head, *mine[1:])
    kinds = {type(opened), type(mine), type(theirs)}
    if len(kinds) != 1 or not dataclasses.is_dataclass(mine) or isinstance(mine, type):
        return None
    changed = {
        f.name: getattr(mine, f.name)
        for f in dataclasses.fields(mine)
        if getattr(mine, f.name) != getattr(opened, f.name)
    }
    return dataclasses.replace(theirs, **changed)


class SavingDialog(QDialog):
    """Saves through a callback that may refuse; cancelling with changes asks first.

    A refused save leaves the dialog open, so nothing typed is lost; a database error
    during the save is answered with Retry or Cancel (`ui/errors.py`). A subclass builds its
    form, says what it holds in `data()`, then calls `_finish(form)`.

    A dialog on a versioned record is given the `version` it was opened at; `save` is then
    called as `save(data, version)`. When another officer saved the record in between, the
    app refuses (ConflictError) and the officer sees both versions: Keep mine saves again over
    theirs, Take theirs closes the dialog (`theirs_taken` is emitted, so the view reloads),
    Back returns to the dialog with everything typed.
    """

    discard_question = "What you typed is not saved. Discard it?"
    theirs_taken = Signal()

    def __init__(
        self, save: Callable[..., bool], parent: QWidget | None, version: int | None = None
    ) -> None:
        super().__init__(parent)
        self._save = save
        self._baseline: Any = None
        self.version = version
        # After Keep mine: their version with the fields this officer changed put over it.
        self._merged: Any = None
        # The record this dialog edits, ("engagement", 12): the window looks at it when other
        # officers' changes arrive, and says so here before a save is refused.
        self.watched: tuple[str, int] | None = None
        self._stale_note: QLabel | None = None

    def data(self) -> Any:
        raise NotImplementedError

    def _finish(self, form: QFormLayout) -> None:
        add_save_cancel(self, form)
        self._baseline = self.data()

    def look_again(self, desk: Desk) -> None:
        """Another officer saved something: if it was this record, say so now (Save will
        show both versions), before the officer types on."""
        from visitdesk.app import RefusedError
        from visitdesk.app.errors import local_time

        if self.watched is None or self.version is None:
            return
        try:
            stamp = desk.stamp(*self.watched)
        except RefusedError:
            return  # the records unreachable this moment: the save will say so
        if stamp is not None and stamp.version == self.version:
            return
        if stamp is None:
            text = (
                "Another officer has deleted this record since you opened it: it cannot be "
                "saved. Copy what you typed if you need it."
            )
        else:
            who = stamp.changed_by or "Another officer"
            text = (
                f"{who} changed this record at {local_time(stamp.changed_at)}, after you "
                "opened it. Save will show both versions, so that you can choose."
            )
        self._show_stale(text)

    def _show_stale(self, text: str) -> None:
        if self._stale_note is None:
            note = QLabel(self)
            note.setObjectName("changed-since-opened")
            note.setTextFormat(Qt.TextFormat.PlainText)
            note.setWordWrap(True)
            note.setStyleSheet("QLabel { background: #fff3c4; color: #4a3800; padding: 6px; }")
            layout = self.layout()
            if isinstance(layout, QFormLayout):
                layout.insertRow(0, note)
            elif isinstance(layout, QBoxLayout):
                layout.insertWidget(0, note)
            self._stale_note = note
        self._stale_note.setText(text)
        self._stale_note.show()

    def _call_save(self) -> bool:
        data = self._merged if self._merged is not None else self.data()
        return bool(self._save(data) if self.version is None else self._save(data, self.version))

    def accept(self) -> None:
        from visitdesk.app import ConflictError
        from visitdesk.ui.dialogs.conflict_dialog import Choice, resolve
        from visitdesk.ui.errors import run_saving

        self._merged = None
        while True:
            try:
                # A database that refuses (locked, unreachable) asks Retry or Cancel; Cancel
                # keeps the dialog open with everything typed.
                saved = run_saving(self, self._call_save)
            except ConflictError as exc:
                choice = resolve(self, exc, self._baseline)
                if choice is Choice.KEEP_MINE and exc.theirs is not None:
                    self.version = exc.theirs.version
                    self._merged = keep_mine(self._baseline, self.data(), exc.theirs.data)
                    continue  # save again, over their version, on purpose
                if choice is Choice.TAKE_THEIRS:
                    self.theirs_taken.emit()
                    super().reject()
                return
            if saved:
                super().accept()
            return

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
