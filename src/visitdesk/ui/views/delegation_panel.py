"""The delegation in order of precedence: add, remove, correct a person, give a delegate a
role, choose the leader, change a rank."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QInputDialog,
    QLabel,
    QMenu,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from visitdesk.app import ConflictError, RefusedError
from visitdesk.app.enums import DelegateRole
from visitdesk.app.people import DelegateRow, DelegationChange, role_choice
from visitdesk.ui.errors import run_saving
from visitdesk.ui.models.delegation import DelegationModel
from visitdesk.ui.table_actions import row_actions
from visitdesk.ui.undo import Call, VersionedEdit
from visitdesk.ui.widgets import button_bar, make_table, select_id, selected_row

if TYPE_CHECKING:
    from visitdesk.ui.views.visit_view import VisitView


class DelegationPanel(QWidget):
    def __init__(self, view: VisitView) -> None:
        super().__init__(view)
        self.view = view
        self.model = DelegationModel(self)
        self.table, self.proxy = make_table(self.model, self, stretch=2, sortable=False)
        self.table.setObjectName("delegation")
        self.table.horizontalHeader().resizeSection(0, 260)
        self.table.doubleClicked.connect(lambda _i: self.edit_person())
        row_actions(self.table, self._fill_menu)
        bar, _buttons = button_bar(
            self,
            ("&Add members…", self.add, "Choose people to add to the delegation"),
            (
                "&Edit person…",
                self.edit_person,
                "Correct the selected person's name, position, photo, notes…",
            ),
            ("&Remove", self.remove, "Remove the selected person from the delegation"),
            ("Make &leader", self.make_leader, "The leader is named and seated first"),
            (
                "Prece&dence…",
                self.change_rank,
                "Change the selected person's rank (1 = most senior)",
            ),
            (
                "Their briefing pack…",
                self.person_pack,
                "A briefing pack of the engagements the selected person attends",
            ),
            (
                "Their calendar…",
                self.person_calendar,
                "The selected person's engagements as an .ics file for their calendar",
            ),
        )
        self.role = QComboBox(self)
        self.role.setObjectName("delegate_role")
        self.role.setAccessibleName("Role")
        self.role.setToolTip("What the selected delegate does on this visit")
        self.role.addItem("No special role", None)
        for choice in DelegateRole:
            self.role.addItem(choice.label, choice)
        self.role.activated.connect(lambda _i: self.set_role(self._chosen_role()))
        role_label = QLabel("R&ole:", self)
        role_label.setBuddy(self.role)
        bar.insertWidget(bar.count() - 1, role_label)
        bar.insertWidget(bar.count() - 1, self.role)
        self.table.selectionModel().currentRowChanged.connect(lambda *_a: self._show_role())
        self.description = QLabel(self)
        self.description.setWordWrap(True)
        self.description.setTextFormat(Qt.TextFormat.PlainText)
        layout = QVBoxLayout(self)
        layout.addWidget(self.description)
        layout.addLayout(bar)
        layout.addWidget(QLabel("In order of precedence: the leader first, then by rank.", self))
        layout.addWidget(self.table, 1)

    def refresh(self) -> None:
        """Read the rows again (VisitView calls this after every edit)."""
        kept = self.current()
        self.model.set_rows(self.view.desk.people.delegation_rows(self.view.visit_id))
        self.proxy.refresh()
        if kept is not None:
            select_id(self.table, self.proxy, kept.person_id)
        self._show_role()

    def _push(self, text: str, do: Call, undo: Call) -> bool:
        """An edit made now and put on the visit's undo stack. A busy database asks Retry or
        Cancel; a change refused as stale (another officer, just now) is explained."""
        try:
            return bool(run_saving(self, lambda: self.view.push_call(text, do, undo)))
        except ConflictError as exc:
            QMessageBox.warning(self, "Not saved", str(exc))
            self.view.reload()
            return False

    def _change(self, text: str, first: Callable[[], DelegationChange]) -> bool:
        """One change of the delegation: made by `first`, redone and undone from its before
        and after (refused when the delegation was changed in between)."""
        desk, visit_id = self.view.desk, self.view.visit_id
        made: list[DelegationChange] = []

        def do() -> None:
            if made:
                desk.people.replace_delegation(visit_id, made[0].before, made[0].after)
            else:
                made.append(first())

        def undo() -> None:
            desk.people.replace_delegation(visit_id, made[0].after, made[0].before)

        return self._push(text, do, undo)

    def _chosen_role(self) -> DelegateRole | None:
        # Qt hands an enum member back as its plain value: made a member again here.
        value = self.role.currentData()
        return None if value is None else DelegateRole(value)

    def _show_role(self) -> None:
        row = self.current()
        self.role.setEnabled(row is not None)
        choice = role_choice(row.role) if row is not None else None
        self.role.setCurrentIndex(max(0, self.role.findData(choice)))

    def current(self) -> DelegateRow | None:
        row: DelegateRow | None = selected_row(self.table, self.proxy)
        return row

    def add(self) -> None:
        from visitdesk.ui.dialogs.person_picker import PersonPicker

        desk, visit_id = self.view.desk, self.view.visit_id
        present = {row.person_id for row in self.model.rows()}
        picker = PersonPicker(
            desk,
            "Add to the delegation",
            exclude=present,
            parent=self,
            push=self.view.push_call,
        )
        if not picker.exec() or not picker.chosen():
            self.view.reload()  # a person may have been corrected or added in the picker
            return
        chosen = picker.chosen()
        ids = [row.id for row in chosen]
        names = ", ".join(row.name for row in chosen)
        self._change(
            f"Add {names} to the delegation", lambda: desk.people.add_members(visit_id, ids)
        )

    def edit_person(self) -> None:
        from visitdesk.ui.dialogs.person_dialog import edit_person

        row = self.current()
        if row is not None and edit_person(
            self.view.desk, row.person_id, self, self.view.push_call
        ):
            self.view.reload()

    def set_role(self, role: DelegateRole | None) -> None:
        row = self.current()
        if row is None or role_choice(row.role) is role:
            return
        desk, visit_id, person_id = self.view.desk, self.view.visit_id, row.person_id
        text = f"{row.name}: {role.label.lower() if role else 'no special role'}"
        self._change(text, lambda: desk.people.set_role(visit_id, person_id, role))

    def _fill_menu(self, menu: QMenu) -> None:
        row = self.current()
        if row is None:
            return
        menu.addAction("Edit person…", self.edit_person)
        roles = menu.addMenu("Role")
        current = role_choice(row.role)
        for text, choice in (("No special role", None), *((r.label, r) for r in DelegateRole)):
            action = roles.addAction(text, partial(self.set_role, choice))
            action.setCheckable(True)
            action.setChecked(choice is current)
        menu.addAction("Make leader", self.make_leader).setEnabled(not row.is_leader)
        menu.addAction("Precedence…", self.change_rank)
        menu.addSeparator()
        menu.addAction("Remove from the delegation", self.remove)

    def remove(self) -> None:
        row = self.current()
        if row is None:
            return
        desk, visit_id, person_id = self.view.desk, self.view.visit_id, row.person_id
        self._change(f"Remove {row.name}", lambda: desk.people.remove_member(visit_id, person_id))

    def make_leader(self) -> None:
        row = self.current()
        if row is None or row.is_leader:
            return
        desk, visit_id, person_id = self.view.desk, self.view.visit_id, row.person_id
        self._change(
            f"Make {row.name} the leader", lambda: desk.people.make_leader(visit_id, person_id)
        )

    def change_rank(self) -> None:
        """The rank is the person's own (versioned): an undo after another officer changed
        them is refused with their name."""
        row = self.current()
        if row is None:
            return
        desk, person_id = self.view.desk, row.person_id
        try:
            record = desk.people.load(person_id)
        except RefusedError as exc:
            QMessageBox.warning(self, "Precedence", str(exc))
            return
        value, ok = QInputDialog.getInt(
            self,
            "Precedence",
            f"Rank of {row.name} (1 = most senior, 0 = not ranked):",
            record.data.precedence or 0,
            0,
            999,
        )
        if not ok or (value or None) == record.data.precedence:
            return
        opened = record.data
        edit = VersionedEdit(
            lambda d, v: desk.people.update(person_id, d, v, opened),
            dataclasses.replace(opened, precedence=value or None),
            opened,
            record.version,
        )
        self._push(f"Rank {row.name} {value or 'unranked'}", edit.do, edit.undo)

    def person_pack(self) -> None:
        from visitdesk.ui.visit_documents import briefing_pack

        row = self.current()
        briefing_pack(self.view, row.person_id if row is not None else None)

    def person_calendar(self) -> None:
        from visitdesk.ui.visit_documents import export_calendar

        row = self.current()
        export_calendar(self.view, row.person_id if row is not None else None)
