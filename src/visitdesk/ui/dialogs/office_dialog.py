"""Set up the office once: letterhead name, city, press-release prefix, contact, logo.

The set-up is a versioned record: saving over another officer's correction shows both
versions (Keep mine, Take theirs, Back), and each later correction is undone by Edit > Undo.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

from visitdesk.app import Desk
from visitdesk.app.office import NOT_SET_UP, OfficeSettings
from visitdesk.ui import file_dialogs
from visitdesk.ui.country_box import CountryBox
from visitdesk.ui.dialogs.editing import SavingDialog
from visitdesk.ui.dialogs.typed import optional
from visitdesk.ui.undo import VersionedEdit, office_stack, push_call


class OfficeDialog(SavingDialog):
    discard_question = "The office set-up has changes that are not saved. Discard them?"

    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        record = desk.office.load()
        super().__init__(self._save_settings, parent, version=record.version)
        self.desk = desk
        self._opened = record
        if record.id:
            self.watched = ("office", record.id)
        self.setObjectName("office_dialog")
        self.setWindowTitle("Office set-up")
        self.resize(600, 480)
        settings = record.data
        self.logo: bytes | None = settings.logo
        self.logo_type: str | None = settings.logo_media_type
        self.name = QLineEdit(settings.name, self)
        self.short_name = QLineEdit(settings.short_name or "", self)
        self.city = QLineEdit(settings.city or "", self)
        self.country = CountryBox(settings.country, self)
        self.country.setAccessibleName("Country")
        self.prefix = QLineEdit(settings.press_release_prefix, self)
        self.contact = QPlainTextEdit(settings.media_contact or "", self)
        self.contact.setTabChangesFocus(True)
        self.contact.setPlaceholderText("Name, telephone and e-mail printed under press releases")
        self.classification = QLineEdit(settings.default_classification, self)
        # Where officials report and deposit the gifts they receive (the gifts register).
        self.deposit_authority = QLineEdit(settings.gift_deposit_authority, self)
        self.deposit_authority.setToolTip(
            "Where officials report and deposit the gifts they receive, as the gifts register "
            "names it (in Pakistan the Toshakhana of the Cabinet Division)"
        )
        self.logo_preview = QLabel(self)
        self.logo_preview.setFixedSize(120, 80)
        self.logo_preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        choose = QPushButton("Choose logo…", self)
        choose.clicked.connect(self._choose_logo)
        remove = QPushButton("No logo", self)
        remove.clicked.connect(self._remove_logo)
        logo_row = QHBoxLayout()
        logo_row.addWidget(self.logo_preview)
        logo_row.addWidget(choose)
        logo_row.addWidget(remove)
        logo_row.addStretch(1)
        for widget, accessible in (
            (self.name, "Office name"),
            (self.short_name, "Short name"),
            (self.city, "City"),
            (self.prefix, "Press-release prefix"),
            (self.deposit_authority, "Gifts deposited with"),
        ):
            widget.setAccessibleName(accessible)
        form = QFormLayout(self)
        form.addRow("Office &name", self.name)
        form.addRow("&Short name", self.short_name)
        form.addRow("&City", self.city)
        form.addRow("C&ountry", self.country)
        form.addRow("&Press-release prefix", self.prefix)
        form.addRow("&Media contact", self.contact)
        form.addRow("Default &classification", self.classification)
        form.addRow("&Gifts deposited with", self.deposit_authority)
        form.addRow("Letterhead logo", logo_row)
        self._finish(form)
        self._show_logo()

    def _show_logo(self) -> None:
        pixmap = QPixmap()
        if self.logo and pixmap.loadFromData(self.logo):
            self.logo_preview.setPixmap(
                pixmap.scaled(
                    120,
                    80,
                    Qt.AspectRatioMode.KeepAspectRatio,
                    Qt.TransformationMode.SmoothTransformation,
                )
            )
        else:
            self.logo_preview.setText("(no logo)")

    def _choose_logo(self) -> None:
        path, _ = file_dialogs.open_file_name(
            self, "Letterhead logo", "", "Pictures (*.png *.jpg *.jpeg)"
        )
        if not path:
            return
        self.use_logo_file(Path(path))

    def use_logo_file(self, path: Path) -> bool:
        from visitdesk.app import RefusedError

        try:
            data = self.desk.office.read_logo(path)
        except RefusedError as exc:
            QMessageBox.warning(self, "Logo not used", str(exc))
            return False
        self.logo, self.logo_type = data, self.desk.office.check_logo(data)
        self._show_logo()
        return True

    def _remove_logo(self) -> None:
        self.logo, self.logo_type = None, None
        self.logo_preview.clear()
        self._show_logo()

    def settings(self) -> OfficeSettings:
        return OfficeSettings(
            name=self.name.text(),
            short_name=optional(self.short_name.text()),
            city=optional(self.city.text()),
            country=self.country.code(),
            press_release_prefix=self.prefix.text(),
            media_contact=optional(self.contact.toPlainText()),
            logo=self.logo,
            logo_media_type=self.logo_type,
            default_classification=self.classification.text(),
            gift_deposit_authority=self.deposit_authority.text(),
        )

    def data(self) -> OfficeSettings:
        return self.settings()

    def _save_settings(self, settings: OfficeSettings, version: int) -> bool:
        desk, opened = self.desk, self._opened
        if opened.version == NOT_SET_UP and version == NOT_SET_UP:
            # The first set-up is not undone (there is no office to go back to); it can be
            # corrected here at any time.
            from visitdesk.app import BusyError, ConflictError, RefusedError, StoreFaultError

            try:
                desk.office.update(settings, version, opened.data)
            except (BusyError, ConflictError, StoreFaultError):
                raise  # Retry or Cancel; both versions side by side (SavingDialog)
            except RefusedError as exc:
                QMessageBox.warning(self, "Not saved", str(exc))
                return False
            return True
        before = opened.data if version == opened.version else desk.office.load().data
        edit = VersionedEdit(
            lambda s, v: desk.office.update(s, v, opened.data), settings, before, version
        )
        stack = office_stack(self.parentWidget() or self)
        return push_call(stack, "Change the office set-up", edit.do, edit.undo, lambda: None, self)
