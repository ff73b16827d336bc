"""Preview of a delegation list before it is imported: every row, with what will happen to it
or what is wrong with it. All or nothing: Import stays off while any row has an error."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from visitdesk.domain.enums import Side
from visitdesk.services.errors import ServiceError
from visitdesk.services.spreadsheets.people_import import PeoplePreview, RowPlan
from visitdesk.ui.models.rows import Column, RowTableModel
from visitdesk.ui.widgets import make_table, tab_in_layout_order

ERROR_COLOUR = QColor("#b00020")


class ImportRowsModel(RowTableModel):
    """The rows of the file as planned; rows with errors in red."""

    def set_side(self, side: Side) -> None:
        """What a row does depends on the side people join: set before the rows."""
        self.columns = (
            Column("Row", lambda r: str(r.number), lambda r: r.number),
            Column("Name", lambda r: r.name or "(no name)", tooltip=lambda r: r.name),
            Column(
                "What happens",
                lambda r: ("Error: " if r.errors else "") + r.describe(side),
                tooltip=lambda r: r.describe(side),
            ),
        )

    def haystack(self, row: Any) -> str:
        return ""  # the preview is read, not searched

    def extra_data(self, row: Any, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole and isinstance(row, RowPlan) and row.errors:
            return ERROR_COLOUR
        return None


class PeopleImportDialog(QDialog):
    """`plan(side)` reads the file against the store; the dialog shows its answer."""

    def __init__(
        self,
        plan: Callable[[Side], PeoplePreview],
        first: PeoplePreview,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._plan = plan
        self.preview = first
        self.setWindowTitle(f"Import people from {first.file_name}")
        self.resize(900, 520)
        self.side = QComboBox(self)
        self.side.addItem("the delegation (guests)", Side.GUEST)
        self.side.addItem("the host side", Side.HOST)
        self.side.setCurrentIndex(0 if first.side is Side.GUEST else 1)
        self.side.currentIndexChanged.connect(self._replan)
        self.notes = QLabel(self)
        self.notes.setTextFormat(Qt.TextFormat.PlainText)
        self.notes.setWordWrap(True)
        self.model = ImportRowsModel(self)
        self.model.set_side(first.side)
        self.table, self.proxy = make_table(self.model, self, stretch=2, sortable=False)
        self.table.horizontalHeader().resizeSection(0, 50)
        self.table.horizontalHeader().resizeSection(1, 260)
        self.verdict = QLabel(self)
        self.verdict.setTextFormat(Qt.TextFormat.PlainText)
        self.verdict.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.import_button = self.buttons.addButton(
            "&Import", QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        form = QFormLayout()
        form.addRow("People &join", self.side)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.notes)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.verdict)
        layout.addWidget(self.buttons)
        tab_in_layout_order(self)
        self._show(first)

    def chosen_side(self) -> Side:
        side: Side = self.side.currentData()
        return side

    def _replan(self) -> None:
        try:
            preview = self._plan(self.chosen_side())
        except (ServiceError, OSError) as exc:  # the file was moved or changed meanwhile
            message = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
            QMessageBox.warning(self, "Cannot read the list", message)
            self.import_button.setEnabled(False)
            return
        self._show(preview)

    def _show(self, preview: PeoplePreview) -> None:
        self.preview = preview
        self.model.set_side(preview.side)
        notes = [f"{len(preview.rows)} people for {preview.visit.title}."]
        if preview.ignored_headings:
            notes.append("Columns not imported: " + ", ".join(preview.ignored_headings) + ".")
        if preview.new_organisations:
            notes.append("New organisations: " + ", ".join(preview.new_organisations) + ".")
        self.notes.setText(" ".join(notes))
        self.model.set_rows(preview.rows)
        self.proxy.refresh()
        errors = len(preview.error_rows)
        self.import_button.setEnabled(errors == 0)
        if errors:
            rows = "1 row has an error" if errors == 1 else f"{errors} rows have errors"
            self.verdict.setText(
                f"{rows} (in red). Nothing will be imported until they are corrected: "
                f"correct {preview.file_name} in your spreadsheet program and import it again."
            )
            self.verdict.setStyleSheet(f"color: {ERROR_COLOUR.name()};")
        else:
            joining = sum(1 for r in preview.rows if r.joins)
            new = sum(1 for r in preview.rows if r.person is None)
            self.verdict.setText(
                f"Ready: {joining} will join, {new} of them new to VisitDesk. "
                "Import adds them all at once."
            )
            self.verdict.setStyleSheet("")
