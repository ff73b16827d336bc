"""The two dialogs of a car plan: a movement (when, from where to where, for what) and one car
of it (its role, registration, driver and phone, and who sits in which seat)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, datetime, time

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QWidget,
)

from visitdesk.app.cars import CarData, CarRole, CarSeat, LinkChoice, MovementData, SeatData
from visitdesk.app.cars import PassengerChoice as Passenger
from visitdesk.ui.dialogs.editing import SavingDialog
from visitdesk.ui.widgets import DateField, TimeField, enum_data, fill_enum, optional_id

# The seats with a name, in the order a car is read (the seat of honour first).
NAMED_SEATS = (CarSeat.REAR_RIGHT, CarSeat.REAR_LEFT, CarSeat.REAR_MIDDLE, CarSeat.FRONT)


def _line(parent: QWidget, text: str | None, name: str) -> QLineEdit:
    edit = QLineEdit(text or "", parent)
    edit.setObjectName(name)
    edit.setAccessibleName(name)
    return edit


def _combo(
    parent: QWidget, first: str, items: Sequence[tuple[int, str]], current: int | None, name: str
) -> QComboBox:
    combo = QComboBox(parent)
    combo.setObjectName(name)
    combo.setAccessibleName(name)
    combo.addItem(first, None)
    for value, text in items:
        combo.addItem(text, value)
    combo.setCurrentIndex(max(0, combo.findData(current)))
    # Sized for 40 characters, not for its longest item: a journey with a 300-character carrier
    # would otherwise widen the dialog past the screen and hide its Save button.
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(40)
    return combo


class _When(QWidget):
    """A day and a time side by side; the time may be left empty where `optional`."""

    def __init__(
        self, parent: QWidget, value: datetime | None, near: date, name: str, optional: bool
    ) -> None:
        super().__init__(parent)
        self.optional = optional
        self.day = DateField(self, value.date() if value else None, f"{name} date", optional)
        self.day.near = near
        self.time = TimeField(self, value.time() if value else time(9, 0), f"{name} time")
        if value is None:
            self.time.clear()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.day, 1)
        layout.addWidget(self.time)

    def problem(self) -> str | None:
        if self.optional and self.day.value() is None and not self.time.text().strip():
            return None
        return self.day.problem() or self.time.problem()

    def value(self) -> datetime | None:
        day = self.day.value()
        if day is None:
            return None
        return datetime.combine(day, self.time.value())


class MovementDialog(SavingDialog):
    """When the cars leave and arrive, from where to where, and the engagement or journey the
    movement is for. The cars are edited on the Cars tab, not here; the dialog keeps them."""

    def __init__(
        self,
        save: Callable[..., bool],
        data: MovementData | None,
        near: date,
        links: tuple[tuple[LinkChoice, ...], tuple[LinkChoice, ...]],
        parent: QWidget | None = None,
        version: int | None = None,
    ) -> None:
        super().__init__(save, parent, version)
        self.setWindowTitle("Edit movement" if data else "New movement")
        self.resize(560, 420)
        self._cars = data.cars if data else ()
        engagements, legs = links
        self.title = _line(self, data.title if data else None, "Movement title")
        self.title.setPlaceholderText("none: the engagement's title")
        self.engagement = _combo(
            self,
            "(none)",
            [(e.id, e.label) for e in engagements],
            data.engagement_id if data else None,
            "For the engagement",
        )
        self.journey = _combo(
            self,
            "(none)",
            [(j.id, j.label) for j in legs],
            data.travel_leg_id if data else None,
            "For the journey",
        )
        self.departs = _When(self, data.departs if data else None, near, "Leaves", False)
        self.arrives = _When(self, data.arrives if data else None, near, "Arrives", True)
        self.origin = _line(self, data.origin if data else None, "From")
        self.destination = _line(self, data.destination if data else None, "To")
        self.notes = QPlainTextEdit(data.notes or "" if data else "", self)
        self.notes.setObjectName("Movement notes")
        self.notes.setTabChangesFocus(True)
        form = QFormLayout(self)
        form.addRow("&Title", self.title)
        form.addRow("For the &engagement", self.engagement)
        form.addRow("For the &journey", self.journey)
        form.addRow("&Leaves", self.departs)
        form.addRow("&Arrives", self.arrives)
        form.addRow("&From", self.origin)
        form.addRow("T&o", self.destination)
        form.addRow("&Notes", self.notes)
        self._finish(form)
        self.title.setFocus()

    def data(self) -> MovementData:
        return MovementData(
            departs=self.departs.value() or datetime.combine(self.departs.day.near, time(9, 0)),
            title=self.title.text(),
            arrives=self.arrives.value(),
            origin=self.origin.text(),
            destination=self.destination.text(),
            notes=self.notes.toPlainText(),
            engagement_id=optional_id(self.engagement),
            travel_leg_id=optional_id(self.journey),
            cars=self._cars,
        )

    def accept(self) -> None:
        for field in (self.departs, self.arrives):
            problem = field.problem()
            if problem:
                QMessageBox.warning(self, "Not saved", problem)
                field.setFocus()
                return
        if self.departs.value() is None:
            QMessageBox.warning(self, "Not saved", "Give the day the cars leave.")
            return
        super().accept()


class CarDialog(SavingDialog):
    """One car: what it does in the motorcade, who drives it, and who sits where. A person
    given a seat here leaves any other seat of the movement (the panel moves them)."""

    def __init__(
        self,
        save: Callable[..., bool],
        data: CarData | None,
        people: Sequence[Passenger],
        parent: QWidget | None = None,
        version: int | None = None,
        title: str = "New car",
    ) -> None:
        super().__init__(save, parent, version)
        self.setWindowTitle(title)
        self.resize(560, 560)
        data = data or CarData()
        self._people = list(people)
        choices = [(p.id, p.name) for p in self._people]
        self.role = QComboBox(self)
        self.role.setObjectName("Car role")
        self.role.setAccessibleName("Car role")
        fill_enum(self.role, CarRole)
        self.role.setCurrentIndex(self.role.findData(data.role.value))
        self.label = _line(self, data.label, "Car name")
        self.label.setPlaceholderText("none: Car 1, Car 2… in motorcade order")
        self.registration = _line(self, data.registration, "Registration")
        self.driver = _line(self, data.driver, "Driver")
        self.phone = _line(self, data.driver_phone, "Driver's phone")
        in_seat: dict[CarSeat, int] = {
            s.seat: s.person_id for s in data.seats if s.seat is not CarSeat.OTHER
        }
        self.seats: dict[CarSeat, QComboBox] = {
            seat: _combo(self, "(nobody)", choices, in_seat.get(seat), f"{seat.label} seat")
            for seat in NAMED_SEATS
        }
        others = [s.person_id for s in data.seats if s.seat is CarSeat.OTHER]
        self.others = QListWidget(self)
        self.others.setObjectName("Other seats")
        self.others.setAccessibleName("Other seats")
        for person in self._people:
            item = QListWidgetItem(person.name, self.others)
            item.setData(Qt.ItemDataRole.UserRole, person.id)
            item.setCheckState(
                Qt.CheckState.Checked if person.id in others else Qt.CheckState.Unchecked
            )
        self.others.setToolTip("Minibuses and coaches: everyone else on board, ticked")
        self.notes = QPlainTextEdit(data.notes or "", self)
        self.notes.setObjectName("Car notes")
        self.notes.setTabChangesFocus(True)
        self.notes.setMaximumHeight(70)
        form = QFormLayout(self)
        form.addRow("&Role", self.role)
        form.addRow("&Name", self.label)
        form.addRow("Re&gistration", self.registration)
        form.addRow("&Driver", self.driver)
        form.addRow("Driver's &phone", self.phone)
        mnemonics = {
            CarSeat.REAR_RIGHT: "Rear r&ight",
            CarSeat.REAR_LEFT: "Rear &left",
            CarSeat.REAR_MIDDLE: "Rear &middle",
            CarSeat.FRONT: "&Front",
        }
        for seat in NAMED_SEATS:
            form.addRow(mnemonics[seat], self.seats[seat])
        form.addRow("&Other seats", self.others)
        form.addRow("No&tes", self.notes)
        self._finish(form)
        self.role.setFocus()

    def data(self) -> CarData:
        seats = [
            SeatData(person, seat)
            for seat in NAMED_SEATS
            if (person := optional_id(self.seats[seat])) is not None
        ]
        for row in range(self.others.count()):
            item = self.others.item(row)
            if item is not None and item.checkState() == Qt.CheckState.Checked:
                person = int(item.data(Qt.ItemDataRole.UserRole))
                if person not in {s.person_id for s in seats}:
                    seats.append(SeatData(person, CarSeat.OTHER))
        return CarData(
            role=enum_data(self.role, CarRole),
            label=self.label.text(),
            registration=self.registration.text(),
            driver=self.driver.text(),
            driver_phone=self.phone.text(),
            notes=self.notes.toPlainText(),
            seats=tuple(seats),
        )
