"""Undoable edits of a visit: each is a pair of store operations run in a transaction.

The first `redo()` that QUndoStack makes on push is the edit itself, so that a refused edit
(a ServiceError) never enters the stack: `push_edit` runs it first and pushes only on success.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand, QUndoGroup, QUndoStack
from PySide6.QtWidgets import QMessageBox, QWidget
from sqlalchemy.orm import Session

from visitdesk.domain.errors import DomainError
from visitdesk.services.errors import ServiceError
from visitdesk.store.database import Store
from visitdesk.store.errors import StoreBusyError, StoreError

Operation = Callable[[Session], object]


class StoreCommand(QUndoCommand):
    def __init__(
        self,
        store: Store,
        text: str,
        do: Operation,
        undo: Operation,
        after: Callable[[], None],
        parent_widget: QWidget,
    ) -> None:
        super().__init__(text)
        self._store, self._do, self._undo = store, do, undo
        self._after, self._widget = after, parent_widget
        self._skip_first_redo = True

    def _run(self, operation: Operation, verb: str) -> None:
        try:
            with self._store.transaction() as session:
                operation(session)
        except (ServiceError, DomainError, StoreError) as exc:
            # Something changed underneath (another window, an import): say so, keep the rest.
            QMessageBox.warning(self._widget, f"Cannot {verb}", f"{self.text()}: {exc}")
            self.setObsolete(True)
        self._after()

    def redo(self) -> None:
        if self._skip_first_redo:
            self._skip_first_redo = False
            return
        self._run(self._do, "redo")

    def undo(self) -> None:
        self._run(self._undo, "undo")


def push_edit(
    stack: QUndoStack,
    store: Store,
    text: str,
    do: Operation,
    undo: Operation,
    after: Callable[[], None],
    parent_widget: QWidget,
) -> bool:
    """Make the edit now; on success put it on the undo stack. A refusal is shown, not raised."""
    try:
        with store.transaction() as session:
            do(session)
    except StoreBusyError:
        raise  # another VisitDesk is writing: the saving dialog offers Retry (ui/errors.py)
    except (ServiceError, DomainError, StoreError) as exc:
        QMessageBox.warning(parent_widget, "Not saved", str(exc))
        return False
    stack.push(StoreCommand(store, text, do, undo, after, parent_widget))
    after()
    return True


def push_done(
    stack: QUndoStack,
    store: Store,
    text: str,
    do: Operation,
    undo: Operation,
    after: Callable[[], None],
    parent_widget: QWidget,
) -> None:
    """Put an edit already made (and committed) on the undo stack: `do` makes it again."""
    stack.push(StoreCommand(store, text, do, undo, after, parent_widget))


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
