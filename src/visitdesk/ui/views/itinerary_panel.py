"""The programme of a visit: engagements day by day, warnings in place, and their editing."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QLabel, QMessageBox, QVBoxLayout, QWidget
from sqlalchemy.orm import Session

from visitdesk.domain.dates import day_month
from visitdesk.services import itinerary, outcomes, people
from visitdesk.services.itinerary import EngagementData, EngagementRow
from visitdesk.services.people import NewPerson
from visitdesk.ui.models.itinerary import ItineraryModel
from visitdesk.ui.table_actions import fit_to_content
from visitdesk.ui.widgets import button_bar, make_table, select_id, selected_row

if TYPE_CHECKING:
    from visitdesk.ui.views.visit_view import VisitView


class ItineraryPanel(QWidget):
    def __init__(self, view: VisitView) -> None:
        super().__init__(view)
        self.view = view
        self.model = ItineraryModel(self)
        # Not sortable: a programme reads in time order, always.
        self.table, self.proxy = make_table(
            self.model, self, stretch=ItineraryModel.TITLE, sortable=False
        )
        header = self.table.horizontalHeader()
        for column, width in ((0, 100), (1, 95), (2, 130), (4, 160), (5, 150), (6, 150), (7, 260)):
            header.resizeSection(column, width)
        fit_to_content(self.table)  # nothing cut at 1366x768; Warnings hidden when empty
        self.table.activated.connect(lambda _i: self.edit())
        bar, (self.add_button, self.edit_button, self.delete_button) = button_bar(
            self,
            ("&Add engagement…", self.add, "Add a meeting, meal, visit or ceremony (Ctrl+Shift+N)"),
            ("&Edit…", self.edit, "Change the selected engagement (Enter)"),
            ("&Delete", self.delete, "Delete the selected engagement (Delete)"),
        )
        self.add_button.setShortcut("Ctrl+Shift+N")
        self.delete_button.setShortcut("Delete")
        self.warnings = QLabel(self)
        self.warnings.setWordWrap(True)
        self.warnings.setTextFormat(self.warnings.textFormat().PlainText)  # names are never markup
        self.warnings.setStyleSheet("color: #8a1c00;")
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.warnings)

    def refresh(self) -> None:
        """Read the rows again (VisitView calls this after every edit)."""
        with self.view.desk.store.session() as session:
            self.reload(session)

    def reload(self, session: Session) -> None:
        chosen = selected_row(self.table, self.proxy)
        rows = itinerary.itinerary_rows(session, self.view.visit_id)
        self.model.set_rows(rows)
        self.proxy.refresh()
        if chosen is not None:
            select_id(self.table, self.proxy, chosen.id)
        messages = sorted({m for r in rows for m in r.warnings})
        self.warnings.setText("\n".join(f"⚠ {m}" for m in messages))
        self.warnings.setVisible(bool(messages))

    def current(self) -> EngagementRow | None:
        row: EngagementRow | None = selected_row(self.table, self.proxy)
        return row

    def _first_day(self) -> date:
        with self.view.desk.store.session() as session:
            start, _end = itinerary.visit_dates(session, self.view.visit_id)
        current = self.current()
        return current.day if current is not None else start

    def _dialog(self, data: EngagementData | None, save: Callable[[EngagementData], bool]) -> None:
        from visitdesk.ui.dialogs.engagement_dialog import EngagementDialog

        with self.view.desk.store.session() as session:
            zone = itinerary.visit_zone(session, self.view.visit_id)
        dialog = EngagementDialog(
            self.view.desk,
            save,
            data,
            self._first_day(),
            self.view.delegation_ids(),
            self,
            visit_id=self.view.visit_id,
            create_person=self._create_person,
            visit_zone=zone,
        )
        dialog.exec()

    def _create_person(self, new: NewPerson) -> int | None:
        """A name typed in the engagement dialog becomes a person at once, undoably."""
        made: dict[str, int] = {}

        def do(session: Session) -> None:
            made["id"] = people.create_person(session, new)

        def undo(session: Session) -> None:
            itinerary.remove_new_person(session, made["id"])

        name = " ".join(p for p in (new.honorific, new.given_name, new.family_name) if p)
        if not self.view.push(f"Add person “{name}”", do, undo):
            return None
        return made["id"]

    def add(self) -> None:
        visit_id = self.view.visit_id
        made: dict[str, int] = {}

        def save(data: EngagementData) -> bool:
            def do(session: Session) -> None:
                made["id"] = itinerary.add_engagement(session, visit_id, data, made.get("id"))

            def undo(session: Session) -> None:
                itinerary.delete_engagement(session, made["id"])

            return self.view.push(f"Add “{data.title.strip()}”", do, undo)

        self._dialog(None, save)
        if "id" in made:
            select_id(self.table, self.proxy, made["id"])

    def edit(self) -> None:
        row = self.current()
        if row is None:
            return
        with self.view.desk.store.session() as session:
            before = itinerary.load_engagement(session, row.id)

        def save(data: EngagementData) -> bool:
            return self.view.push(
                f"Edit “{data.title.strip()}”",
                lambda s: itinerary.update_engagement(s, row.id, data),
                lambda s: itinerary.update_engagement(s, row.id, before),
            )

        self._dialog(before, save)

    def delete(self) -> None:
        row = self.current()
        if row is None:
            return
        with self.view.desk.store.session() as session:
            before = itinerary.load_engagement(session, row.id)
            said = [
                (outcomes.load_statement(session, sid), sid)
                for sid, _pos in outcomes.statements_of_engagement(session, row.id)
            ]
            linked = outcomes.outcomes_of_engagement(session, row.id)
        extra = f"\n\nThe {len(said)} statement(s) recorded at it go with it." if said else ""
        answer = QMessageBox.question(
            self,
            "Delete engagement?",
            f"Delete “{row.title}” ({day_month(row.start)} {row.start:%H:%M})?{extra}"
            "\n\nEdit ▸ Undo brings it back.",
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        visit_id = self.view.visit_id

        def undo(session: Session) -> None:
            itinerary.add_engagement(session, visit_id, before, row.id)
            for (data, position), sid in said:
                outcomes.add_statement(session, visit_id, data, sid, position)
            outcomes.relink_outcomes(session, linked, row.id)

        self.view.push(
            f"Delete “{row.title}”", lambda s: itinerary.delete_engagement(s, row.id), undo
        )
