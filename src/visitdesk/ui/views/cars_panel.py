"""The Cars tab of a visit: its movements, and the car plan of the one selected.

Every change of a car or a seat is a save of the movement (one versioned record with its cars),
undoable, and refused with the other officer's name when they saved the movement since.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMessageBox, QSplitter, QVBoxLayout, QWidget

from visitdesk.app import ConflictError, Record
from visitdesk.app.cars import (
    CarData,
    CarSeat,
    DeletedMovement,
    MovementData,
    MovementRow,
    car_labels,
)
from visitdesk.ui.models.cars import CarRow, CarsModel, MovementsModel
from visitdesk.ui.table_actions import fit_to_content
from visitdesk.ui.undo import VersionedEdit
from visitdesk.ui.widgets import button_bar, make_table, select_id, selected_row

if TYPE_CHECKING:
    from visitdesk.ui.views.visit_view import VisitView

# The movement as stored, and what the dialog hands to its save -> the movement to store.
Change = Callable[[MovementData, object], MovementData]


def _confirm(parent: QWidget, what: str) -> bool:
    answer = QMessageBox.question(
        parent, "Delete?", f"Delete {what}?\n\nEdit ▸ Undo brings it back."
    )
    return answer == QMessageBox.StandardButton.Yes


def _placed(cars: tuple[CarData, ...], index: int, car: CarData) -> tuple[CarData, ...]:
    """The cars with `car` at `index` (or added at the end), and whoever it seats taken out
    of the seats they had in the other cars: a seat given by hand moves the person."""
    riding = {s.person_id for s in car.seats}
    moved = [
        dataclasses.replace(c, seats=tuple(s for s in c.seats if s.person_id not in riding))
        for c in cars
    ]
    if index < len(moved):
        moved[index] = car
    else:
        moved.append(car)
    return tuple(moved)


class CarsPanel(QWidget):
    def __init__(self, view: VisitView) -> None:
        super().__init__(view)
        self.view = view
        self.movement: Record[MovementData] | None = None
        self._names: dict[int, str] = {}

        self.model = MovementsModel(self)
        self.table, self.proxy = make_table(self.model, self, stretch=2, sortable=False)
        self.table.setObjectName("movements")
        self.table.setAccessibleName("Movements")
        fit_to_content(self.table)
        self.table.activated.connect(lambda _i: self.edit_movement())
        bar, self.movement_buttons = button_bar(
            self,
            ("&Add movement…", self.add_movement, "A transfer or a drive of the delegation"),
            ("&Edit movement…", self.edit_movement, "When, from where, to where (Enter)"),
            ("&Delete movement", self.delete_movement, "Delete the movement and its cars"),
            (
                "Make a movement for each engagement",
                self.make_movements,
                "One movement to every engagement that has none, leaving 30 minutes before it",
            ),
        )
        self.table.selectionModel().selectionChanged.connect(lambda *_: self.show_cars())

        self.cars_model = CarsModel(self)
        self.cars, self.cars_proxy = make_table(self.cars_model, self, stretch=8, sortable=False)
        self.cars.setObjectName("cars")
        self.cars.setAccessibleName("Cars of the movement")
        fit_to_content(self.cars)
        self.cars.activated.connect(lambda _i: self.edit_car())
        self.cars_heading = QLabel(self)
        self.cars_heading.setObjectName("cars-heading")
        self.cars_heading.setTextFormat(Qt.TextFormat.PlainText)  # a title is never markup
        # Wrapped: a 300-character carrier or venue in the title would widen the window past
        # the screen, pushing the movements' From/To/Cars columns out of sight.
        self.cars_heading.setWordWrap(True)
        car_bar, self.car_buttons = button_bar(
            self,
            (
                "Propose car plan by precedence",
                self.propose,
                "Car 1 the flag car with the leader rear right, the host escort rear left, "
                "the liaison officer in front; the others by precedence",
            ),
            ("Add car…", self.add_car, "Another car for this movement"),
            ("Edit ca&r…", self.edit_car, "Its driver, phone and who sits where (Enter)"),
            ("Delete car", self.delete_car, "Take the selected car out of the movement"),
            ("Move &up", lambda: self.move_car(-1), "Earlier in the motorcade"),
            ("Move do&wn", lambda: self.move_car(1), "Later in the motorcade"),
        )
        lower = QWidget(self)
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addWidget(self.cars_heading)
        lower_layout.addLayout(car_bar)
        lower_layout.addWidget(self.cars, 1)
        upper = QWidget(self)
        upper_layout = QVBoxLayout(upper)
        upper_layout.setContentsMargins(0, 0, 0, 0)
        upper_layout.addLayout(bar)
        upper_layout.addWidget(self.table, 1)
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(upper)
        split.addWidget(lower)
        layout = QVBoxLayout(self)
        layout.addWidget(split, 1)

    # Reading -------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Read the movements again (VisitView calls this after every edit)."""
        chosen = self.current()
        desk, visit_id = self.view.desk, self.view.visit_id
        self._names = {p.id: p.name for p in desk.cars.passengers(visit_id)}
        self.model.set_rows(list(desk.cars.movements(visit_id)))
        if chosen is not None:
            select_id(self.table, self.proxy, chosen.id)
        if self.current() is None and self.model.shown_rows():
            self.table.selectRow(0)
        self.show_cars()

    def current(self) -> MovementRow | None:
        row: MovementRow | None = selected_row(self.table, self.proxy)
        return row

    def _name(self, person_id: int) -> str:
        return self._names.get(person_id, "(no longer in the visit)")

    def show_cars(self) -> None:
        row = self.current()
        chosen = selected_row(self.cars, self.cars_proxy)
        self.movement = self.view.desk.cars.load(row.id) if row is not None else None
        data = self.movement.data if self.movement else None
        rows = []
        if data is not None:
            for index, (car, label) in enumerate(zip(data.cars, car_labels(data), strict=True)):
                seat = {s.seat: self._name(s.person_id) for s in car.seats}
                others = ", ".join(
                    self._name(s.person_id) for s in car.seats if s.seat is CarSeat.OTHER
                )
                rows.append(
                    CarRow(
                        index, label, car.role.label, car.registration or "", car.driver or "",
                        car.driver_phone or "", seat.get(CarSeat.REAR_RIGHT, ""),
                        seat.get(CarSeat.REAR_LEFT, ""), seat.get(CarSeat.REAR_MIDDLE, ""),
                        seat.get(CarSeat.FRONT, ""), others, "",
                    )
                )  # fmt: skip
        self.cars_model.set_rows(rows)
        if chosen is not None:
            select_id(self.cars, self.cars_proxy, chosen.id)
        heading = f"Cars of “{row.title}”, in motorcade order" if row else "No movement selected"
        self.cars_heading.setText(heading)
        for button in self.car_buttons:
            button.setEnabled(row is not None)

    # Movements -----------------------------------------------------------------------------

    def add_movement(self) -> None:
        from visitdesk.ui.dialogs.cars_dialog import MovementDialog

        cars, visit_id = self.view.desk.cars, self.view.visit_id
        made: dict[str, int] = {}

        def save(data: MovementData) -> bool:
            gone: list[DeletedMovement] = []

            def do() -> None:
                made["id"] = (cars.restore(gone.pop()) if gone else cars.add(visit_id, data)).id

            def undo() -> None:
                gone.append(cars.delete(made["id"]))

            return self.view.push_call("Add movement", do, undo)

        near = self.view.desk.itinerary.visit_dates(visit_id)[0]
        MovementDialog(save, None, near, cars.links(visit_id), self).exec()
        if "id" in made:
            select_id(self.table, self.proxy, made["id"])
            self.show_cars()

    def _saving(self, text: str, change: Change) -> Callable[..., bool]:
        """A save of the selected movement made by `change(the movement as stored)`: as
        opened, or as the other officer left it when this officer keeps theirs over it."""
        assert self.movement is not None
        cars, opened = self.view.desk.cars, self.movement
        before: list[MovementData] = [opened.data]
        base: dict[int, MovementData] = {opened.version: opened.data}

        def store(data: MovementData, version: int) -> Record[MovementData]:
            return cars.update(opened.id, data, version, opened=opened.data)

        def save(typed: object, version: int) -> bool:
            if version not in base:
                base[version] = cars.load(opened.id).data
            after = change(base[version], typed)
            edit = VersionedEdit(store, after=after, before=before[-1], version=version)
            try:
                return self.view.push_call(text, edit.do, edit.undo)
            except ConflictError as exc:
                if exc.theirs is not None:
                    before.append(exc.theirs.data)
                    base[exc.theirs.version] = exc.theirs.data
                raise

        return save

    def edit_movement(self) -> None:
        from visitdesk.ui.dialogs.cars_dialog import MovementDialog

        row = self.current()
        if row is None or self.movement is None:
            return
        record = self.movement

        def details(stored: MovementData, typed: object) -> MovementData:
            assert isinstance(typed, MovementData)
            return dataclasses.replace(typed, cars=stored.cars)

        dialog = MovementDialog(
            self._saving(f"Edit movement “{row.title}”", details),
            record.data,
            record.data.departs.date(),
            self.view.desk.cars.links(self.view.visit_id),
            self,
            record.version,
        )
        dialog.watched = ("movement", record.id)
        dialog.theirs_taken.connect(self.view.reload)
        dialog.exec()

    def delete_movement(self) -> None:
        row = self.current()
        if row is None or not _confirm(self, f"the movement “{row.title}” and its cars"):
            return
        cars = self.view.desk.cars
        gone: list[DeletedMovement] = []

        def do() -> None:
            gone.append(cars.delete(row.id))

        def undo() -> None:
            cars.restore(gone.pop())

        self.view.push_call(f"Delete movement “{row.title}”", do, undo)

    def make_movements(self) -> None:
        cars, visit_id = self.view.desk.cars, self.view.visit_id
        made: list[int] = []
        gone: list[tuple[DeletedMovement, ...]] = []

        def do() -> None:
            if gone:
                cars.restore_many(gone.pop())
            else:
                made.extend(cars.make_movements(visit_id))

        def undo() -> None:
            gone.append(cars.delete_many(tuple(made)))

        engagements, _journeys = cars.links(visit_id)
        served = {m.engagement_id for m in cars.movements(visit_id)}
        if not engagements or all(e.id in served for e in engagements):
            # Nothing to make: no empty step on the undo stack.
            QMessageBox.information(
                self,
                "No movement made",
                "Every engagement of the visit has its movement."
                if engagements
                else "The visit has no engagements yet: add them on the Programme tab.",
            )
            return
        self.view.push_call("Make a movement for each engagement", do, undo)

    # Cars of the selected movement ------------------------------------------------------

    def _car_index(self) -> int | None:
        row: CarRow | None = selected_row(self.cars, self.cars_proxy)
        return row.id if row is not None else None

    def _apply(self, text: str, change: Change) -> None:
        """A change made without a dialog; a conflict or a busy store is answered here."""
        from visitdesk.ui.versioned_save import Outcome, save_over

        if self.movement is None:
            return
        save = self._saving(text, change)
        done = save_over(
            self, "The car plan", lambda version: save(None, version), self.movement.version
        )
        if done.outcome is Outcome.TOOK_THEIRS:
            self.view.reload()

    def propose(self) -> None:
        row = self.current()
        if row is None or self.movement is None:
            return
        proposal = self.view.desk.cars.proposal(row.id)
        self._apply("Propose car plan by precedence", lambda _stored, _typed: proposal)

    def _car_dialog(self, index: int | None) -> None:
        from visitdesk.ui.dialogs.cars_dialog import CarDialog

        if self.movement is None:
            return
        record = self.movement
        people = self.view.desk.cars.passengers(self.view.visit_id)
        where = len(record.data.cars) if index is None else index

        def placed(stored: MovementData, typed: object) -> MovementData:
            assert isinstance(typed, CarData)
            return dataclasses.replace(stored, cars=_placed(stored.cars, where, typed))

        label = car_labels(record.data)[index] if index is not None else "a car"
        text = f"Edit {label}" if index is not None else "Add car"
        movement = self.current()
        title = f"{label} of “{movement.title}”" if movement and index is not None else "New car"
        dialog = CarDialog(
            self._saving(text, placed),
            record.data.cars[index] if index is not None else None,
            people,
            self,
            record.version,
            title=title,
        )
        dialog.watched = ("movement", record.id)
        dialog.theirs_taken.connect(self.view.reload)
        dialog.exec()

    def add_car(self) -> None:
        self._car_dialog(None)

    def edit_car(self) -> None:
        index = self._car_index()
        if index is not None:
            self._car_dialog(index)

    def delete_car(self) -> None:
        index = self._car_index()
        if index is None or self.movement is None:
            return
        label = car_labels(self.movement.data)[index]
        if not _confirm(self, f"{label} and its seats"):
            return

        def without(stored: MovementData, _typed: object) -> MovementData:
            return dataclasses.replace(stored, cars=stored.cars[:index] + stored.cars[index + 1 :])

        self._apply(f"Delete {label}", without)

    def move_car(self, step: int) -> None:
        index = self._car_index()
        if index is None or self.movement is None:
            return
        target = index + step
        if not 0 <= target < len(self.movement.data.cars):
            return

        def moved(stored: MovementData, _typed: object) -> MovementData:
            cars = list(stored.cars)
            cars[index], cars[target] = cars[target], cars[index]
            return dataclasses.replace(stored, cars=tuple(cars))

        self._apply("Move car up" if step < 0 else "Move car down", moved)
        select_id(self.cars, self.cars_proxy, target)
