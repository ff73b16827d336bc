"""A finished PDF on screen, with Save as PDF… and Print…: how a briefing pack is looked at.

The dialog owns the temporary folder of its PDF: the file lives while it is shown and is
removed with it, so nothing is left behind in the officer's temporary files.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from visitdesk import files
from visitdesk.ui import file_dialogs
from visitdesk.ui.widgets import tab_in_layout_order


class PdfViewerDialog(QDialog):
    def __init__(
        self,
        pdf: Path,
        title: str,
        suggested_name: str,
        summary: str,
        folder: tempfile.TemporaryDirectory[str] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.pdf, self.title, self.suggested_name = pdf, title, suggested_name
        self._folder = folder  # removed when the dialog is collected
        self.document = QPdfDocument(self)
        self.document.load(str(pdf))
        self.view = QPdfView(self)
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.summary = QLabel(summary, self)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setWordWrap(True)

        self.save_button = QPushButton("&Save as PDF…", self)
        self.save_button.setShortcut(QKeySequence.StandardKey.Save)
        self.save_button.setToolTip("Keep a copy of this PDF (Ctrl+S)")
        self.save_button.clicked.connect(self.save_as)
        self.print_button = QPushButton("&Print…", self)
        self.print_button.setShortcut(QKeySequence.StandardKey.Print)
        self.print_button.setToolTip("Print on A4 through the system's print dialog (Ctrl+P)")
        self.print_button.clicked.connect(self.print_pdf)
        close = QPushButton("&Close", self)
        close.clicked.connect(self.close)
        buttons = QHBoxLayout()
        buttons.addWidget(self.summary, 1)
        for button in (self.save_button, self.print_button, close):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)
        tab_in_layout_order(self)
        self.save_button.setFocus()
        # A page of A4 readable at full width on a 1366×768 screen, leaving the taskbar free.
        self.resize(820, 700)

    def page_count(self) -> int:
        return int(self.document.pageCount())

    def save_as(self) -> Path | None:
        target, _ = file_dialogs.save_file_name(
            self, f"Save {self.title}", self.suggested_name, "PDF documents (*.pdf)", recent=True
        )
        if not target:
            return None
        path = Path(target)
        if path.suffix.lower() != ".pdf":
            path = path.with_name(path.name + ".pdf")
        try:
            # Whole or not at all: a failed copy leaves nothing under the officer's name.
            files.write_bytes(path, self.pdf.read_bytes())
        except OSError as exc:
            QMessageBox.warning(
                self,
                "Not saved",
                f"The PDF could not be written to {path}: {exc.strerror or exc}. "
                "Choose another folder, or close the file if another program has it open.",
            )
            return None
        self.summary.setText(f"Saved to {path}")
        return path

    def print_pdf(self) -> bool:
        from visitdesk.ui.printing import print_pdf

        return print_pdf(self.pdf, self.title, self)

    def done(self, result: int) -> None:
        self.document.close()  # release the file before its folder is removed
        super().done(result)
