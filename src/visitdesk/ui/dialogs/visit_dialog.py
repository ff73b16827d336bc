"""Create a visit, or change its details (title, dates, organisations, status, notes)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

from visitdesk.app import Desk, Record
from visitdesk.app.enums import LEVELS, Level, VisitDirection, VisitStatus
from visitdesk.app.visits import VisitDetails
from visitdesk.ui.country_box import CountryBox
from visitdesk.ui.dialogs.editing import SavingDialog
from visitdesk.ui.dialogs.organisation_dialog import (
    fill_organisations,
    keep_organisations_fresh,
    new_organisation,
)
from visitdesk.ui.widgets import DateField, follow_dates, optional_enum_data

if TYPE_CHECKING:
    from visitdesk.app.visits import LeaderChoice
    from visitdesk.ui.views.visit_view import VisitView


# What the dialog saves: the visit's details and, once it has a delegation, its leader.
VisitForm = tuple[VisitDetails, int | None]


def leader_note(choice: LeaderChoice, leader_id: int | None) -> str:
    names = dict(choice.members)
    if not choice.members:
        return (
            "The leader is the most senior delegate (by precedence) once the delegation is entered."
        )
    if leader_id is None:
        return "No leader: the delegation is named without one. Choose one here."
    why = "highest precedence" if leader_id == choice.most_senior_id else "chosen by hand"
    return f"Leader: {names.get(leader_id, '')} ({why}); change it here."


class VisitDialog(SavingDialog):
    discard_question = "The visit has changes that are not saved. Discard them?"

    def __init__(
        self,
        desk: Desk,
        save: Callable[..., bool],
        details: VisitDetails | None,
        parent: QWidget | None = None,
        leaders: LeaderChoice | None = None,
        version: int | None = None,
    ) -> None:
        # With a `version` (an existing visit), `save(form, version)`: a save over a version
        # another officer has moved on from shows both versions (SavingDialog).
        super().__init__(save, parent, version)
        self.desk = desk
        self.setObjectName("visit_dialog")
        self.setWindowTitle("Visit details" if details else "New visit")
        self.resize(620, 520)
        if details is None:
            details = desk.visits.blank_details()
        self._ref = details.ref
        self.title_edit = QLineEdit(details.title, self)
        self.title_edit.setPlaceholderText("Visit of the … delegation")
        self.title_edit.setAccessibleName("Title")
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
        # The visit's classification: readers on a shared server read its briefs up to it.
        self.classification = QComboBox(self)
        self.classification.setObjectName("visit_classification")
        if details.classification is None:  # a new visit
            self.classification.addItem("The office's default", None)
        for level in LEVELS:
            self.classification.addItem(level.label, level.value)
        self.classification.setCurrentIndex(
            max(0, self.classification.findData(details.classification))
        )
        self.guest = QComboBox(self)
        self.guest.setAccessibleName("Guests")
        self.host = QComboBox(self)
        self.host.setAccessibleName("Host")
        fill_organisations(desk, self.guest, details.guest_organisation_id)
        fill_organisations(desk, self.host, details.host_organisation_id)
        keep_organisations_fresh(desk, self, self.guest, self.host)
        guest_row, self.new_guest = self._with_new_button(self.guest)
        host_row, self.new_host = self._with_new_button(self.host)
        self.city = QLineEdit(details.city or "", self)
        self.country = CountryBox(details.country, self)
        self.country.setAccessibleName("Country")
        self.leaders = leaders
        self.leader = QComboBox(self)
        self.leader.setAccessibleName("Leader")
        self.leader_note = QLabel(self)
        self.leader_note.setObjectName("leader_note")
        self.leader_note.setTextFormat(Qt.TextFormat.PlainText)
        self.leader_note.setWordWrap(True)
        if leaders is not None:
            self.leader.addItem("(no leader)", None)
            for person_id, name in leaders.members:
                self.leader.addItem(name, person_id)
            self.leader.setCurrentIndex(max(0, self.leader.findData(leaders.leader_id)))
            self.leader.currentIndexChanged.connect(lambda _i: self._show_leader())
            self._show_leader()
        self.leader.setEnabled(bool(leaders and leaders.members))
        if leaders is None:
            # A new visit has no delegation yet: the leader row is not laid out, so its widgets
            # must not show either (they sat over the Title label at the dialog's corner).
            self.leader.hide()
            self.leader_note.hide()
        self.zone = QLineEdit(details.time_zone, self)
        self.zone.setPlaceholderText("from the country, e.g. Asia/Karachi")
        self.description = QLineEdit(details.delegation_description or "", self)
        self.description.setPlaceholderText("high level Chinese delegation")
        self.notes = QPlainTextEdit(details.notes or "", self)
        self.notes.setTabChangesFocus(True)
        # Named for screen readers (and the tests that find fields as they do).
        for widget, name in (
            (self.direction, "Direction"),
            (self.status, "Status"),
            (self.classification, "Classification"),
            (self.city, "City"),
            (self.zone, "Time zone"),
            (self.description, "Delegation"),
            (self.notes, "Notes"),
        ):
            widget.setAccessibleName(name)
        form = QFormLayout(self)
        form.addRow("&Title", self.title_edit)
        form.addRow("&From", self.start)
        form.addRow("&To", self.end)
        # A row holding a list and a button: its label names the list, so Alt+G reaches it.
        for text, combo, row in (
            ("&Guests", self.guest, guest_row),
            ("&Host", self.host, host_row),
        ):
            label = QLabel(text, self)
            label.setBuddy(combo)
            form.addRow(label, row)
        if leaders is not None:
            form.addRow("&Leader", self.leader)
            form.addRow("", self.leader_note)
        form.addRow("Di&rection", self.direction)
        form.addRow("&Status", self.status)
        form.addRow("Classi&fication", self.classification)
        form.addRow("&City", self.city)
        form.addRow("C&ountry", self.country)
        form.addRow("Time &zone", self.zone)
        form.addRow("&Delegation", self.description)
        form.addRow("&Notes", self.notes)
        self._finish(form)

    def _with_new_button(self, combo: QComboBox) -> tuple[QHBoxLayout, QPushButton]:
        button = QPushButton("New…", self)
        button.setAccessibleName(f"New organisation ({combo.accessibleName()})")
        button.setToolTip("Add an organisation that is not in the list yet")
        button.clicked.connect(lambda _c=False: self._new_organisation(combo))
        row = QHBoxLayout()
        row.addWidget(combo, 1)
        row.addWidget(button)
        return row, button

    def _new_organisation(self, combo: QComboBox) -> None:
        org_id = new_organisation(self.desk, self)
        if org_id is not None:
            combo.setCurrentIndex(combo.findData(org_id))

    def _show_leader(self) -> None:
        if self.leaders is not None:
            self.leader_note.setText(leader_note(self.leaders, self.leader.currentData()))

    def data(self) -> VisitForm:
        return self.details(), self.leader.currentData()

    def details(self) -> VisitDetails:
        return VisitDetails(
            ref=self._ref,
            title=self.title_edit.text(),
            start_date=self.start.value() or self.start.near,
            end_date=self.end.value() or self.end.near,
            # Qt hands enum members back as their plain values: made members again here.
            direction=VisitDirection(self.direction.currentData()),
            status=VisitStatus(self.status.currentData()),
            guest_organisation_id=self.guest.currentData(),
            host_organisation_id=self.host.currentData(),
            # An empty optional field is None, as the stored visit has it: a comparison with
            # another officer's version then lists only what really differs.
            city=_optional(self.city.text()),
            country=self.country.code(),
            time_zone=self.zone.text(),
            delegation_description=_optional(self.description.text()),
            notes=_optional(self.notes.toPlainText()),
            classification=optional_enum_data(self.classification, Level),
        )


def _optional(text: str) -> str | None:
    return text if text.strip() else None


def _refused(parent: QWidget, exc: Exception) -> bool:
    """Show a refusal the dialog cannot offer more for; False (the dialog stays open).

    A busy or failing database and a conflict go on up to the dialog instead (Retry or Cancel;
    both versions side by side), which keeps everything typed.
    """
    from visitdesk.app import BusyError, ConflictError, RefusedError, StoreFaultError

    if isinstance(exc, BusyError | ConflictError | StoreFaultError) or not isinstance(
        exc, RefusedError
    ):
        raise exc
    QMessageBox.warning(parent, "Not saved", str(exc))
    return False


def create_visit(desk: Desk, parent: QWidget) -> int | None:
    """The New visit dialog; the new visit's id once it is saved (None when cancelled)."""
    made: list[int] = []

    def save(form: VisitForm) -> bool:
        try:
            made.append(desk.visits.create(form[0]).id)
        except Exception as exc:
            return _refused(parent, exc)
        return True

    VisitDialog(desk, save, None, parent).exec()
    return made[0] if made else None


def edit_visit(view: VisitView) -> None:
    """Edit details: the visit as stored now, saved over the version it was opened at.

    The save is one undoable step (Edit ▸ Undo puts the details and the leader back); an undo
    after another officer saved the visit is refused with their name, never silent.
    """
    from visitdesk.app import NotFoundError, RefusedError
    from visitdesk.app.visits import Leader
    from visitdesk.ui.undo import VersionedEdit

    desk, visit_id = view.desk, view.visit_id
    try:
        opened = desk.visits.details(visit_id)
        leaders = desk.visits.leaders(visit_id)
    except NotFoundError as exc:
        QMessageBox.information(view, "Visit not found", str(exc))
        return
    except RefusedError as exc:  # a busy or unreachable store: nothing to edit yet
        QMessageBox.warning(view, "Cannot open the details", str(exc))
        return

    def store(form: VisitForm, version: int) -> Record[VisitForm]:
        details, leader = form
        saved = desk.visits.update(
            visit_id,
            details,
            version,
            opened.data,
            Leader(leader) if leaders.members else None,
        )
        return Record(
            saved.id, saved.version, (saved.data, leader), saved.changed_at, saved.changed_by
        )

    def save(form: VisitForm, version: int) -> bool:
        before: VisitForm = (opened.data, leaders.leader_id)
        if version != opened.version:
            # Keeping mine over another officer's save: undo brings back theirs, not the
            # copy this dialog opened with.
            now = desk.visits.details(visit_id)
            if now.version == version:
                before = (now.data, desk.visits.leaders(visit_id).leader_id)
        edit = VersionedEdit(store, form, before, version)
        return view.push_call("Edit visit details", edit.do, edit.undo)

    dialog = VisitDialog(desk, save, opened.data, view, leaders, opened.version)
    dialog.watched = ("visit", visit_id)
    dialog.theirs_taken.connect(view.reload)
    dialog.exec()
