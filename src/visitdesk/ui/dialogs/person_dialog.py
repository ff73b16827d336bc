"""Add a person (and, if need be, their organisation) without leaving the picker."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QInputDialog,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QWidget,
)

from visitdesk.services.errors import ServiceError
from visitdesk.services.people import (
    NewPerson,
    create_organisation,
    create_person,
    organisation_rows,
)
from visitdesk.store.database import Store
from visitdesk.ui.dialogs.editing import add_save_cancel


class PersonDialog(QDialog):
    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.person_id: int | None = None
        self.setWindowTitle("New person")
        self.honorific = QLineEdit(self)
        self.honorific.setPlaceholderText("Dr., Mr., Ms., H.E., Engr.")
        self.given = QLineEdit(self)
        self.family = QLineEdit(self)
        self.family_first = QCheckBox("Family name first (Chinese, Japanese, Korean names)", self)
        self.native = QLineEdit(self)
        self.position = QLineEdit(self)
        self.organisation = QComboBox(self)
        new_org = QPushButton("New organisation…", self)
        new_org.clicked.connect(self._new_organisation)
        self.precedence = QSpinBox(self)
        self.precedence.setRange(0, 999)
        self.precedence.setSpecialValueText("not ranked")
        form = QFormLayout(self)
        form.addRow("Honorific", self.honorific)
        form.addRow("Given name", self.given)
        form.addRow("Family name", self.family)
        form.addRow("", self.family_first)
        form.addRow("Name in own script", self.native)
        form.addRow("Position", self.position)
        form.addRow("Organisation", self.organisation)
        form.addRow("", new_org)
        form.addRow("Precedence (1 = most senior)", self.precedence)
        add_save_cancel(self, form)
        self._load_organisations()

    def _load_organisations(self, select: int | None = None) -> None:
        with self.store.session() as session:
            rows = organisation_rows(session)
        self.organisation.clear()
        self.organisation.addItem("(none)", None)
        for row in rows:
            self.organisation.addItem(row.short_name or row.name, row.id)
        if select is not None:
            self.organisation.setCurrentIndex(self.organisation.findData(select))

    def _new_organisation(self) -> None:
        name, ok = QInputDialog.getText(self, "New organisation", "Name of the organisation:")
        if not ok:
            return
        try:
            with self.store.transaction() as session:
                org_id = create_organisation(session, name)
        except ServiceError as exc:
            QMessageBox.warning(self, "Not saved", str(exc))
            return
        self._load_organisations(org_id)

    def accept(self) -> None:
        new = NewPerson(
            family_name=self.family.text(),
            given_name=self.given.text(),
            honorific=self.honorific.text(),
            family_name_first=self.family_first.isChecked(),
            native_name=self.native.text(),
            position=self.position.text(),
            organisation_id=self.organisation.currentData(),
            precedence=self.precedence.value() or None,
        )
        try:
            with self.store.transaction() as session:
                self.person_id = create_person(session, new)
        except ServiceError as exc:
            QMessageBox.warning(self, "Not saved", str(exc))
            return
        super().accept()
