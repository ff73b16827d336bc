"""Merge two records that are the same person or organisation: both side by side, one kept."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from visitdesk.app.people import MergeSide


def _uses(count: int) -> str:
    if count == 0:
        return "Not referred to anywhere"
    return "Referred to once" if count == 1 else f"Referred to {count} times"


class MergeDialog(QDialog):
    """Shows two records' fields in two columns; the officer ticks the one to keep."""

    def __init__(
        self,
        noun: str,
        first: MergeSide,
        second: MergeSide,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("merge_dialog")
        self.setWindowTitle(f"Merge two {'people' if noun == 'person' else noun + 's'}")
        self.resize(760, 420)
        self._ids = (first.id, second.id)
        grid = QGridLayout()
        self.keep_buttons = QButtonGroup(self)
        same_name = first.name == second.name
        for column, side in enumerate((first, second), start=1):
            name, fields, uses = side.name, side.fields, side.uses
            # Two records of one name (the usual duplicate) are told apart by their column.
            where = (" (left)" if column == 1 else " (right)") if same_name else ""
            button = QRadioButton(f"Keep {name}{where}", self)
            button.setAccessibleName(f"Keep {name}{where}")
            self.keep_buttons.addButton(button, column - 1)
            grid.addWidget(button, 0, column)
            for row, (label, text) in enumerate(fields, start=1):
                if column == 1:
                    grid.addWidget(QLabel(label, self), row, 0)
                value = QLabel(text or "—", self)
                value.setTextFormat(Qt.TextFormat.PlainText)
                value.setWordWrap(True)
                value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
                grid.addWidget(value, row, column)
            grid.addWidget(QLabel(_uses(uses), self), len(fields) + 1, column)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(2, 1)
        # Keeping the record most referred to is the likely choice (an empty duplicate made by
        # hand is the one to drop); on a tie, the first.
        self.keep_buttons.button(1 if second.uses > first.uses else 0).setChecked(True)
        explanation = QLabel(
            f"The {noun} kept takes every reference to the other (delegations, attendances, "
            "speakers, owners, organisations); its empty fields are filled from the other. "
            "Edit > Undo puts both back as they were.",
            self,
        )
        explanation.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText("Merge")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(explanation)
        layout.addLayout(grid)
        layout.addStretch(1)
        layout.addWidget(buttons)

    def kept_and_dropped(self) -> tuple[int, int]:
        kept = self.keep_buttons.checkedId()
        return (self._ids[0], self._ids[1]) if kept == 0 else (self._ids[1], self._ids[0])
