"""Write the car plans of imported visits: a visit whose file has `"car_plans"` gets those
movements in place of the ones it had; a file without the key leaves them as they are."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import delete
from sqlalchemy.orm import Session

from visitdesk.domain.cars import CarPassenger, Movement, MovementCar
from visitdesk.services.errors import ServiceError
from visitdesk.services.exchange.document import VisitRecord

if TYPE_CHECKING:
    # Only the type: write_travel imports the writer, which imports this module.
    from visitdesk.services.exchange.write_travel import JourneyIds


def write_car_plans(
    session: Session,
    records: list[VisitRecord],
    visit_ids: dict[str, int],
    engagement_id: dict[tuple[int, str], int],
    person: dict[str, int],
    journeys: JourneyIds,
) -> None:
    """Call after the visits, engagements and journeys of the file are written; `journeys`
    maps (visit id, a journey's id in the file) to the journey stored (write_travel)."""
    for index, record in enumerate(records):
        if record.car_plans is None:
            continue
        vid = visit_ids[record.ref]
        session.execute(
            delete(Movement).where(Movement.visit_id == vid),
            execution_options={"synchronize_session": False},
        )
        for number, m in enumerate(record.car_plans):
            if m.journey is not None and (vid, m.journey) not in journeys:
                raise ServiceError(
                    f"visits[{index}].car_plans[{number}].journey: the movement meets "
                    f"journey {m.journey!r} of visit {record.ref!r}, which was not imported."
                )
            movement = Movement(
                visit_id=vid,
                title=m.title,
                departs=m.departs,
                arrives=m.arrives,
                origin=m.origin,
                destination=m.destination,
                notes=m.notes,
                engagement_id=engagement_id[(vid, m.engagement)] if m.engagement else None,
                travel_leg_id=journeys[(vid, m.journey)] if m.journey is not None else None,
            )
            for c in m.cars:
                car = MovementCar(
                    role=c.role,
                    label=c.label,
                    registration=c.registration,
                    driver=c.driver,
                    driver_phone=c.driver_phone,
                    notes=c.notes,
                )
                for s in c.seats:
                    car.seats.append(CarPassenger(person_id=person[s.person], seat=s.seat))
                movement.cars.append(car)
            session.add(movement)
    session.flush()
