"""The office-wide gifts register: every visit's gifts given and received, filtered by year and
by person, those still awaiting their deposit standing out. A double click (or Enter) opens
the gift's visit on its Gifts tab; the register as shown exports to .xlsx or .csv."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QMessageBox, QVBoxLayout, QWidget

from visitdesk.app import Desk, RefusedError
from visitdesk.app.gifts import GiftDirection, GiftRow
from visitdesk.ui import file_dialogs, recent
from visitdesk.ui.models.gifts import GiftsRegisterModel
from visitdesk.ui.widgets import button_bar, make_table, selected_row

SHEET_FILTER = "Excel workbook (*.xlsx);;CSV, comma-separated (*.csv)"


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


class GiftsRegisterView(QWidget):
    open_gift = Signal(int, int)  # the visit's id, the gift's id

    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("gifts_register")
        self.desk = desk
        self.model = GiftsRegisterModel(self)
        self.table, self.proxy = make_table(self.model, self, stretch=6)
        self.table.setAccessibleName("Gifts register")
        self.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
        header = self.table.horizontalHeader()
        # The gift's column stretches; the others as narrow as their usual text (tooltips
        # give the whole of a long one).
        widths = ((0, 90), (1, 130), (2, 110), (3, 120), (4, 120), (5, 120))
        for column, width in (*widths, (7, 110), (8, 130), (9, 140)):
            header.resizeSection(column, width)
        self.table.activated.connect(lambda _i: self._open())
        self.year = QComboBox(self)
        self.year.setAccessibleName("Year")
        self.person = QComboBox(self)
        self.person.setAccessibleName("Person")
        for combo in (self.year, self.person):
            combo.currentIndexChanged.connect(lambda _i: self.reload())
        filters = QHBoxLayout()
        filters.addWidget(QLabel("Year:", self))
        filters.addWidget(self.year)
        filters.addWidget(QLabel("Person:", self))
        filters.addWidget(self.person, 1)
        bar, _buttons = button_bar(
            self,
            ("&Open visit", self._open, "Open the gift's visit on its Gifts tab (Enter)"),
            (
                "E&xport…",
                self._export_clicked,
                "Save the register as shown as .xlsx or .csv",
            ),
        )
        filters.addLayout(bar, 1)
        self.summary = QLabel(self)
        self.summary.setObjectName("gifts_register_summary")
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.summary)

    def chosen(self) -> tuple[int | None, int | None]:
        """The year and the person's id the filters hold (None: every one)."""
        year, person = self.year.currentData(), self.person.currentData()
        return (None if year is None else int(year), None if person is None else int(person))

    def reload(self) -> None:
        year, person = self.chosen()
        try:
            years = self.desk.gifts.register_years()
            people = self.desk.gifts.register_people()
            rows = self.desk.gifts.register(year, person)
        except RefusedError as exc:
            self.summary.setText(str(exc))
            return
        self._fill(self.year, "Every year", [(y, str(y)) for y in years], year)
        self._fill(self.person, "Everyone", [(p.id, p.name) for p in people], person)
        if self.chosen() != (year, person):  # a filter's year or person is gone
            rows = self.desk.gifts.register(*self.chosen())
        self.model.set_rows(rows)
        waiting = sum(1 for r in rows if r.warning)
        received = sum(1 for r in rows if r.direction is GiftDirection.RECEIVED)
        self.summary.setText(
            f"{_count(len(rows), 'gift')} shown, {received} received; {waiting} "
            f"{'awaits its' if waiting == 1 else 'await their'} deposit or decision."
        )
        if rows and not self.table.currentIndex().isValid():
            self.table.selectRow(0)

    @staticmethod
    def _fill(
        combo: QComboBox, everything: str, items: list[tuple[int, str]], current: int | None
    ) -> None:
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(everything, None)
        for value, text in items:
            combo.addItem(text, value)
        combo.setCurrentIndex(max(0, combo.findData(current)))
        combo.blockSignals(False)

    def _open(self) -> None:
        row: GiftRow | None = selected_row(self.table, self.proxy)
        if row is not None:
            self.open_gift.emit(row.visit_id, row.id)

    def _export_clicked(self) -> None:
        self.export()

    def export(self) -> Path | None:
        year, person = self.chosen()
        suggested = f"Gifts register {year}.xlsx" if year else "Gifts register.xlsx"
        target, chosen = file_dialogs.save_file_name(
            self, "Export the gifts register", suggested, SHEET_FILTER
        )
        if not target:
            return None
        path = Path(target)
        if path.suffix.lower() not in (".xlsx", ".csv"):
            path = path.with_name(path.name + (".csv" if "csv" in chosen.lower() else ".xlsx"))
        try:
            made = self.desk.gifts.export_register_to(path, year, person)
        except RefusedError as exc:
            QMessageBox.warning(self, "Register not exported", str(exc))
            return None
        recent.add_file(path)
        window = self.window()
        status = getattr(window, "statusBar", None)
        if callable(status):
            status().showMessage(
                f"Wrote the gifts register ({_count(made.rows, 'row')}) to {path}", 10_000
            )
        return path
