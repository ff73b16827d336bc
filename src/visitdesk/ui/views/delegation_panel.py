"""The delegation in order of precedence: add, remove, correct a person, give a delegate a
role, choose the leader, change a rank."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QInputDialog, QLabel, QMenu, QVBoxLayout, QWidget
from sqlalchemy.orm import Session

from visitdesk.domain.enums import DelegateRole
from visitdesk.services import people
from visitdesk.services.people import DelegateRow, Delegation
from visitdesk.ui.models.delegation import DelegationModel
from visitdesk.ui.table_actions import row_actions
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
                "&Precedence…",
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
        with self.view.desk.store.session() as session:
            self.reload(session)

    def reload(self, session: Session) -> None:
        kept = self.current()
        self.model.set_rows(people.delegation_rows(session, self.view.visit_id))
        self.proxy.refresh()
        if kept is not None:
            select_id(self.table, self.proxy, kept.person_id)
        self._show_role()

    def _chosen_role(self) -> DelegateRole | None:
        # Qt hands an enum member back as its plain value: made a member again here.
        value = self.role.currentData()
        return None if value is None else DelegateRole(value)

    def _show_role(self) -> None:
        row = self.current()
        self.role.setEnabled(row is not None)
        choice = people.role_choice(row.role) if row is not None else None
        self.role.setCurrentIndex(max(0, self.role.findData(choice)))

    def current(self) -> DelegateRow | None:
        row: DelegateRow | None = selected_row(self.table, self.proxy)
        return row

    def _snapshot(self) -> Delegation:
        with self.view.desk.store.session() as session:
            return people.get_delegation(session, self.view.visit_id)

    def _replace(self, text: str, before: Delegation, after: Delegation) -> None:
        visit_id = self.view.visit_id
        self.view.push(
            text,
            lambda s: people.set_delegation(s, visit_id, after),
            lambda s: people.set_delegation(s, visit_id, before),
        )

    def add(self) -> None:
        from visitdesk.ui.dialogs.person_picker import PersonPicker

        before = self._snapshot()
        picker = PersonPicker(
            self.view.desk,
            "Add to the delegation",
            exclude={m for m, _r in before.members},
            parent=self,
            push=self.view.push,
        )
        if not picker.exec() or not picker.chosen():
            return
        chosen = picker.chosen()
        members = before.members + tuple((row.id, None) for row in chosen)
        leader = before.leader_id
        if leader is None:  # the most senior leads until the officer chooses otherwise
            with self.view.desk.store.session() as session:
                leader = people.most_senior(session, [m for m, _r in members])
        names = ", ".join(row.name for row in chosen)
        self._replace(f"Add {names} to the delegation", before, Delegation(members, leader))

    def edit_person(self) -> None:
        from visitdesk.ui.dialogs.person_dialog import edit_person

        row = self.current()
        if row is not None:
            edit_person(self.view.desk, row.person_id, self, self.view.push)

    def set_role(self, role: DelegateRole | None) -> None:
        row = self.current()
        if row is None or people.role_choice(row.role) is role:
            return
        visit_id, person_id, old = self.view.visit_id, row.person_id, row.role
        text = f"{row.name}: {role.label.lower() if role else 'no special role'}"
        self.view.push(
            text,
            lambda s: people.set_role(s, visit_id, person_id, role),
            lambda s: people.restore_role(s, visit_id, person_id, old),
        )

    def _fill_menu(self, menu: QMenu) -> None:
        row = self.current()
        if row is None:
            return
        menu.addAction("Edit person…", self.edit_person)
        roles = menu.addMenu("Role")
        current = people.role_choice(row.role)
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
        before = self._snapshot()
        members = tuple(m for m in before.members if m[0] != row.person_id)
        leader = before.leader_id
        if leader == row.person_id:  # the next most senior leads, until chosen otherwise
            with self.view.desk.store.session() as session:
                leader = people.most_senior(session, [m for m, _r in members])
        self._replace(f"Remove {row.name}", before, Delegation(members, leader))

    def make_leader(self) -> None:
        row = self.current()
        if row is None or row.is_leader:
            return
        before = self._snapshot()
        self._replace(
            f"Make {row.name} the leader", before, Delegation(before.members, row.person_id)
        )

    def change_rank(self) -> None:
        row = self.current()
        if row is None:
            return
        value, ok = QInputDialog.getInt(
            self,
            "Precedence",
            f"Rank of {row.name} (1 = most senior, 0 = not ranked):",
            row.precedence or 0,
            0,
            999,
        )
        if not ok:
            return
        new, old = value or None, row.precedence
        self.view.push(
            f"Rank {row.name} {value or 'unranked'}",
            lambda s: people.set_precedence(s, row.person_id, new),
            lambda s: people.set_precedence(s, row.person_id, old),
        )

    def person_pack(self) -> None:
        from visitdesk.ui.visit_documents import briefing_pack

        row = self.current()
        briefing_pack(self.view, row.person_id if row is not None else None)

    def person_calendar(self) -> None:
        from visitdesk.ui.visit_documents import export_calendar

        row = self.current()
        export_calendar(self.view, row.person_id if row is not None else None)
