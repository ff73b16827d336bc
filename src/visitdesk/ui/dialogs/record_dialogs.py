"""Record what was said (a statement) and what came of it (an outcome)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QWidget,
)

from visitdesk.app import Desk
from visitdesk.app.enums import OutcomeKind, OutcomeStatus, StatementRole, StatementStyle
from visitdesk.app.outcomes import OutcomeData, StatementData, statuses
from visitdesk.app.text import short_date
from visitdesk.ui.dialogs.editing import SavingDialog
from visitdesk.ui.widgets import DateField, enum_data, fill_enum, optional_enum_data, optional_id


class _RecordDialog(SavingDialog):
    """A statement or an outcome: picks its speaker or owner, and its engagement, from lists.

    Opened on a saved record, it is given the `version` read and calls `save(data, version)`;
    another officer's save in between is shown side by side (SavingDialog)."""

    def __init__(
        self,
        desk: Desk,
        visit_id: int,
        save: Callable[..., bool],
        parent: QWidget | None,
        version: int | None = None,
    ) -> None:
        super().__init__(save, parent, version)
        self.desk = desk
        self.form = QFormLayout(self)
        choices = desk.outcomes.choices(visit_id)
        self._people, self._engagements = choices.people, choices.engagements
        self._visit_start = choices.visit_start

    def _combo(self, first: str, items: tuple[tuple[int, str], ...], current: Any) -> QComboBox:
        combo = QComboBox(self)
        combo.addItem(first, None)
        for value, text in items:
            combo.addItem(text, value)
        combo.setCurrentIndex(max(0, combo.findData(current)))
        return combo

    def _engagement_combo(self, current: int | None) -> QComboBox:
        return self._combo("(the visit as a whole)", self._engagements, current)

    def _person_combo(self, first: str, current: int | None) -> QComboBox:
        return self._combo(first, self._people, current)


class StatementDialog(_RecordDialog):
    def __init__(
        self,
        desk: Desk,
        visit_id: int,
        save: Callable[..., bool],
        data: StatementData | None,
        parent: QWidget | None = None,
        version: int | None = None,
    ) -> None:
        super().__init__(desk, visit_id, save, parent, version)
        self.setWindowTitle("Edit statement" if data else "New statement")
        self.resize(640, 420)
        data = data or StatementData(text="")
        self.speaker = self._person_combo("Joint / the office", data.speaker_id)
        self.engagement = self._engagement_combo(data.engagement_id)
        self.text = QPlainTextEdit(data.text, self)
        self.text.setTabChangesFocus(True)
        self.style_box = QComboBox(self)
        fill_enum(
            self.style_box,
            StatementStyle,
            lambda style: style.label + (" quote" if style is StatementStyle.DIRECT else ""),
        )
        self.style_box.setCurrentIndex(self.style_box.findData(data.style.value))
        self.for_press = QCheckBox("May be given to the press", self)
        self.for_press.setChecked(data.for_press)
        self.role = QComboBox(self)
        fill_enum(
            self.role,
            StatementRole,
            lambda role: "Not featured" if role is StatementRole.NONE else role.label,
        )
        self.role.setCurrentIndex(self.role.findData(data.role.value))
        self.form.addRow("&Speaker", self.speaker)
        self.form.addRow("&At", self.engagement)
        self.form.addRow("&What was said", self.text)
        self.form.addRow("St&yle", self.style_box)
        self.form.addRow("", self.for_press)
        self.form.addRow("&Press release use", self.role)
        self._finish(self.form)
        self.text.setFocus()

    def data(self) -> StatementData:
        return StatementData(
            text=self.text.toPlainText(),
            speaker_id=optional_id(self.speaker),
            engagement_id=optional_id(self.engagement),
            style=enum_data(self.style_box, StatementStyle),
            for_press=self.for_press.isChecked(),
            role=enum_data(self.role, StatementRole),
        )


class OutcomeDialog(_RecordDialog):
    """An outcome with its life cycle: the Status list offers what its kind may become, and a
    change of status is recorded on the day given (today unless the officer says otherwise)."""

    def __init__(
        self,
        desk: Desk,
        visit_id: int,
        save: Callable[..., bool],
        data: OutcomeData | None,
        parent: QWidget | None = None,
        history: tuple[tuple[OutcomeStatus, date], ...] = (),
        version: int | None = None,
    ) -> None:
        super().__init__(desk, visit_id, save, parent, version)
        self.setWindowTitle("Edit outcome" if data else "New outcome")
        self.resize(640, 500)
        self._saved_status = data.status if data else None
        self._saved_on = data.status_on if data else None
        data = data or OutcomeData(kind=OutcomeKind.ACTION, title="")
        self.kind = QComboBox(self)
        self.kind.setObjectName("outcome kind")
        fill_enum(self.kind, OutcomeKind)
        self.kind.setCurrentIndex(self.kind.findData(data.kind.value))
        # The kind of a saved outcome is fixed: its life cycle depends on it.
        self.kind.setEnabled(self._saved_status is None)
        if self._saved_status is not None:
            self.kind.setToolTip(
                "The kind of a saved outcome is fixed: its life cycle depends on it"
            )
        self.title_edit = QLineEdit(data.title, self)
        self.title_edit.setObjectName("outcome title")
        self.status = QComboBox(self)
        self.status.setObjectName("outcome status")
        # Unknown for an outcome imported without its history; a new step dates from today.
        self.status_on = DateField(
            self,
            data.status_on if self._saved_status is not None else date.today(),
            "Status date",
            optional=True,
            blank_text="date not known",
        )
        self.status_on.near = self._visit_start
        self.kind.currentIndexChanged.connect(lambda _i: self._fill_statuses(None))
        self._fill_statuses(data.status)
        self.status.currentIndexChanged.connect(lambda _i: self._status_moved())
        status_row = QHBoxLayout()
        status_row.addWidget(self.status, 1)
        status_row.addWidget(QLabel("since", self))
        status_row.addWidget(self.status_on, 1)
        self.owner = self._person_combo("(nobody yet)", data.owner_id)
        self.owner.setObjectName("outcome owner")
        self.due = DateField(
            self, data.due_date, "Due date", optional=True, blank_text="no due date"
        )
        self.due.near = self._visit_start
        self.next_step = QLineEdit(data.next_step or "", self)
        self.description = QPlainTextEdit(data.description or "", self)
        self.description.setTabChangesFocus(True)
        self.engagement = self._engagement_combo(data.engagement_id)
        self.form.addRow("&Kind", self.kind)
        self.form.addRow("&Title", self.title_edit)
        status_label = QLabel("&Status", self)
        status_label.setBuddy(self.status)
        self.form.addRow(status_label, status_row)
        if history:
            steps = QLabel(history_text(history), self)
            steps.setObjectName("outcome history")
            steps.setTextFormat(Qt.TextFormat.PlainText)
            steps.setWordWrap(True)
            self.form.addRow("History", steps)
        self.form.addRow("&Owner", self.owner)
        self.form.addRow("&Due", self.due)
        self.form.addRow("&Next step", self.next_step)
        self.form.addRow("&Description", self.description)
        self.form.addRow("&From", self.engagement)
        self._finish(self.form)
        self.title_edit.setFocus()

    def _fill_statuses(self, current: OutcomeStatus | None) -> None:
        shown = current or optional_enum_data(self.status, OutcomeStatus)
        self.status.blockSignals(True)
        fill_enum(
            self.status,
            statuses(enum_data(self.kind, OutcomeKind), self._saved_status),
        )
        self.status.setCurrentIndex(max(0, self.status.findData(shown.value if shown else None)))
        self.status.blockSignals(False)

    def _status_moved(self) -> None:
        # A new step dates from today unless the officer says when it happened.
        status = optional_enum_data(self.status, OutcomeStatus)
        same = self._saved_status is not None and status is self._saved_status
        self.status_on.set_value(self._saved_on if same else date.today())

    def accept(self) -> None:
        for field in (self.status_on, self.due):
            problem = field.problem()
            if problem:
                QMessageBox.warning(self, "Not saved", problem)
                field.setFocus()
                return
        super().accept()

    def data(self) -> OutcomeData:
        return OutcomeData(
            kind=enum_data(self.kind, OutcomeKind),
            title=self.title_edit.text(),
            status=optional_enum_data(self.status, OutcomeStatus),
            description=_typed(self.description.toPlainText()),
            owner_id=optional_id(self.owner),
            due_date=self.due.value(),
            next_step=_typed(self.next_step.text()),
            engagement_id=optional_id(self.engagement),
            status_on=self.status_on.value(),
        )


def _typed(text: str) -> str | None:
    """A field left empty is None, as stored: another officer's version is then compared
    only on the fields that really differ."""
    return text if text.strip() else None


def history_text(history: tuple[tuple[OutcomeStatus, date], ...]) -> str:
    """Proposed 1 Mar 2017 → Drafted 22 Mar 2017 → Signed 24 Mar 2017."""
    return " → ".join(f"{status.label} {short_date(on)}" for status, on in history)
