"""People and organisations, searched as you type; each one's visits, newest first.

One search box filters both lists (every word must match, in any script). Enter on a person or
an organisation lists their visits below and moves there; Enter on a visit opens it. The lists
are read when the view is first shown and again when records change.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import shiboken6
from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QShowEvent, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from visitdesk.app import Desk, RefusedError
from visitdesk.app.people import VisitRow
from visitdesk.ui.models.people import OrganisationsModel, PeopleModel
from visitdesk.ui.models.rows import SearchProxy
from visitdesk.ui.models.visits import VisitsModel
from visitdesk.ui.table_actions import row_actions
from visitdesk.ui.undo import Call, push_call
from visitdesk.ui.widgets import button_bar, make_table, select_id, selected_row

# Moving through the list with the arrow keys reads a person's visits once the officer pauses,
# not once per row passed (nor once per keystroke typed in the search box).
VISITS_DELAY_MS = 150


class PeopleView(QWidget):
    open_visit = Signal(int)
    changed = Signal()

    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        # Edits made here (a corrected name, a merge) are undone from here: Edit > Undo.
        self.undo_stack = QUndoStack(self)
        self.people = PeopleModel(self)
        self.people_table, self.people_proxy = make_table(self.people, self, stretch=2)
        self.people_table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.organisations = OrganisationsModel(self)
        self.organisations_table, self.organisations_proxy = make_table(
            self.organisations, self, stretch=0
        )
        self.organisations_table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self._size_columns()
        self.lists = QTabWidget(self)
        self.lists.addTab(self.people_table, "&People")
        self.lists.addTab(self.organisations_table, "O&rganisations")
        self.lists.currentChanged.connect(lambda _i: self._show_visits_soon())

        self.search = QLineEdit(self)
        self.search.setPlaceholderText(
            "Search people and organisations: name in any script, position, organisation, "
            "email… (Enter lists their visits)"
        )
        self.search.setAccessibleName("Search people and organisations")
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._filter)
        self.search.returnPressed.connect(self.list_visits)
        self.visits_button = QPushButton("&List visits", self)
        self.visits_button.setToolTip("List the visits of the person or organisation selected")
        self.visits_button.clicked.connect(self.list_visits)
        self.count_label = QLabel(self)
        self.count_label.setTextFormat(Qt.TextFormat.PlainText)  # it quotes the search typed

        self.visits = VisitsModel(self)
        self.visits_table, self.visits_proxy = make_table(self.visits, self, sortable=False)
        self.visits_table.horizontalHeader().resizeSection(0, 170)
        self.visits_label = QLabel(self)
        self.visits_label.setTextFormat(Qt.TextFormat.PlainText)  # names are never markup
        self.open_button = QPushButton("&Open visit", self)
        self.open_button.clicked.connect(self.open_current_visit)
        self.visits_table.activated.connect(lambda _i: self.open_current_visit())
        self.visits_table.doubleClicked.connect(lambda _i: self.open_current_visit())
        self.people_table.setObjectName("people")
        self.organisations_table.setObjectName("organisations")
        for table in (self.people_table, self.organisations_table):
            table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
            table.activated.connect(lambda _i: self.list_visits())
            table.doubleClicked.connect(lambda _i: self.edit_current())
            row_actions(table, self._fill_menu)
            table.selectionModel().currentRowChanged.connect(lambda *_a: self._show_visits_soon())
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(VISITS_DELAY_MS)
        self._timer.timeout.connect(self.show_visits)
        self._shown_for: tuple[int, int] | None = None  # (tab, id) whose visits are below
        self._stale = False  # records changed while the tab was hidden

        self._lay_out()
        self.setFocusProxy(self.search)

    def _size_columns(self) -> None:
        people = self.people_table.horizontalHeader()
        for column, width in ((0, 230), (1, 110), (3, 130), (4, 90), (5, 60)):
            people.resizeSection(column, width)
        organisations = self.organisations_table.horizontalHeader()
        for column, width in ((1, 130), (2, 200), (3, 70), (4, 170), (5, 60)):
            organisations.resizeSection(column, width)

    def _lay_out(self) -> None:
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.visits_button)
        edits, self.edit_buttons = button_bar(
            self,
            ("&Edit…", self.edit_current, "Correct the selected person or organisation"),
            ("New &person…", self.new_person, "Add a person"),
            ("New or&ganisation…", self.new_organisation, "Add an organisation"),
            (
                "&Merge…",
                self.merge,
                "Two rows that are the same person or organisation: keep one, move every "
                "reference to it",
            ),
        )
        below = QWidget(self)
        below_layout = QVBoxLayout(below)
        below_layout.setContentsMargins(0, 0, 0, 0)
        heading = QHBoxLayout()
        heading.addWidget(self.visits_label, 1)
        heading.addWidget(self.open_button)
        below_layout.addLayout(heading)
        below_layout.addWidget(self.visits_table, 1)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.lists)
        splitter.addWidget(below)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(edits)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.count_label)
        self._show_visits_of(None, [])

    # The lists -----------------------------------------------------------------------------

    # Editing -------------------------------------------------------------------------------

    def push_call(self, text: str, do: Call, undo: Call) -> bool:
        """Save an edit now (app calls) and make it undoable; see `ui/undo.push_call`."""
        return push_call(self.undo_stack, text, do, undo, self._after_edit, self)

    def _after_edit(self) -> None:
        self.reload()
        self.changed.emit()

    def selected_rows(self) -> list[Any]:
        table, proxy = self.current_table(), self._current_proxy()
        return [proxy.source_row_at(i.row()) for i in table.selectionModel().selectedRows()]

    def edit_current(self) -> None:
        from visitdesk.ui.dialogs.organisation_dialog import edit_organisation
        from visitdesk.ui.dialogs.person_dialog import edit_person

        table = self.current_table()
        current = table.currentIndex()  # with several selected, the one last clicked
        row = self._current_proxy().source_row_at(current.row()) if current.isValid() else None
        row = row if row is not None else self.current()
        if row is None:
            return
        if self.lists.currentIndex() == 0:
            changed = edit_person(self.desk, row.id, self, self.push_call)
        else:
            changed = edit_organisation(self.desk, row.id, self, self.push_call)
        if changed:
            self.reload()  # also when the other officer's version was taken

    def new_person(self) -> None:
        from visitdesk.ui.dialogs.person_dialog import new_person

        person_id = new_person(self.desk, self, self.push_call)
        if person_id is not None:
            self.lists.setCurrentWidget(self.people_table)
            select_id(self.people_table, self.people_proxy, person_id)

    def new_organisation(self) -> None:
        from visitdesk.ui.dialogs.organisation_dialog import new_organisation

        org_id = new_organisation(self.desk, self, push=self.push_call)
        if org_id is not None:
            self.lists.setCurrentWidget(self.organisations_table)
            select_id(self.organisations_table, self.organisations_proxy, org_id)

    def merge(self) -> None:
        from visitdesk.ui.views.people_editing import merge_selected

        merge_selected(self)

    def _fill_menu(self, menu: QMenu) -> None:
        menu.addAction("Edit…", self.edit_current)
        merge = menu.addAction("Merge…", self.merge)
        merge.setEnabled(len(self.selected_rows()) == 2)
        menu.addAction("List visits", self.list_visits)
        menu.addAction("History…", self.history)
        menu.addSeparator()
        menu.addAction("New person…", self.new_person)
        menu.addAction("New organisation…", self.new_organisation)

    def reload(self) -> None:
        """Read both lists again, keeping what was selected if it is still there.

        Hidden behind another tab, the view only notes that it must: reading 20,000 people
        takes a few tenths of a second, too long to pay on every save made elsewhere.
        """
        if not self.isVisible():
            self._stale = True
            return
        self._stale = False
        kept = [self._selected_id(t) for t in (self.people_table, self.organisations_table)]
        try:
            people = self.desk.people.rows()
            organisations = self.desk.organisations.rows()
        except RefusedError as exc:
            self.count_label.setText(str(exc))  # the lists stay as they were
            return
        self.people.set_rows(people)
        self.organisations.set_rows(organisations)
        for table, proxy, row_id in (
            (self.people_table, self.people_proxy, kept[0]),
            (self.organisations_table, self.organisations_proxy, kept[1]),
        ):
            if row_id is not None:
                select_id(table, proxy, row_id)
            if not table.selectionModel().hasSelection() and proxy.rowCount():
                table.selectRow(0)  # Enter lists someone's visits before anything is typed
        self._update_counts()
        self._shown_for = None
        self.show_visits()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        super().showEvent(event)
        if self._stale:
            self.reload()

    def _filter(self, text: str) -> None:
        for table, proxy in self._tables():
            proxy.set_query(text)
            if proxy.rowCount():
                table.selectRow(0)
        self._update_counts()
        # A search that finds only organisations shows them without the officer switching.
        if not self.people_proxy.rowCount() and self.organisations_proxy.rowCount():
            self.lists.setCurrentWidget(self.organisations_table)
        elif not self.organisations_proxy.rowCount() and self.people_proxy.rowCount():
            self.lists.setCurrentWidget(self.people_table)
        self._show_visits_soon()

    def _tables(self) -> list[tuple[QTableView, SearchProxy]]:
        return [
            (self.people_table, self.people_proxy),
            (self.organisations_table, self.organisations_proxy),
        ]

    def _update_counts(self) -> None:
        parts = []
        for number, (noun, model) in enumerate(
            (("people", self.people), ("organisations", self.organisations))
        ):
            total, shown = len(model.rows()), len(model.shown_rows())
            found = f"{total:,}" if total == shown else f"{shown:,} of {total:,}"
            title = "&People" if number == 0 else "O&rganisations"
            self.lists.setTabText(number, f"{title} ({found})")
            parts.append(f"{found} {noun}")
        query = self.people.query().strip()
        self.count_label.setText(
            " and ".join(parts) + (f" match “{query}”" if query else " on record")
        )

    def current_table(self) -> QTableView:
        table = self.lists.currentWidget()
        assert isinstance(table, QTableView)
        return table

    def _current_proxy(self) -> SearchProxy:
        proxy = self.current_table().model()
        assert isinstance(proxy, SearchProxy)
        return proxy

    def _selected_id(self, table: QTableView) -> int | None:
        proxy = table.model()
        assert isinstance(proxy, SearchProxy)
        row = selected_row(table, proxy)
        return None if row is None else int(row.id)

    def current(self) -> Any:
        """The person or organisation row selected in the list in front, or None."""
        return selected_row(self.current_table(), self._current_proxy())

    # Their visits --------------------------------------------------------------------------

    def _show_visits_soon(self) -> None:
        self._timer.start()

    def show_visits(self) -> bool:
        """List the visits of the one selected below the lists; False if none is selected."""
        self._timer.stop()
        row = self.current()
        if row is None:
            self._shown_for = None
            self._show_visits_of(None, [])
            return False
        key = (self.lists.currentIndex(), int(row.id))
        if key != self._shown_for:
            try:
                if key[0] == 0:
                    visits = self.desk.people.visits_of(row.id)
                else:
                    visits = self.desk.organisations.visits_of(row.id)
            except RefusedError as exc:
                self.visits_label.setText(str(exc))
                return True
            if not shiboken6.isValid(self.visits):
                return True  # the view was closed while the store call was out
            self._shown_for = key
            self._show_visits_of(row.name, visits)
        return True

    def _show_visits_of(self, name: str | None, visits: Sequence[VisitRow]) -> None:
        self.visits.set_rows(list(visits))
        self.open_button.setEnabled(bool(visits))
        if name is None:
            self.visits_label.setText("Select a person or an organisation to see their visits.")
        elif not visits:
            self.visits_label.setText(f"{name}: no visits on record.")
        else:
            count = "1 visit" if len(visits) == 1 else f"{len(visits)} visits"
            self.visits_label.setText(f"{name}: {count}, newest first (Enter opens one)")

    def history(self) -> None:
        """Who changed the selected person or organisation, and when."""
        from visitdesk.ui.history_view import show_history

        row = self.current()
        if row is None:
            return
        kind = "person" if self.lists.currentIndex() == 0 else "organisation"
        show_history(self, self.desk, kind, row.id, f"“{row.name}”")

    def list_visits(self) -> None:
        """Enter on a person or organisation: their visits below, the newest one selected."""
        if not self.show_visits() or not self.visits.rowCount():
            return
        self.visits_table.setFocus()
        self.visits_table.selectRow(0)

    def open_current_visit(self) -> None:
        row: VisitRow | None = selected_row(self.visits_table, self.visits_proxy)
        if row is not None:
            self.open_visit.emit(row.id)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        # Down from the search box goes to the list: the keyboard alone finds and opens.
        if event.key() == Qt.Key.Key_Down and self.search.hasFocus():
            table = self.current_table()
            table.setFocus()
            model = table.model()
            if not table.selectionModel().hasSelection() and model.rowCount():
                table.selectRow(0)
            return
        super().keyPressEvent(event)
