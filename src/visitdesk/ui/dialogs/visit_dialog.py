"""Create a visit, or change its details (title, dates, organisations, status, notes)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QWidget,
)

from visitdesk.domain.enums import VisitDirection, VisitStatus
from visitdesk.domain.errors import DomainError
from visitdesk.services import visit_editing
from visitdesk.services.errors import ServiceError
from visitdesk.services.people import organisation_rows
from visitdesk.services.visit_editing import VisitDetails
from visitdesk.store.database import Store
from visitdesk.ui.dialogs.editing import SavingDialog
from visitdesk.ui.widgets import DateField, follow_dates

if TYPE_CHECKING:
    from visitdesk.ui.views.visit_view import VisitView


class VisitDialog(SavingDialog):
    discard_question = "The visit has changes that are not saved. Discard them?"

    def __init__(
        self,
        store: Store,
        save: Callable[[VisitDetails], bool],
        details: VisitDetails | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(save, parent)
        self.setWindowTitle("Visit details" if details else "New visit")
        self.resize(620, 520)
        today = date.today()
        details = details or VisitDetails(title="", start_date=today, end_date=today + timedelta(1))
        self._ref = details.ref
        self.title_edit = QLineEdit(details.title, self)
        self.title_edit.setPlaceholderText("Visit of the … delegation")
        # Typed as the office writes dates; To follows From (ui/widgets.py, helper 'programme').
        self.start = DateField(self, details.start_date, "From")
        self.end = DateField(self, details.end_date, "To")
        follow_dates(self.start, self.end)
        self.direction = QComboBox(self)
        for direction in VisitDirection:
            self.direction.addItem(direction.label, direction)
        self.direction.setCurrentIndex(self.direction.findData(details.direction))
        self.status = QComboBox(self)
        for status in VisitStatus:
            self.status.addItem(status.label, status)
        self.status.setCurrentIndex(self.status.findData(details.status))
        with store.session() as session:
            orgs = organisation_rows(session)
        self.guest = QComboBox(self)
        self.host = QComboBox(self)
        for combo, current in (
            (self.guest, details.guest_organisation_id),
            (self.host, details.host_organisation_id),
        ):
            combo.addItem("(none)", None)
            for org in orgs:
                combo.addItem(
                    f"{org.name} ({org.short_name})" if org.short_name else org.name, org.id
                )
            combo.setCurrentIndex(max(0, combo.findData(current)))
        self.city = QLineEdit(details.city or "", self)
        self.country = QLineEdit(details.country or "", self)
        self.country.setMaxLength(2)
        self.country.setPlaceholderText("PK")
        self.zone = QLineEdit(details.time_zone, self)
        self.zone.setPlaceholderText("from the country, e.g. Asia/Karachi")
        self.description = QLineEdit(details.delegation_description or "", self)
        self.description.setPlaceholderText("high level Chinese delegation")
        self.notes = QPlainTextEdit(details.notes or "", self)
        self.notes.setTabChangesFocus(True)
        form = QFormLayout(self)
        form.addRow("&Title", self.title_edit)
        form.addRow("&From", self.start)
        form.addRow("&To", self.end)
        form.addRow("&Guests", self.guest)
        form.addRow("&Host", self.host)
        form.addRow("Di&rection", self.direction)
        form.addRow("&Status", self.status)
        form.addRow("&City", self.city)
        form.addRow("C&ountry code", self.country)
        form.addRow("Time &zone", self.zone)
        form.addRow("&Delegation", self.description)
        form.addRow("&Notes", self.notes)
        self._finish(form)

    def data(self) -> VisitDetails:
        return VisitDetails(
            ref=self._ref,
            title=self.title_edit.text(),
            start_date=self.start.value() or self.start.near,
            end_date=self.end.value() or self.end.near,
            direction=self.direction.currentData(),
            status=self.status.currentData(),
            guest_organisation_id=self.guest.currentData(),
            host_organisation_id=self.host.currentData(),
            city=self.city.text(),
            country=self.country.text(),
            time_zone=self.zone.text(),
            delegation_description=self.description.text(),
            notes=self.notes.toPlainText(),
        )


def create_visit(store: Store, parent: QWidget) -> int | None:
    made: dict[str, int] = {}

    def save(details: VisitDetails) -> bool:
        try:
            with store.transaction() as session:
                made["id"] = visit_editing.create_visit(session, details)
        except (ServiceError, DomainError) as exc:
            QMessageBox.warning(parent, "Not saved", str(exc))
            return False
        return True

    VisitDialog(store, save, None, parent).exec()
    return made.get("id")


def edit_visit(view: VisitView) -> None:
    with view.store.session() as session:
        before = visit_editing.load_visit(session, view.visit_id)

    def save(details: VisitDetails) -> bool:
        return view.push(
            "Edit visit details",
            lambda s: visit_editing.update_visit(s, view.visit_id, details),
            lambda s: visit_editing.update_visit(s, view.visit_id, before),
        )

    VisitDialog(view.store, save, before, view).exec()
