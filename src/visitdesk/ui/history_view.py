"""The History view: every change to a visit, or to one record, newest first, as sentences.

Visit ▸ History… shows the visit's; the History… button (and row menu entry) of the
programme, statements, outcomes and people shows one record's (`show_history`).

It reads through the app layer only (`desk.history`), shows every text as plain text, and a
refusal (the records unreachable) as its sentence in the dialog, never a crash.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from visitdesk.app import Desk, RefusedError
from visitdesk.app.history import HistoryEntry
from visitdesk.app.text import short_datetime

Load = Callable[[], tuple[HistoryEntry, ...]]


class HistoryDialog(QDialog):
    def __init__(self, desk: Desk, what: str, load: Load, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._desk, self._load = desk, load
        self.setObjectName("historyDialog")
        self.setWindowTitle(f"History of {what}")
        self.resize(820, 460)
        layout = QVBoxLayout(self)
        self.note = QLabel(self)
        self.note.setObjectName("historyNote")
        self.note.setTextFormat(Qt.TextFormat.PlainText)
        self.note.setWordWrap(True)
        layout.addWidget(self.note)
        self.table = QTableWidget(0, 3, self)
        self.table.setObjectName("historyTable")
        self.table.setAccessibleName("Changes, newest first")
        self.table.setHorizontalHeaderLabels(["When", "Who", "What changed"])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(True)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        # Rows are as tall as their wrapped sentence at the column's width of the moment.
        header.sectionResized.connect(lambda *_: self.table.resizeRowsToContents())
        layout.addWidget(self.table)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        refresh = QPushButton("Refresh", self)
        refresh.setObjectName("historyRefresh")
        buttons.addButton(refresh, QDialogButtonBox.ButtonRole.ActionRole)
        refresh.clicked.connect(self.refresh)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.refresh()

    def refresh(self) -> None:
        try:
            entries = self._load()
        except RefusedError as exc:
            self.note.setText(str(exc))
            return
        self.table.setRowCount(0)
        if not entries:
            self.note.setText("No changes on record yet.")
            return
        count = len(entries)
        self.note.setText(f"{count} change{'s' if count != 1 else ''} on record, newest first.")
        for entry in reversed(entries):
            row = self.table.rowCount()
            self.table.insertRow(row)
            here = entry.at.replace(tzinfo=UTC).astimezone().replace(tzinfo=None)
            for column, text in enumerate((short_datetime(here), entry.who, _what(entry))):
                item = QTableWidgetItem(text)  # plain text, as typed
                self.table.setItem(row, column, item)
        self.table.resizeRowsToContents()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt's name)
        super().showEvent(event)
        self.table.resizeRowsToContents()


def _what(entry: HistoryEntry) -> str:
    """The sentence without its name and time, which have their own columns."""
    text = entry.sentence
    if text.startswith(entry.who + " "):
        text = text[len(entry.who) + 1 :]
    text = text.rsplit(" at ", 1)[0] if " at " in text else text
    return text[:1].upper() + text[1:] + "."


def show_history(parent: QWidget, desk: Desk, kind: str, record_id: int, what: str) -> None:
    """The history of one record (`kind` as `desk.history.record` names it), in a dialog."""
    dialog = HistoryDialog(desk, what, lambda: desk.history.record(kind, record_id), parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
