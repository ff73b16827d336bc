"""The list of visits, searchable as you type; double-click or Enter opens a visit."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QPushButton, QWidget

from visitdesk.ui.models.visits import VisitsModel
from visitdesk.ui.views.search_list import SearchList

if TYPE_CHECKING:
    # Only for annotations: this list is shown before the records are open (ui/app.py).
    from visitdesk.app import Desk
    from visitdesk.app.visits import VisitListRow


class VisitsView(SearchList):
    open_visit = Signal(int)
    new_visit_requested = Signal()
    # Typing leaves a visit already selected selected; only no selection jumps to the first match.
    keep_selection = True

    def __init__(self, desk: Desk | None, parent: QWidget | None = None) -> None:
        super().__init__(
            desk,
            VisitsModel,
            "Search visits: title, guests and their names, city, status… (Ctrl+F)",
            parent,
            stretch=1,
        )
        self.table.setWordWrap(True)  # long titles wrap in the row, as they always have here
        header = self.table.horizontalHeader()
        header.resizeSection(0, 170)
        header.resizeSection(2, 140)
        header.resizeSection(3, 120)
        header.resizeSection(4, 100)
        self.new_button = QPushButton("&New visit…", self)
        self.new_button.clicked.connect(self.new_visit_requested)
        self.top.addWidget(self.new_button)
        QWidget.setTabOrder(self.search, self.new_button)
        self.empty_label = QLabel(
            "No visits yet. Create one with “New visit…”, or import a visitdesk/1 file "
            "from the File menu (or drop it on this window).",
            self,
        )
        self.empty_label.setWordWrap(True)
        self.body.insertWidget(1, self.empty_label)

    def rows(self) -> tuple[VisitListRow, ...]:
        assert self.desk is not None
        return self.desk.visits.rows()

    def _update_count(self) -> None:
        super()._update_count()
        self.empty_label.setVisible(not self.model.rows())

    def count_text(self, total: int, shown: int) -> str:
        if total == shown:
            return f"{total} visit{'s' if total != 1 else ''}"
        return f"{shown} of {total} visits match “{self.proxy.query()}”"

    def current_row(self) -> VisitListRow | None:
        row: VisitListRow | None = self.current()
        return row

    def open_row(self, row: VisitListRow) -> None:
        self.open_visit.emit(row.id)
