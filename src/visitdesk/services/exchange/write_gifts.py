"""Write the gifts of an imported file's visits, and read them back for an export.

On import a visit whose file gives `"gifts"` has its register replaced by the file's; a file
without the key leaves the stored gifts as they are (as press releases). On export every gift
is written with its people and engagement by their ids in the file, its photo as people's
photos are.
"""

from __future__ import annotations

import base64
from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from sqlalchemy import Row, delete, insert, select
from sqlalchemy.orm import Session

from visitdesk.domain.gifts import Gift
from visitdesk.services.exchange.document import VisitRecord
from visitdesk.services.exchange.writer import NO_SYNC, chunks

Json = dict[str, Any]


def write_gifts(
    session: Session,
    records: list[VisitRecord],
    visit_ids: dict[str, int],
    engagement_id: dict[tuple[int, str], int],
    person: dict[str, int],
) -> None:
    """Replace the gifts of each visit whose record says what they are."""
    replaced = [visit_ids[r.ref] for r in records if r.gifts is not None]
    for part in chunks(replaced):
        session.execute(delete(Gift).where(Gift.visit_id.in_(part)), execution_options=NO_SYNC)
    rows: list[Json] = []
    for record in records:
        vid = visit_ids[record.ref]
        for g in record.gifts or []:
            rows.append(
                {
                    "visit_id": vid,
                    "engagement_id": engagement_id[(vid, g.engagement)] if g.engagement else None,
                    "direction": g.direction,
                    "giver_id": person[g.giver] if g.giver else None,
                    "giver_name": g.giver_name,
                    "receiver_id": person[g.receiver] if g.receiver else None,
                    "receiver_name": g.receiver_name,
                    "description": g.description,
                    "given_on": g.given_on,
                    "estimated_value": g.estimated_value,
                    "currency": g.currency,
                    "photo": g.photo.data if g.photo else None,
                    "photo_media_type": g.photo.media_type if g.photo else None,
                    "decision": g.decision,
                    "reported_on": g.reported_on,
                    "deposited_on": g.deposited_on,
                    "deposit_reference": g.deposit_reference,
                    "assessed_value": g.assessed_value,
                    "notes": g.notes,
                }
            )
    for batch in chunks(rows):
        session.execute(insert(Gift), list(batch))


# Export -------------------------------------------------------------------------------------


def load_gifts(session: Session, visit_ids: Sequence[int]) -> dict[int, list[Row[Any]]]:
    """Each visit's gifts, in the order recorded."""
    found: dict[int, list[Row[Any]]] = defaultdict(list)
    columns = [c for c in Gift.__table__.columns]
    for part in chunks(list(visit_ids)):
        query = select(*columns).where(Gift.visit_id.in_(part)).order_by(Gift.id)
        for row in session.execute(query):
            found[row.visit_id].append(row)
    return found


def gift_people(gifts: dict[int, list[Row[Any]]]) -> set[int]:
    """The people the gifts name: an export of some visits carries them too."""
    return {
        pid for rows in gifts.values() for g in rows for pid in (g.giver_id, g.receiver_id) if pid
    }


def gift_json(g: Row[Any], people: dict[int, str], engagements: dict[int, str]) -> Json:
    record = {
        "direction": g.direction.value,
        "engagement": engagements.get(g.engagement_id) if g.engagement_id else None,
        "giver": people[g.giver_id] if g.giver_id else None,
        "giver_name": None if g.giver_id else g.giver_name,
        "receiver": people[g.receiver_id] if g.receiver_id else None,
        "receiver_name": None if g.receiver_id else g.receiver_name,
        "description": g.description,
        "date": g.given_on.isoformat() if g.given_on else None,
        "estimated_value": g.estimated_value,
        "currency": g.currency,
        "photo": (
            {
                "media_type": g.photo_media_type or "image/png",
                "data": base64.b64encode(g.photo).decode(),
            }
            if g.photo
            else None
        ),
        "decision": g.decision.value if g.decision else None,
        "reported_on": g.reported_on.isoformat() if g.reported_on else None,
        "deposited_on": g.deposited_on.isoformat() if g.deposited_on else None,
        "deposit_reference": g.deposit_reference,
        "assessed_value": g.assessed_value,
        "notes": g.notes,
    }
    return {k: v for k, v in record.items() if v is not None}
