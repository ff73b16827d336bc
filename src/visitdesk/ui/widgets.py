"""Small building blocks shared by the views: a row table, a button bar, enum combo boxes
and the date field every dialog uses."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from enum import StrEnum
from itertools import pairwise
from typing import Any, TypeVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLayout,
    QPushButton,
    QTableView,
    QWidget,
)

from visitdesk.ui import table_actions
from visitdesk.ui.models.rows import RowTableModel, SearchProxy


def make_table(
    model: RowTableModel, parent: QWidget, stretch: int = 1, sortable: bool = True
) -> tuple[QTableView, SearchProxy]:
    proxy = SearchProxy(parent)
    proxy.setSourceModel(model)
    table = QTableView(parent)
    table.setModel(proxy)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table_actions.install(table)  # several rows, Ctrl+C with headings, right-click menu
    table.setSortingEnabled(sortable)
    if not sortable:
        proxy.sort(-1)  # keep the order the service gives (time order, precedence)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.verticalHeader().hide()
    # Fixed row heights: Qt never has to measure every row of a long list.
    table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return table, proxy


def selected_row(table: QTableView, proxy: SearchProxy) -> Any:
    """The row tuple selected (or current) in a table, or None."""
    selection = table.selectionModel()
    indexes = selection.selectedRows() if selection is not None else []
    index = indexes[0] if indexes else table.currentIndex()
    if not index.isValid():
        return None
    return proxy.source_row_at(index.row())


def select_id(table: QTableView, proxy: SearchProxy, row_id: int) -> None:
    source = proxy.sourceModel()
    assert isinstance(source, RowTableModel)
    number = source.row_of_id(row_id)
    if number is not None:
        table.selectRow(proxy.mapFromSource(source.index(number, 0)).row())


def button_bar(
    parent: QWidget, *buttons: tuple[str, Callable[[], None], str]
) -> tuple[QHBoxLayout, list[QPushButton]]:
    """Buttons (text, slot, tooltip) left-aligned in a row."""
    layout = QHBoxLayout()
    made = []
    for text, slot, tip in buttons:
        button = QPushButton(text, parent)
        button.setToolTip(tip)
        button.clicked.connect(slot)
        layout.addWidget(button)
        made.append(button)
    layout.addStretch(1)
    return layout, made


def _fields(layout: QLayout, found: list[QWidget]) -> None:
    """The widgets of `layout` that Tab can reach, in the order they were laid out."""
    for number in range(layout.count()):
        item = layout.itemAt(number)
        if item is None:
            continue
        child_layout = item.layout()
        if child_layout is not None:
            _fields(child_layout, found)
            continue
        widget = item.widget()
        if widget is None:
            continue
        if widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
            found.append(widget)
        inner = widget.layout()  # a group box, a button box: its own fields in their order
        if inner is not None:
            _fields(inner, found)


def tab_in_layout_order(dialog: QWidget) -> list[QWidget]:
    """Make Tab follow the fields as laid out (form rows top to bottom, rows left to right).

    Qt's default order is the order the widgets were created, which drifts from the screen
    as dialogs grow. Returns the chain, first field first.
    """
    chain: list[QWidget] = []
    layout = dialog.layout()
    if layout is not None:
        _fields(layout, chain)
    for first, second in pairwise(chain):
        QWidget.setTabOrder(first, second)
    return chain


# Values that cross from widgets to services ------------------------------------------------

E = TypeVar("E", bound=StrEnum)


def fill_enum(
    combo: QComboBox, members: Iterable[E], label: Callable[[E], str] | None = None
) -> None:
    """Offer enum members by their label; the item data is the member's value (see enum_data)."""
    combo.clear()
    for member in members:
        text = label(member) if label else str(getattr(member, "label", member.value))
        combo.addItem(text, member.value)


def enum_data(combo: QComboBox, enum_cls: type[E]) -> E:
    """The enum member a combo box holds. Qt hands a StrEnum back as a plain str, which is
    never `is` the member a service compares with: convert here, once, at the boundary."""
    return enum_cls(combo.currentData())


def optional_enum_data(combo: QComboBox, enum_cls: type[E]) -> E | None:
    value = combo.currentData()
    return None if value is None else enum_cls(value)


def optional_id(combo: QComboBox) -> int | None:
    value = combo.currentData()
    return None if value is None else int(value)


# The date and time fields every dialog uses live beside this module, to keep it small.
from visitdesk.ui.date_fields import (  # noqa: E402
    DateField,
    TimeField,
    follow_dates,
    parse_typed_date,
    parse_typed_time,
)

__all__ = [
    "DateField",
    "TimeField",
    "button_bar",
    "enum_data",
    "fill_enum",
    "follow_dates",
    "make_table",
    "optional_enum_data",
    "optional_id",
    "parse_typed_date",
    "parse_typed_time",
    "select_id",
    "selected_row",
    "tab_in_layout_order",
]
