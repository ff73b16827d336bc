"""Choose people from everyone in the store, searching as you type; or add a new person."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from visitdesk.services.people import PersonRow, person_rows
from visitdesk.store.database import Store
from visitdesk.ui.models.delegation import PeopleModel
from visitdesk.ui.table_actions import fit_to_content
from visitdesk.ui.widgets import make_table, select_id, tab_in_layout_order


class PersonPicker(QDialog):
    def __init__(
        self,
        store: Store,
        title: str,
        exclude: set[int] | None = None,
        multiple: bool = True,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.setWindowTitle(title)
        self.resize(820, 480)
        self.exclude = exclude or set()
        self.model = PeopleModel(self)
        self.table, self.proxy = make_table(self.model, self, stretch=2)
        if multiple:
            self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        else:  # every table now selects several rows; a single pick stays single
            self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        fit_to_content(self.table)  # names whole, not cut
        self.table.doubleClicked.connect(lambda _i: self.accept())
        self.search = QLineEdit(self)
        self.search.setPlaceholderText("Type part of a name, position or organisation")
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.proxy.set_query)

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.new_button = buttons.addButton("&New person…", QDialogButtonBox.ButtonRole.ActionRole)
        self.new_button.clicked.connect(self._new_person)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        hint = "Select one or more (Ctrl+click), then OK." if multiple else "Select one, then OK."
        layout.addWidget(QLabel(hint, self))
        layout.addWidget(self.search)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self._reload()
        tab_in_layout_order(self)
        self.search.setFocus()

    def _reload(self) -> None:
        with self.store.session() as session:
            rows = [r for r in person_rows(session) if r.id not in self.exclude]
        self.model.set_rows(rows)
        self.proxy.refresh()

    def _new_person(self) -> None:
        from visitdesk.ui.dialogs.person_dialog import PersonDialog

        dialog = PersonDialog(self.store, self)
        if dialog.exec() and dialog.person_id is not None:
            self.search.clear()
            self._reload()
            select_id(self.table, self.proxy, dialog.person_id)

    def chosen(self) -> list[PersonRow]:
        selection = self.table.selectionModel()
        return [self.proxy.source_row_at(i.row()) for i in selection.selectedRows()]
