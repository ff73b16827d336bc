"""Finding visits: the register of all visits, and one visit with everything it holds."""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from visitdesk.domain.cars import Movement
from visitdesk.domain.engagement import Engagement
from visitdesk.domain.enums import VisitStatus
from visitdesk.domain.lodging import Hotel
from visitdesk.domain.outcome import Outcome
from visitdesk.domain.travel import TravelLeg
from visitdesk.domain.visit import Visit
from visitdesk.services.errors import NotFoundError


@dataclass(frozen=True, slots=True)
class VisitRow:
    ref: str
    start_date: date
    end_date: date
    title: str
    status: VisitStatus


def list_visits(session: Session) -> list[VisitRow]:
    """Every visit, newest first; one query of plain columns, fast for thousands of visits."""
    rows = session.execute(
        select(Visit.ref, Visit.start_date, Visit.end_date, Visit.title, Visit.status).order_by(
            Visit.start_date.desc(), Visit.ref
        )
    )
    return [VisitRow(*row) for row in rows]


def load_visit(session: Session, ref: str) -> Visit:
    """One visit with its whole record loaded, or a NotFoundError that suggests close matches."""
    visit = session.scalars(
        select(Visit)
        .where(Visit.ref == ref)
        .options(
            selectinload(Visit.participants),
            selectinload(Visit.statements),
            selectinload(Visit.press_releases),
            selectinload(Visit.outcomes).selectinload(Outcome.history),
            selectinload(Visit.engagements).selectinload(Engagement.attendees),
            selectinload(Visit.engagements).selectinload(Engagement.talking_points),
            # What the logistics warnings read (domain/logistics_checks.py).
            selectinload(Visit.travel_legs).selectinload(TravelLeg.travellers),
            selectinload(Visit.hotels).selectinload(Hotel.rooms),
            selectinload(Visit.movements).selectinload(Movement.cars),
        )
    ).first()
    if visit is None:
        known = list(session.scalars(select(Visit.ref)))
        close = difflib.get_close_matches(ref, known, n=3)
        hint = f" Did you mean {', '.join(close)}?" if close else " `visitdesk visits` lists them."
        raise NotFoundError(f"There is no visit {ref!r}.{hint}")
    return visit
