"""Choose people from everyone in the store, searching as you type; add or correct a person.

Listed by precedence (1 first, the unranked last), then by family name: the most senior is at
the top, where the eye starts.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QMenu,
    QVBoxLayout,
    QWidget,
)

from visitdesk.app import Desk
from visitdesk.app.people import PersonRow
from visitdesk.ui.dialogs.organisation_dialog import Push
from visitdesk.ui.models.delegation import PRECEDENCE_COLUMN, PeopleModel
from visitdesk.ui.table_actions import fit_to_content, row_actions
from visitdesk.ui.widgets import make_table, select_id, selected_row, tab_in_layout_order


class PersonPicker(QDialog):
    def __init__(
        self,
        desk: Desk,
        title: str,
        exclude: set[int] | None = None,
        multiple: bool = True,
        parent: QWidget | None = None,
        push: Push | None = None,
    ) -> None:
        super().__init__(parent)
        self.desk = desk
        self.setObjectName("person_picker")
        self.setWindowTitle(title)
        self.resize(820, 480)
        self.exclude = exclude or set()
        self._push = push
        self.model = PeopleModel(self)
        self.table, self.proxy = make_table(self.model, self, stretch=2)
        self.table.setObjectName("people")
        self.table.horizontalHeader().resizeSection(0, 240)  # names whole, not "Mr. Shahid R…"
        self.table.sortByColumn(PRECEDENCE_COLUMN, Qt.SortOrder.AscendingOrder)
        if multiple:
            self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        else:  # every table now selects several rows; a single pick stays single
            self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        fit_to_content(self.table)  # names whole, not cut
        # Enter chooses; a double-click opens the person to correct them, as everywhere.
        self.table.activated.connect(lambda _i: self.accept())
        self.table.doubleClicked.connect(lambda _i: self.edit_current())
        row_actions(self.table, self._fill_menu)
        self.search = QLineEdit(self)
        self.search.setPlaceholderText("Type part of a name, position or organisation")
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.proxy.set_query)

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.new_button = buttons.addButton("&New person…", QDialogButtonBox.ButtonRole.ActionRole)
        self.new_button.clicked.connect(self._new_person)
        self.edit_button = buttons.addButton(
            "&Edit person…", QDialogButtonBox.ButtonRole.ActionRole
        )
        self.edit_button.setToolTip("Correct the selected person's name, position, photo…")
        self.edit_button.clicked.connect(self.edit_current)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        hint = "Select one or more (Ctrl+click), then OK." if multiple else "Select one, then OK."
        layout.addWidget(QLabel(hint + " Double-click a person to correct their details.", self))
        layout.addWidget(self.search)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self._reload()
        tab_in_layout_order(self)
        self.search.setFocus()

    def _reload(self) -> None:
        rows = [r for r in self.desk.people.picker_rows() if r.id not in self.exclude]
        self.model.set_rows(rows)
        self.proxy.refresh()

    def _new_person(self) -> None:
        from visitdesk.ui.dialogs.person_dialog import new_person

        person_id = new_person(self.desk, self, self._push)
        if person_id is not None:
            self.search.clear()
            self._reload()
            select_id(self.table, self.proxy, person_id)

    def edit_current(self) -> None:
        from visitdesk.ui.dialogs.organisation_dialog import stack_push
        from visitdesk.ui.dialogs.person_dialog import edit_person

        # With several ticked, the one last clicked (the current row) is the one corrected.
        current = self.table.currentIndex()
        row: PersonRow | None = (
            self.proxy.source_row_at(current.row())
            if current.isValid()
            else selected_row(self.table, self.proxy)
        )
        if row is None:
            return
        chosen = {r.id for r in self.chosen()}
        push = self._push or stack_push(self)
        if edit_person(self.desk, row.id, self, push):
            self._reload()
            for person_id in chosen:  # the ticks survive the correction
                number = self.model.row_of_id(person_id)
                if number is not None:
                    self.table.selectionModel().select(
                        self.proxy.index(number, 0),
                        self.table.selectionModel().SelectionFlag.Select
                        | self.table.selectionModel().SelectionFlag.Rows,
                    )

    def _fill_menu(self, menu: QMenu) -> None:
        menu.addAction("Edit person…", self.edit_current)
        menu.addAction("New person…", self._new_person)

    def chosen(self) -> list[PersonRow]:
        selection = self.table.selectionModel()
        return [self.proxy.source_row_at(i.row()) for i in selection.selectedRows()]
