"""The visit's Travel and hotels tab: journeys, hotels with their rooms, liaison officers."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QComboBox, QLabel, QMessageBox, QTabWidget, QVBoxLayout, QWidget

from visitdesk.app import ConflictError, Record
from visitdesk.app.travel import DeletedLeg, LegData, LegRow, LiaisonRow
from visitdesk.ui.errors import run_saving
from visitdesk.ui.models.travel import JourneysModel, LiaisonModel
from visitdesk.ui.table_actions import fit_to_content
from visitdesk.ui.undo import Call, VersionedEdit
from visitdesk.ui.views.hotels_section import HotelsSection
from visitdesk.ui.widgets import button_bar, make_table, select_id, selected_row

if TYPE_CHECKING:
    from visitdesk.ui.views.visit_view import VisitView


def _journey_text(data: LegData) -> str:
    number = " ".join((data.number or "").split())
    return f"{data.kind.label.lower()} {number}".strip()


class JourneysSection(QWidget):
    def __init__(self, view: VisitView, parent: QWidget) -> None:
        super().__init__(parent)
        self.view = view
        self.model = JourneysModel(self)
        self.table, self.proxy = make_table(
            self.model, self, stretch=JourneysModel.TRAVELLERS, sortable=False
        )
        self.table.setObjectName("journeys")
        self.table.setAccessibleName("Journeys")
        self.table.activated.connect(lambda _i: self.edit())
        bar, (self.add_button, self.edit_button, self.delete_button) = button_bar(
            self,
            ("Add &journey…", self.add, "An arrival, a departure or a journey between cities"),
            ("&Edit journey…", self.edit, "Change the selected journey (Enter)"),
            ("&Delete journey", self.delete, "Delete the selected journey"),
        )
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        hint = QLabel("A group travelling together is one journey with several travellers.", self)
        layout.addWidget(hint)
        layout.addWidget(self.table, 1)

    def refresh(self) -> None:
        chosen = self.current()
        self.model.set_rows(list(self.view.desk.travel.rows(self.view.visit_id)))
        fit_to_content(self.table)
        if chosen is not None:
            select_id(self.table, self.proxy, chosen.id)

    def current(self) -> LegRow | None:
        row: LegRow | None = selected_row(self.table, self.proxy)
        return row

    def _dialog(
        self, data: LegData | None, save: Callable[..., bool], version: int | None = None
    ) -> None:
        from visitdesk.ui.dialogs.travel_dialog import JourneyDialog

        dialog = JourneyDialog(self.view.desk, self.view.visit_id, save, data, self, version)
        dialog.theirs_taken.connect(self.view.reload)
        dialog.exec()

    def add(self) -> None:
        travel, visit_id = self.view.desk.travel, self.view.visit_id
        made: dict[str, int] = {}

        def save(data: LegData) -> bool:
            gone: list[DeletedLeg] = []

            def do() -> None:
                record = travel.restore(gone.pop()) if gone else travel.add(visit_id, data)
                made["id"] = record.id

            def undo() -> None:
                gone.append(travel.delete(made["id"]))

            return self.view.push_call(f"Add the {_journey_text(data)}", do, undo)

        self._dialog(None, save)
        if "id" in made:
            select_id(self.table, self.proxy, made["id"])

    def edit(self) -> None:
        row = self.current()
        if row is None:
            return
        travel = self.view.desk.travel
        record = travel.load(row.id)
        before: list[LegData] = [record.data]

        def store(data: LegData, version: int) -> Record[LegData]:
            return travel.update(row.id, data, version, opened=record.data)

        def save(data: LegData, version: int) -> bool:
            edit = VersionedEdit(store, after=data, before=before[-1], version=version)
            try:
                return self.view.push_call(f"Edit the {_journey_text(data)}", edit.do, edit.undo)
            except ConflictError as exc:
                if exc.theirs is not None:
                    before.append(exc.theirs.data)
                raise

        self._dialog(record.data, save, record.version)

    def delete(self) -> None:
        row = self.current()
        if row is None:
            return
        travel = self.view.desk.travel
        what = f"{row.kind.label.lower()} {row.flight}".strip()
        answer = QMessageBox.question(
            self,
            "Delete journey?",
            f"Delete the {what} ({row.travellers})?\n\nEdit ▸ Undo brings it back.",
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        gone: list[DeletedLeg] = []

        def do() -> None:
            gone.append(travel.delete(row.id))

        def undo() -> None:
            travel.restore(gone.pop())

        self.view.push_call(f"Delete the {what}", do, undo)


class LiaisonSection(QWidget):
    """Each delegate with the host's liaison officer looking after them."""

    def __init__(self, view: VisitView, parent: QWidget) -> None:
        super().__init__(parent)
        self.view = view
        self.model = LiaisonModel(self)
        self.table, self.proxy = make_table(self.model, self, stretch=1, sortable=False)
        self.table.setObjectName("liaison officers")
        self.table.setAccessibleName("Liaison officers")
        self.officer = QComboBox(self)
        self.officer.setObjectName("liaison officer")
        self.officer.setAccessibleName("Liaison officer")
        self.officer.setToolTip("The host's liaison officer for the selected delegate")
        self.officer.setMinimumContentsLength(28)
        self.officer.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.officer.activated.connect(lambda _i: self.choose())
        label = QLabel("&Liaison officer of the selected delegate:", self)
        label.setBuddy(self.officer)
        bar, _none = button_bar(self)
        bar.insertWidget(0, label)
        bar.insertWidget(1, self.officer)
        self.table.selectionModel().currentRowChanged.connect(lambda *_a: self._show())
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)

    def refresh(self) -> None:
        kept = self.current()
        desk, visit_id = self.view.desk, self.view.visit_id
        self.model.set_rows(list(desk.travel.liaison_rows(visit_id)))
        fit_to_content(self.table)
        self.officer.clear()
        self.officer.addItem("No liaison officer", None)
        for choice in desk.travel.host_people(visit_id):
            self.officer.addItem(choice.name, choice.id)
        if kept is not None:
            select_id(self.table, self.proxy, kept.id)
        self._show()

    def current(self) -> LiaisonRow | None:
        row: LiaisonRow | None = selected_row(self.table, self.proxy)
        return row

    def _show(self) -> None:
        row = self.current()
        self.officer.setEnabled(row is not None)
        self.officer.setCurrentIndex(
            max(0, self.officer.findData(row.officer_id)) if row is not None else 0
        )

    def choose(self) -> None:
        row = self.current()
        value = self.officer.currentData()
        chosen = None if value is None else int(value)
        if row is None or chosen == row.officer_id:
            return
        desk, visit_id, person_id, before = (
            self.view.desk,
            self.view.visit_id,
            row.id,
            row.officer_id,
        )
        name = self.officer.currentText() if chosen is not None else "no liaison officer"

        def do() -> None:
            desk.travel.set_liaison(visit_id, person_id, chosen, before)

        def undo() -> None:
            desk.travel.set_liaison(visit_id, person_id, before, chosen)

        self._push(f"{row.name}: {name}", do, undo)

    def _push(self, text: str, do: Call, undo: Call) -> None:
        try:
            run_saving(self, lambda: self.view.push_call(text, do, undo))
        except ConflictError as exc:
            QMessageBox.warning(self, "Not saved", str(exc))
            self.view.reload()


class TravelPanel(QWidget):
    def __init__(self, view: VisitView) -> None:
        super().__init__(view)
        self.view = view
        self.sections = QTabWidget(self)
        self.sections.setObjectName("travel sections")
        self.journeys = JourneysSection(view, self)
        self.hotels = HotelsSection(view, self)
        self.liaison = LiaisonSection(view, self)
        self.sections.addTab(self.journeys, "Journeys")
        self.sections.addTab(self.hotels, "Hotels and rooms")
        self.sections.addTab(self.liaison, "Liaison officers")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.sections)

    def refresh(self) -> None:
        """Read everything again (VisitView calls this after every edit)."""
        for section in (self.journeys, self.hotels, self.liaison):
            section.refresh()
