"""A list of every record of one kind, searched as you type and opened from the keyboard.

Typing filters (every word must match, in any script); Enter in the box, Enter or a
double-click on a row, or the Open button opens the row selected; Down from the box moves to
the list. A subclass says which rows, how the count under the list reads, and what opening does.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from visitdesk.ui.models.rows import RowTableModel
from visitdesk.ui.widgets import make_table, selected_row

if TYPE_CHECKING:
    # Only for annotations: the visits list is shown before the records are open.
    from visitdesk.app import Desk


class SearchList(QWidget):
    # False: every keystroke selects the first match, so Enter opens what was searched for.
    # True: a selection the officer already made survives typing.
    keep_selection = False

    def __init__(
        self,
        desk: Desk | None,
        model_type: type[RowTableModel],
        placeholder: str,
        parent: QWidget | None = None,
        *,
        stretch: int,
    ) -> None:
        super().__init__(parent)
        self.desk = desk
        self.model = model_type(self)
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(placeholder)
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._filter)
        self.search.returnPressed.connect(self.open_current)
        self.open_button = QPushButton("&Open", self)
        self.open_button.clicked.connect(self.open_current)
        self.table, self.proxy = make_table(self.model, self, stretch=stretch)
        self.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)  # newest first
        self.table.activated.connect(lambda _i: self.open_current())
        self.table.doubleClicked.connect(lambda _i: self.open_current())
        self.count_label = QLabel(self)
        self.count_label.setTextFormat(Qt.TextFormat.PlainText)  # it quotes the search typed
        self.top = QHBoxLayout()
        self.top.addWidget(self.search, 1)
        self.top.addWidget(self.open_button)
        self.body = QVBoxLayout(self)
        self.body.addLayout(self.top)
        self.body.addWidget(self.table, 1)
        self.body.addWidget(self.count_label)
        self.setFocusProxy(self.search)

    def rows(self) -> Sequence[Any]:
        """Every row of the list, from the app layer (plain rows, each with its `haystack`)."""
        raise NotImplementedError

    def count_text(self, total: int, shown: int) -> str:
        """What the line under the list says when `shown` of `total` rows match the search."""
        raise NotImplementedError

    def open_row(self, row: Any) -> None:
        raise NotImplementedError

    def reload(self) -> None:
        assert self.desk is not None, "reloaded before the records were open"
        self.show_rows(self.rows())

    def show_rows(self, rows: Sequence[Any]) -> None:
        """Put `rows` in the list (from the app layer, or the fast first read)."""
        self.model.set_rows(rows)
        self.proxy.refresh()
        self._update_count()

    def _filter(self, text: str) -> None:
        self.proxy.set_query(text)
        self._update_count()
        kept = self.keep_selection and self.table.selectionModel().hasSelection()
        if self.proxy.rowCount() and not kept:
            self.table.selectRow(0)

    def _update_count(self) -> None:
        self.count_label.setText(self.count_text(len(self.model.rows()), self.proxy.rowCount()))

    def current(self) -> Any:
        """The row selected (or current) in the list, or None."""
        return selected_row(self.table, self.proxy)

    def open_current(self) -> None:
        row = self.current()
        if row is not None:
            self.open_row(row)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        # Down from the search box goes to the list: the keyboard alone finds and opens.
        if event.key() == Qt.Key.Key_Down and self.search.hasFocus():
            self.table.setFocus()
            if not self.table.selectionModel().hasSelection() and self.proxy.rowCount():
                self.table.selectRow(0)
            return
        super().keyPressEvent(event)
