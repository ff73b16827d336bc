"""The list of visits, searchable as you type; double-click or Enter opens a visit."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from visitdesk.services.search import VisitRow, visit_rows
from visitdesk.store.database import Store
from visitdesk.ui.models.rows import SearchProxy
from visitdesk.ui.models.visits import VisitsModel


class VisitsView(QWidget):
    open_visit = Signal(int)
    new_visit_requested = Signal()

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.model = VisitsModel(self)
        self.proxy = SearchProxy(self)
        self.proxy.setSourceModel(self.model)

        self.search = QLineEdit(self)
        self.search.setPlaceholderText(
            "Search visits: title, guests and their names, city, status… (Ctrl+F)"
        )
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._filter)
        self.search.returnPressed.connect(self._open_current)
        self.new_button = QPushButton("&New visit…", self)
        self.new_button.clicked.connect(self.new_visit_requested)
        self.open_button = QPushButton("&Open", self)
        self.open_button.clicked.connect(self._open_current)

        self.table = QTableView(self)
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        # Uniform row heights: Qt then never measures 2,000 rows to lay them out.
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.resizeSection(0, 170)
        header.resizeSection(2, 140)
        header.resizeSection(3, 120)
        header.resizeSection(4, 100)
        self.table.activated.connect(lambda _index: self._open_current())
        self.table.doubleClicked.connect(lambda _index: self._open_current())

        self.count_label = QLabel(self)
        self.empty_label = QLabel(
            "No visits yet. Create one with “New visit…”, or import a visitdesk/1 file "
            "from the File menu (or drop it on this window).",
            self,
        )
        self.empty_label.setWordWrap(True)

        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.open_button)
        top.addWidget(self.new_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count_label)
        self.setFocusProxy(self.search)

    def reload(self) -> None:
        with self.store.session() as session:
            rows = visit_rows(session)
        self.model.set_rows(rows)
        self.proxy.refresh()
        self._update_count()

    def _filter(self, text: str) -> None:
        self.proxy.set_query(text)
        self._update_count()
        if self.proxy.rowCount() and not self.table.selectionModel().hasSelection():
            self.table.selectRow(0)

    def _update_count(self) -> None:
        total, shown = len(self.model.rows()), self.proxy.rowCount()
        self.empty_label.setVisible(total == 0)
        if total == shown:
            self.count_label.setText(f"{total} visit{'s' if total != 1 else ''}")
        else:
            self.count_label.setText(f"{shown} of {total} visits match “{self.proxy.query()}”")

    def current_row(self) -> VisitRow | None:
        indexes = self.table.selectionModel().selectedRows()
        if not indexes:
            current = self.table.currentIndex()
            if not current.isValid():
                return None
            indexes = [current]
        row: VisitRow = self.proxy.source_row_at(indexes[0].row())
        return row

    def _open_current(self) -> None:
        row = self.current_row()
        if row is not None:
            self.open_visit.emit(row.id)

    def keyPressEvent(self, event: object) -> None:  # noqa: N802
        from PySide6.QtGui import QKeyEvent

        assert isinstance(event, QKeyEvent)
        # Down from the search box goes to the list, so the keyboard alone finds and opens.
        if event.key() == Qt.Key.Key_Down and self.search.hasFocus():
            self.table.setFocus()
            if not self.table.selectionModel().hasSelection() and self.proxy.rowCount():
                self.table.selectRow(0)
            return
        super().keyPressEvent(event)
