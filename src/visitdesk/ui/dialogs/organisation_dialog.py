"""The one organisation dialog: name, short name, native name, country and kind.

Every list of organisations in the window is filled by `fill_organisations`, and refilled when
`ORGANISATIONS.changed` fires: an organisation created inside a dialog (from a person's
dialog, say) is offered at once in every organisation list of that dialog.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QComboBox, QFormLayout, QLineEdit, QMessageBox, QWidget

from visitdesk.app import Desk, RefusedError
from visitdesk.app.enums import OrganisationKind
from visitdesk.app.organisations import OrganisationDetails, organisation_name
from visitdesk.ui.background import still_shown
from visitdesk.ui.country_box import CountryBox
from visitdesk.ui.dialogs.editing import SavingDialog
from visitdesk.ui.dialogs.typed import optional
from visitdesk.ui.undo import Call, VersionedEdit, current_stack, push_call

# How an edit is saved and made undoable: a view's `push_call(text, do, undo)`.
Push = Callable[[str, Call, Call], bool]


def stack_push(parent: QWidget) -> Push:
    """For dialogs with no undo history of their own: Edit > Undo of the window takes it back."""

    def push(text: str, do: Call, undo: Call) -> bool:
        return push_call(current_stack(parent), text, do, undo, lambda: None, parent)

    return push


class _Organisations(QObject):
    """Fires with the id of an organisation created or changed in the window."""

    changed = Signal(int)


ORGANISATIONS = _Organisations()


class OrganisationDialog(SavingDialog):
    discard_question = "The organisation has changes that are not saved. Discard them?"

    def __init__(
        self,
        save: Callable[..., bool],
        details: OrganisationDetails | None,
        parent: QWidget | None = None,
        version: int | None = None,
    ) -> None:
        super().__init__(save, parent, version=version)
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
            short_name=optional(self.short_name.text()),
            native_name=optional(self.native_name.text()),
            country=self.country.code(),
            # Qt hands an enum member back as its plain value: made a member again here.
            kind=OrganisationKind(self.kind.currentData()),
        )


def new_organisation(
    desk: Desk, parent: QWidget, name: str = "", push: Push | None = None
) -> int | None:
    """Ask for a new organisation and save it, undoably; its id, or None if cancelled.

    Undo removes it again, unless something has come to use it since (then it says so)."""
    push = push or stack_push(parent)
    made: dict[str, int] = {}

    def create(details: OrganisationDetails) -> None:
        made["id"] = desk.organisations.create(details).id
        ORGANISATIONS.changed.emit(made["id"])

    def remove() -> None:
        desk.organisations.delete_unused(made["id"])
        ORGANISATIONS.changed.emit(made["id"])

    def save(details: OrganisationDetails) -> bool:
        return push(
            f"Add organisation {organisation_name(details)}", lambda: create(details), remove
        )

    dialog = OrganisationDialog(save, None, parent)
    dialog.name.setText(name)
    dialog.exec()
    return made.get("id") if dialog.result() else None


def edit_organisation(desk: Desk, organisation_id: int, parent: QWidget, push: Push) -> bool:
    """Edit an organisation; the change goes through `push`, undoable. A save over another
    officer's change shows both versions (the dialog's conflict view)."""
    try:
        record = desk.organisations.load(organisation_id)
    except RefusedError as exc:
        QMessageBox.warning(parent, "Cannot edit", str(exc))
        return False
    opened = record.data

    def save(details: OrganisationDetails, version: int) -> bool:
        # Keeping mine over theirs: the undo puts back theirs, the version it replaced.
        before = (
            opened if version == record.version else desk.organisations.load(organisation_id).data
        )
        edit = VersionedEdit(
            lambda d, v: desk.organisations.update(organisation_id, d, v, opened),
            details,
            before,
            version,
        )
        return push(f"Edit organisation {organisation_name(details)}", edit.do, edit.undo)

    dialog = OrganisationDialog(save, record.data, parent, version=record.version)
    dialog.watched = ("organisation", record.id)
    taken: list[bool] = []
    dialog.theirs_taken.connect(lambda: taken.append(True))
    changed = bool(dialog.exec()) or bool(taken)
    if changed:
        ORGANISATIONS.changed.emit(organisation_id)
    return changed


def fill_organisations(desk: Desk, combo: QComboBox, current: int | None = None) -> None:
    """Fill a combo box with every organisation (`(none)` first), `current` selected."""
    rows = desk.organisations.choices()
    if not still_shown(combo):
        return  # its dialog closed while the organisations were read
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
