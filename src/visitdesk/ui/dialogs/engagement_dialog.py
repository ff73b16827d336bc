"""Add or edit an engagement: what, when, where, who attends on each side.

One dialog does the common engagement: the attendees are ticked in it (a new engagement starts
with the whole delegation on the guest side), a name typed that nobody has is added as a new
person, and only the rare case needs the full people picker. The form is a plain QFormLayout,
a row per field, so that a field is added as one more row.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, time, timedelta

from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
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

from visitdesk.app import Desk
from visitdesk.app.enums import EngagementKind, Side
from visitdesk.app.itinerary import Candidate, EngagementData, NewPerson
from visitdesk.ui.dialogs.attendee_lists import AttendeeList
from visitdesk.ui.dialogs.editing import SavingDialog
from visitdesk.ui.dialogs.organisation_dialog import keep_organisations_fresh
from visitdesk.ui.dialogs.point_levels import PointLevels, fit, scrolled
from visitdesk.ui.dialogs.zone_combo import ZoneCombo
from visitdesk.ui.widgets import (
    DateField,
    TimeField,
    enum_data,
    fill_enum,
    optional_id,
    tab_in_layout_order,
)

CreatePerson = Callable[[NewPerson], int | None]


def _typed(text: str) -> str | None:
    """A field left empty is None, as stored: comparing with another officer's version then
    shows only the fields that really differ."""
    return text if text.strip() else None


class _Moment(QWidget):
    """A day typed or picked (DateField) and a time typed (TimeField)."""

    def __init__(self, parent: QWidget, value: datetime, name: str) -> None:
        super().__init__(parent)
        self.day = DateField(self, value.date(), f"{name} date")
        self.time = TimeField(self, value.time(), f"{name} time")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.day, 2)
        layout.addWidget(self.time, 1)
        self.setFocusProxy(self.day)

    def value(self) -> datetime:
        day = self.day.value() or self.day.near
        return datetime.combine(day, self.time.value())

    def set_value(self, moment: datetime) -> None:
        self.day.set_value(moment.date())
        self.time.set_value(moment.time())


class EngagementDialog(SavingDialog):
    """`save` is called with the edited data on Save; the dialog closes only if it returns True.

    Opened on a saved engagement, it is given the `version` read, and `save(data, version)`:
    a save refused because another officer changed it meanwhile shows both versions
    (SavingDialog), and Back returns here with everything typed. With `visit_id`, the attendee
    lists offer the visit's people; `create_person` (from the programme) makes a typed name a
    person at once, undoably.
    """

    discard_question = "This engagement has changes that are not saved. Discard them?"

    def __init__(
        self,
        desk: Desk,
        save: Callable[..., bool],
        data: EngagementData | None,
        first_day: date,
        delegation_ids: set[int],
        parent: QWidget | None = None,
        visit_zone: str = "",
        visit_id: int | None = None,
        create_person: CreatePerson | None = None,
        version: int | None = None,
    ) -> None:
        super().__init__(save, parent, version)
        self.desk, self._delegation = desk, set(delegation_ids)
        self._visit_id, self._create_person = visit_id, create_person
        self.setWindowTitle("Edit engagement" if data else "New engagement")
        self.resize(900, 700)
        is_new = data is None
        start = datetime.combine(first_day, time(10, 0))
        data = data or EngagementData(title="", start=start, end=start + timedelta(hours=1))
        self._original = data

        self.title_edit = QLineEdit(data.title, self)
        self.title_edit.setObjectName("engagement title")
        self.kind = QComboBox(self)
        self.kind.setObjectName("engagement kind")
        fill_enum(self.kind, EngagementKind)
        self.kind.setCurrentIndex(self.kind.findData(data.kind.value))
        self.start = _Moment(self, data.start, "Starts")
        self.end = _Moment(self, data.end, "Ends")
        self._length = data.end - data.start
        self._moving = False
        self.start.day.changed.connect(self._start_moved)
        self.start.time.changed.connect(self._start_moved)
        self.end.day.changed.connect(self._end_moved)
        self.end.time.changed.connect(self._end_moved)
        self.venue = QLineEdit(data.venue or "", self)
        self.city = QLineEdit(data.city or "", self)
        self.organisation = QComboBox(self)
        self.zone = ZoneCombo(data.time_zone, visit_zone, self)
        self.organisation.setObjectName("hosted by")
        self.objectives = QPlainTextEdit(data.objectives or "", self)
        self.points = QPlainTextEdit("\n".join(data.talking_points), self)
        self.points.setPlaceholderText("One talking point a line")
        self.point_levels = PointLevels(
            self.points, data.talking_points, data.talking_point_levels, self
        )
        self.notes = QPlainTextEdit(data.notes or "", self)
        for widget, name in (
            (self.venue, "engagement venue"),
            (self.city, "engagement city"),
            (self.objectives, "engagement objectives"),
            (self.points, "talking points"),
            (self.notes, "engagement notes"),
        ):
            widget.setObjectName(name)
            widget.setAccessibleName(name.capitalize())
        for box in (self.objectives, self.points, self.notes):
            box.setTabChangesFocus(True)
            box.setMaximumHeight(56)

        self.form = QFormLayout()
        self.form.addRow("&Title", self.title_edit)
        self.form.addRow("&Kind", self.kind)
        self.form.addRow("&Starts", self.start)
        self.form.addRow("&Ends", self.end)
        self.form.addRow("&Venue", self.venue)
        self.form.addRow("Cit&y", self.city)
        self.form.addRow("Time &zone", self.zone)
        self.form.addRow("&Hosted by", self.organisation)
        self.form.addRow("&Objectives", self.objectives)
        self.form.addRow("Talking &points", self.points)
        self.point_levels_area = scrolled(self.point_levels, self)
        self.form.addRow("Their levels", self.point_levels_area)
        # The row shows only while there are points to give a level.
        self.points.textChanged.connect(self._show_point_levels)
        self._show_point_levels()
        self.form.addRow("&Notes", self.notes)
        # Who signs, shown for signing ceremonies only: a choice among that side's attendees.
        self.signatories = {side: QComboBox(self) for side in Side}
        for side, label in ((Side.HOST, "Host si&gnatory"), (Side.GUEST, "G&uest signatory")):
            self.signatories[side].setObjectName(f"{side.value}_signatory")
            self.form.addRow(label, self.signatories[side])
        self.kind.currentIndexChanged.connect(self._show_signatories)

        create = self._create if create_person is not None else None
        self.hosts = AttendeeList(Side.HOST, "Host side", self, create)
        self.guests = AttendeeList(Side.GUEST, "Delegation", self, create)
        self.hosts.toggled.connect(lambda pid, on: self._toggled(Side.HOST, pid, on))
        self.guests.toggled.connect(lambda pid, on: self._toggled(Side.GUEST, pid, on))
        people = QGroupBox("Attendees (tick who attends; in order of precedence)", self)
        sides = QHBoxLayout(people)
        sides.addWidget(self.hosts, 1)
        sides.addWidget(self.guests, 1)
        self.warning = QLabel(self)
        self.warning.setObjectName("attendee warning")
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet("color: #8a1c00;")
        self.warning.setTextFormat(self.warning.textFormat().PlainText)
        self.warning.setVisible(False)
        self.more_button = QPushButton("More people…", self)
        self.more_button.setToolTip("Choose from everyone, or add a person with all details")

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.addButton(self.more_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.more_button.clicked.connect(self._pick)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(people, 1)
        layout.addWidget(self.warning)
        layout.addWidget(buttons)
        self._load_choices(data)
        if is_new:
            # A new engagement starts with the whole delegation; untick who does not come.
            self.guests.set_ticked(self._delegation)
            self._fill_signatories()
        self._baseline = self.data()
        tab_in_layout_order(self)
        self.title_edit.setFocus()

    # Choices ---------------------------------------------------------------------------------

    def _candidates(self) -> list[Candidate]:
        found = self.desk.itinerary.candidates(self._visit_id)
        if self._visit_id is not None:
            self._delegation |= {c.id for c in found if c.delegate}
            return list(found)
        # Without a visit (tests, tools): everyone, the delegation given marked as such.
        return [c._replace(delegate=c.id in self._delegation) for c in found]

    def _reload_people(self) -> None:
        people = self._candidates()
        self.hosts.set_people(people)
        self.guests.set_people(people)
        self._names = {c.id: c.name for c in people}

    def _load_organisations(self, keep: int | None) -> None:
        orgs = self.desk.itinerary.organisations()
        self.organisation.clear()
        self.organisation.addItem("(none)", None)
        for org in orgs:
            self.organisation.addItem(org.label, org.id)
        self.organisation.setCurrentIndex(max(0, self.organisation.findData(keep)))

    def _load_choices(self, data: EngagementData) -> None:
        self._reload_people()
        self._load_organisations(data.organisation_id)
        self.hosts.set_ticked([p for p, side in data.attendees if side is Side.HOST])
        self.guests.set_ticked([p for p, side in data.attendees if side is Side.GUEST])
        # An organisation made inside this dialog (with a new person) is offered at once.
        keep_organisations_fresh(self.desk, self, self.organisation)
        self._warn()
        self._fill_signatories(
            {Side.HOST: data.host_signatory_id, Side.GUEST: data.guest_signatory_id}
        )

    def _fill_signatories(self, chosen: dict[Side, int | None] | None = None) -> None:
        """Offer each side's attendees as its signatory, keeping the choice where it remains."""
        for side, box in self.signatories.items():
            keep = chosen[side] if chosen is not None else optional_id(box)
            box.blockSignals(True)
            box.clear()
            box.addItem("(the side's principal)", None)
            for person_id in (self.hosts if side is Side.HOST else self.guests).ticked():
                box.addItem(self._names.get(person_id, "?"), person_id)
            box.setCurrentIndex(max(0, box.findData(keep)) if keep is not None else 0)
            box.blockSignals(False)
        self._show_signatories()

    def _show_signatories(self) -> None:
        signing = enum_data(self.kind, EngagementKind) is EngagementKind.SIGNING_CEREMONY
        for box in self.signatories.values():
            self.form.setRowVisible(box, signing)

    def _create(self, new: NewPerson) -> int | None:
        assert self._create_person is not None
        person_id = self._create_person(new)
        if person_id is not None:
            self._reload_people()
        return person_id

    def _pick(self) -> None:
        from visitdesk.ui.dialogs.person_picker import PersonPicker

        taken = set(self.hosts.ticked()) | set(self.guests.ticked())
        picker = PersonPicker(self.desk, "Choose attendees", exclude=taken, parent=self)
        if not picker.exec():
            # A person or organisation may have been created in it all the same.
            self._reload_people()
            self._load_organisations(optional_id(self.organisation))
            return
        chosen = [row.id for row in picker.chosen()]
        self._reload_people()
        # An organisation made while adding a person is offered in Hosted by at once.
        self._load_organisations(optional_id(self.organisation))
        self.guests.set_ticked([p for p in chosen if p in self._delegation])
        self.hosts.set_ticked([p for p in chosen if p not in self._delegation])
        self._warn()
        self._fill_signatories()

    # Attendees on both sides -----------------------------------------------------------------

    def _toggled(self, side: Side, person_id: int, on: bool) -> None:
        # A person sits on one side only: ticking them on one side takes them off the other.
        other = self.guests if side is Side.HOST else self.hosts
        if on and other.is_ticked(person_id):
            other.set_ticked([person_id], ticked=False)
        self._warn()
        self._fill_signatories()

    def _warn(self) -> None:
        delegates = [p for p in self.hosts.ticked() if p in self._delegation]
        names = [self._names.get(p, "?") for p in delegates]
        if not names:
            self.warning.setVisible(False)
            self.warning.setText("")
            return
        who = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
        verb = "is a member" if len(names) == 1 else "are members"
        self.warning.setText(
            f"⚠ {who} {verb} of the delegation but now on the host side: they will be seated "
            "and briefed as hosts. Tick them under Delegation if that is where they belong."
        )
        self.warning.setVisible(True)

    # Times -----------------------------------------------------------------------------------

    def _start_moved(self) -> None:
        # Moving the start moves the end with it, as in a calendar.
        if self._moving:
            return
        self._moving = True
        self.end.set_value(self.start.value() + self._length)
        self._moving = False

    def _end_moved(self) -> None:
        if self._moving:
            return
        start, end = self.start.value(), self.end.value()
        typing = self.end.day.typing or self.end.time.typing
        if end < start and not typing:  # a date or time being typed is never rewritten
            # The end never comes before the start: it is put back on the start.
            end = start
            self._moving = True
            self.end.set_value(end)
            self._moving = False
        self._length = end - start

    def _show_point_levels(self) -> None:
        self.form.setRowVisible(self.point_levels_area, bool(self.point_levels.combos))
        fit(self.point_levels_area)

    # Saving ----------------------------------------------------------------------------------

    def data(self) -> EngagementData:
        attendees = [(i, Side.HOST) for i in self.hosts.ticked()]
        attendees += [(i, Side.GUEST) for i in self.guests.ticked()]
        return EngagementData(
            title=self.title_edit.text(),
            start=self.start.value(),
            end=self.end.value(),
            kind=enum_data(self.kind, EngagementKind),
            venue=_typed(self.venue.text()),
            city=_typed(self.city.text()),
            time_zone=self.zone.zone(),
            organisation_id=optional_id(self.organisation),
            objectives=_typed(self.objectives.toPlainText()),
            notes=_typed(self.notes.toPlainText()),
            talking_points=(lines := tuple(self.points.toPlainText().splitlines())),
            talking_point_levels=self.point_levels.levels(lines),
            attendees=tuple(attendees),
            ref=self._original.ref,
            host_signatory_id=optional_id(self.signatories[Side.HOST]),
            guest_signatory_id=optional_id(self.signatories[Side.GUEST]),
        )

    def is_changed(self) -> bool:
        return bool(self.data() != self._baseline)

    def accept(self) -> None:
        for field in (self.start.day, self.start.time, self.end.day, self.end.time):
            problem = field.problem()
            if problem:
                QMessageBox.warning(self, "Not saved", problem)
                field.setFocus()
                return
        if self.end.value() < self.start.value():
            QMessageBox.warning(
                self, "Not saved", "The engagement ends before it starts: correct the end."
            )
            self.end.day.setFocus()
            return
        # The dialog stays open when saving is refused (a sentence, a busy database, another
        # officer's save: SavingDialog), so nothing typed is lost.
        super().accept()
