"""The car plans of exported visits, as the `"car_plans"` key of each visit (left out when a
visit has none, so files of visits without car plans read as before)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from visitdesk.domain.cars import CarPassenger, Movement, MovementCar
from visitdesk.domain.travel import TravelLeg

Json = dict[str, Any]


def _compact(record: Json) -> Json:
    return {k: v for k, v in record.items() if v is not None}


def _when(value: Any) -> str | None:
    if value is None:
        return None
    return str(value.isoformat(timespec="minutes" if not value.second else "seconds"))


def _movements(session: Session, visit_ids: Sequence[int]) -> list[Movement]:
    return list(
        session.scalars(
            select(Movement)
            .where(Movement.visit_id.in_(visit_ids))
            .options(selectinload(Movement.cars).selectinload(MovementCar.seats))
            .order_by(Movement.departs, Movement.id)
        )
    )


def seated_people(session: Session, visit_ids: Sequence[int]) -> set[int]:
    """Whoever sits in a car of these visits: the file must define them."""
    return set(
        session.scalars(
            select(CarPassenger.person_id)
            .join(Movement, CarPassenger.movement_id == Movement.id)
            .where(Movement.visit_id.in_(visit_ids))
        )
    )


def car_plans_json(
    session: Session,
    visit_ids: Sequence[int],
    people: dict[int, str],
    engagements: dict[int, str],
) -> dict[int, list[Json]]:
    """visit id → its movements as the file writes them (only visits that have some)."""
    # The ids export_travel gives the journeys: journey-1, journey-2… in their stored order.
    journey: dict[int, str] = {}
    for vid in visit_ids:
        legs = session.scalars(
            select(TravelLeg.id).where(TravelLeg.visit_id == vid).order_by(TravelLeg.id)
        )
        journey.update((leg, f"journey-{n}") for n, leg in enumerate(legs, start=1))
    plans: dict[int, list[Json]] = {}
    for m in _movements(session, visit_ids):
        plans.setdefault(m.visit_id, []).append(
            _compact(
                {
                    "title": m.title,
                    "engagement": engagements[m.engagement_id] if m.engagement_id else None,
                    "journey": journey[m.travel_leg_id] if m.travel_leg_id else None,
                    "departs": _when(m.departs),
                    "arrives": _when(m.arrives),
                    "origin": m.origin,
                    "destination": m.destination,
                    "notes": m.notes,
                    "cars": [
                        _compact(
                            {
                                "role": c.role.value,
                                "label": c.label,
                                "registration": c.registration,
                                "driver": c.driver,
                                "driver_phone": c.driver_phone,
                                "notes": c.notes,
                                "seats": [
                                    {"person": people[s.person_id], "seat": s.seat.value}
                                    for s in c.seats
                                ],
                            }
                        )
                        for c in m.cars
                    ],
                }
            )
        )
    return plans
