"""A gift given or received on a visit: who gave it to whom (a person of the visit, or a name),
what it is, its value and photo, and for a gift received the deposit the rules require."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from visitdesk.app import Desk, RefusedError
from visitdesk.app.gifts import GiftData, GiftDecision, GiftDirection, parse_amount
from visitdesk.ui import file_dialogs
from visitdesk.ui.dialogs.editing import SavingDialog
from visitdesk.ui.dialogs.typed import optional
from visitdesk.ui.widgets import DateField, enum_data, optional_enum_data, optional_id

PHOTO_SIZE = (160, 120)
SOMEONE_ELSE = "(someone else: type the name)"
DIRECTIONS = {
    GiftDirection.RECEIVED: "Received by our side",
    GiftDirection.GIVEN: "Given by our side",
}


class GiftDialog(SavingDialog):
    """Opened on a saved gift, it is given the `version` read and calls `save(data, version)`;
    another officer's save in between is shown side by side (SavingDialog)."""

    def __init__(
        self,
        desk: Desk,
        visit_id: int,
        save: Callable[..., bool],
        data: GiftData | None,
        parent: QWidget | None = None,
        version: int | None = None,
    ) -> None:
        super().__init__(save, parent, version)
        self.desk = desk
        self.setObjectName("gift_dialog")
        self.setWindowTitle("Edit gift" if data else "New gift")
        self.resize(640, 640)
        choices = desk.gifts.choices(visit_id)
        self._people = choices.people
        data = data or GiftData(description="")
        self.photo: bytes | None = data.photo

        self.direction = QComboBox(self)
        self.direction.setAccessibleName("Given or received")
        for member, text in DIRECTIONS.items():
            self.direction.addItem(text, member.value)
        self.direction.setCurrentIndex(self.direction.findData(data.direction.value))
        self.engagement = QComboBox(self)
        self.engagement.setAccessibleName("At")
        self.engagement.addItem("(the visit as a whole)", None)
        for engagement_id, label in choices.engagements:
            self.engagement.addItem(label, engagement_id)
        self.engagement.setCurrentIndex(max(0, self.engagement.findData(data.engagement_id)))
        self.given_on = DateField(self, data.given_on, "Date given", optional=True)
        self.given_on.near = choices.visit_start
        self.giver, self.giver_name = self._who("From", data.giver_id, data.giver_name)
        self.receiver, self.receiver_name = self._who("To", data.receiver_id, data.receiver_name)
        self.description = QPlainTextEdit(data.description, self)
        self.description.setAccessibleName("Description")
        self.description.setTabChangesFocus(True)
        self.description.setFixedHeight(60)
        self.value = QLineEdit(_amount_text(data.estimated_value), self)
        self.value.setAccessibleName("Estimated value")
        self.value.setPlaceholderText("whole units, e.g. 25,000")
        self.currency = QLineEdit(data.currency or "", self)
        self.currency.setAccessibleName("Currency")
        self.currency.setPlaceholderText("PKR")
        self.currency.setMaxLength(3)
        self.currency.setFixedWidth(60)
        value_row = QHBoxLayout()
        value_row.addWidget(self.value, 1)
        value_row.addWidget(self.currency)

        self.photo_label = QLabel(self)
        self.photo_label.setObjectName("gift photo")
        self.photo_label.setFixedSize(*PHOTO_SIZE)
        self.photo_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.photo_label.setStyleSheet("border: 1px solid #999999;")
        choose = QPushButton("Choose photo…", self)
        choose.clicked.connect(self._choose_photo)
        self.remove_photo = QPushButton("Remove photo", self)
        self.remove_photo.clicked.connect(self._remove_photo)
        photo_buttons = QVBoxLayout()
        photo_buttons.addWidget(choose)
        photo_buttons.addWidget(self.remove_photo)
        photo_buttons.addStretch(1)
        photo_row = QHBoxLayout()
        photo_row.addWidget(self.photo_label, 0, Qt.AlignmentFlag.AlignTop)
        photo_row.addLayout(photo_buttons)
        photo_row.addStretch(1)

        self.deposit = QGroupBox(f"Deposit with the {choices.authority}", self)
        self.deposit.setObjectName("gift deposit")
        self.decision = QComboBox(self.deposit)
        self.decision.setAccessibleName("Decision")
        self.decision.addItem("(nothing recorded yet)", None)
        for decision in GiftDecision:
            self.decision.addItem(decision.label, decision.value)
        self.decision.setCurrentIndex(
            max(0, self.decision.findData(data.decision.value if data.decision else None))
        )
        self.reported_on = DateField(self.deposit, data.reported_on, "Reported on", optional=True)
        self.deposited_on = DateField(
            self.deposit, data.deposited_on, "Deposited on", optional=True
        )
        for field in (self.reported_on, self.deposited_on):
            field.near = choices.visit_start
        self.reference = QLineEdit(data.deposit_reference or "", self.deposit)
        self.reference.setAccessibleName("Deposit reference")
        self.assessed = QLineEdit(_amount_text(data.assessed_value), self.deposit)
        self.assessed.setAccessibleName("Assessed value")
        deposit_form = QFormLayout(self.deposit)
        deposit_form.addRow("De&cision", self.decision)
        deposit_form.addRow("&Reported on", self.reported_on)
        deposit_form.addRow("Dep&osited on", self.deposited_on)
        deposit_form.addRow("Re&ference", self.reference)
        deposit_form.addRow("Assessed &value", self.assessed)
        self.notes = QPlainTextEdit(data.notes or "", self)
        self.notes.setAccessibleName("Notes")
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(50)

        self.form = QFormLayout(self)
        self.form.addRow("&Given or received", self.direction)
        self.form.addRow("&At", self.engagement)
        self.form.addRow("&Date", self.given_on)
        self.form.addRow(
            self._label("&From", self.giver), self._who_row(self.giver, self.giver_name)
        )
        self.form.addRow(
            self._label("&To", self.receiver), self._who_row(self.receiver, self.receiver_name)
        )
        self.form.addRow("D&escription", self.description)
        self.form.addRow(self._label("Estimated val&ue", self.value), value_row)
        self.form.addRow("Photo", photo_row)
        self.form.addRow(self.deposit)
        self.form.addRow("&Notes", self.notes)
        self.direction.currentIndexChanged.connect(lambda _i: self._direction_moved())
        self._direction_moved()
        self._show_photo()
        self._finish(self.form)
        self.description.setFocus()

    def _who(
        self, name: str, person_id: int | None, text: str | None
    ) -> tuple[QComboBox, QLineEdit]:
        combo = QComboBox(self)
        combo.setAccessibleName(name)
        combo.addItem(SOMEONE_ELSE, None)
        for pid, shown in self._people:
            combo.addItem(shown, pid)
        combo.setCurrentIndex(max(0, combo.findData(person_id)))
        typed = QLineEdit(text or "", self)
        typed.setAccessibleName(f"{name} (name)")
        typed.setPlaceholderText("the Embassy, the Ministry's library…")
        combo.currentIndexChanged.connect(lambda _i: typed.setEnabled(combo.currentData() is None))
        typed.setEnabled(combo.currentData() is None)
        return combo, typed

    def _label(self, text: str, buddy: QWidget) -> QLabel:
        """A row's label whose mnemonic reaches a field laid out in a row of several."""
        label = QLabel(text, self)
        label.setBuddy(buddy)
        return label

    @staticmethod
    def _who_row(combo: QComboBox, typed: QLineEdit) -> QHBoxLayout:
        row = QHBoxLayout()
        row.addWidget(combo, 1)
        row.addWidget(typed, 1)
        return row

    def _direction_moved(self) -> None:
        # Only a gift our side received is reported and deposited.
        received = enum_data(self.direction, GiftDirection) is GiftDirection.RECEIVED
        self.deposit.setEnabled(received)

    def _show_photo(self) -> None:
        pixmap = QPixmap()
        if self.photo and pixmap.loadFromData(self.photo):
            self.photo_label.setPixmap(
                pixmap.scaled(
                    *PHOTO_SIZE,
                    Qt.AspectRatioMode.KeepAspectRatio,
                    Qt.TransformationMode.SmoothTransformation,
                )
            )
        else:
            self.photo_label.clear()
            self.photo_label.setText("(no photo)")
        self.remove_photo.setEnabled(self.photo is not None)

    def _choose_photo(self) -> None:
        path, _ = file_dialogs.open_file_name(
            self, "Photo of the gift", "", "Pictures (*.png *.jpg *.jpeg)"
        )
        if path:
            self.use_photo_file(Path(path))

    def use_photo_file(self, path: Path) -> bool:
        try:
            data = self.desk.gifts.read_photo(path)
        except RefusedError as exc:
            QMessageBox.warning(self, "Photo not used", str(exc))
            return False
        self.photo = data
        self._show_photo()
        return True

    def _remove_photo(self) -> None:
        self.photo = None
        self._show_photo()

    def accept(self) -> None:
        for field in (self.given_on, self.reported_on, self.deposited_on):
            problem = field.problem()
            if problem:
                QMessageBox.warning(self, "Not saved", problem)
                field.setFocus()
                return
        for edit, what in ((self.value, "estimated value"), (self.assessed, "assessed value")):
            try:
                parse_amount(edit.text(), what)
            except RefusedError as exc:
                QMessageBox.warning(self, "Not saved", str(exc))
                edit.setFocus()
                return
        super().accept()

    def data(self) -> GiftData:
        received = enum_data(self.direction, GiftDirection) is GiftDirection.RECEIVED
        giver, receiver = optional_id(self.giver), optional_id(self.receiver)
        return GiftData(
            description=self.description.toPlainText().strip(),
            direction=enum_data(self.direction, GiftDirection),
            engagement_id=optional_id(self.engagement),
            giver_id=giver,
            giver_name=None if giver else optional(self.giver_name.text()),
            receiver_id=receiver,
            receiver_name=None if receiver else optional(self.receiver_name.text()),
            given_on=self.given_on.value(),
            estimated_value=_amount(self.value.text()),
            currency=optional(self.currency.text().upper()),
            photo=self.photo,
            # A gift our side gave carries no deposit, whatever the greyed fields hold.
            decision=optional_enum_data(self.decision, GiftDecision) if received else None,
            reported_on=self.reported_on.value() if received else None,
            deposited_on=self.deposited_on.value() if received else None,
            deposit_reference=optional(self.reference.text()) if received else None,
            assessed_value=_amount(self.assessed.text()) if received else None,
            notes=optional(self.notes.toPlainText()),
        )


def _amount_text(value: int | None) -> str:
    return "" if value is None else f"{value:,}"


def _amount(text: str) -> int | None:
    """The amount typed, or None (what cannot be read is refused by `accept` first)."""
    try:
        return parse_amount(text)
    except RefusedError:
        return None
