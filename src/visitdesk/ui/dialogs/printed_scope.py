"""Whom the place cards or badges are for: everyone in the visit, or one engagement's
attendees (as its seating plan numbers them)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from visitdesk.app.text import short_day
from visitdesk.ui.widgets import tab_in_layout_order


class PrintedScopeDialog(QDialog):
    """`engagements` are (id, start, title) rows of the visit's programme, in time order;
    `suggested` the one to offer first."""

    def __init__(
        self,
        title: str,
        engagements: Sequence[tuple[int, datetime, str]],
        suggested: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setObjectName("printed_scope_dialog")
        self.whole = QRadioButton("Everyone in the &whole visit", self)
        self.one = QRadioButton("The attendees of &one engagement:", self)
        group = QButtonGroup(self)
        group.addButton(self.whole)
        group.addButton(self.one)
        self.engagement = QComboBox(self)
        self.engagement.setObjectName("printed_scope_engagement")
        self.engagement.setAccessibleName("Engagement")
        for row_id, start, name in engagements:
            self.engagement.addItem(f"{short_day(start.date())} {start:%H:%M} · {name}", row_id)
        self.engagement.setMinimumContentsLength(40)
        self.engagement.setEnabled(False)
        self.one.toggled.connect(self.engagement.setEnabled)
        self.one.setEnabled(bool(engagements))
        # The engagement selected in the programme is the one offered, but the whole visit
        # stays the choice until the officer picks "one engagement".
        if suggested is not None and (index := self.engagement.findData(suggested)) >= 0:
            self.engagement.setCurrentIndex(index)
        self.whole.setChecked(True)
        form = QFormLayout()
        # Said in the dialog too: not every desktop shows a dialog's title.
        form.addRow(QLabel(f"{title} for:", self))
        form.addRow(self.whole)
        form.addRow(self.one)
        form.addRow(self.engagement)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        tab_in_layout_order(self)

    def engagement_id(self) -> int | None:
        """The engagement chosen, or None for the whole visit."""
        if not self.one.isChecked() or self.engagement.currentIndex() < 0:
            return None
        data = self.engagement.currentData()
        return int(data) if data is not None else None
