"""A read-only table model over a list of row tuples, and a proxy that filters as you type.

Each concrete model only declares its columns. Rows are NamedTuples from the services: no ORM
object, no query per row, so 40,000 rows load and scroll without a pause.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, NamedTuple

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)

from visitdesk.services.search import matches

AnyIndex = QModelIndex | QPersistentModelIndex

ROW_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2


class Column(NamedTuple):
    title: str
    text: Callable[[Any], str]
    # A value that sorts correctly (a date as ISO text, a number); the text when None.
    sort_key: Callable[[Any], Any] | None = None
    tooltip: Callable[[Any], str] | None = None


def _sortable(value: Any) -> Any:
    return value.casefold() if isinstance(value, str) else value


class RowTableModel(QAbstractTableModel):
    columns: Sequence[Column] = ()

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[Any] = []

    def set_rows(self, rows: Sequence[Any]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> list[Any]:
        return self._rows

    def row_at(self, row: int) -> Any:
        return self._rows[row]

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort the rows in Python by the column's key: one pass, no data() call per compare."""
        if not 0 <= column < len(self.columns):
            return
        spec = self.columns[column]
        key = spec.sort_key or spec.text
        self.layoutAboutToBeChanged.emit()
        self._rows.sort(
            key=lambda r: _sortable(key(r)), reverse=order is Qt.SortOrder.DescendingOrder
        )
        self.layoutChanged.emit()

    def row_of_id(self, row_id: int) -> int | None:
        for number, row in enumerate(self._rows):
            if row[0] == row_id:
                return number
        return None

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.columns)

    def headerData(  # noqa: N802
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if (
            orientation is Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(self.columns)
        ):
            return self.columns[section].title
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        column = self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.text(row)
        if role == SORT_ROLE:
            return column.sort_key(row) if column.sort_key else column.text(row)
        if role == ROW_ROLE:
            return row
        if role == Qt.ItemDataRole.ToolTipRole:
            return column.tooltip(row) if column.tooltip else None
        return self.extra_data(row, index.column(), role)

    def extra_data(self, row: Any, column: int, role: int) -> Any:
        """Colours and fonts of a concrete model; nothing by default."""
        return None

    def haystack(self, row: Any) -> str:
        """The searchable text of a row: its `haystack` field."""
        text: str = row.haystack
        return text


class SearchProxy(QSortFilterProxyModel):
    """Sorts by each column's sort key and keeps the rows holding every word typed.

    The matching is done in one Python pass over the source rows, and Qt then asks only for a
    set membership per row: far cheaper than Qt asking data() of every cell.
    """

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)
        self.setSortCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self._query = ""
        self._accepted: frozenset[int] | None = None
        self._extra: Callable[[Any], bool] | None = None

    def query(self) -> str:
        return self._query

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        # The source sorts its own rows (fast, in Python); the proxy then only filters, which
        # keeps 40,000 rows from costing a data() call per comparison.
        source = self.sourceModel()
        if isinstance(source, RowTableModel) and column >= 0:
            source.sort(column, order)

    def set_query(self, text: str) -> None:
        self._query = text
        self._recompute()

    def set_predicate(self, predicate: Callable[[Any], bool] | None) -> None:
        """A further condition on rows (a filter by owner or kind), combined with the query."""
        self._extra = predicate
        self._recompute()

    def refresh(self) -> None:
        """Recompute after the source's rows changed."""
        self._recompute()

    def _recompute(self) -> None:
        source = self.sourceModel()
        assert isinstance(source, RowTableModel)
        query, extra = self._query.strip(), self._extra
        if not query and extra is None:
            accepted = None
        else:
            accepted = frozenset(
                number
                for number, row in enumerate(source.rows())
                if (not query or matches(source.haystack(row), query))
                and (extra is None or extra(row))
            )
        self.beginFilterChange()
        self._accepted = accepted
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: AnyIndex) -> bool:  # noqa: N802
        return self._accepted is None or source_row in self._accepted

    def source_row_at(self, proxy_row: int) -> Any:
        source = self.sourceModel()
        assert isinstance(source, RowTableModel)
        return source.row_at(self.mapToSource(self.index(proxy_row, 0)).row())
