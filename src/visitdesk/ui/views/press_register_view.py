"""The office's register of press releases: every visit's release, year by year.

Numbers start again every January, so the register is read a year at a time (or all years).
Enter (or a double click) opens the visit on its press release.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from visitdesk.app import Desk
from visitdesk.app.press import RegisterEntry, number_label
from visitdesk.app.text import short_date
from visitdesk.ui.models.rows import Column, RowTableModel
from visitdesk.ui.widgets import button_bar, make_table, selected_row


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


class PressRegisterModel(RowTableModel):
    prefix = "PR No."
    columns = (
        Column(
            "Number",
            lambda r: number_label(PressRegisterModel.prefix, r.number),
            lambda r: r.number,
        ),
        Column("Date", lambda r: short_date(r.date), lambda r: r.date.isoformat()),
        Column("Topic", lambda r: r.topic, tooltip=lambda r: r.topic),
        Column(
            "Visit", lambda r: r.visit_title, tooltip=lambda r: f"{r.visit_title} ({r.visit_ref})"
        ),
        Column("State", lambda r: r.status.label),
    )

    def haystack(self, row: Any) -> str:
        entry: RegisterEntry = row
        return " ".join(
            (str(entry.number), entry.topic, entry.visit_ref, entry.visit_title)
        ).casefold()


class PressRegisterView(QWidget):
    open_release = Signal(int)  # the visit's id

    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("press_register")
        self.desk = desk
        self.model = PressRegisterModel(self)
        self.table, self.proxy = make_table(self.model, self, stretch=2)
        self.table.setAccessibleName("Press releases")
        self.table.sortByColumn(1, Qt.SortOrder.AscendingOrder)
        header = self.table.horizontalHeader()
        for column, width in ((0, 110), (1, 110), (3, 300), (4, 80)):
            header.resizeSection(column, width)
        self.table.activated.connect(lambda _i: self._open())
        self.year = QComboBox(self)
        self.year.setAccessibleName("Year")
        self.year.currentIndexChanged.connect(lambda _i: self.reload())
        filters = QHBoxLayout()
        filters.addWidget(QLabel("Year:", self))
        filters.addWidget(self.year)
        bar, _buttons = button_bar(
            self, ("&Open press release", self._open, "Open the visit on its press release (Enter)")
        )
        filters.addLayout(bar, 1)
        self.summary = QLabel(self)
        self.summary.setObjectName("register_summary")
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.summary)

    def reload(self) -> None:
        from visitdesk.app import RefusedError

        year = self.year.currentData()
        try:
            register = self.desk.press.register(year)
            if year is not None and year not in register.years:
                register = self.desk.press.register(None)  # that year's releases are gone
        except RefusedError as exc:
            self.summary.setText(str(exc))
            return
        years, entries = register.years, register.entries
        year = register.year
        PressRegisterModel.prefix = register.prefix
        self.year.blockSignals(True)
        self.year.clear()
        self.year.addItem("Every year", None)
        for y in years:
            self.year.addItem(str(y), y)
        self.year.setCurrentIndex(max(0, self.year.findData(year)))
        self.year.blockSignals(False)
        self.model.set_rows(entries)
        drafts = sum(1 for e in entries if e.status.value == "draft")
        where = f" in {year}" if year in years else ""
        self.summary.setText(
            f"{_count(len(entries), 'press release')}{where}: {len(entries) - drafts} issued, "
            f"{_count(drafts, 'draft')}."
        )
        if entries and not self.table.currentIndex().isValid():
            self.table.selectRow(0)

    def _open(self) -> None:
        entry: RegisterEntry | None = selected_row(self.table, self.proxy)
        if entry is not None:
            self.open_release.emit(entry.visit_id)
