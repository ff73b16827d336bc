"""A visit's statements (what was said) and outcomes (what came of it)."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QMessageBox, QVBoxLayout, QWidget
from sqlalchemy.orm import Session

from visitdesk.services import outcomes
from visitdesk.services.outcomes import OutcomeData, StatementData
from visitdesk.ui.models.records import OutcomesModel, StatementsModel
from visitdesk.ui.widgets import button_bar, make_table, selected_row

if TYPE_CHECKING:
    from visitdesk.ui.views.visit_view import VisitView


def _confirm(parent: QWidget, what: str) -> bool:
    answer = QMessageBox.question(
        parent, "Delete?", f"Delete {what}?\n\nEdit ▸ Undo brings it back."
    )
    return answer == QMessageBox.StandardButton.Yes


class StatementsPanel(QWidget):
    def __init__(self, view: VisitView) -> None:
        super().__init__(view)
        self.view = view
        self.model = StatementsModel(self)
        self.table, self.proxy = make_table(self.model, self, stretch=1, sortable=False)
        self.table.horizontalHeader().resizeSection(0, 220)
        self.table.activated.connect(lambda _i: self.edit())
        bar, _ = button_bar(
            self,
            ("&Add statement…", self.add, "Record what was said"),
            ("&Edit…", self.edit, "Change the selected statement"),
            ("&Delete", self.delete, "Delete the selected statement"),
        )
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)

    def refresh(self) -> None:
        """Read the rows again (VisitView calls this after every edit)."""
        with self.view.desk.store.session() as session:
            self.reload(session)

    def reload(self, session: Session) -> None:
        self.model.set_rows(outcomes.statement_rows(session, self.view.visit_id))
        self.proxy.refresh()

    def add(self) -> None:
        from visitdesk.ui.dialogs.record_dialogs import StatementDialog

        visit_id = self.view.visit_id
        made: dict[str, int] = {}

        def save(data: StatementData) -> bool:
            def do(s: Session) -> None:
                made["id"] = outcomes.add_statement(s, visit_id, data, made.get("id"))

            return self.view.push(
                "Add statement", do, lambda s: outcomes.delete_statement(s, made["id"])
            )

        StatementDialog(self.view.desk, visit_id, save, None, self).exec()

    def edit(self) -> None:
        from visitdesk.ui.dialogs.record_dialogs import StatementDialog

        row = selected_row(self.table, self.proxy)
        if row is None:
            return
        with self.view.desk.store.session() as session:
            before, _position = outcomes.load_statement(session, row.id)

        def save(data: StatementData) -> bool:
            return self.view.push(
                "Edit statement",
                lambda s: outcomes.update_statement(s, row.id, data),
                lambda s: outcomes.update_statement(s, row.id, before),
            )

        StatementDialog(self.view.desk, self.view.visit_id, save, before, self).exec()

    def delete(self) -> None:
        row = selected_row(self.table, self.proxy)
        if row is None or not _confirm(self, f"the statement of {row.speaker}"):
            return
        with self.view.desk.store.session() as session:
            before, position = outcomes.load_statement(session, row.id)
        visit_id = self.view.visit_id
        self.view.push(
            "Delete statement",
            lambda s: outcomes.delete_statement(s, row.id),
            lambda s: outcomes.add_statement(s, visit_id, before, row.id, position),
        )


class OutcomesPanel(QWidget):
    def __init__(self, view: VisitView) -> None:
        super().__init__(view)
        self.view = view
        self.model = OutcomesModel(self)
        self.table, self.proxy = make_table(self.model, self, stretch=1)
        header = self.table.horizontalHeader()
        # The Status column says since when ("Initialled 22 Mar 2017"): wide enough to read it.
        for column, width in ((0, 90), (2, 170), (3, 95), (4, 160), (5, 170)):
            header.resizeSection(column, width)
        self.table.activated.connect(lambda _i: self.edit())
        bar, _ = button_bar(
            self,
            (
                "&Add outcome…",
                self.add,
                "Record an agreement, offer, directive, decision or action",
            ),
            ("&Edit…", self.edit, "Change the selected outcome or move its status on"),
            ("&Delete", self.delete, "Delete the selected outcome"),
        )
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)

    def refresh(self) -> None:
        """Read the rows again (VisitView calls this after every edit)."""
        with self.view.desk.store.session() as session:
            self.reload(session)

    def reload(self, session: Session) -> None:
        self.model.set_rows(outcomes.outcome_rows(session, self.view.visit_id))
        self.proxy.refresh()

    def add(self) -> None:
        from visitdesk.ui.dialogs.record_dialogs import OutcomeDialog

        visit_id = self.view.visit_id
        made: dict[str, int] = {}

        def save(data: OutcomeData) -> bool:
            def do(s: Session) -> None:
                made["id"] = outcomes.add_outcome(s, visit_id, data, date.today(), made.get("id"))

            return self.view.push(
                f"Add “{data.title.strip()}”",
                do,
                lambda s: outcomes.delete_outcome(s, made["id"]),
            )

        OutcomeDialog(self.view.desk, visit_id, save, None, self).exec()

    def edit(self) -> None:
        from visitdesk.ui.dialogs.record_dialogs import OutcomeDialog

        row = selected_row(self.table, self.proxy)
        if row is None:
            return
        with self.view.desk.store.session() as session:
            before = outcomes.load_outcome(session, row.id)
            kept = outcomes.history_length(session, row.id)
        what = "Edit"

        def save(data: OutcomeData) -> bool:
            moved = data.status is not None and data.status is not before.status
            label = (
                f"Mark “{data.title.strip()}” {data.status.label.lower()}"
                if moved and data.status
                else f"{what} “{data.title.strip()}”"
            )
            return self.view.push(
                label,
                lambda s: outcomes.update_outcome(s, row.id, data, date.today()),
                lambda s: outcomes.restore_outcome(s, row.id, before, kept),
            )

        OutcomeDialog(
            self.view.desk, self.view.visit_id, save, before, self, history=row.history
        ).exec()

    def delete(self) -> None:
        row = selected_row(self.table, self.proxy)
        if row is None or not _confirm(self, f"“{row.title}”"):
            return
        with self.view.desk.store.session() as session:
            # Its whole history too: undo must not turn a signed MoU back into a fresh one.
            before = outcomes.snapshot_outcome(session, row.id)
        visit_id = self.view.visit_id
        self.view.push(
            f"Delete “{row.title}”",
            lambda s: outcomes.delete_outcome(s, row.id),
            lambda s: outcomes.put_back_outcome(s, visit_id, row.id, before),
        )
