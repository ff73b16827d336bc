"""A visit's statements (what was said) and outcomes (what came of it)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QMessageBox, QVBoxLayout, QWidget

from visitdesk.app import ConflictError, Record
from visitdesk.app.outcomes import (
    DeletedOutcome,
    DeletedStatement,
    OutcomeData,
    OutcomeSnapshot,
    StatementData,
)
from visitdesk.ui.models.records import OutcomesModel, StatementsModel
from visitdesk.ui.undo import VersionedEdit
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
            ("&History…", self.history, "Who changed the selected statement, and when"),
        )
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)

    def refresh(self) -> None:
        """Read the rows again (VisitView calls this after every edit)."""
        self.model.set_rows(list(self.view.desk.outcomes.statements(self.view.visit_id)))
        self.proxy.refresh()

    def add(self) -> None:
        from visitdesk.ui.dialogs.record_dialogs import StatementDialog

        records, visit_id = self.view.desk.outcomes, self.view.visit_id

        def save(data: StatementData) -> bool:
            made: dict[str, int] = {}
            # Undo deletes it; redo puts that very statement back (id, place, version).
            gone: list[DeletedStatement] = []

            def do() -> None:
                back = records.restore_statement(gone.pop()) if gone else None
                made["id"] = (back or records.add_statement(visit_id, data)).id

            def undo() -> None:
                gone.append(records.delete_statement(made["id"]))

            return self.view.push_call("Add statement", do, undo)

        StatementDialog(self.view.desk, visit_id, save, None, self).exec()

    def edit(self) -> None:
        from visitdesk.ui.dialogs.record_dialogs import StatementDialog

        row = selected_row(self.table, self.proxy)
        if row is None:
            return
        records = self.view.desk.outcomes
        record = records.statement(row.id)
        before: list[StatementData] = [record.data]

        def store(data: StatementData, version: int) -> Record[StatementData]:
            return records.update_statement(row.id, data, version, opened=record.data)

        def save(data: StatementData, version: int) -> bool:
            edit = VersionedEdit(store, after=data, before=before[-1], version=version)
            try:
                return self.view.push_call("Edit statement", edit.do, edit.undo)
            except ConflictError as exc:
                if exc.theirs is not None:
                    before.append(exc.theirs.data)  # kept over theirs: undo gives theirs back
                raise

        dialog = StatementDialog(
            self.view.desk, self.view.visit_id, save, record.data, self, record.version
        )
        dialog.watched = ("statement", record.id)
        dialog.theirs_taken.connect(self.view.reload)
        dialog.exec()

    def delete(self) -> None:
        row = selected_row(self.table, self.proxy)
        if row is None or not _confirm(self, f"the statement of {row.speaker}"):
            return
        records = self.view.desk.outcomes
        gone: list[DeletedStatement] = []

        def do() -> None:
            gone.append(records.delete_statement(row.id))

        def undo() -> None:
            records.restore_statement(gone.pop())

        self.view.push_call("Delete statement", do, undo)

    def history(self) -> None:
        from visitdesk.ui.history_view import show_history

        row = selected_row(self.table, self.proxy)
        if row is not None:
            what = f"the statement “{row.text[:60]}”"
            show_history(self, self.view.desk, "statement", row.id, what)


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
            ("&History…", self.history, "Who changed the selected outcome, and when"),
        )
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)

    def refresh(self) -> None:
        """Read the rows again (VisitView calls this after every edit)."""
        self.model.set_rows(list(self.view.desk.outcomes.outcomes(self.view.visit_id)))
        self.proxy.refresh()

    def add(self) -> None:
        from visitdesk.ui.dialogs.record_dialogs import OutcomeDialog

        records, visit_id = self.view.desk.outcomes, self.view.visit_id

        def save(data: OutcomeData) -> bool:
            made: dict[str, int] = {}
            gone: list[DeletedOutcome] = []

            def do() -> None:
                back = records.restore_outcome(gone.pop()) if gone else None
                made["id"] = (back or records.add_outcome(visit_id, data)).id

            def undo() -> None:
                gone.append(records.delete_outcome(made["id"]))

            return self.view.push_call(f"Add “{' '.join(data.title.split())}”", do, undo)

        OutcomeDialog(self.view.desk, visit_id, save, None, self).exec()

    def edit(self) -> None:
        from visitdesk.ui.dialogs.record_dialogs import OutcomeDialog

        row = selected_row(self.table, self.proxy)
        if row is None:
            return
        records = self.view.desk.outcomes
        # Its whole history: undoing "mark signed" must take the step off again.
        opened = records.snapshot(row.id)
        before: list[OutcomeSnapshot] = [opened.data]

        def save(data: OutcomeData, version: int) -> bool:
            moved = data.status is not None and data.status is not opened.data.data.status
            title = " ".join(data.title.split())
            label = (
                f"Mark “{title}” {data.status.label.lower()}"
                if moved and data.status
                else f"Edit “{title}”"
            )
            edit = _OutcomeEdit(self, row.id, data, before[-1], version, opened.data.data)
            try:
                return self.view.push_call(label, edit.do, edit.undo)
            except ConflictError as exc:
                if exc.theirs is not None:
                    before.append(records.snapshot(row.id).data)
                raise

        dialog = OutcomeDialog(
            self.view.desk,
            self.view.visit_id,
            save,
            opened.data.data,
            self,
            history=row.history,
            version=opened.version,
        )
        dialog.watched = ("outcome", opened.id)
        dialog.theirs_taken.connect(self.view.reload)
        dialog.exec()

    def delete(self) -> None:
        row = selected_row(self.table, self.proxy)
        if row is None or not _confirm(self, f"“{row.title}”"):
            return
        records = self.view.desk.outcomes
        # Its whole history too: undo must not turn a signed MoU back into a fresh one.
        gone: list[DeletedOutcome] = []

        def do() -> None:
            gone.append(records.delete_outcome(row.id))

        def undo() -> None:
            records.restore_outcome(gone.pop())

        self.view.push_call(f"Delete “{row.title}”", do, undo)

    def history(self) -> None:
        from visitdesk.ui.history_view import show_history

        row = selected_row(self.table, self.proxy)
        if row is not None:
            what = f"“{row.title}”"
            show_history(self, self.view.desk, "outcome", row.id, what)


class _OutcomeEdit:
    """Like VersionedEdit, but undo puts back the outcome whole (its status history too),
    which a save of its details cannot: a status never moves backwards in its life cycle."""

    def __init__(
        self,
        panel: OutcomesPanel,
        outcome_id: int,
        after: OutcomeData,
        before: OutcomeSnapshot,
        version: int,
        opened: OutcomeData,
    ) -> None:
        self._records, self._id = panel.view.desk.outcomes, outcome_id
        self._after, self._before, self._opened = after, before, opened
        self.version = version

    def do(self) -> None:
        saved = self._records.update_outcome(self._id, self._after, self.version, self._opened)
        self.version = saved.version

    def undo(self) -> None:
        self.version = self._records.revert(self._id, self._before, self.version).version
