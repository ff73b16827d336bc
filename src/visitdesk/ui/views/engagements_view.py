"""Every engagement of every visit, searched as you type: "when did we last meet NUST?".

Enter or a double-click opens the engagement's visit on its programme, the engagement selected.
The list is read when the view is first shown and again when records change.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from visitdesk.services.itinerary import ProgrammeRow, programme_rows
from visitdesk.store.database import Store
from visitdesk.ui.models.itinerary import ProgrammeModel
from visitdesk.ui.widgets import make_table, selected_row


class EngagementsView(QWidget):
    open_engagement = Signal(int, int)  # visit id, engagement id

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.model = ProgrammeModel(self)
        self.table, self.proxy = make_table(self.model, self, stretch=2)
        self.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)  # newest first, and says so
        header = self.table.horizontalHeader()
        header.resizeSection(0, 150)
        header.resizeSection(1, 140)
        header.resizeSection(3, 240)
        header.resizeSection(4, 300)
        self.table.activated.connect(lambda _i: self.open_current())
        self.table.doubleClicked.connect(lambda _i: self.open_current())
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(
            "Search every engagement: title, venue, city, kind, visit… (Enter opens it)"
        )
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._filter)
        self.search.returnPressed.connect(self.open_current)
        self.open_button = QPushButton("&Open", self)
        self.open_button.clicked.connect(self.open_current)
        self.count_label = QLabel(self)
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.open_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count_label)
        self.setFocusProxy(self.search)

    def reload(self) -> None:
        with self.store.session() as session:
            rows = programme_rows(session)
        self.model.set_rows(rows)
        self.proxy.refresh()
        self._update_count()

    def _filter(self, text: str) -> None:
        self.proxy.set_query(text)
        self._update_count()
        if self.proxy.rowCount():
            self.table.selectRow(0)

    def _update_count(self) -> None:
        total, shown = len(self.model.rows()), self.proxy.rowCount()
        noun = "engagement" if total == 1 else "engagements"
        if total == shown:
            self.count_label.setText(f"{total} {noun} in all visits, newest first")
        else:
            self.count_label.setText(f"{shown} of {total} {noun} match “{self.proxy.query()}”")

    def current(self) -> ProgrammeRow | None:
        row: ProgrammeRow | None = selected_row(self.table, self.proxy)
        return row

    def open_current(self) -> None:
        row = self.current()
        if row is not None:
            self.open_engagement.emit(row.visit_id, row.id)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        # Down from the search box goes to the list: the keyboard alone finds and opens.
        if event.key() == Qt.Key.Key_Down and self.search.hasFocus():
            self.table.setFocus()
            if not self.table.selectionModel().hasSelection() and self.proxy.rowCount():
                self.table.selectRow(0)
            return
        super().keyPressEvent(event)
