"""The programme of a visit: engagements day by day, warnings in place, and their editing."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QLabel, QMessageBox, QVBoxLayout, QWidget

from visitdesk.app import ConflictError, Record
from visitdesk.app.itinerary import DeletedEngagement, EngagementData, EngagementRow, NewPerson
from visitdesk.app.text import day_month
from visitdesk.ui.models.itinerary import ItineraryModel
from visitdesk.ui.table_actions import fit_to_content
from visitdesk.ui.undo import VersionedEdit
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
        bar, (self.add_button, self.edit_button, self.delete_button, _history) = button_bar(
            self,
            ("&Add engagement…", self.add, "Add a meeting, meal, visit or ceremony (Ctrl+Shift+N)"),
            ("&Edit…", self.edit, "Change the selected engagement (Enter)"),
            ("&Delete", self.delete, "Delete the selected engagement (Delete)"),
            ("&History…", self.history, "Who changed the selected engagement, and when"),
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
        chosen = selected_row(self.table, self.proxy)
        rows = self.view.desk.itinerary.rows(self.view.visit_id)
        self.model.set_rows(list(rows))
        self.proxy.refresh()
        if chosen is not None:
            select_id(self.table, self.proxy, chosen.id)
        # The programme's and the logistics' (a car, a night without a room: no row of its own).
        messages = list(dict.fromkeys(self.view.desk.itinerary.warnings(self.view.visit_id)))
        self.warnings.setText("\n".join(f"⚠ {m}" for m in messages))
        self.warnings.setVisible(bool(messages))

    def current(self) -> EngagementRow | None:
        row: EngagementRow | None = selected_row(self.table, self.proxy)
        return row

    def _first_day(self) -> date:
        current = self.current()
        if current is not None:
            return current.day
        return self.view.desk.itinerary.visit_dates(self.view.visit_id)[0]

    def _dialog(
        self,
        data: EngagementData | None,
        save: Callable[..., bool],
        version: int | None = None,
        watched: int | None = None,
    ) -> None:
        from visitdesk.ui.dialogs.engagement_dialog import EngagementDialog

        desk = self.view.desk
        dialog = EngagementDialog(
            desk,
            save,
            data,
            self._first_day(),
            set(),  # the delegation comes with the visit's attendee candidates
            self,
            visit_id=self.view.visit_id,
            create_person=self._create_person,
            visit_zone=desk.itinerary.visit_zone(self.view.visit_id),
            version=version,
        )
        if watched is not None:
            dialog.watched = ("engagement", watched)
        # Another officer's version taken instead of ours: show it.
        dialog.theirs_taken.connect(self.view.reload)
        dialog.exec()

    def _create_person(self, new: NewPerson) -> int | None:
        """A name typed in the engagement dialog becomes a person at once, undoably."""
        itinerary = self.view.desk.itinerary
        made: dict[str, int] = {}

        def do() -> None:
            made["id"] = itinerary.create_person(new, made.get("id"))

        name = " ".join(p for p in (new.honorific, new.given_name, new.family_name) if p)
        if not self.view.push_call(
            f"Add person “{name}”", do, lambda: itinerary.remove_person(made["id"])
        ):
            return None
        return made["id"]

    def add(self) -> None:
        itinerary, visit_id = self.view.desk.itinerary, self.view.visit_id
        made: dict[str, int] = {}

        def save(data: EngagementData) -> bool:
            # Undo deletes it; redo puts that very engagement back (its id, its version), so
            # later undo steps that name it still find it.
            gone: list[DeletedEngagement] = []

            def do() -> None:
                record = itinerary.restore(gone.pop()) if gone else itinerary.add(visit_id, data)
                made["id"] = record.id

            def undo() -> None:
                gone.append(itinerary.delete(made["id"]))

            return self.view.push_call(f"Add “{' '.join(data.title.split())}”", do, undo)

        self._dialog(None, save)
        if "id" in made:
            select_id(self.table, self.proxy, made["id"])

    def edit(self) -> None:
        row = self.current()
        if row is None:
            return
        itinerary = self.view.desk.itinerary
        record = itinerary.load(row.id)
        # What undo puts back: as opened, or as the other officer left it when the officer
        # chose to keep their own version over theirs.
        before: list[EngagementData] = [record.data]

        def store(data: EngagementData, version: int) -> Record[EngagementData]:
            return itinerary.update(row.id, data, version, opened=record.data)

        def save(data: EngagementData, version: int) -> bool:
            edit = VersionedEdit(store, after=data, before=before[-1], version=version)
            try:
                return self.view.push_call(
                    f"Edit “{' '.join(data.title.split())}”", edit.do, edit.undo
                )
            except ConflictError as exc:
                if exc.theirs is not None:
                    before.append(exc.theirs.data)
                raise

        self._dialog(record.data, save, record.version, record.id)

    def delete(self) -> None:
        row = self.current()
        if row is None:
            return
        itinerary = self.view.desk.itinerary
        said, agreed = itinerary.recorded_at(row.id)
        kept = [
            f"{said} statement{'s' if said != 1 else ''}" if said else "",
            f"{agreed} outcome{'s' if agreed != 1 else ''}" if agreed else "",
        ]
        extra = (
            f"\n\nThe {' and '.join(k for k in kept if k)} recorded at it stay with the visit, "
            "no longer linked to an engagement."
            if said or agreed
            else ""
        )
        moving = [
            m
            for m in self.view.desk.cars.movements(self.view.visit_id)
            if m.engagement_id == row.id
        ]
        if moving:
            extra += "\n\nIts movement and car plan are deleted with it."
        answer = QMessageBox.question(
            self,
            "Delete engagement?",
            f"Delete “{row.title}” ({day_month(row.start)} {row.start:%H:%M})?{extra}"
            "\n\nEdit ▸ Undo brings it back.",
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        gone: list[DeletedEngagement] = []

        def do() -> None:
            gone.append(itinerary.delete(row.id))

        def undo() -> None:
            itinerary.restore(gone.pop())

        self.view.push_call(f"Delete “{row.title}”", do, undo)

    def history(self) -> None:
        from visitdesk.ui.history_view import show_history

        row = self.current()
        if row is not None:
            show_history(self, self.view.desk, "engagement", row.id, f"“{row.title}”")
