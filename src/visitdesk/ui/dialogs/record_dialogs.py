"""Record what was said (a statement) and what came of it (an outcome)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from visitdesk.domain.dates import day_month
from visitdesk.domain.enums import OutcomeKind, StatementRole, StatementStyle
from visitdesk.services.itinerary import itinerary_rows
from visitdesk.services.outcomes import OutcomeData, StatementData, status_choices
from visitdesk.services.people import person_rows
from visitdesk.store.database import Store
from visitdesk.ui.dialogs.editing import SavingDialog

NO_DATE = QDate(2000, 1, 1)


class _RecordDialog(SavingDialog):
    """A statement or an outcome: picks its speaker or owner, and its engagement, from lists."""

    def __init__(
        self, store: Store, visit_id: int, save: Callable[[Any], bool], parent: QWidget | None
    ) -> None:
        super().__init__(save, parent)
        self.store = store
        self.form = QFormLayout(self)
        with store.session() as session:
            self._people = person_rows(session)
            self._engagements = itinerary_rows(session, visit_id)

    def _combo(self, first: str, items: list[tuple[str, Any]], current: Any) -> QComboBox:
        combo = QComboBox(self)
        combo.addItem(first, None)
        for text, value in items:
            combo.addItem(text, value)
        combo.setCurrentIndex(max(0, combo.findData(current)))
        return combo

    def _engagement_combo(self, current: int | None) -> QComboBox:
        items = [
            (f"{day_month(e.start)} {e.start:%H:%M} {e.title}", e.id) for e in self._engagements
        ]
        return self._combo("(the visit as a whole)", items, current)

    def _person_combo(self, first: str, current: int | None) -> QComboBox:
        items = [(f"{p.name} — {p.position}" if p.position else p.name, p.id) for p in self._people]
        return self._combo(first, items, current)


class StatementDialog(_RecordDialog):
    def __init__(
        self,
        store: Store,
        visit_id: int,
        save: Callable[[StatementData], bool],
        data: StatementData | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(store, visit_id, save, parent)
        self.setWindowTitle("Edit statement" if data else "New statement")
        self.resize(640, 420)
        data = data or StatementData(text="")
        self.speaker = self._person_combo("Joint / the office", data.speaker_id)
        self.engagement = self._engagement_combo(data.engagement_id)
        self.text = QPlainTextEdit(data.text, self)
        self.text.setTabChangesFocus(True)
        self.style_box = QComboBox(self)
        for style in StatementStyle:
            self.style_box.addItem(
                style.label + (" quote" if style is StatementStyle.DIRECT else ""), style
            )
        self.style_box.setCurrentIndex(self.style_box.findData(data.style))
        self.for_press = QCheckBox("May be given to the press", self)
        self.for_press.setChecked(data.for_press)
        self.role = QComboBox(self)
        for role in StatementRole:
            self.role.addItem("Not featured" if role is StatementRole.NONE else role.label, role)
        self.role.setCurrentIndex(self.role.findData(data.role))
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
            speaker_id=self.speaker.currentData(),
            engagement_id=self.engagement.currentData(),
            style=self.style_box.currentData(),
            for_press=self.for_press.isChecked(),
            role=self.role.currentData(),
        )


class OutcomeDialog(_RecordDialog):
    def __init__(
        self,
        store: Store,
        visit_id: int,
        save: Callable[[OutcomeData], bool],
        data: OutcomeData | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(store, visit_id, save, parent)
        self.setWindowTitle("Edit outcome" if data else "New outcome")
        self.resize(640, 460)
        data = data or OutcomeData(kind=OutcomeKind.ACTION, title="")
        self.kind = QComboBox(self)
        for kind in OutcomeKind:
            self.kind.addItem(kind.label, kind)
        self.kind.setCurrentIndex(self.kind.findData(data.kind))
        # The kind of a saved outcome is fixed: its life cycle depends on it.
        self.kind.setEnabled(data.title == "")
        self.title_edit = QLineEdit(data.title, self)
        self.status = QComboBox(self)
        self.kind.currentIndexChanged.connect(lambda _i: self._fill_statuses(None))
        self._fill_statuses(data.status)
        self.owner = self._person_combo("(nobody yet)", data.owner_id)
        self.due = QDateEdit(self)
        self.due.setCalendarPopup(True)
        self.due.setDisplayFormat("dd MMM yyyy")
        self.due.setMinimumDate(NO_DATE)
        self.due.setSpecialValueText("no due date")
        due = data.due_date
        self.due.setDate(QDate(due.year, due.month, due.day) if due else NO_DATE)
        self.next_step = QLineEdit(data.next_step or "", self)
        self.description = QPlainTextEdit(data.description or "", self)
        self.description.setTabChangesFocus(True)
        self.engagement = self._engagement_combo(data.engagement_id)
        self.form.addRow("&Kind", self.kind)
        self.form.addRow("&Title", self.title_edit)
        self.form.addRow("&Status", self.status)
        self.form.addRow("&Owner", self.owner)
        self.form.addRow("&Due", self.due)
        self.form.addRow("&Next step", self.next_step)
        self.form.addRow("&Description", self.description)
        self.form.addRow("&From", self.engagement)
        self._finish(self.form)
        self.title_edit.setFocus()

    def _fill_statuses(self, current: object) -> None:
        current = current or self.status.currentData()
        self.status.clear()
        for status in status_choices(self.kind.currentData()):
            self.status.addItem(status.label, status)
        self.status.setCurrentIndex(max(0, self.status.findData(current)))

    def data(self) -> OutcomeData:
        due = self.due.date()
        return OutcomeData(
            kind=self.kind.currentData(),
            title=self.title_edit.text(),
            status=self.status.currentData(),
            description=self.description.toPlainText(),
            owner_id=self.owner.currentData(),
            due_date=None if due == NO_DATE else date(due.year(), due.month(), due.day()),
            next_step=self.next_step.text(),
            engagement_id=self.engagement.currentData(),
        )
