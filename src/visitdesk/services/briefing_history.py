"""The history of a relationship, for the background of each brief: the earlier engagements,
in other visits, between the same two organisations, newest first."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import or_, select
from sqlalchemy.orm import Session, selectinload

from visitdesk.domain.models import Engagement, Outcome, Visit
from visitdesk.services.briefing_types import OutcomeInfo, PastEngagement, outcome_info, text


def _pair(engagement: Engagement) -> frozenset[int] | None:
    """The two organisations an engagement is between: whom the delegation met, and its own."""
    visit = engagement.visit
    counterpart = engagement.organisation_id or visit.host_organisation_id
    own = visit.guest_organisation_id
    if counterpart is None or own is None or counterpart == own:
        return None
    return frozenset({counterpart, own})


def history_by_engagement(
    session: Session, visit: Visit, engagements: Iterable[Engagement]
) -> dict[int, list[PastEngagement]]:
    """For each engagement, the earlier ones of other visits between the same organisations."""
    pairs = {e.id: pair for e in engagements if (pair := _pair(e)) is not None}
    if not pairs:
        return {}
    orgs = set().union(*pairs.values())
    candidates = session.scalars(
        select(Engagement)
        .join(Visit, Engagement.visit_id == Visit.id)
        .where(
            Engagement.visit_id != visit.id,
            Visit.start_date <= visit.end_date,
            Visit.guest_organisation_id.in_(orgs),
            or_(Engagement.organisation_id.in_(orgs), Visit.host_organisation_id.in_(orgs)),
        )
        .options(selectinload(Engagement.visit))
        .order_by(Engagement.start.desc(), Engagement.id.desc())
    ).all()
    if not candidates:
        return {}
    outcomes: dict[int, list[OutcomeInfo]] = {}
    for outcome in session.scalars(
        select(Outcome)
        .where(Outcome.engagement_id.in_([c.id for c in candidates]))
        .order_by(Outcome.position)
    ):
        if outcome.engagement_id is not None:
            outcomes.setdefault(outcome.engagement_id, []).append(outcome_info(outcome))
    found: dict[int, list[PastEngagement]] = {}
    for engagement in engagements:
        pair = pairs.get(engagement.id)
        found[engagement.id] = [
            PastEngagement(
                start=c.start,
                title=c.title,
                kind=c.kind.label,
                visit_title=c.visit.title,
                place=", ".join(p for p in (text(c.venue), text(c.city)) if p),
                outcomes=tuple(outcomes.get(c.id, [])),
            )
            for c in candidates
            if c.start < engagement.start and pair is not None and _pair(c) == pair
        ]
    return found
