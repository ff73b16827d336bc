"""Hotels of a visit and each delegate's room; a block of rooms allotted by precedence.

A room is part of its hotel (a versioned record): every room edit and the allotment save the
whole hotel over the version read, so each is one undo step, refused after another officer's
save of the hotel (with their name), never silently overwriting it."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QComboBox, QLabel, QMessageBox, QVBoxLayout, QWidget

from visitdesk.app import ConflictError, Record, RefusedError
from visitdesk.app.hotels import DeletedHotel, HotelData, RoomData, RoomRow, RoomType
from visitdesk.ui.models.travel import RoomsModel
from visitdesk.ui.table_actions import fit_to_content
from visitdesk.ui.undo import VersionedEdit
from visitdesk.ui.widgets import button_bar, make_table, optional_id, select_id, selected_row

if TYPE_CHECKING:
    from visitdesk.ui.views.visit_view import VisitView


def _allotted(data: HotelData) -> Callable[[HotelData], HotelData]:
    return lambda _base: data


class HotelsSection(QWidget):
    def __init__(self, view: VisitView, parent: QWidget) -> None:
        super().__init__(parent)
        self.view = view
        self.hotel = QComboBox(self)
        self.hotel.setObjectName("hotel")
        self.hotel.setAccessibleName("Hotel")
        # Sized for 40 characters, not its longest hotel: a 300-character name would widen
        # the window past the screen when the visit opens.
        self.hotel.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.hotel.setMinimumContentsLength(40)
        self.hotel.currentIndexChanged.connect(lambda _i: self._show_rooms())
        label = QLabel("&Hotel:", self)
        label.setBuddy(self.hotel)
        hotels, (self.add_hotel_button, self.edit_hotel_button, self.delete_hotel_button) = (
            button_bar(
                self,
                ("Add h&otel…", self.add_hotel, "A hotel the delegation stays at, in a city"),
                ("Edit hotel…", self.edit_hotel, "The shown hotel's name, city, booking, payer"),
                ("Delete hotel", self.delete_hotel, "Delete the shown hotel and its rooms"),
            )
        )
        hotels.insertWidget(0, label)
        hotels.insertWidget(1, self.hotel, 1)
        self.model = RoomsModel(self)
        self.table, self.proxy = make_table(
            self.model, self, stretch=RoomsModel.REQUESTS, sortable=False
        )
        self.table.setObjectName("rooms")
        self.table.setAccessibleName("Rooms")
        self.table.activated.connect(lambda _i: self.edit_room())
        rooms, (self.add_room_button, _edit, _remove, self.allot_button) = button_bar(
            self,
            ("Add &room…", self.add_room, "A delegate's room in the shown hotel"),
            ("Edit room…", self.edit_room, "Change the selected room (Enter)"),
            ("Remove room", self.remove_room, "Remove the selected room from the hotel"),
            (
                "Allot rooms by precedence…",
                self.allot,
                "Hand the hotel's block of rooms out by precedence: the leader gets the suite",
            ),
        )
        self._rooms: tuple[RoomRow, ...] = ()
        layout = QVBoxLayout(self)
        layout.addLayout(hotels)
        layout.addLayout(rooms)
        layout.addWidget(self.table, 1)

    def refresh(self) -> None:
        desk, visit_id = self.view.desk, self.view.visit_id
        shown = optional_id(self.hotel)
        self._rooms = desk.hotels.rooms(visit_id)
        self.hotel.blockSignals(True)
        self.hotel.clear()
        for choice in desk.hotels.choices(visit_id):
            self.hotel.addItem(choice.label, choice.id)
        self.hotel.setCurrentIndex(max(0, self.hotel.findData(shown)))
        self.hotel.blockSignals(False)
        self._show_rooms()

    def _show_rooms(self) -> None:
        chosen = self.current()
        hotel_id = optional_id(self.hotel)
        self.model.set_rows([r for r in self._rooms if r.hotel_id == hotel_id])
        fit_to_content(self.table)
        if chosen is not None:
            select_id(self.table, self.proxy, chosen.id)
        for button in (self.add_room_button, self.allot_button, self.edit_hotel_button):
            button.setEnabled(hotel_id is not None)

    def current(self) -> RoomRow | None:
        row: RoomRow | None = selected_row(self.table, self.proxy)
        return row

    # Hotels ----------------------------------------------------------------------------------

    def add_hotel(self) -> None:
        from visitdesk.ui.dialogs.hotel_dialog import HotelDialog

        hotels, visit_id = self.view.desk.hotels, self.view.visit_id
        made: dict[str, int] = {}

        def save(data: HotelData) -> bool:
            gone: list[DeletedHotel] = []

            def do() -> None:
                record = hotels.restore(gone.pop()) if gone else hotels.add(visit_id, data)
                made["id"] = record.id

            def undo() -> None:
                gone.append(hotels.delete(made["id"]))

            return self.view.push_call(f"Add the hotel “{data.name}”", do, undo)

        HotelDialog(save, None, self).exec()
        if "id" in made:
            self.hotel.setCurrentIndex(max(0, self.hotel.findData(made["id"])))

    def _hotel_edit(
        self, text: str, change: Callable[[HotelData], HotelData | None]
    ) -> Callable[..., bool] | None:
        """A save(data, version) that stores `change(base)` over the shown hotel, `base` being
        the hotel as read at that version (theirs after Keep mine), undoable."""
        hotel_id = optional_id(self.hotel)
        if hotel_id is None:
            return None
        hotels = self.view.desk.hotels
        record = hotels.load(hotel_id)
        bases: dict[int, HotelData] = {record.version: record.data}
        self._record = record

        def store(data: HotelData, version: int) -> Record[HotelData]:
            return hotels.update(hotel_id, data, version, opened=record.data)

        def save(typed: object, version: int) -> bool:
            base = bases.get(version, record.data)
            after = change(base) if typed is None else self._apply(base, typed)
            if after is None:
                return False
            edit = VersionedEdit(store, after=after, before=base, version=version)
            try:
                return self.view.push_call(text, edit.do, edit.undo)
            except ConflictError as exc:
                if exc.theirs is not None:
                    bases[exc.theirs.version] = exc.theirs.data
                raise

        return save

    def _apply(self, base: HotelData, typed: object) -> HotelData:
        if isinstance(typed, HotelData):  # the hotel's own fields, its rooms as stored
            return replace(typed, rooms=base.rooms)
        assert isinstance(typed, RoomData)
        kept = [r for r in base.rooms if r.person_id not in (typed.person_id, self._editing)]
        at = next(
            (
                i
                for i, r in enumerate(base.rooms)
                if r.person_id in (typed.person_id, self._editing)
            ),
            len(base.rooms),
        )
        kept.insert(min(at, len(kept)), typed)
        return replace(base, rooms=tuple(kept))

    _editing: int | None = None

    def edit_hotel(self) -> None:
        from visitdesk.ui.dialogs.hotel_dialog import HotelDialog

        save = self._hotel_edit(f"Edit the hotel “{self.hotel.currentText()}”", lambda b: b)
        if save is None:
            return
        dialog = HotelDialog(save, self._record.data, self, self._record.version)
        dialog.theirs_taken.connect(self.view.reload)
        dialog.exec()

    def delete_hotel(self) -> None:
        hotel_id = optional_id(self.hotel)
        if hotel_id is None:
            return
        hotels, name = self.view.desk.hotels, self.hotel.currentText()
        rooms = sum(1 for r in self._rooms if r.hotel_id == hotel_id)
        answer = QMessageBox.question(
            self,
            "Delete hotel?",
            f"Delete {name} and its {rooms} room{'s' if rooms != 1 else ''}?\n\n"
            "Edit ▸ Undo brings them back.",
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        gone: list[DeletedHotel] = []

        def do() -> None:
            gone.append(hotels.delete(hotel_id))

        def undo() -> None:
            hotels.restore(gone.pop())

        self.view.push_call(f"Delete the hotel {name}", do, undo)

    # Rooms -----------------------------------------------------------------------------------

    def _people(self, hotel_id: int, editing: int | None) -> tuple[tuple[int, str], ...]:
        """Who may be given a room: the delegation, then the host people, without those who
        have a room in this hotel already (except the one being edited)."""
        desk, visit_id = self.view.desk, self.view.visit_id
        lodged = {r.id for r in self._rooms if r.hotel_id == hotel_id} - {editing}
        people = list(desk.travel.delegation(visit_id))
        people += [(c.id, c.name) for c in desk.travel.host_people(visit_id)]
        return tuple((i, n) for i, n in people if i not in lodged)

    def _room_dialog(self, row: RoomRow | None) -> None:
        from visitdesk.ui.dialogs.hotel_dialog import RoomDialog

        hotel_id = optional_id(self.hotel)
        if hotel_id is None:
            return
        self._editing = row.id if row is not None else None
        text = f"Room of {row.name}" if row else f"Add a room at {self.hotel.currentText()}"
        save = self._hotel_edit(text, lambda b: b)
        if save is None:
            return
        data = next((r for r in self._record.data.rooms if row and r.person_id == row.id), None)
        first = self.view.desk.hotels.visit_dates(self.view.visit_id)
        dialog = RoomDialog(
            save, self._people(hotel_id, self._editing), data, first[0], self, self._record.version
        )
        if data is None:
            dialog.check_out.set_value(first[1])
        dialog.theirs_taken.connect(self.view.reload)
        dialog.exec()
        self._editing = None

    def add_room(self) -> None:
        self._room_dialog(None)

    def edit_room(self) -> None:
        row = self.current()
        if row is not None:
            self._room_dialog(row)

    def remove_room(self) -> None:
        row = self.current()
        if row is None:
            return
        gone = row.id
        save = self._hotel_edit(
            f"Remove the room of {row.name}",
            lambda b: replace(b, rooms=tuple(r for r in b.rooms if r.person_id != gone)),
        )
        if save is None:
            return
        try:
            save(None, self._record.version)
        except RefusedError as exc:  # another officer saved the hotel just now, or busy
            QMessageBox.warning(self, "Not saved", str(exc))
            self.view.reload()

    def allot(self) -> None:
        from visitdesk.ui.dialogs.hotel_dialog import AllotDialog

        hotel_id = optional_id(self.hotel)
        if hotel_id is None:
            return
        desk, visit_id = self.view.desk, self.view.visit_id
        mine = [r for r in self._rooms if r.hotel_id == hotel_id]
        delegates = len(desk.travel.delegation(visit_id))
        counts: Counter[RoomType] = Counter(r.room_type for r in mine)
        if not mine and delegates:  # a first guess the officer corrects: a suite, the rest standard
            counts[RoomType.SUITE] = 1
            counts[RoomType.STANDARD] = delegates - 1
        dates = (
            (min(r.check_in for r in mine), max(r.check_out for r in mine))
            if mine
            else desk.hotels.visit_dates(visit_id)
        )
        dialog = AllotDialog(desk, hotel_id, self.hotel.currentText(), dict(counts), dates, self)
        while dialog.exec():
            preview = dialog.preview
            if preview is None:
                return
            save = self._hotel_edit(
                f"Allot the rooms of {self.hotel.currentText()} by precedence",
                _allotted(preview.data),
            )
            if save is None:
                return
            try:
                if save(None, self._record.version):
                    return
            except RefusedError as exc:
                QMessageBox.warning(self, "Not allotted", str(exc))
                self.view.reload()
                return
