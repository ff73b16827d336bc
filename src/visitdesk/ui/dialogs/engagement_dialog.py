"""Add or edit an engagement: what, when, where, who attends on each side."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, time, timedelta

from PySide6.QtCore import QDate, QDateTime, Qt, QTime
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from visitdesk.domain.enums import EngagementKind, Side
from visitdesk.services.itinerary import EngagementData
from visitdesk.services.people import organisation_rows, person_rows, rank_text
from visitdesk.store.database import Store
from visitdesk.ui.dialogs.organisation_dialog import keep_organisations_fresh
from visitdesk.ui.dialogs.zone_combo import ZoneCombo
from visitdesk.ui.widgets import tab_in_layout_order

ID_ROLE = Qt.ItemDataRole.UserRole


def to_qdatetime(moment: datetime) -> QDateTime:
    return QDateTime(
        QDate(moment.year, moment.month, moment.day), QTime(moment.hour, moment.minute)
    )


def from_qdatetime(value: QDateTime) -> datetime:
    d, t = value.date(), value.time()
    return datetime(d.year(), d.month(), d.day(), t.hour(), t.minute())


class EngagementDialog(QDialog):
    """`save` is called with the edited data on OK; the dialog closes only if it returns True."""

    def __init__(
        self,
        store: Store,
        save: Callable[[EngagementData], bool],
        data: EngagementData | None,
        first_day: date,
        delegation_ids: set[int],
        parent: QWidget | None = None,
        visit_zone: str = "",
    ) -> None:
        super().__init__(parent)
        self.store, self._save, self._delegation = store, save, delegation_ids
        self.setWindowTitle("Edit engagement" if data else "New engagement")
        self.resize(760, 640)
        start = datetime.combine(first_day, time(10, 0))
        data = data or EngagementData(title="", start=start, end=start + timedelta(hours=1))
        self._original = data

        self.title_edit = QLineEdit(data.title, self)
        self.kind = QComboBox(self)
        for kind in EngagementKind:
            self.kind.addItem(kind.label, kind)
        self.kind.setCurrentIndex(self.kind.findData(data.kind))
        self.start = QDateTimeEdit(to_qdatetime(data.start), self)
        self.end = QDateTimeEdit(to_qdatetime(data.end), self)
        for edit in (self.start, self.end):
            edit.setDisplayFormat("ddd dd MMM yyyy  HH:mm")
            edit.setCalendarPopup(True)
        self.start.dateTimeChanged.connect(self._keep_length)
        self._length = data.end - data.start
        self.venue = QLineEdit(data.venue or "", self)
        self.city = QLineEdit(data.city or "", self)
        self.organisation = QComboBox(self)
        self.zone = ZoneCombo(data.time_zone, visit_zone, self)
        self.objectives = QPlainTextEdit(data.objectives or "", self)
        self.points = QPlainTextEdit("\n".join(data.talking_points), self)
        self.points.setPlaceholderText("One talking point a line")
        self.notes = QPlainTextEdit(data.notes or "", self)
        for box in (self.objectives, self.points, self.notes):
            box.setTabChangesFocus(True)
            box.setMaximumHeight(70)

        form = QFormLayout()
        form.addRow("&Title", self.title_edit)
        form.addRow("&Kind", self.kind)
        form.addRow("&Starts", self.start)
        form.addRow("&Ends", self.end)
        form.addRow("&Venue", self.venue)
        form.addRow("Cit&y", self.city)
        form.addRow("Time &zone", self.zone)
        form.addRow("&Hosted by", self.organisation)
        form.addRow("&Objectives", self.objectives)
        form.addRow("Talking &points", self.points)
        form.addRow("&Notes", self.notes)
        # Who signs, shown for signing ceremonies only: a choice among that side's attendees.
        self.signatories = {side: QComboBox(self) for side in Side}
        for side, label in ((Side.HOST, "Host si&gnatory"), (Side.GUEST, "G&uest signatory")):
            self.signatories[side].setObjectName(f"{side.value}_signatory")
            form.addRow(label, self.signatories[side])
        self._form = form
        self.kind.currentIndexChanged.connect(self._show_signatories)

        self.hosts = QListWidget(self)
        self.guests = QListWidget(self)
        people = QGroupBox("Attendees", self)
        grid = QGridLayout(people)
        for column, (label, widget, side) in enumerate(
            (("Host side", self.hosts, Side.HOST), ("Delegation", self.guests, Side.GUEST))
        ):
            grid.addWidget(QLabel(label, people), 0, column * 2, 1, 2)
            grid.addWidget(widget, 1, column * 2, 1, 2)
            add = QPushButton("Add…", people)
            add.setToolTip(f"Choose {label.lower()} attendees")
            add.clicked.connect(lambda _c=False, s=side: self._pick(s))
            remove = QPushButton("Remove", people)
            remove.clicked.connect(lambda _c=False, w=widget: self._remove(w))
            grid.addWidget(add, 2, column * 2)
            grid.addWidget(remove, 2, column * 2 + 1)

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(people, 1)
        layout.addWidget(buttons)
        self._load_choices(data)
        # What the fields show before any typing: "changed" is measured against this.
        self._baseline = self.data()
        # Form rows top to bottom, then each side's list with its buttons, then Save/Cancel.
        tab_in_layout_order(self)
        self.title_edit.setFocus()

    def _load_choices(self, data: EngagementData) -> None:
        with self.store.session() as session:
            orgs = organisation_rows(session)
            self._people = {r.id: r for r in person_rows(session)}
        self.organisation.addItem("(none)", None)
        for org in orgs:
            self.organisation.addItem(org.short_name or org.name, org.id)
        self.organisation.setCurrentIndex(max(0, self.organisation.findData(data.organisation_id)))
        # An organisation made inside this dialog (with a new person) is offered at once.
        keep_organisations_fresh(self.store, self, self.organisation)
        for person_id, side in data.attendees:
            self._add_item(self.hosts if side is Side.HOST else self.guests, person_id)
        self._fill_signatories(
            {Side.HOST: data.host_signatory_id, Side.GUEST: data.guest_signatory_id}
        )

    def _fill_signatories(self, chosen: dict[Side, int | None] | None = None) -> None:
        """Offer each side's attendees as its signatory, keeping the choice where it remains."""
        for side, box in self.signatories.items():
            keep = chosen[side] if chosen is not None else box.currentData()
            box.clear()
            box.addItem("(the side's principal)", None)
            for person_id in self._ids(self.hosts if side is Side.HOST else self.guests):
                box.addItem(self._people[person_id].name, person_id)
            box.setCurrentIndex(max(0, box.findData(keep)))
        self._show_signatories()

    def _show_signatories(self) -> None:
        signing = self.kind.currentData() == EngagementKind.SIGNING_CEREMONY
        for box in self.signatories.values():
            self._form.setRowVisible(box, signing)

    def _add_item(self, widget: QListWidget, person_id: int) -> None:
        row = self._people.get(person_id)
        if row is None:
            return
        rank = rank_text(row.precedence)
        text = " — ".join(p for p in (row.name, row.position) if p)
        item = QListWidgetItem(f"{text}  [{rank}]" if rank else text)
        item.setData(ID_ROLE, person_id)
        item.setToolTip(f"{row.name}\n{row.position}\n{row.organisation}")
        widget.addItem(item)

    def _keep_length(self, value: QDateTime) -> None:
        # Moving the start moves the end with it, as in a calendar.
        self.end.setDateTime(to_qdatetime(from_qdatetime(value) + self._length))

    def _ids(self, widget: QListWidget) -> list[int]:
        return [int(widget.item(i).data(ID_ROLE)) for i in range(widget.count())]

    def _pick(self, side: Side) -> None:
        from visitdesk.ui.dialogs.person_picker import PersonPicker

        taken = set(self._ids(self.hosts)) | set(self._ids(self.guests))
        title = "Choose host-side attendees" if side is Side.HOST else "Choose delegates"
        picker = PersonPicker(self.store, title, exclude=taken, parent=self)
        if side is Side.GUEST and self._delegation:
            picker.search.setPlaceholderText("The delegation is listed; type to search everyone")
        if not picker.exec():
            return
        with self.store.session() as session:
            self._people = {r.id: r for r in person_rows(session)}
        widget = self.hosts if side is Side.HOST else self.guests
        for row in picker.chosen():
            self._add_item(widget, row.id)
        self._fill_signatories()

    def _remove(self, widget: QListWidget) -> None:
        for item in widget.selectedItems():
            widget.takeItem(widget.row(item))
        self._fill_signatories()

    def data(self) -> EngagementData:
        attendees = [(i, Side.HOST) for i in self._ids(self.hosts)]
        attendees += [(i, Side.GUEST) for i in self._ids(self.guests)]
        return EngagementData(
            title=self.title_edit.text(),
            start=from_qdatetime(self.start.dateTime()),
            end=from_qdatetime(self.end.dateTime()),
            kind=self.kind.currentData(),
            venue=self.venue.text(),
            city=self.city.text(),
            time_zone=self.zone.zone(),
            organisation_id=self.organisation.currentData(),
            objectives=self.objectives.toPlainText(),
            notes=self.notes.toPlainText(),
            talking_points=tuple(self.points.toPlainText().splitlines()),
            attendees=tuple(attendees),
            ref=self._original.ref,
            host_signatory_id=self.signatories[Side.HOST].currentData(),
            guest_signatory_id=self.signatories[Side.GUEST].currentData(),
        )

    def is_changed(self) -> bool:
        return self.data() != self._baseline

    def accept(self) -> None:
        # The dialog stays open when saving is refused, so nothing typed is lost.
        if self._save(self.data()):
            super().accept()

    def reject(self) -> None:
        if self.is_changed():
            answer = QMessageBox.question(
                self,
                "Discard changes?",
                "This engagement has changes that are not saved. Discard them?",
                QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            )
            if answer != QMessageBox.StandardButton.Discard:
                return
        super().reject()
