"""What every table of the window does alike: several rows selected, Ctrl+C, a right-click menu.

`install(table)` is called by `widgets.make_table` for every table: rows are selected with
Shift and Ctrl, and Ctrl+C (or Edit > Copy, or Copy in the right-click menu) puts the selected
rows on the clipboard with the column headings, as tab-separated text (Excel and Word paste it
as a table) and as a small HTML table (what Word prefers). The right-click menu offers the view's
own buttons for its rows (Open, Edit, Delete…), enabled as they are: those given to
`row_menu(table, buttons)`, else the push buttons laid out beside the table (the children of its
parent widget), so that every panel's menu offers what its button bar offers without wiring.
"""

from __future__ import annotations

import atexit
import html
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QEvent, QIdentityProxyModel, QMimeData, QObject, QPoint, Qt, QTimer
from PySide6.QtGui import QAction, QFont, QFontMetrics, QGuiApplication, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QHeaderView,
    QMenu,
    QPushButton,
    QTableView,
    QToolButton,
)

# The property that holds a table's row buttons (read when the menu opens).
_BUTTONS = "_visitdesk_row_buttons"
_FILL = "_visitdesk_row_menu_fill"


def _clean(text: str) -> str:
    """One cell on one line: a tab or a line break inside a cell would split the pasted table."""
    return " ".join(text.replace("\t", " ").splitlines())


def selected_table(table: QTableView) -> tuple[list[str], list[list[str]]]:
    """The headings of the visible columns and the texts of the selected rows, top to bottom."""
    model = table.model()
    header = table.horizontalHeader()
    columns = [
        header.logicalIndex(visual)
        for visual in range(header.count())
        if not header.isSectionHidden(header.logicalIndex(visual))
    ]
    headings = [_clean(str(model.headerData(c, Qt.Orientation.Horizontal) or "")) for c in columns]
    selection = table.selectionModel()
    # From the selection's ranges: one pair of numbers per block of rows, not an index per cell.
    rows: list[int] = []
    if selection is not None:
        ranges = selection.selection()
        parts = [ranges.at(n) for n in range(ranges.size())]
        rows = sorted({r for part in parts for r in range(part.top(), part.bottom() + 1)})
    if not rows and table.currentIndex().isValid():
        rows = [table.currentIndex().row()]
    source = _rows_model(table)
    if source is not None and all(0 <= c < len(source.columns) for c in columns):
        # The row model's own texts, in Python: no Qt call per cell (40,000 rows copy fast).
        specs = source.columns
        texts = [
            [_clean(specs[c].text(source.row_at(_source_row(table, r))) or "") for c in columns]
            for r in rows
        ]
    else:
        texts = [[_clean(str(model.data(model.index(r, c)) or "")) for c in columns] for r in rows]
    return headings, texts


def _rows_model(table: QTableView) -> Any:
    """The row model under the table's proxy (a `RowTableModel`), if it has one."""
    model = table.model()
    source = model.sourceModel() if hasattr(model, "sourceModel") else model
    return source if hasattr(source, "row_at") and hasattr(source, "columns") else None


def _source_row(table: QTableView, row: int) -> int:
    model = table.model()
    if isinstance(model, QIdentityProxyModel):
        return row  # the same rows as its source, by definition
    if hasattr(model, "mapToSource"):
        return int(model.mapToSource(model.index(row, 0)).row())
    return row


def as_tsv(headings: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    return "".join("\t".join(line) + "\n" for line in [list(headings), *rows])


def as_html(headings: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    """A plain HTML table; every text escaped, so typed markup pastes as the characters typed."""
    head = "".join(f"<th>{html.escape(h)}</th>" for h in headings)
    body = "".join(
        "<tr>" + "".join(f"<td>{html.escape(t)}</td>" for t in row) + "</tr>" for row in rows
    )
    return (
        '<html><head><meta charset="utf-8"></head><body>'
        f'<table border="1" cellspacing="0" cellpadding="3"><tr>{head}</tr>{body}</table>'
        "</body></html>"
    )


def copy_rows(table: QTableView) -> int:
    """Put the selected rows on the clipboard with their headings; returns how many rows."""
    headings, rows = selected_table(table)
    if not rows:
        return 0
    data = QMimeData()
    data.setText(as_tsv(headings, rows))
    data.setHtml(as_html(headings, rows))
    QGuiApplication.clipboard().setMimeData(data)
    _settle_at_exit()
    return len(rows)


_settling: list[bool] = []


def _settle_at_exit() -> None:
    """Hand the clipboard a copy made by Qt before the program ends.

    shiboken6 6.12: a QMimeData made in Python and left on the clipboard makes the process
    crash as it exits (a bare script shows it). Replacing it with Qt's own text copy at exit
    avoids that and keeps the rows for pasting after VisitDesk is closed (the HTML form is
    dropped then).
    """
    if _settling:
        return
    _settling.append(True)

    def settle() -> None:
        app = QGuiApplication.instance()
        if app is None:
            return
        clipboard = QGuiApplication.clipboard()
        data = clipboard.mimeData()
        if data is not None and data.hasHtml():
            clipboard.setText(clipboard.text())

    atexit.register(settle)
    app = QGuiApplication.instance()
    if app is not None:
        app.aboutToQuit.connect(settle)


class _CopyKeys(QObject):
    """Takes Ctrl+C from the table before Qt copies only the current cell."""

    def __init__(self, table: QTableView) -> None:
        super().__init__(table)
        self._table = table

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        kind = event.type()
        if kind in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress):
            assert isinstance(event, QKeyEvent)
            if event.matches(QKeySequence.StandardKey.Copy):
                event.accept()
                if kind == QEvent.Type.KeyPress:
                    copy_rows(self._table)
                return True
        return False


def install(table: QTableView) -> None:
    """Several rows selectable, Ctrl+C copies them with headings, a right-click menu."""
    table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
    table.installEventFilter(_CopyKeys(table))
    table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
    table.customContextMenuRequested.connect(lambda point: _show_menu(table, point))


def row_menu(table: QTableView, buttons: Sequence[QAbstractButton]) -> None:
    """Offer `buttons` (the view's own, for its rows) in the table's right-click menu."""
    table.setProperty(_BUTTONS, list(buttons))


def row_actions(table: QTableView, fill: Callable[[QMenu], None]) -> None:
    """Let `fill` put the view's own entries (submenus, checkable roles...) in the row menu,
    in place of its buttons; Copy rows with headings still ends the menu."""
    table.setProperty(_FILL, fill)


def row_buttons(table: QTableView) -> list[QAbstractButton]:
    """The buttons the table's menu offers: given to `row_menu`, else those laid out beside it."""
    given: list[QAbstractButton] | None = table.property(_BUTTONS)
    if given is None:
        parent = table.parentWidget()
        given = (
            [
                child
                for child in parent.findChildren(
                    QAbstractButton, options=Qt.FindChildOption.FindDirectChildrenOnly
                )
                if isinstance(child, QPushButton | QToolButton)
            ]
            if parent is not None
            else []
        )
    return [b for b in given if not b.isHidden()]


def _plain(text: str) -> str:
    """A button's text without its mnemonic marks (a literal && stays one &)."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def context_menu(table: QTableView, point: QPoint | None = None) -> QMenu:
    """The menu for the rows selected (the row under `point` is selected first if it is not)."""
    if point is not None:
        index = table.indexAt(point)
        selection = table.selectionModel()
        if (
            index.isValid()
            and selection is not None
            and not selection.isRowSelected(index.row(), index.parent())
        ):
            table.selectRow(index.row())
    menu = QMenu(table)
    menu.setObjectName("row_menu")
    fill: Callable[[QMenu], None] | None = table.property(_FILL)
    if fill is not None:
        fill(menu)
    for button in [] if fill is not None else row_buttons(table):
        # The menu text is the button's text, mnemonic and all; shown as typed by the program.
        action = QAction(button.text(), menu)
        action.setEnabled(button.isEnabled())
        if button.shortcut() != QKeySequence.mnemonic(button.text()):
            action.setShortcut(button.shortcut())  # Delete, Ctrl+D; not the Alt+letter
        action.setToolTip(button.toolTip())
        action.triggered.connect(button.click)
        menu.addAction(action)
    if not menu.isEmpty():
        menu.addSeparator()
    copy = QAction("&Copy rows with headings", menu)
    copy.setShortcut(QKeySequence.StandardKey.Copy)
    copy.setEnabled(table.model() is not None and table.model().rowCount() > 0)
    copy.triggered.connect(lambda: copy_rows(table))
    menu.addAction(copy)
    return menu


def _show_menu(table: QTableView, point: QPoint) -> None:
    menu = context_menu(table, point)
    menu.exec(table.viewport().mapToGlobal(point))
    menu.deleteLater()


def menu_texts(menu: QMenu) -> list[str]:
    """The entries of a menu as an officer reads them (for tests and screen readers)."""
    return [_plain(a.text()) for a in menu.actions() if not a.isSeparator()]


# Fitting columns to their content ---------------------------------------------------------

SAMPLE_ROWS = 300  # rows measured per column: enough for a programme, cheap for 40,000 rows
PADDING = 18  # the cell's margins and a little air


def _empty_columns(table: QTableView) -> set[int]:
    """The columns that say to hide themselves when no row shown has anything in them."""
    source = _rows_model(table)
    if source is None:
        return set()
    shown = source.shown_rows()
    return {
        number
        for number, column in enumerate(source.columns)
        if getattr(column, "hide_when_empty", False) and not any(column.text(r) for r in shown)
    }


def fit_columns(table: QTableView) -> None:
    """Columns as wide as their content, the stretching one taking the rest.

    When the content is wider than the table, the widest columns are narrowed to one common
    width (the narrow ones are left whole), so no short column is cut to feed a long one.
    """
    model = table.model()
    header = table.horizontalHeader()
    empty = _empty_columns(table)
    for column in range(model.columnCount()):
        header.setSectionHidden(column, column in empty)
    shown = [c for c in range(model.columnCount()) if c not in empty]
    stretch = next(
        (c for c in shown if header.sectionResizeMode(c) is QHeaderView.ResizeMode.Stretch),
        None,
    )
    bold = QFont(table.font())
    bold.setBold(True)
    bold_metrics = QFontMetrics(bold)  # some rows (the leader, the day) are bold
    rows = min(model.rowCount(), SAMPLE_ROWS)
    wanted: dict[int, int] = {}
    for column in shown:
        title = str(model.headerData(column, Qt.Orientation.Horizontal) or "")
        width = header.fontMetrics().horizontalAdvance(title) + PADDING + 8
        for row in range(rows):
            text = str(model.data(model.index(row, column)) or "")
            if text:
                width = max(width, bold_metrics.horizontalAdvance(text) + PADDING)
        wanted[column] = width
    available = table.viewport().width() or table.width()
    others = [c for c in shown if c != stretch]
    # The stretching column takes part in the sharing (it gets what the others leave), so a
    # long list of names never squeezes the engagement's title below its fair share.
    cap = _common_cap([wanted[c] for c in shown], available)
    for column in others:
        header.resizeSection(column, min(wanted[column], cap))


def _common_cap(widths: list[int], room: int) -> int:
    """The largest width W such that the widths, each cut to W, fit in `room`."""
    if sum(widths) <= room or not widths:
        return max(widths, default=0)
    ordered = sorted(widths)
    left = room
    for number, width in enumerate(ordered):
        rest = len(ordered) - number
        if width * rest > left:
            return max(left // rest, 40)
        left -= width
    return ordered[-1]


class _Fitter(QObject):
    """Fits the columns again when the rows change or the table is resized."""

    def __init__(self, table: QTableView) -> None:
        super().__init__(table)
        self._table = table
        model = table.model()
        model.modelReset.connect(self.fit)
        model.layoutChanged.connect(self.fit)
        table.installEventFilter(self)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(lambda: fit_columns(self._table))

    def fit(self) -> None:
        # On the next turn of the loop: the viewport takes its new size only after the
        # table's own resize handling, and several changes in a row are fitted once.
        self._timer.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() in (QEvent.Type.Resize, QEvent.Type.Show):
            self.fit()
        return False


def fit_to_content(table: QTableView) -> None:
    """Keep the table's columns fitted to their content (programmes, pickers)."""
    _Fitter(table)
    fit_columns(table)
