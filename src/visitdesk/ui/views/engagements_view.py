"""Every engagement of every visit, searched as you type: "when did we last meet NUST?".

Enter or a double-click opens the engagement's visit on its programme, the engagement selected.
The list is read when the view is first shown and again when records change.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from visitdesk.app import Desk
from visitdesk.ui.models.itinerary import ProgrammeModel
from visitdesk.ui.views.search_list import SearchList

if TYPE_CHECKING:
    from visitdesk.app.visits import ProgrammeRow


class EngagementsView(SearchList):
    open_engagement = Signal(int, int)  # visit id, engagement id

    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(
            desk,
            ProgrammeModel,
            "Search every engagement: title, venue, city, kind, visit… (Enter opens it)",
            parent,
            stretch=2,
        )
        header = self.table.horizontalHeader()
        header.resizeSection(0, 150)
        header.resizeSection(1, 140)
        header.resizeSection(3, 240)
        header.resizeSection(4, 300)

    def rows(self) -> tuple[ProgrammeRow, ...]:
        assert self.desk is not None  # made only once the records are open
        return self.desk.visits.engagement_rows()

    def count_text(self, total: int, shown: int) -> str:
        noun = "engagement" if total == 1 else "engagements"
        if total == shown:
            return f"{total} {noun} in all visits, newest first"
        return f"{shown} of {total} {noun} match “{self.proxy.query()}”"

    def current(self) -> ProgrammeRow | None:
        row: ProgrammeRow | None = super().current()
        return row

    def open_row(self, row: ProgrammeRow) -> None:
        self.open_engagement.emit(row.visit_id, row.id)
