"""Print a PDF VisitDesk made through the system's print dialog, page by page, on A4."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QRectF, QSize
from PySide6.QtGui import QPageLayout, QPageSize, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QMessageBox, QWidget

# Pages are drawn as pictures: 300 dpi is what office laser printers resolve, and keeps one
# A4 page near 25 MB of memory even when the printer announces 1200 dpi.
MAX_DPI = 300


def print_pdf(path: Path, title: str, parent: QWidget) -> bool:
    """Ask for a printer and print `path`; True if it was sent, False if cancelled or failed."""
    document = QPdfDocument(parent)
    if document.load(str(path)) != QPdfDocument.Error.None_:
        QMessageBox.warning(parent, "Cannot print", f"The document {path} cannot be read.")
        return False
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    first = document.pagePointSize(0)
    if first.width() > first.height():
        # Place cards are A4 landscape: fitted onto a portrait page they would shrink by 30%
        # and their fold would no longer be in the middle of the sheet.
        printer.setPageOrientation(QPageLayout.Orientation.Landscape)
    printer.setDocName(title)
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(f"Print {title}")
    dialog.setMinMax(1, max(1, document.pageCount()))
    if dialog.exec() != QDialog.DialogCode.Accepted:
        document.close()
        return False
    try:
        return _render(document, printer, parent)
    finally:
        document.close()


def _render(document: QPdfDocument, printer: QPrinter, parent: QWidget) -> bool:
    count = document.pageCount()
    first, last = printer.fromPage(), printer.toPage()
    pages = range(first - 1, last) if first > 0 and last >= first else range(count)
    painter = QPainter()
    if not painter.begin(printer):
        QMessageBox.warning(
            parent,
            "Cannot print",
            "The printer could not be started. Check that it is switched on and connected, "
            "or choose another printer.",
        )
        return False
    try:
        dpi = min(printer.resolution(), MAX_DPI)
        scale = printer.resolution() / dpi
        for number, page in enumerate(p for p in pages if 0 <= p < count):
            if number > 0:
                printer.newPage()
            points = document.pagePointSize(page)
            size = QSize(round(points.width() / 72 * dpi), round(points.height() / 72 * dpi))
            image = document.render(page, size)
            target = painter.viewport()
            # Fit the page into the printable area, keeping its proportions.
            factor = min(
                target.width() / (size.width() * scale), target.height() / (size.height() * scale)
            )
            width, height = size.width() * scale * factor, size.height() * scale * factor
            painter.drawImage(QRectF(0, 0, width, height), image)
    finally:
        painter.end()
    return True
