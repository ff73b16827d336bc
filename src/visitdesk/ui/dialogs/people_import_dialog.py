"""Preview of a delegation list before it is imported: every row, with what will happen to it
or what is wrong with it. All or nothing: Import stays off while any row has an error.

A corrected list's changes to people already stored are listed field by field (old → new),
each with a tick box, all ticked; people of the visit the list no longer names are listed
with a tick box to take them off the visit, none ticked."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from visitdesk.app import RefusedError
from visitdesk.app.enums import Side
from visitdesk.app.lists import ImportDone, ImportPlan, PlanRow
from visitdesk.ui.models.rows import Column, RowTableModel
from visitdesk.ui.widgets import make_table, tab_in_layout_order

if TYPE_CHECKING:
    from visitdesk.ui.views.visit_view import VisitView

ERROR_COLOUR = QColor("#b00020")
KEY_ROLE = Qt.ItemDataRole.UserRole


class ImportRowsModel(RowTableModel):
    """The rows of the file as planned; rows with errors in red."""

    columns = (
        Column("Row", lambda r: str(r.number), lambda r: r.number),
        Column("Name", lambda r: r.name or "(no name)", tooltip=lambda r: r.name),
        Column("What happens", lambda r: r.outcome, tooltip=lambda r: r.outcome),
    )

    def haystack(self, row: Any) -> str:
        return ""  # the preview is read, not searched

    def extra_data(self, row: Any, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole and isinstance(row, PlanRow) and row.errors:
            return ERROR_COLOUR
        return None


class PeopleImportDialog(QDialog):
    """`plan(side)` reads the file against the records; the dialog shows its answer."""

    def __init__(
        self,
        plan: Callable[[Side], ImportPlan],
        first: ImportPlan,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._plan = plan
        self.preview = first
        self.setWindowTitle(f"Import people from {first.file_name}")
        self.resize(900, 640)
        self.side = QComboBox(self)
        self.side.addItem("the delegation (guests)", Side.GUEST)
        self.side.addItem("the host side", Side.HOST)
        self.side.setCurrentIndex(0 if first.side is Side.GUEST else 1)
        self.side.currentIndexChanged.connect(self._replan)
        self.notes = QLabel(self)
        self.notes.setTextFormat(Qt.TextFormat.PlainText)
        self.notes.setWordWrap(True)
        self.model = ImportRowsModel(self)
        self.table, self.proxy = make_table(self.model, self, stretch=2, sortable=False)
        self.table.horizontalHeader().resizeSection(0, 50)
        self.table.horizontalHeader().resizeSection(1, 260)
        self.changes = QListWidget(self)
        self.changes.setObjectName("import-changes")
        self.changes.setAccessibleName("Changes to people already stored")
        self.changes_label = QLabel("Changes the list makes to people already in VisitDesk:", self)
        self.tick_all = QPushButton("Tick &all", self)
        self.tick_all.clicked.connect(lambda: self._tick(self.changes, True))
        self.tick_none = QPushButton("Tick n&one", self)
        self.tick_none.clicked.connect(lambda: self._tick(self.changes, False))
        self.missing = QListWidget(self)
        self.missing.setObjectName("import-missing")
        self.missing.setAccessibleName("People no longer in the list")
        self.missing_label = QLabel(self)
        self._ticks: dict[str, dict[Any, bool]] = {}
        for box in (self.changes, self.missing):
            # The rows of the list keep the room; these grow only up to a few lines.
            box.setMaximumHeight(96)
            box.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self.verdict = QLabel(self)
        self.verdict.setTextFormat(Qt.TextFormat.PlainText)
        self.verdict.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.import_button = self.buttons.addButton(
            "&Import", QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        form = QFormLayout()
        form.addRow("People &join", self.side)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.notes)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.changes_label)
        layout.addWidget(self.changes)
        ticks = QHBoxLayout()
        ticks.addWidget(self.tick_all)
        ticks.addWidget(self.tick_none)
        ticks.addStretch(1)
        layout.addLayout(ticks)
        layout.addWidget(self.missing_label)
        layout.addWidget(self.missing)
        layout.addWidget(self.verdict)
        layout.addWidget(self.buttons)
        tab_in_layout_order(self)
        self._show(first)

    def chosen_side(self) -> Side:
        # Qt hands a str-valued enum back as plain text, and the planner compares sides by
        # identity: a text 'guest' made every delegate 'already in the delegation' (issue 9).
        return Side(self.side.currentData())

    def accepted_changes(self) -> set[tuple[int, str]]:
        """(row, field) of each change ticked."""
        return {key for key in self._ticked(self.changes)}

    def people_to_remove(self) -> set[int]:
        """Ids of the people ticked to be taken off the visit."""
        return {pid for pid in self._ticked(self.missing)}

    @staticmethod
    def _ticked(box: QListWidget) -> list[Any]:
        return [
            box.item(i).data(KEY_ROLE)
            for i in range(box.count())
            if box.item(i).checkState() == Qt.CheckState.Checked
        ]

    @staticmethod
    def _tick(box: QListWidget, on: bool) -> None:
        state = Qt.CheckState.Checked if on else Qt.CheckState.Unchecked
        for i in range(box.count()):
            box.item(i).setCheckState(state)

    def _fill(self, box: QListWidget, entries: list[tuple[str, Any]], ticked: bool) -> None:
        # Ticks the officer set survive re-reading the list (switching sides and back).
        earlier = self._ticks.setdefault(box.objectName(), {})
        for i in range(box.count()):
            earlier[box.item(i).data(KEY_ROLE)] = box.item(i).checkState() == Qt.CheckState.Checked
        box.clear()
        for text, key in entries:
            item = QListWidgetItem(text, box)  # plain text: names are never markup
            item.setData(KEY_ROLE, key)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            on = earlier.get(key, ticked)
            item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)

    def _replan(self) -> None:
        try:
            preview = self._plan(self.chosen_side())
        except RefusedError as exc:  # the file was moved or changed meanwhile
            QMessageBox.warning(self, "Cannot read the list", str(exc))
            self.import_button.setEnabled(False)
            return
        self._show(preview)

    def _show(self, preview: ImportPlan) -> None:
        self.preview = preview
        notes = [f"{len(preview.rows)} people for {preview.visit_title}."]
        if preview.encoding:
            notes.append(f"Read as {preview.encoding}.")
        notes += list(preview.notes)
        if preview.ignored_headings:
            notes.append("Columns not imported: " + ", ".join(preview.ignored_headings) + ".")
        if preview.new_organisations:
            notes.append("New organisations: " + ", ".join(preview.new_organisations) + ".")
        self.notes.setText(" ".join(notes))
        self.model.set_rows(preview.rows)
        self.proxy.refresh()
        names = {r.number: r.name for r in preview.rows}
        self._fill(
            self.changes,
            [(f"Row {c.row}, {names[c.row]}: {c.describe()}", c.key) for c in preview.changes],
            ticked=True,
        )
        for widget in (self.changes, self.changes_label, self.tick_all, self.tick_none):
            widget.setVisible(bool(preview.changes))
        group = "the delegation" if preview.side is Side.GUEST else "the host side"
        self.missing_label.setText(
            f"In {group} but not in the list (tick to take them off the visit):"
        )
        self._fill(
            self.missing,
            [(f"{p.name} ({p.ref})", p.person_id) for p in preview.missing],
            ticked=False,
        )
        for widget in (self.missing, self.missing_label):
            widget.setVisible(bool(preview.missing))
        errors = len(preview.error_rows)
        self.import_button.setEnabled(errors == 0)
        if errors:
            rows = "1 row has an error" if errors == 1 else f"{errors} rows have errors"
            self.verdict.setText(
                f"{rows} (in red). Nothing will be imported until they are corrected: "
                f"correct {preview.file_name} in your spreadsheet program and import it again."
            )
            self.verdict.setStyleSheet(f"color: {ERROR_COLOUR.name()};")
        else:
            joining = sum(1 for r in preview.rows if r.joins)
            new = sum(1 for r in preview.rows if r.is_new)
            changes = f", {len(preview.changes)} changes to choose" if preview.changes else ""
            self.verdict.setText(
                f"Ready: {joining} will join, {new} of them new to VisitDesk{changes}. "
                "Import does it all at once; Edit > Undo takes it back."
            )
            self.verdict.setStyleSheet("")


def import_people(view: VisitView, path: Path) -> ImportDone | None:
    """Read a delegation list, show every row's fate, and import all of it or nothing.

    The import goes on the visit's undo stack like any edit: undo takes off those who joined,
    removes the people and organisations it made, puts corrected fields back and returns
    those it took off the visit; redo makes it again under the same ids.
    """
    desk, visit_id = view.desk, view.visit_id
    try:
        first = desk.lists.plan(path, visit_id, Side.GUEST)
    except RefusedError as exc:
        QMessageBox.warning(view, "Nothing was imported", str(exc))
        return None
    dialog = PeopleImportDialog(lambda side: desk.lists.plan(path, visit_id, side), first, view)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    plan = dialog.preview
    accepted, remove = dialog.accepted_changes(), dialog.people_to_remove()
    done: list[ImportDone] = []

    def do() -> None:
        if done:
            desk.lists.redo(done[0])
        else:
            done.append(desk.lists.apply(plan, accepted, remove))

    def undo() -> None:
        desk.lists.undo(done[0])

    from visitdesk.ui.errors import run_saving

    saved = run_saving(view, lambda: view.push_call(f"Import {path.name}", do, undo))
    return done[0] if saved and done else None
