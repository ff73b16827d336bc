"""Car plans (issue 14): a visit's movements, each with its cars and who sits where.

A movement is one versioned record; its cars and seats are its parts (`MovementData.cars`), so
a change of any seat is a save of the movement (`update`), refused when another officer saved
it since. `proposal` gives the plan protocol proposes (the seat conventions are data:
`SeatConvention`, `DEFAULT_CONVENTION`), which the window saves with `update` like any edit.
"""

from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING

from visitdesk.app.part import Part
from visitdesk.app.records import Record
from visitdesk.domain.car_plan import DEFAULT_CONVENTION, MOVEMENT_LEAD, SeatConvention
from visitdesk.domain.enums import CarRole, CarSeat
from visitdesk.services.car_plan_making import LinkChoice, MovementRow, PassengerChoice
from visitdesk.services.car_plans import CarData, MovementData, MovementSnapshot, SeatData

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

__all__ = [
    "DEFAULT_CONVENTION",
    "MOVEMENT_LEAD",
    "CarData",
    "CarRole",
    "CarSeat",
    "Cars",
    "DeletedMovement",
    "LinkChoice",
    "MovementData",
    "MovementRow",
    "PassengerChoice",
    "SeatConvention",
    "SeatData",
    "car_labels",
]

# A movement as it was when deleted: what `Cars.restore` puts back.
DeletedMovement = MovementSnapshot


def car_labels(data: MovementData) -> list[str]:
    """What the plan calls each car of the movement ("Pilot", "Car 1", its own label)."""
    from visitdesk.domain.car_plan import car_labels as labels

    return labels([c.role for c in data.cars], [c.label for c in data.cars])


def _load(session: Session, movement_id: int) -> MovementData:
    from visitdesk.services.car_plans import load_movement

    return load_movement(session, movement_id)


def _record(session: Session, movement_id: int) -> Record[MovementData]:
    from visitdesk.services.car_plans import get_movement

    row = get_movement(session, movement_id)
    return Record(row.id, row.version, _load(session, row.id), row.changed_at, row.changed_by)


def restore_movement(session: Session, gone: MovementSnapshot) -> None:
    """Put a movement back under its id and version (also for an engagement's undo)."""
    from visitdesk.app.itinerary import keep_version
    from visitdesk.domain.cars import Movement
    from visitdesk.services.car_plans import restore_movement as restore

    restore(session, gone)
    keep_version(session, Movement, gone.id, gone.version)


class Cars(Part):
    def movements(self, visit_id: int) -> tuple[MovementRow, ...]:
        """The visit's movements in time order, each with how many cars and passengers."""
        from visitdesk.services.car_plan_making import movement_rows

        return tuple(self._desk.read(lambda s: movement_rows(s, visit_id)))

    def load(self, movement_id: int) -> Record[MovementData]:
        """The movement with its cars and seats, and the version a save must name."""
        from visitdesk.domain.cars import Movement

        return self._desk.record(Movement, movement_id, _load)

    def add(self, visit_id: int, data: MovementData) -> Record[MovementData]:
        from visitdesk.services.car_plans import add_movement

        return self._desk.write(lambda s: _record(s, add_movement(s, visit_id, data)))

    def update(
        self,
        movement_id: int,
        data: MovementData,
        version: int,
        opened: MovementData | None = None,
    ) -> Record[MovementData]:
        """Save the movement (its cars and seats with it) over the version read;
        ConflictError when another officer saved it since."""
        from visitdesk.domain.cars import Movement
        from visitdesk.services.car_plans import update_movement

        what = self._what(movement_id, (opened or data).title)
        return self._desk.save(
            Movement,
            movement_id,
            version,
            what,
            data,
            lambda s: update_movement(s, movement_id, data),
            _load,
            opened,
        )

    def _what(self, movement_id: int, title: str | None) -> str:
        """“the movement “Talks at the Ministry””: by its own title, else its engagement's."""
        from visitdesk.app.errors import NotFoundError
        from visitdesk.services.car_plan_making import movement_title
        from visitdesk.services.car_plans import get_movement

        if not title:
            try:
                title = self._desk.read(lambda s: movement_title(get_movement(s, movement_id)))
            except NotFoundError:
                return "the movement"
        return f"the movement “{' '.join(title.split())}”"

    def delete(self, movement_id: int) -> DeletedMovement:
        """Delete the movement with its cars; `restore` puts it back as it was."""
        from visitdesk.services.car_plans import delete_movement

        return self._desk.write(lambda s: delete_movement(s, movement_id))

    def restore(self, deleted: DeletedMovement) -> Record[MovementData]:
        def work(session: Session) -> Record[MovementData]:
            restore_movement(session, deleted)
            session.expire_all()
            return _record(session, deleted.id)

        return self._desk.write(work)

    def proposal(
        self, movement_id: int, convention: SeatConvention = DEFAULT_CONVENTION
    ) -> MovementData:
        """The movement as protocol would seat it (nothing is saved): its cars in motorcade
        order, the principal guest in car 1's seat of honour, the others by precedence."""
        from visitdesk.services.car_plan_making import proposed_plan

        return self._desk.read(lambda s: proposed_plan(s, movement_id, convention))

    def make_movements(self, visit_id: int, lead: timedelta = MOVEMENT_LEAD) -> tuple[int, ...]:
        """A movement for each engagement that has none, leaving `lead` before it starts;
        returns their ids (`delete_many` undoes it)."""
        from visitdesk.services.car_plan_making import make_engagement_movements

        return tuple(self._desk.write(lambda s: make_engagement_movements(s, visit_id, lead)))

    def delete_many(self, movement_ids: tuple[int, ...]) -> tuple[DeletedMovement, ...]:
        """Delete several movements in one transaction (those already gone are passed over)."""
        from visitdesk.domain.cars import Movement
        from visitdesk.services.car_plans import delete_movement

        def work(session: Session) -> tuple[DeletedMovement, ...]:
            return tuple(
                delete_movement(session, i)
                for i in movement_ids
                if session.get(Movement, i) is not None
            )

        return self._desk.write(work)

    def restore_many(self, deleted: tuple[DeletedMovement, ...]) -> None:
        def work(session: Session) -> None:
            for gone in deleted:
                restore_movement(session, gone)

        self._desk.write(work)

    def passengers(self, visit_id: int) -> tuple[PassengerChoice, ...]:
        """Whom a seat may be given to: the visit's people, in order of precedence."""
        from visitdesk.services.car_plan_making import passenger_choices

        return tuple(self._desk.read(lambda s: passenger_choices(s, visit_id)))

    def links(self, visit_id: int) -> tuple[tuple[LinkChoice, ...], tuple[LinkChoice, ...]]:
        """The engagements and the journeys a movement of the visit may be for."""
        from visitdesk.services.car_plan_making import link_choices

        engagements, legs = self._desk.read(lambda s: link_choices(s, visit_id))
        return tuple(engagements), tuple(legs)
