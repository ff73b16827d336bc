"""A hotel of the visit, a delegate's room in it, and allotting a block of rooms by precedence."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from visitdesk.app import Desk, RefusedError
from visitdesk.app.hotels import AllotPreview, HotelData, RoomData, RoomType
from visitdesk.ui.dialogs.editing import SavingDialog
from visitdesk.ui.widgets import DateField, enum_data, fill_enum, follow_dates, optional_id


def _typed(text: str) -> str | None:
    return text.strip() or None


def _line(parent: QWidget, name: str, value: str | None, hint: str = "") -> QLineEdit:
    edit = QLineEdit(value or "", parent)
    edit.setObjectName(name)
    edit.setAccessibleName(name.capitalize())
    edit.setPlaceholderText(hint)
    return edit


class HotelDialog(SavingDialog):
    """The hotel's own details; its rooms are kept as they are (edited one by one)."""

    def __init__(
        self,
        save: Callable[..., bool],
        data: HotelData | None,
        parent: QWidget | None,
        version: int | None = None,
    ) -> None:
        super().__init__(save, parent, version)
        self._original = data or HotelData(name="")
        d = self._original
        self.setWindowTitle("Hotel" if data is None else "Edit hotel")
        form = QFormLayout(self)
        self.name = _line(self, "hotel name", d.name, "Serena Hotel")
        form.addRow("&Name:", self.name)
        self.city = _line(self, "hotel city", d.city, "Islamabad")
        form.addRow("&City:", self.city)
        self.address = QPlainTextEdit(d.address or "", self)
        self.address.setObjectName("hotel address")
        self.address.setAccessibleName("Address")
        self.address.setMaximumHeight(60)
        form.addRow("&Address:", self.address)
        self.phone = _line(self, "hotel phone", d.phone)
        form.addRow("&Phone:", self.phone)
        self.booking = _line(
            self, "booking reference", d.booking_reference, "the hotel's block reference"
        )
        form.addRow("&Booking reference:", self.booking)
        self.paid_by = _line(self, "paid by", d.paid_by, "Host government, Delegation…")
        form.addRow("Paid b&y:", self.paid_by)
        self.notes = QPlainTextEdit(d.notes or "", self)
        self.notes.setObjectName("hotel notes")
        self.notes.setAccessibleName("Notes")
        self.notes.setMaximumHeight(60)
        form.addRow("N&otes (internal):", self.notes)
        self._finish(form)

    def data(self) -> HotelData:
        return replace(
            self._original,
            name=self.name.text().strip(),
            city=_typed(self.city.text()),
            address=_typed(self.address.toPlainText()),
            phone=_typed(self.phone.text()),
            booking_reference=_typed(self.booking.text()),
            paid_by=_typed(self.paid_by.text()),
            notes=_typed(self.notes.toPlainText()),
        )

    def accept(self) -> None:
        if not self.name.text().strip():
            QMessageBox.warning(self, "Not saved", "Give the hotel's name.")
            self.name.setFocus()
            return
        super().accept()


class RoomDialog(SavingDialog):
    """One person's room; saved as a change of its hotel (one undo step)."""

    def __init__(
        self,
        save: Callable[..., bool],
        people: tuple[tuple[int, str], ...],
        data: RoomData | None,
        first_day: date,
        parent: QWidget | None,
        version: int | None = None,
    ) -> None:
        super().__init__(save, parent, version)
        self.setWindowTitle("Room" if data is None else "Edit room")
        form = QFormLayout(self)
        self.person = QComboBox(self)
        self.person.setObjectName("room guest")
        self.person.setAccessibleName("Guest")
        for person_id, name in people:
            self.person.addItem(name, person_id)
        if data is not None:
            self.person.setCurrentIndex(max(0, self.person.findData(data.person_id)))
        form.addRow("&Guest:", self.person)
        self.room_type = QComboBox(self)
        self.room_type.setObjectName("room type")
        self.room_type.setAccessibleName("Room type")
        fill_enum(self.room_type, RoomType)
        chosen = data.room_type if data is not None else RoomType.STANDARD
        self.room_type.setCurrentIndex(max(0, self.room_type.findData(chosen.value)))
        form.addRow("Room &type:", self.room_type)
        self.number = _line(self, "room number", data.room_number if data else None, "once known")
        form.addRow("Room &number:", self.number)
        self.check_in = DateField(self, data.check_in if data else first_day, "Check-in")
        self.check_out = DateField(self, data.check_out if data else first_day, "Check-out")
        follow_dates(self.check_in, self.check_out)
        form.addRow("Check-&in:", self.check_in)
        form.addRow("Check-&out:", self.check_out)
        self.paid_by = _line(
            self, "room paid by", data.paid_by if data else None, "as the hotel's, unless given"
        )
        form.addRow("Paid b&y:", self.paid_by)
        self.requests = QPlainTextEdit(data.requests or "" if data else "", self)
        self.requests.setObjectName("room requests")
        self.requests.setAccessibleName("Requests")
        self.requests.setMaximumHeight(70)
        self.requests.setToolTip(
            "Printed on the rooming list the hotel receives: diet, access, a connecting room"
        )
        form.addRow("&Requests for the hotel:", self.requests)
        self._finish(form)

    def data(self) -> RoomData | None:
        person = optional_id(self.person)
        if person is None:
            return None
        return RoomData(
            person_id=person,
            check_in=self.check_in.value() or date.today(),
            check_out=self.check_out.value() or date.today(),
            room_type=enum_data(self.room_type, RoomType),
            room_number=_typed(self.number.text()),
            paid_by=_typed(self.paid_by.text()),
            requests=_typed(self.requests.toPlainText()),
        )

    def accept(self) -> None:
        for field in (self.check_in, self.check_out):
            problem = field.problem()
            if problem:
                QMessageBox.warning(self, "Not saved", problem)
                field.setFocus()
                return
        if self.person.count() == 0:
            QMessageBox.warning(self, "Not saved", "Add the delegation first: who is the guest?")
            return
        # A check-out before the check-in is refused by the app with a sentence; the dialog
        # stays open with everything typed.
        super().accept()


class AllotDialog(QDialog):
    """The block of rooms the hotel confirmed, and what handing it out by precedence does;
    OK stores it (one undo step)."""

    def __init__(
        self,
        desk: Desk,
        hotel_id: int,
        hotel_name: str,
        counts: dict[RoomType, int],
        dates: tuple[date, date],
        parent: QWidget | None,
    ) -> None:
        super().__init__(parent)
        self.desk, self.hotel_id = desk, hotel_id
        self.preview: AllotPreview | None = None
        self.setWindowTitle("Allot rooms by precedence")
        layout = QVBoxLayout(self)
        intro = QLabel(
            f"The rooms {hotel_name} holds for the delegation: the best go to the highest in "
            "precedence, the leader first. Rooms already given are kept.",
            self,
        )
        intro.setTextFormat(Qt.TextFormat.PlainText)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.counts: dict[RoomType, QSpinBox] = {}
        for room_type in RoomType:
            spin = QSpinBox(self)
            spin.setRange(0, 500)
            spin.setValue(counts.get(room_type, 0))
            spin.setObjectName(f"block {room_type.value}")
            spin.setAccessibleName(f"{room_type.label} rooms")
            spin.valueChanged.connect(lambda _v: self.refresh())
            self.counts[room_type] = spin
            form.addRow(f"{room_type.label}:", spin)
        self.check_in = DateField(self, dates[0], "Block check-in")
        self.check_out = DateField(self, dates[1], "Block check-out")
        follow_dates(self.check_in, self.check_out)
        for field in (self.check_in, self.check_out):
            field.changed.connect(self.refresh)
        form.addRow("Check-in (new rooms):", self.check_in)
        form.addRow("Check-out (new rooms):", self.check_out)
        self.again = QCheckBox("Allot &again: also change rooms already given", self)
        self.again.setObjectName("allot again")
        self.again.toggled.connect(lambda _on: self.refresh())
        form.addRow("", self.again)
        layout.addLayout(form)
        self.result_text = QLabel(self)
        self.result_text.setObjectName("allotment preview")
        self.result_text.setTextFormat(Qt.TextFormat.PlainText)
        self.result_text.setWordWrap(True)
        layout.addWidget(self.result_text, 1)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        assert isinstance(ok, QPushButton)
        ok.setText("&Allot")
        self.ok = ok
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.refresh()

    def block(self) -> dict[RoomType, int]:
        return {t: s.value() for t, s in self.counts.items() if s.value()}

    def refresh(self) -> None:
        first, last = self.check_in.value(), self.check_out.value()
        if first is None or last is None:
            return
        try:
            self.preview = self.desk.hotels.preview_allotment(
                self.hotel_id, self.block(), first, last, self.again.isChecked()
            )
        except RefusedError as exc:
            self.preview = None
            self.result_text.setText(str(exc))
            self.ok.setEnabled(False)
            return
        text = "\n".join(self.preview.lines)
        if self.preview.notes:
            text += "\n\n" + "\n".join(f"⚠ {n}" for n in self.preview.notes)
        self.result_text.setText(text)
        self.ok.setEnabled(self.preview.changes > 0)
