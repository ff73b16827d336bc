"""A read-only table model over a list of row tuples, and a proxy that filters as you type.

Each concrete model only declares its columns. Rows are NamedTuples from the app layer: no ORM
object, no query per row, so 40,000 rows load and scroll without a pause.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, NamedTuple

from PySide6.QtCore import (
    QAbstractTableModel,
    QIdentityProxyModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from visitdesk.ui.plain import plain_tooltip

AnyIndex = QModelIndex | QPersistentModelIndex

ROW_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2


class Column(NamedTuple):
    title: str
    text: Callable[[Any], str]
    # A value that sorts correctly (a date as ISO text, a number); the text when None.
    sort_key: Callable[[Any], Any] | None = None
    tooltip: Callable[[Any], str] | None = None
    # A column with nothing in any row shown is hidden (Warnings when there are none).
    hide_when_empty: bool = False


def _sortable(value: Any) -> Any:
    return value.casefold() if isinstance(value, str) else value


class RowTableModel(QAbstractTableModel):
    """Rows (all of them) and the rows shown: those holding every word of the query.

    The model filters itself, in one Python pass over the rows' folded `haystack` text, and
    then resets: Qt never calls back into Python per row, so a keystroke over 40,000 rows costs
    a list comprehension. The table's rows are the rows shown; `rows()` gives them all.
    """

    columns: Sequence[Column] = ()
    # The key and direction of the last sort asked for: new rows are sorted the same way.
    _sort: tuple[Callable[[Any], Any], bool] | None = None

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._all: list[Any] = []
        # The folded searchable text of each of `_all`, computed once per set of rows.
        self._haystacks: list[str] = []
        self._rows: list[Any] = []
        self._query = ""
        self._predicate: Callable[[Any], bool] | None = None

    def set_rows(self, rows: Sequence[Any]) -> None:
        self._all = list(rows)
        if self._sort is not None:
            self._all.sort(key=self._sort[0], reverse=self._sort[1])
        self._index_text()
        self._refilter()

    def haystack(self, row: Any) -> str:
        """The searchable text of a row: its `haystack` field, already folded by the service."""
        text: str = row.haystack
        return text

    def _index_text(self) -> None:
        if type(self).haystack is RowTableModel.haystack:
            self._haystacks = [r.haystack for r in self._all]
        else:
            self._haystacks = [self.haystack(r) for r in self._all]

    def rows(self) -> list[Any]:
        """Every row given, shown or not."""
        return self._all

    def shown_rows(self) -> list[Any]:
        return self._rows

    def row_at(self, row: int) -> Any:
        """The row shown at a table row."""
        return self._rows[row]

    def query(self) -> str:
        return self._query

    def set_query(self, text: str) -> None:
        self._query = text
        self._refilter()

    def set_predicate(self, predicate: Callable[[Any], bool] | None) -> None:
        """A further condition on rows (a filter by owner or kind), combined with the query."""
        self._predicate = predicate
        self._refilter()

    def _refilter(self) -> None:
        words = self._query.casefold().split()
        keep = self._predicate
        rows = self._all
        if words:
            # One comprehension per word, each over the survivors of the one before: no
            # function call per row, and the later words scan few rows.
            texts = self._haystacks
            for word in words:
                kept = [i for i, text in enumerate(texts) if word in text]
                if len(kept) == len(texts):
                    continue  # a word every row holds ("venue") narrows nothing
                rows = [rows[i] for i in kept]
                texts = [texts[i] for i in kept]
        if keep is not None:
            rows = [r for r in rows if keep(r)]
        self.beginResetModel()
        self._rows = rows if (words or keep is not None) else list(rows)
        self.endResetModel()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort the rows in Python by the column's key: one pass, no data() call per compare."""
        if not 0 <= column < len(self.columns):
            return
        spec = self.columns[column]
        key = spec.sort_key or spec.text

        def sort_key(row: Any) -> Any:
            return _sortable(key(row))

        reverse = order is Qt.SortOrder.DescendingOrder
        self._sort = (sort_key, reverse)
        self.layoutAboutToBeChanged.emit()
        before = self.persistentIndexList()
        held = [self._rows[i.row()] if i.isValid() else None for i in before]
        self._all.sort(key=sort_key, reverse=reverse)
        self._index_text()
        self._rows.sort(key=sort_key, reverse=reverse)
        if before:
            # Keep the selection on the same rows, wherever they moved.
            where = {id(row): number for number, row in enumerate(self._rows)}
            self.changePersistentIndexList(
                before,
                [
                    self.index(where[id(row)], old.column()) if row is not None else old
                    for old, row in zip(before, held, strict=True)
                ],
            )
        self.layoutChanged.emit()

    def row_of_id(self, row_id: int) -> int | None:
        """The table row showing the row with this id, if it is shown."""
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
            # Qt reads a tooltip that looks like markup as HTML: typed text is shown as typed.
            return plain_tooltip(column.tooltip(row)) if column.tooltip else None
        return self.extra_data(row, index.column(), role)

    def extra_data(self, row: Any, column: int, role: int) -> Any:
        """Colours and fonts of a concrete model; nothing by default."""
        return None


class SearchProxy(QIdentityProxyModel):
    """The views' model: passes the search and sorting on to the row model beneath.

    An identity proxy: it neither filters nor sorts itself, so Qt never calls Python per row
    through it and keeps no row mapping to rebuild; the row model does both in one Python pass.
    Views still speak to a proxy, so mapToSource/mapFromSource keep working everywhere.
    """

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)

    def _rows_model(self) -> RowTableModel:
        source = self.sourceModel()
        assert isinstance(source, RowTableModel)
        return source

    def query(self) -> str:
        return self._rows_model().query()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        # The header asks the proxy; the source sorts its own rows (fast, in Python).
        if column >= 0:
            self._rows_model().sort(column, order)

    def set_query(self, text: str) -> None:
        self._rows_model().set_query(text)

    def set_predicate(self, predicate: Callable[[Any], bool] | None) -> None:
        self._rows_model().set_predicate(predicate)

    def refresh(self) -> None:
        """Kept for callers that changed the rows: the row model already filtered them."""

    def source_row_at(self, proxy_row: int) -> Any:
        return self._rows_model().row_at(self.mapToSource(self.index(proxy_row, 0)).row())
