"""Read visits for export as plain rows, a few queries a table.

Building ORM objects for a ten-year archive (hundreds of thousands of attendees and talking
points) took most of an export's time; the exporter needs only column values.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Row, select
from sqlalchemy.orm import Session

from visitdesk.domain.classification import Level
from visitdesk.domain.engagement import Attendee, Engagement, TalkingPoint
from visitdesk.domain.enums import Side
from visitdesk.domain.outcome import Outcome, StatusChange
from visitdesk.domain.press_release import PressRelease
from visitdesk.domain.statement import Statement
from visitdesk.domain.visit import Visit, VisitParticipant
from visitdesk.services.exchange.writer import chunks


@dataclass(slots=True)
class EngagementData:
    row: Row[Any]
    talking_points: list[str] = field(default_factory=list)
    talking_point_levels: list[Level | None] = field(default_factory=list)
    attendees: list[tuple[int, Side]] = field(default_factory=list)


@dataclass(slots=True)
class OutcomeData:
    row: Row[Any]
    history: list[Row[Any]] = field(default_factory=list)


@dataclass(slots=True)
class VisitData:
    row: Row[Any]
    participants: list[Row[Any]] = field(default_factory=list)
    engagements: list[EngagementData] = field(default_factory=list)
    statements: list[Row[Any]] = field(default_factory=list)
    outcomes: list[OutcomeData] = field(default_factory=list)
    press_releases: list[Row[Any]] = field(default_factory=list)


def _columns(model: Any) -> list[Any]:
    return list(model.__table__.columns)


def _rows(session: Session, query: Any, column: Any, keys: Sequence[int]) -> list[Row[Any]]:
    return [row for part in chunks(keys) for row in session.execute(query.where(column.in_(part)))]


def load_visits(session: Session, visit_ids: Sequence[int]) -> list[VisitData]:
    """The visits with these ids, in the order given, with everything they hold."""
    visits = {
        r.id: VisitData(r) for r in _rows(session, select(*_columns(Visit)), Visit.id, visit_ids)
    }
    ids = list(visits)
    for r in _rows(
        session,
        select(*_columns(VisitParticipant)).order_by(
            VisitParticipant.visit_id, VisitParticipant.position
        ),
        VisitParticipant.visit_id,
        ids,
    ):
        visits[r.visit_id].participants.append(r)
    engagements: dict[int, EngagementData] = {}
    for r in _rows(
        session,
        select(*_columns(Engagement)).order_by(Engagement.start, Engagement.id),
        Engagement.visit_id,
        ids,
    ):
        engagements[r.id] = data = EngagementData(r)
        visits[r.visit_id].engagements.append(data)
    # Chunks split the order by engagement, so each engagement's own order is restored after.
    points = sorted(
        _rows(
            session,
            select(
                TalkingPoint.engagement_id,
                TalkingPoint.position,
                TalkingPoint.text,
                TalkingPoint.level,
            ),
            TalkingPoint.engagement_id,
            list(engagements),
        ),
        key=lambda r: (r.engagement_id, r.position),
    )
    for r in points:
        engagements[r.engagement_id].talking_points.append(r.text)
        engagements[r.engagement_id].talking_point_levels.append(r.level)
    attendees = sorted(
        _rows(
            session,
            select(Attendee.engagement_id, Attendee.position, Attendee.person_id, Attendee.side),
            Attendee.engagement_id,
            list(engagements),
        ),
        key=lambda r: (r.engagement_id, r.position),
    )
    for r in attendees:
        engagements[r.engagement_id].attendees.append((r.person_id, r.side))
    for r in _rows(
        session, select(*_columns(Statement)).order_by(Statement.position), Statement.visit_id, ids
    ):
        visits[r.visit_id].statements.append(r)
    outcomes: dict[int, OutcomeData] = {}
    for r in _rows(
        session, select(*_columns(Outcome)).order_by(Outcome.position), Outcome.visit_id, ids
    ):
        outcomes[r.id] = data_o = OutcomeData(r)
        visits[r.visit_id].outcomes.append(data_o)
    history = sorted(
        _rows(session, select(*_columns(StatusChange)), StatusChange.outcome_id, list(outcomes)),
        key=lambda r: (r.outcome_id, r.changed_on, r.id),
    )
    for r in history:
        outcomes[r.outcome_id].history.append(r)
    for r in _rows(
        session,
        select(*_columns(PressRelease)).order_by(PressRelease.number),
        PressRelease.visit_id,
        ids,
    ):
        visits[r.visit_id].press_releases.append(r)
    return [visits[i] for i in visit_ids if i in visits]
