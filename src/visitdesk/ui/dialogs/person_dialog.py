"""The one person dialog: add a person, or correct everything about one, wherever they appear.

Name as spelt (honorific, given and family name, which comes first), name in own script,
position, organisation (a new one made on the spot), precedence, photo, biography, dietary and
medical notes, e-mail and phone.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
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
from visitdesk.app.people import PersonDetails, person_name
from visitdesk.ui.dialogs.editing import SavingDialog
from visitdesk.ui.dialogs.organisation_dialog import (
    Push,
    edit_organisation,
    fill_organisations,
    keep_organisations_fresh,
    new_organisation,
    stack_push,
)
from visitdesk.ui.dialogs.typed import optional
from visitdesk.ui.undo import VersionedEdit

PHOTO_SIZE = (96, 120)  # a passport photograph's proportions


def _text_box(text: str | None, parent: QWidget, hint: str) -> QPlainTextEdit:
    box = QPlainTextEdit(text or "", parent)
    box.setTabChangesFocus(True)
    box.setMaximumHeight(54)
    box.setPlaceholderText(hint)
    return box


class PersonDialog(SavingDialog):
    discard_question = "The person's details have changes that are not saved. Discard them?"

    def __init__(
        self,
        desk: Desk,
        save: Callable[..., bool],
        details: PersonDetails | None = None,
        parent: QWidget | None = None,
        version: int | None = None,
    ) -> None:
        super().__init__(save, parent, version=version)
        self.desk = desk
        self.setObjectName("person_dialog")
        d = details or PersonDetails(family_name="")
        self.setWindowTitle(f"Edit person: {self._name(d)}" if details else "New person")
        self.resize(640, 640)
        self.photo: bytes | None = d.photo
        self.honorific = QLineEdit(d.honorific or "", self)
        self.honorific.setPlaceholderText("Dr., Mr., Ms., H.E., Engr.")
        self.given = QLineEdit(d.given_name or "", self)
        self.family = QLineEdit(d.family_name, self)
        self.family_first = QCheckBox("Family name first (Chinese, Japanese, Korean names)", self)
        self.family_first.setChecked(d.family_name_first)
        self.native = QLineEdit(d.native_name or "", self)
        self.position = QLineEdit(d.position or "", self)
        self.organisation = QComboBox(self)
        fill_organisations(desk, self.organisation, d.organisation_id)
        keep_organisations_fresh(desk, self, self.organisation)
        new_org = QPushButton("New organisation…", self)
        new_org.clicked.connect(self._new_organisation)
        edit_org = QPushButton("Edit organisation…", self)
        edit_org.clicked.connect(self._edit_organisation)
        org_row = QHBoxLayout()
        org_row.addWidget(self.organisation, 1)
        org_row.addWidget(new_org)
        org_row.addWidget(edit_org)
        self.precedence = QSpinBox(self)
        self.precedence.setRange(0, 999)
        self.precedence.setSpecialValueText("not ranked")
        self.precedence.setValue(d.precedence or 0)
        self.photo_label = QLabel(self)
        self.photo_label.setObjectName("photo")
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
        self.bio = _text_box(d.bio, self, "A few lines for the briefing pack")
        self.dietary = _text_box(d.dietary, self, "Halal, vegetarian, no pork, allergies…")
        self.medical = _text_box(d.medical, self, "Only what the hosts must know")
        self.email = QLineEdit(d.email or "", self)
        self.phone = QLineEdit(d.phone or "", self)
        for widget, name in (
            (self.honorific, "Honorific"),
            (self.given, "Given name"),
            (self.family, "Family name"),
            (self.native, "Name in own script"),
            (self.position, "Position"),
            (self.organisation, "Organisation"),
            (self.precedence, "Precedence"),
            (self.bio, "Biography"),
            (self.dietary, "Dietary needs"),
            (self.medical, "Medical notes"),
            (self.email, "E-mail"),
            (self.phone, "Phone"),
        ):
            widget.setAccessibleName(name)
        form = QFormLayout(self)
        form.addRow("&Honorific", self.honorific)
        form.addRow("&Given name", self.given)
        form.addRow("&Family name", self.family)
        form.addRow("", self.family_first)
        form.addRow("Name in own &script", self.native)
        form.addRow("&Position", self.position)
        org_label = QLabel("&Organisation", self)
        org_label.setBuddy(self.organisation)  # the row is a layout: name its list
        form.addRow(org_label, org_row)
        form.addRow("P&recedence (1 = most senior)", self.precedence)
        form.addRow("Photo", photo_row)
        form.addRow("&Biography", self.bio)
        form.addRow("&Dietary needs", self.dietary)
        form.addRow("&Medical notes", self.medical)
        form.addRow("&E-mail", self.email)
        form.addRow("Pho&ne", self.phone)
        self._finish(form)
        self._show_photo()
        (self.family if details else self.honorific).setFocus()

    @staticmethod
    def _name(details: PersonDetails) -> str:
        return person_name(details)

    def _new_organisation(self) -> None:
        org_id = new_organisation(self.desk, self)
        if org_id is not None:
            self.organisation.setCurrentIndex(self.organisation.findData(org_id))

    def _edit_organisation(self) -> None:
        org_id = self.organisation.currentData()
        if org_id is None:
            self._new_organisation()
            return

        edit_organisation(self.desk, org_id, self, stack_push(self))

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
        path, _ = QFileDialog.getOpenFileName(
            self, "Photo of the person", "", "Pictures (*.png *.jpg *.jpeg)"
        )
        if path:
            self.use_photo_file(Path(path))

    def use_photo_file(self, path: Path) -> bool:
        try:
            data = self.desk.people.read_photo(path)
        except RefusedError as exc:
            QMessageBox.warning(self, "Photo not used", str(exc))
            return False
        self.photo = data
        self._show_photo()
        return True

    def _remove_photo(self) -> None:
        self.photo = None
        self._show_photo()

    def data(self) -> PersonDetails:
        return PersonDetails(
            family_name=self.family.text(),
            given_name=optional(self.given.text()),
            honorific=optional(self.honorific.text()),
            family_name_first=self.family_first.isChecked(),
            native_name=optional(self.native.text()),
            position=optional(self.position.text()),
            organisation_id=self.organisation.currentData(),
            precedence=self.precedence.value() or None,
            email=optional(self.email.text()),
            phone=optional(self.phone.text()),
            bio=optional(self.bio.toPlainText()),
            dietary=optional(self.dietary.toPlainText()),
            medical=optional(self.medical.toPlainText()),
            photo=self.photo,
        )


def new_person(desk: Desk, parent: QWidget, push: Push | None = None) -> int | None:
    """Ask for a new person and save them, undoably; their id, or None if cancelled.

    Undo removes them again, unless they have joined a visit or an engagement since."""
    push = push or stack_push(parent)
    made: dict[str, int] = {}

    def create(details: PersonDetails) -> None:
        made["id"] = desk.people.create(details).id

    def save(details: PersonDetails) -> bool:
        return push(
            f"Add {person_name(details)}",
            lambda: create(details),
            lambda: desk.people.delete_unused(made["id"]),
        )

    dialog = PersonDialog(desk, save, None, parent)
    return made.get("id") if dialog.exec() else None


def edit_person(desk: Desk, person_id: int, parent: QWidget, push: Push) -> bool:
    """Correct a person; the change goes through `push`, undoable. A save over another
    officer's change shows both versions (the dialog's conflict view). True when what the
    caller shows must be read again: saved, or the other officer's version taken."""
    try:
        record = desk.people.load(person_id)
    except RefusedError as exc:
        QMessageBox.warning(parent, "Cannot edit", str(exc))
        return False
    opened = record.data

    def save(details: PersonDetails, version: int) -> bool:
        # Keeping mine over theirs: the undo puts back theirs, the version it replaced.
        before = opened if version == record.version else desk.people.load(person_id).data
        edit = VersionedEdit(
            lambda d, v: desk.people.update(person_id, d, v, opened), details, before, version
        )
        name = person_name(details) if details.family_name.strip() else person_name(opened)
        return push(f"Edit {name}", edit.do, edit.undo)

    dialog = PersonDialog(desk, save, record.data, parent, version=record.version)
    dialog.watched = ("person", record.id)
    taken: list[bool] = []
    dialog.theirs_taken.connect(lambda: taken.append(True))
    return bool(dialog.exec()) or bool(taken)
