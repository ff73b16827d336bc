"""Undoable edits: each is a pair of app-layer calls (the app owns the transactions).

The first `redo()` that QUndoStack makes on push is the edit itself, so that a refused edit
never enters the stack: `push_call` runs it first and pushes only on success.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Generic, TypeVar

from PySide6.QtGui import QUndoCommand, QUndoGroup, QUndoStack
from PySide6.QtWidgets import QMessageBox, QWidget

if TYPE_CHECKING:
    from visitdesk.app import Record

Call = Callable[[], object]


class CallCommand(QUndoCommand):
    """An undoable edit made of two app-layer calls (no session: the app owns transactions).

    A step that is refused later (another officer changed or deleted the record, the file went
    read-only) is explained and the command dropped; the records stay as they are.
    """

    def __init__(
        self, text: str, do: Call, undo: Call, after: Callable[[], None], parent_widget: QWidget
    ) -> None:
        super().__init__(text)
        self._do, self._undo = do, undo
        self._after, self._widget = after, parent_widget
        self._skip_first_redo = True

    def _run(self, call: Call, verb: str) -> None:
        from visitdesk.app import RefusedError

        try:
            call()
        except RefusedError as exc:
            QMessageBox.warning(self._widget, f"Cannot {verb}", self._refusal(exc, verb))
            self.setObsolete(True)
        self._after()

    def _refusal(self, exc: Exception, verb: str) -> str:
        """Why an undo or redo was refused. A conflict here has no dialog to compare versions
        in (the save-dialog wording would promise one), so it is told as what stays."""
        from visitdesk.app import ConflictError
        from visitdesk.app.errors import local_time

        if not isinstance(exc, ConflictError):
            return f"{self.text()}: {exc}"
        what = exc.what[:1].upper() + exc.what[1:]
        done = f"{verb}ne" if verb == "undo" else "redone"
        if exc.deleted or exc.theirs is None:
            return f"{what} was deleted by another officer, so “{self.text()}” was not {done}."
        who = getattr(exc.theirs, "changed_by", None) or "another officer"
        when = local_time(getattr(exc.theirs, "changed_at", None))
        fields = f" ({', '.join(exc.fields)})" if exc.fields else ""
        return (
            f"{what} was changed by {who} at {when}{fields} after “{self.text()}”, so it was "
            f"not {done}: their version stays."
        )

    def redo(self) -> None:
        if self._skip_first_redo:
            self._skip_first_redo = False
            return
        self._run(self._do, "redo")

    def undo(self) -> None:
        self._run(self._undo, "undo")


def push_call(
    stack: QUndoStack,
    text: str,
    do: Call,
    undo: Call,
    after: Callable[[], None],
    parent_widget: QWidget,
) -> bool:
    """Make the edit now (`do()`); on success put it on the undo stack.

    A refusal with a sentence is shown and returns False. Two kinds go up to the saving
    dialog instead, which keeps what was typed: BusyError (Retry or Cancel, `ui/errors.py`)
    and ConflictError (both versions side by side, `ui/dialogs/conflict_dialog.py`).
    """
    from visitdesk.app import BusyError, ConflictError, RefusedError, StoreFaultError

    try:
        do()
    except (BusyError, ConflictError, StoreFaultError):
        raise
    except RefusedError as exc:
        QMessageBox.warning(parent_widget, "Not saved", str(exc))
        return False
    stack.push(CallCommand(text, do, undo, after, parent_widget))
    after()
    return True


def push_call_done(
    stack: QUndoStack,
    text: str,
    do: Call,
    undo: Call,
    after: Callable[[], None],
    parent_widget: QWidget,
) -> None:
    """Put an edit already made on the undo stack: `do` makes it again."""
    stack.push(CallCommand(text, do, undo, after, parent_widget))


D = TypeVar("D")


class VersionedEdit(Generic[D]):
    """The do and undo of a save of one versioned record, each from the version the last left.

    `save(data, version)` is an app call returning the Record it stored; undo saves `before`
    over the version the edit made, so an undo after another officer's save is refused (with
    their name and time) rather than silently overwriting their work.
    """

    def __init__(self, save: Callable[[D, int], Record[D]], after: D, before: D, version: int):
        self._save, self._after, self._before = save, after, before
        self.version = version

    def do(self) -> None:
        self.version = self._save(self._after, self.version).version

    def undo(self) -> None:
        self.version = self._save(self._before, self.version).version


# The window's own undo stack, for changes made outside a visit's tab (follow-ups, imports).
OFFICE_STACK = "office undo"


def office_stack(widget: QWidget) -> QUndoStack:
    window = widget.window()
    stack = window.findChild(QUndoStack, OFFICE_STACK)
    if stack is None:
        stack = QUndoStack(window)
        stack.setObjectName(OFFICE_STACK)
        group = getattr(window, "undo_group", None)
        if isinstance(group, QUndoGroup):
            group.addStack(stack)
            if group.activeStack() is None:
                group.setActiveStack(stack)
    return stack


def current_stack(widget: QWidget) -> QUndoStack:
    """The stack Edit ▸ Undo works on now: the current visit's, else the window's own."""
    group = getattr(widget.window(), "undo_group", None)
    if isinstance(group, QUndoGroup):
        active = group.activeStack()
        if active is not None:
            return active
    return office_stack(widget)
