"""Saving an editor's text over the version it loaded, for editors that are not a SavingDialog.

A database that says "busy" gets Retry/Cancel (`errors.run_saving`); another officer's save
since the text was loaded shows both versions (`dialogs/conflict_dialog`): Keep mine saves
again over their version, on purpose; Take theirs drops the typed text; Back returns to it.
Any other refusal is shown in a sentence. The typed text is never lost by a refusal.
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from dataclasses import dataclass
from typing import Generic, TypeVar

from PySide6.QtWidgets import QMessageBox, QWidget

from visitdesk.app import ConflictError, RefusedError

T = TypeVar("T")


class Outcome(enum.Enum):
    SAVED = "saved"
    KEPT_TYPING = "kept typing"  # refused, cancelled or Back: the editor keeps the text
    TOOK_THEIRS = "took theirs"  # the officer dropped their text for the other's version


@dataclass(frozen=True)
class Saved(Generic[T]):
    outcome: Outcome
    result: T | None = None


def save_over(parent: QWidget, what: str, save: Callable[[int], T], version: int) -> Saved[T]:
    """`save(version)`, from the version the editor loaded, with the conflict answered."""
    from visitdesk.ui.dialogs.conflict_dialog import Choice, resolve
    from visitdesk.ui.errors import run_saving

    def attempt(version: int) -> Callable[[], T]:
        return lambda: save(version)

    while True:
        try:
            result = run_saving(parent, attempt(version))
        except ConflictError as exc:
            choice = resolve(parent, exc)
            if choice is Choice.KEEP_MINE and exc.theirs is not None:
                version = exc.theirs.version
                continue
            if choice is Choice.TAKE_THEIRS:
                return Saved(Outcome.TOOK_THEIRS)
            return Saved(Outcome.KEPT_TYPING)
        except RefusedError as exc:
            QMessageBox.warning(parent, f"{what} not saved", str(exc))
            return Saved(Outcome.KEPT_TYPING)
        if result is None:  # the database refused and the officer chose Cancel
            return Saved(Outcome.KEPT_TYPING)
        return Saved(Outcome.SAVED, result)
