"""The one organisation dialog: name, short name, native name, country and kind.

Every list of organisations in the window is filled by `fill_organisations`, and refilled when
`ORGANISATIONS.changed` fires: an organisation created inside a dialog (from a person's
dialog, say) is offered at once in every organisation list of that dialog.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QComboBox, QFormLayout, QLineEdit, QMessageBox, QWidget

from visitdesk.app import Desk
from visitdesk.domain.enums import OrganisationKind
from visitdesk.services import organisations
from visitdesk.services.errors import ServiceError
from visitdesk.services.organisations import OrganisationDetails
from visitdesk.services.people import organisation_rows
from visitdesk.ui.country_box import CountryBox
from visitdesk.ui.dialogs.editing import SavingDialog
from visitdesk.ui.undo import Operation

Push = Callable[[str, Operation, Operation], bool]


class _Organisations(QObject):
    """Fires with the id of an organisation created or changed in the window."""

    changed = Signal(int)


ORGANISATIONS = _Organisations()


class OrganisationDialog(SavingDialog):
    discard_question = "The organisation has changes that are not saved. Discard them?"

    def __init__(
        self,
        save: Callable[[OrganisationDetails], bool],
        details: OrganisationDetails | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(save, parent)
        self.setObjectName("organisation_dialog")
        self.setWindowTitle("Edit organisation" if details else "New organisation")
        self.resize(560, 200)
        details = details or OrganisationDetails(name="")
        self.name = QLineEdit(details.name, self)
        self.name.setPlaceholderText("Ministry of Commerce")
        self.short_name = QLineEdit(details.short_name or "", self)
        self.short_name.setPlaceholderText("MoC")
        self.native_name = QLineEdit(details.native_name or "", self)
        self.country = CountryBox(details.country, self)
        self.kind = QComboBox(self)
        for kind in OrganisationKind:
            self.kind.addItem(kind.label, kind)
        self.kind.setCurrentIndex(self.kind.findData(details.kind))
        for widget, name in (
            (self.name, "Name"),
            (self.short_name, "Short name"),
            (self.native_name, "Name in own script"),
            (self.country, "Country"),
            (self.kind, "Kind"),
        ):
            widget.setAccessibleName(name)
        form = QFormLayout(self)
        form.addRow("&Name", self.name)
        form.addRow("&Short name", self.short_name)
        form.addRow("Name in own &script", self.native_name)
        form.addRow("&Country", self.country)
        form.addRow("&Kind", self.kind)
        self._finish(form)
        self.name.setFocus()

    def data(self) -> OrganisationDetails:
        return OrganisationDetails(
            name=self.name.text(),
            short_name=self.short_name.text(),
            native_name=self.native_name.text(),
            country=self.country.code(),
            # Qt hands an enum member back as its plain value: made a member again here.
            kind=OrganisationKind(self.kind.currentData()),
        )


def new_organisation(desk: Desk, parent: QWidget, name: str = "") -> int | None:
    """Ask for a new organisation and save it; its id, or None if cancelled."""
    made: dict[str, int] = {}

    def save(details: OrganisationDetails) -> bool:
        try:
            with desk.store.transaction() as session:
                made["id"] = organisations.add_organisation(session, details)
        except ServiceError as exc:
            QMessageBox.warning(dialog, "Not saved", str(exc))
            return False
        return True

    dialog = OrganisationDialog(save, None, parent)
    dialog.name.setText(name)
    dialog.exec()
    if "id" in made:
        ORGANISATIONS.changed.emit(made["id"])
    return made.get("id")


def edit_organisation(desk: Desk, organisation_id: int, parent: QWidget, push: Push) -> bool:
    """Edit an organisation; the change goes through `push` (undoable where it can be)."""
    try:
        with desk.store.session() as session:
            before = organisations.load_organisation(session, organisation_id)
    except ServiceError as exc:
        QMessageBox.warning(parent, "Cannot edit", str(exc))
        return False

    def save(details: OrganisationDetails) -> bool:
        return push(
            f"Edit organisation {details.name.strip() or before.name}",
            lambda s: organisations.update_organisation(s, organisation_id, details),
            lambda s: organisations.update_organisation(s, organisation_id, before),
        )

    saved = bool(OrganisationDialog(save, before, parent).exec())
    if saved:
        ORGANISATIONS.changed.emit(organisation_id)
    return saved


def fill_organisations(desk: Desk, combo: QComboBox, current: int | None = None) -> None:
    """Fill a combo box with every organisation (`(none)` first), `current` selected."""
    with desk.store.session() as session:
        rows = organisation_rows(session)
    combo.blockSignals(True)
    combo.clear()
    combo.addItem("(none)", None)
    for row in rows:
        combo.addItem(f"{row.name} ({row.short_name})" if row.short_name else row.name, row.id)
    combo.setCurrentIndex(max(0, combo.findData(current)))
    combo.blockSignals(False)


class _Refill(QObject):
    """Lives as a child of the dialog: Qt disconnects it when the dialog goes."""

    def __init__(self, desk: Desk, owner: QWidget, combos: tuple[QComboBox, ...]) -> None:
        super().__init__(owner)
        self._desk, self._combos = desk, combos
        ORGANISATIONS.changed.connect(self.refill)

    def refill(self, _organisation_id: int) -> None:
        for combo in self._combos:
            fill_organisations(self._desk, combo, combo.currentData())


def keep_organisations_fresh(desk: Desk, owner: QWidget, *combos: QComboBox) -> None:
    """Refill `combos` (keeping each one's choice) whenever an organisation is made or changed
    while `owner` is open."""
    _Refill(desk, owner, combos)
