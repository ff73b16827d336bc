"""What a document is for: the whole visit or one person's part, and the pack's marking.

Used by the briefing pack (with a classification) and by the calendar export (without).
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from visitdesk.app.documents import CLASSIFICATION_LIMIT, ParticipantRow
from visitdesk.app.enums import Side
from visitdesk.ui.widgets import tab_in_layout_order


def _person_label(row: ParticipantRow) -> str:
    side = "delegation" if row.side is Side.GUEST else "host side"
    count = {0: "no engagements", 1: "1 engagement"}.get(row.engagements)
    attends = count or f"{row.engagements} engagements"
    position = f", {row.position}" if row.position else ""
    return f"{row.name}{position} ({side}; {attends})"


class DocumentOptionsDialog(QDialog):
    """Whole visit or one person (picker); optionally a classification marking."""

    def __init__(
        self,
        title: str,
        people: list[ParticipantRow],
        person_id: int | None = None,
        classification: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.people = people
        self.whole = QRadioButton("The &whole visit", self)
        self.one = QRadioButton("&One person's part:", self)
        group = QButtonGroup(self)
        group.addButton(self.whole)
        group.addButton(self.one)
        self.person = QComboBox(self)
        for row in people:
            self.person.addItem(_person_label(row), row.person_id)
        self.person.setMinimumContentsLength(40)
        self.person.setEnabled(False)
        self.one.toggled.connect(self.person.setEnabled)
        self.one.setEnabled(bool(people))
        if person_id is not None and (index := self.person.findData(person_id)) >= 0:
            self.person.setCurrentIndex(index)
            self.one.setChecked(True)
        else:
            self.whole.setChecked(True)

        layout = QVBoxLayout(self)
        form = QFormLayout()
        form.addRow(self.whole)
        form.addRow(self.one)
        form.addRow(self.person)
        self.classification: QLineEdit | None = None
        if classification is not None:
            self.classification = QLineEdit(classification, self)
            self.classification.setMaxLength(CLASSIFICATION_LIMIT)
            self.classification.setToolTip(
                "Printed at the top and foot of every page; the office's default is filled in"
            )
            form.addRow("&Classification", self.classification)
        layout.addLayout(form)
        if not people:
            layout.addWidget(QLabel("Nobody takes part in this visit yet.", self))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        tab_in_layout_order(self)

    def person_ref(self) -> str | None:
        """The chosen person's reference, or None for the whole visit."""
        if not self.one.isChecked() or self.person.currentIndex() < 0:
            return None
        return self.people[self.person.currentIndex()].ref

    def person_name(self) -> str | None:
        if not self.one.isChecked() or self.person.currentIndex() < 0:
            return None
        return self.people[self.person.currentIndex()].name

    def marking(self) -> str | None:
        return self.classification.text() if self.classification is not None else None
