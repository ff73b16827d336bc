"""The car plan as a list for the transport company and the drivers: one row per passenger
(a car nobody is seated in yet still has its row), movement by movement in time order, the
cars in motorcade order, each row complete so that it can be filtered by car or driver."""

from __future__ import annotations

from visitdesk.domain.car_plan import car_labels
from visitdesk.domain.cars import CarPassenger
from visitdesk.domain.models import Visit
from visitdesk.services.car_plan_making import movement_title
from visitdesk.services.errors import ServiceError
from visitdesk.services.spreadsheets.cells import CellValue

HEADINGS = (
    "No.", "Movement", "Date", "Time", "From", "To", "Car", "Role", "Registration", "Driver",
    "Driver's phone", "Seat", "Passenger",
)  # fmt: skip


def car_plan_rows(visit: Visit) -> list[list[CellValue]]:
    if not visit.movements:
        raise ServiceError(
            f"The visit {visit.ref!r} has no movements yet: add them on its Cars tab (or make "
            "a movement for each engagement there) before making the car plan."
        )
    rows: list[list[CellValue]] = []
    for movement in visit.movements:
        head: list[CellValue] = [
            movement_title(movement),
            movement.departs.date(),
            f"{movement.departs:%H:%M}",
            movement.origin,
            movement.destination,
        ]
        labels = car_labels([c.role for c in movement.cars], [c.label for c in movement.cars])
        if not movement.cars:
            rows.append([*head, None, None, None, None, None, None, None])
        for car, label in zip(movement.cars, labels, strict=True):
            about: list[CellValue] = [
                label,
                car.role.label,
                car.registration,
                car.driver,
                car.driver_phone,
            ]
            seats: list[CarPassenger | None] = list(car.seats) or [None]
            for seat in seats:
                rows.append(
                    [
                        *head,
                        *about,
                        seat.seat.label if seat else None,
                        seat.person.display_name if seat else None,
                    ]
                )
    return [[n, *row] for n, row in enumerate(rows, start=1)]
