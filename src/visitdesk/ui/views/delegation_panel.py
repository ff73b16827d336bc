"""The delegation in order of precedence: add, remove, choose the leader, change a rank."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QInputDialog, QLabel, QVBoxLayout, QWidget
from sqlalchemy.orm import Session

from visitdesk.services import people
from visitdesk.services.people import DelegateRow, Delegation
from visitdesk.ui.models.delegation import DelegationModel
from visitdesk.ui.widgets import button_bar, make_table, selected_row

if TYPE_CHECKING:
    from visitdesk.ui.views.visit_view import VisitView


class DelegationPanel(QWidget):
    def __init__(self, view: VisitView) -> None:
        super().__init__(view)
        self.view = view
        self.model = DelegationModel(self)
        self.table, self.proxy = make_table(self.model, self, stretch=2, sortable=False)
        self.table.horizontalHeader().resizeSection(0, 260)
        bar, _buttons = button_bar(
            self,
            ("&Add members…", self.add, "Choose people to add to the delegation"),
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
        self.description = QLabel(self)
        self.description.setWordWrap(True)
        self.description.setTextFormat(self.description.textFormat().PlainText)  # never HTML
        layout = QVBoxLayout(self)
        layout.addWidget(self.description)
        layout.addLayout(bar)
        layout.addWidget(QLabel("In order of precedence: the leader first, then by rank.", self))
        layout.addWidget(self.table, 1)

    def reload(self, session: Session) -> None:
        self.model.set_rows(people.delegation_rows(session, self.view.visit_id))
        self.proxy.refresh()

    def current(self) -> DelegateRow | None:
        row: DelegateRow | None = selected_row(self.table, self.proxy)
        return row

    def _snapshot(self) -> Delegation:
        with self.view.store.session() as session:
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
            self.view.store,
            "Add to the delegation",
            exclude={m for m, _r in before.members},
            parent=self,
        )
        if not picker.exec() or not picker.chosen():
            return
        chosen = picker.chosen()
        members = before.members + tuple((row.id, None) for row in chosen)
        leader = before.leader_id if before.leader_id is not None else chosen[0].id
        names = ", ".join(row.name for row in chosen)
        self._replace(f"Add {names} to the delegation", before, Delegation(members, leader))

    def remove(self) -> None:
        row = self.current()
        if row is None:
            return
        before = self._snapshot()
        members = tuple(m for m in before.members if m[0] != row.person_id)
        leader = None if before.leader_id == row.person_id else before.leader_id
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
