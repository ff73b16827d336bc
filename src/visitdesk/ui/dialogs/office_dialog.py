"""Set up the office once: letterhead name, city, press-release prefix, contact, logo."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QDialog,
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
from visitdesk.services.errors import ServiceError
from visitdesk.services.office import OfficeSettings, load_office, logo_media_type, save_office
from visitdesk.ui import file_dialogs
from visitdesk.ui.country_box import CountryBox
from visitdesk.ui.dialogs.editing import add_save_cancel


class OfficeDialog(QDialog):
    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.setWindowTitle("Office set-up")
        self.resize(600, 480)
        with desk.store.session() as session:
            settings = load_office(session) or OfficeSettings(name="")
        self.logo: bytes | None = settings.logo
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
        form.addRow("Letterhead logo", logo_row)
        add_save_cancel(self, form)
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
        try:
            data = Path(path).read_bytes()
            logo_media_type(data)
        except OSError as exc:
            QMessageBox.warning(self, "Logo not used", f"Cannot read {path}: {exc.strerror}")
            return
        except ServiceError as exc:
            QMessageBox.warning(self, "Logo not used", str(exc))
            return
        self.logo = data
        self._show_logo()

    def _remove_logo(self) -> None:
        self.logo = None
        self.logo_preview.clear()
        self._show_logo()

    def settings(self) -> OfficeSettings:
        return OfficeSettings(
            name=self.name.text(),
            short_name=self.short_name.text(),
            city=self.city.text(),
            country=self.country.code(),
            press_release_prefix=self.prefix.text(),
            media_contact=self.contact.toPlainText(),
            logo=self.logo,
            default_classification=self.classification.text(),
        )

    def accept(self) -> None:
        try:
            with self.desk.store.transaction() as session:
                save_office(session, self.settings())
        except ServiceError as exc:
            QMessageBox.warning(self, "Not saved", str(exc))
            return
        super().accept()
