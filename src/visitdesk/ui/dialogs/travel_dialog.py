"""One journey: an arrival, a departure or an onward leg, with the delegates on it.

A group travelling together is one journey with several travellers ticked."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, time

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)

from visitdesk.app import Desk
from visitdesk.app.travel import LegData, TravelKind, TravelMode
from visitdesk.ui.dialogs.editing import SavingDialog
from visitdesk.ui.dialogs.zone_combo import ZoneCombo
from visitdesk.ui.widgets import DateField, TimeField, enum_data, fill_enum, optional_id

_NO_BAGGAGE = -1  # the spin box's "not known"


def _typed(text: str) -> str | None:
    return text.strip() or None


class _Moment(QWidget):
    """A date (optional) and a time: None while the date is left blank."""

    def __init__(self, parent: QWidget, value: datetime | None, name: str, near: date) -> None:
        super().__init__(parent)
        self.day = DateField(
            self, value.date() if value else None, f"{name} date", True, "not known"
        )
        self.day.near = value.date() if value else near
        self.time = TimeField(self, value.time() if value else time(12, 0), f"{name} time")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.day, 1)
        layout.addWidget(self.time)

    def value(self) -> datetime | None:
        day = self.day.value()
        return None if day is None else datetime.combine(day, self.time.value())

    def problem(self) -> str | None:
        return self.day.problem() or (self.time.problem() if self.day.value() else None)


class JourneyDialog(SavingDialog):
    def __init__(
        self,
        desk: Desk,
        visit_id: int,
        save: Callable[..., bool],
        data: LegData | None,
        parent: QWidget | None,
        version: int | None = None,
    ) -> None:
        super().__init__(save, parent, version)
        travel = desk.travel
        start, _end = desk.hotels.visit_dates(visit_id)
        zone = travel.visit_zone(visit_id)
        self._original = data or LegData()
        d = self._original
        self.setWindowTitle("Journey" if data is None else "Edit journey")
        form = QFormLayout(self)
        self.kind = QComboBox(self)
        self.kind.setObjectName("journey kind")
        self.kind.setAccessibleName("Journey")
        fill_enum(self.kind, TravelKind)
        self.kind.setCurrentIndex(max(0, self.kind.findData(d.kind.value)))
        form.addRow("&Journey:", self.kind)
        self.mode = QComboBox(self)
        self.mode.setObjectName("journey mode")
        self.mode.setAccessibleName("By")
        fill_enum(self.mode, TravelMode)
        self.mode.setCurrentIndex(max(0, self.mode.findData(d.mode.value)))
        form.addRow("&By:", self.mode)
        self.number = self._line("flight number", d.number, "PK 853, as on the ticket")
        form.addRow("&Flight or train number:", self.number)
        self.carrier = self._line("carrier", d.carrier, "PIA, China Southern…")
        form.addRow("&Carrier:", self.carrier)
        self.origin = self._line("from", d.origin, "Tokyo Narita (NRT)")
        form.addRow("Fro&m:", self.origin)
        self.destination = self._line("to", d.destination, "Islamabad (ISB)")
        form.addRow("&To:", self.destination)
        self.departs = _Moment(self, d.departs, "departs", start)
        self.departs_zone = ZoneCombo(d.departs_zone, zone, self)
        self.departs_zone.setObjectName("departs zone")
        self.departs_zone.setAccessibleName("Departure time zone")
        form.addRow("&Departs (local time):", self.departs)
        form.addRow("    its time zone:", self.departs_zone)
        self.arrives = _Moment(self, d.arrives, "arrives", start)
        self.arrives_zone = ZoneCombo(d.arrives_zone, zone, self)
        self.arrives_zone.setObjectName("arrives zone")
        self.arrives_zone.setAccessibleName("Arrival time zone")
        form.addRow("&Arrives (local time):", self.arrives)
        form.addRow("    its time zone:", self.arrives_zone)
        self.terminal = self._line("terminal", d.terminal, "at the end the office handles")
        form.addRow("T&erminal:", self.terminal)
        self.received_by = QComboBox(self)
        self.received_by.setObjectName("received by")
        self.received_by.setAccessibleName("Received by")
        self.received_by.addItem("Nobody yet", None)
        for choice in travel.host_people(visit_id):
            self.received_by.addItem(choice.name, choice.id)
        self.received_by.setCurrentIndex(max(0, self.received_by.findData(d.received_by_id)))
        form.addRow("&Received (or seen off) by:", self.received_by)
        self.vip_lounge = QCheckBox("&VIP lounge", self)
        self.vip_lounge.setObjectName("vip lounge")
        self.vip_lounge.setChecked(d.vip_lounge)
        form.addRow("", self.vip_lounge)
        self.baggage = QSpinBox(self)
        self.baggage.setObjectName("baggage")
        self.baggage.setAccessibleName("Baggage (pieces)")
        self.baggage.setRange(_NO_BAGGAGE, 999)
        self.baggage.setSpecialValueText("not known")
        self.baggage.setValue(_NO_BAGGAGE if d.baggage_pieces is None else d.baggage_pieces)
        form.addRow("Ba&ggage (pieces):", self.baggage)
        self.travellers = QListWidget(self)
        self.travellers.setObjectName("travellers")
        self.travellers.setAccessibleName("Travellers")
        self.travellers.setMinimumHeight(120)
        self._seats = dict(d.travellers)
        for person_id, name in travel.delegation(visit_id):
            item = QListWidgetItem(name, self.travellers)
            item.setData(Qt.ItemDataRole.UserRole, person_id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            ticked = person_id in self._seats
            item.setCheckState(Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked)
        form.addRow("Tra&vellers (tick each):", self.travellers)
        self.notes = QPlainTextEdit(d.notes or "", self)
        self.notes.setObjectName("journey notes")
        self.notes.setAccessibleName("Notes")
        self.notes.setMaximumHeight(50)
        form.addRow("N&otes:", self.notes)
        self.setMinimumWidth(620)
        self._finish(form)

    def _line(self, name: str, value: str | None, hint: str) -> QLineEdit:
        edit = QLineEdit(value or "", self)
        edit.setObjectName(name)
        edit.setAccessibleName(name.capitalize())
        edit.setPlaceholderText(hint)
        return edit

    def ticked(self) -> list[int]:
        found = []
        for row in range(self.travellers.count()):
            item = self.travellers.item(row)
            if item.checkState() == Qt.CheckState.Checked:
                found.append(int(item.data(Qt.ItemDataRole.UserRole)))
        return found

    def data(self) -> LegData:
        # Travellers in the order first listed, those newly ticked after them, seats kept.
        ticked = self.ticked()
        order = [p for p, _s in self._original.travellers if p in ticked]
        order += [p for p in ticked if p not in order]
        baggage = self.baggage.value()
        return LegData(
            kind=enum_data(self.kind, TravelKind),
            mode=enum_data(self.mode, TravelMode),
            carrier=_typed(self.carrier.text()),
            number=_typed(self.number.text()),
            origin=_typed(self.origin.text()),
            destination=_typed(self.destination.text()),
            departs=self.departs.value(),
            arrives=self.arrives.value(),
            departs_zone=self.departs_zone.zone(),
            arrives_zone=self.arrives_zone.zone(),
            terminal=_typed(self.terminal.text()),
            received_by_id=optional_id(self.received_by),
            vip_lounge=self.vip_lounge.isChecked(),
            baggage_pieces=None if baggage == _NO_BAGGAGE else baggage,
            notes=_typed(self.notes.toPlainText()),
            travellers=tuple((p, self._seats.get(p)) for p in order),
        )

    def accept(self) -> None:
        for moment in (self.departs, self.arrives):
            problem = moment.problem()
            if problem:
                QMessageBox.warning(self, "Not saved", problem)
                moment.day.setFocus()
                return
        if not self.ticked():
            QMessageBox.warning(
                self, "Not saved", "Tick at least one traveller: who is on this journey?"
            )
            self.travellers.setFocus()
            return
        # The service refuses a journey that arrives before it departs, with a sentence; the
        # dialog stays open with everything typed.
        super().accept()
