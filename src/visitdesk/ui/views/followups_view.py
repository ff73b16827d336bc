"""Every open follow-up across all visits: overdue ones stand out; filter; mark done."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from visitdesk.app import Desk
from visitdesk.app.enums import OutcomeKind, OutcomeStatus
from visitdesk.app.followups import FollowUpRow, MarkedDone
from visitdesk.ui.models.records import FollowUpsModel
from visitdesk.ui.widgets import button_bar, make_table, optional_enum_data, selected_row


def _short(title: str) -> str:
    """A title as the Edit menu can show it."""
    return title if len(title) <= 48 else title[:46].rstrip() + "…"


class FollowUpsView(QWidget):
    open_visit = Signal(int)
    changed = Signal()

    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.today = date.today()
        self.model = FollowUpsModel(self)
        self.table, self.proxy = make_table(self.model, self, stretch=1)
        self.table.sortByColumn(FollowUpsModel.DUE, Qt.SortOrder.AscendingOrder)
        header = self.table.horizontalHeader()
        for column, width in ((0, 90), (2, 190), (3, 175), (4, 90), (5, 200), (6, 220)):
            header.resizeSection(column, width)
        self.table.activated.connect(lambda _i: self._open())

        self.search = QLineEdit(self)
        self.search.setPlaceholderText("Search follow-ups")
        self.search.setClearButtonEnabled(True)
        self.owner = QComboBox(self)
        self.visit = QComboBox(self)
        self.kind = QComboBox(self)
        self.kind.addItem("Every kind", None)
        for kind in OutcomeKind:
            self.kind.addItem(kind.label, kind.value)
        self.overdue_only = QCheckBox("Overdue only", self)
        self.search.textChanged.connect(self.proxy.set_query)
        for combo in (self.owner, self.visit, self.kind):
            combo.currentIndexChanged.connect(self._filter)
        self.overdue_only.toggled.connect(self._filter)
        filters = QHBoxLayout()
        filters.addWidget(self.search, 2)
        for widget in (self.owner, self.visit, self.kind, self.overdue_only):
            filters.addWidget(widget, 1)
        bar, _ = button_bar(
            self,
            ("Mark &done", self.mark_done, "Close the selected follow-up (Ctrl+D)"),
            ("&Open visit", self._open, "Open the visit this follow-up came from"),
        )
        self.summary = QLabel(self)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.summary)
        _[0].setShortcut("Ctrl+D")

    def reload(self) -> None:
        rows = self.desk.followups.list(self.today)
        self.model.set_rows(rows)
        self._fill(self.owner, "Every owner", sorted({r.owner for r in rows if r.owner}))
        self._fill(self.visit, "Every visit", sorted({r.visit_title for r in rows}))
        self._filter()

    @staticmethod
    def _fill(combo: QComboBox, everything: str, values: list[str]) -> None:
        current = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(everything, None)
        for value in values:
            combo.addItem(value, value)
        combo.setCurrentIndex(max(0, combo.findData(current)))
        combo.blockSignals(False)

    def _filter(self) -> None:
        owner, visit, kind = (
            self.owner.currentData(),
            self.visit.currentData(),
            optional_enum_data(self.kind, OutcomeKind),
        )
        overdue = self.overdue_only.isChecked()

        def keep(row: FollowUpRow) -> bool:
            return (
                (owner is None or row.owner == owner)
                and (visit is None or row.visit_title == visit)
                and (kind is None or row.kind is kind)
                and (not overdue or row.overdue)
            )

        self.proxy.set_predicate(keep)
        rows = self.model.rows()
        late = sum(1 for r in rows if r.overdue)
        self.summary.setText(
            f"{len(rows)} open follow-up(s), {late} overdue; {self.proxy.rowCount()} shown."
        )

    def current(self) -> FollowUpRow | None:
        row: FollowUpRow | None = selected_row(self.table, self.proxy)
        return row

    def _open(self) -> None:
        row = self.current()
        if row is not None:
            self.open_visit.emit(row.visit_id)

    def mark_done(self) -> None:
        """Close the selected follow-up; Edit ▸ Undo (Ctrl+Z) opens it again.

        The list may be older than the records (another window or officer changed the
        follow-up since it was read): then both versions are shown and the officer chooses,
        and an undo after such a change is refused with their name.
        """
        from visitdesk.app import RefusedError
        from visitdesk.ui.undo import office_stack, push_call_done

        row = self.current()
        if row is None:
            return
        step = _MarkDone(self.desk, row, self.today)
        try:
            if not step.first(self):
                self._after_change()  # they kept theirs, or went back: show what is stored
                return
        except RefusedError as exc:
            QMessageBox.warning(self, "Not changed", str(exc))
            self._after_change()
            return
        status = step.status
        push_call_done(
            office_stack(self),
            f"Mark “{_short(row.title)}” {status.label.lower()}",
            step.redo,
            step.undo,
            self._after_change,
            self,
        )
        self._after_change()
        parent = self.window()
        if hasattr(parent, "statusBar"):
            parent.statusBar().showMessage(
                f"“{row.title}” is now {status.label.lower()}. Edit ▸ Undo opens it again.", 8000
            )

    def _after_change(self) -> None:
        self.reload()
        self.changed.emit()


class _MarkDone:
    """Marking one follow-up done, and its undo and redo: one app call each way, each from
    the version the step before left (so another officer's change in between is never
    overwritten without a word)."""

    def __init__(self, desk: Desk, row: FollowUpRow, today: date) -> None:
        self._desk, self._row, self._today = desk, row, today
        self._version = row.version
        self._done: MarkedDone | None = None

    @property
    def status(self) -> OutcomeStatus:
        assert self._done is not None
        return self._done.status

    def first(self, parent: QWidget) -> bool:
        """Mark it done from the list's copy; on a conflict the officer sees both versions.

        True when it was marked done (also on purpose over the other officer's version).
        """
        from visitdesk.app import ConflictError
        from visitdesk.ui.dialogs.conflict_dialog import Choice, resolve

        try:
            self.redo()
        except ConflictError as exc:
            if resolve(parent, exc) is not Choice.KEEP_MINE or exc.theirs is None:
                return False
            self._version = exc.theirs.version
            self.redo()
        return True

    def redo(self) -> None:
        opened = self._row.data() if self._done is None else self._done.was
        self._done = self._desk.followups.mark_done(
            self._row.id, self._version, self._today, opened
        )

    def undo(self) -> None:
        assert self._done is not None
        self._version = self._desk.followups.reopen(self._done).version
