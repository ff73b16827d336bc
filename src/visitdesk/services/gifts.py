"""The gifts register: gifts given and received on a visit, and the deposit those received by
host officials require (the office names its deposit authority, in Pakistan the Toshakhana).

`GiftData` is everything the gift dialog edits (also the snapshot an undo restores); every
value is checked here, once, with a sentence for what cannot be kept.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from visitdesk.domain.dates import short_date
from visitdesk.domain.enums import GiftDecision, GiftDirection
from visitdesk.domain.gifts import MAX_VALUE, Gift
from visitdesk.domain.models import Engagement, Person
from visitdesk.domain.office import DEFAULT_DEPOSIT_AUTHORITY, Office
from visitdesk.services.errors import NotFoundError, ServiceError
from visitdesk.services.fields import blank_as_none
from visitdesk.services.visit_editing import get_visit

_CURRENCY = re.compile(r"^[A-Z]{3}$")
# Column lengths (domain/gifts.py).
MAX_NAME = 300
MAX_REFERENCE = 120


@dataclass(frozen=True)
class GiftData:
    description: str
    direction: GiftDirection = GiftDirection.RECEIVED
    engagement_id: int | None = None
    # A person of the records, or a free name for anyone else ("the Embassy of Japan").
    giver_id: int | None = None
    giver_name: str | None = None
    receiver_id: int | None = None
    receiver_name: str | None = None
    given_on: date | None = None
    estimated_value: int | None = None  # whole units of `currency`
    currency: str | None = None
    photo: bytes | None = None
    decision: GiftDecision | None = None
    reported_on: date | None = None
    deposited_on: date | None = None
    deposit_reference: str | None = None
    assessed_value: int | None = None
    notes: str | None = None


def deposit_authority(session: Session) -> str:
    """The office's name for its deposit authority (the default until the office is set up)."""
    found = session.scalar(select(Office.gift_deposit_authority).order_by(Office.id).limit(1))
    return found or DEFAULT_DEPOSIT_AUTHORITY


def check_value(value: int | None, what: str) -> int | None:
    if value is None:
        return None
    if value < 0:
        raise ServiceError(f"The {what} cannot be below zero.")
    if value > MAX_VALUE:
        raise ServiceError(
            f"The {what} {value:,} is beyond what the register keeps: at most {MAX_VALUE:,} "
            "(whole units of the currency). Check the number of digits."
        )
    return value


def check_currency(code: str | None) -> str | None:
    text = blank_as_none(code)
    if text is None:
        return None
    if not _CURRENCY.match(text.upper()):
        raise ServiceError(
            f"“{text}” is not a currency code: give the three letters of ISO 4217, such as "
            "PKR, USD or CNY."
        )
    return text.upper()


def _text(value: str | None, what: str, limit: int | None = None) -> str | None:
    text = blank_as_none(value)
    if text is None:
        return None
    if "\x00" in text:
        raise ServiceError(f"The {what} holds a NUL character, which cannot be kept; retype it.")
    if limit is not None and len(text) > limit:
        raise ServiceError(
            f"The {what} is {len(text):,} characters long; at most {limit:,} are kept."
        )
    return text


def _person(session: Session, person_id: int | None, what: str) -> int | None:
    if person_id is not None and session.get(Person, person_id) is None:
        raise NotFoundError(f"The {what} is no longer in the records: choose another.")
    return person_id


def _photo_type(gift: Gift, photo: bytes | None, known: str | None) -> str | None:
    from visitdesk.services.person_details import photo_media_type

    if not photo:
        return None
    if known is not None:
        return known  # a gift put back by an undo, as it was stored
    if gift.photo == photo and gift.photo_media_type:
        return gift.photo_media_type  # kept as it came (an imported GIF stays a GIF)
    return photo_media_type(photo)


def _apply(
    session: Session, gift: Gift, visit_id: int, data: GiftData, media_type: str | None = None
) -> None:
    description = _text(data.description, "description of the gift")
    if description is None:
        raise ServiceError("Describe the gift, such as “a silver tea set in a walnut box”.")
    if data.engagement_id is not None:
        engagement = session.get(Engagement, data.engagement_id)
        if engagement is None or engagement.visit_id != visit_id:
            raise NotFoundError(
                "That engagement is not part of this visit any more: choose another."
            )
    given = data.direction is GiftDirection.GIVEN
    deposit = (data.decision, data.reported_on, data.deposited_on, data.deposit_reference)
    if given and any(v is not None and v != "" for v in (*deposit, data.assessed_value)):
        raise ServiceError(
            "A gift the office gave is not reported or deposited: leave its deposit fields empty."
        )
    if data.reported_on and data.deposited_on and data.deposited_on < data.reported_on:
        raise ServiceError(
            f"The gift is deposited ({short_date(data.deposited_on)}) before it is reported "
            f"({short_date(data.reported_on)}): check the two dates."
        )
    gift.photo_media_type = _photo_type(gift, data.photo, media_type)
    gift.visit_id = visit_id
    gift.description = description
    gift.direction = data.direction
    gift.engagement_id = data.engagement_id
    gift.giver_id = _person(session, data.giver_id, "giver")
    gift.giver_name = None if data.giver_id else _text(data.giver_name, "giver's name", MAX_NAME)
    gift.receiver_id = _person(session, data.receiver_id, "receiver")
    gift.receiver_name = (
        None if data.receiver_id else _text(data.receiver_name, "receiver's name", MAX_NAME)
    )
    gift.given_on = data.given_on
    gift.estimated_value = check_value(data.estimated_value, "estimated value")
    gift.currency = check_currency(data.currency)
    gift.photo = data.photo or None
    gift.decision = data.decision
    gift.reported_on = data.reported_on
    gift.deposited_on = data.deposited_on
    gift.deposit_reference = _text(data.deposit_reference, "deposit reference", MAX_REFERENCE)
    gift.assessed_value = check_value(data.assessed_value, "assessed value")
    gift.notes = _text(data.notes, "notes")


def get_gift(session: Session, gift_id: int) -> Gift:
    gift = session.get(Gift, gift_id)
    if gift is None:
        raise NotFoundError("That gift is no longer in the register: another officer deleted it.")
    return gift


def add_gift(
    session: Session,
    visit_id: int,
    data: GiftData,
    gift_id: int | None = None,
    media_type: str | None = None,
) -> int:
    """A new gift of the visit (under `gift_id`, its photo of `media_type`, when an undo puts
    it back)."""
    get_visit(session, visit_id)
    gift = Gift(id=gift_id) if gift_id is not None else Gift()
    _apply(session, gift, visit_id, data, media_type)
    session.add(gift)
    session.flush()
    return gift.id


def update_gift(session: Session, gift_id: int, data: GiftData) -> None:
    gift = get_gift(session, gift_id)
    _apply(session, gift, gift.visit_id, data)


def delete_gift(session: Session, gift_id: int) -> None:
    session.delete(get_gift(session, gift_id))
    session.flush()


def load_gift(session: Session, gift_id: int) -> GiftData:
    g = get_gift(session, gift_id)
    return GiftData(
        description=g.description,
        direction=g.direction,
        engagement_id=g.engagement_id,
        giver_id=g.giver_id,
        giver_name=g.giver_name,
        receiver_id=g.receiver_id,
        receiver_name=g.receiver_name,
        given_on=g.given_on,
        estimated_value=g.estimated_value,
        currency=g.currency,
        photo=g.photo,
        decision=g.decision,
        reported_on=g.reported_on,
        deposited_on=g.deposited_on,
        deposit_reference=g.deposit_reference,
        assessed_value=g.assessed_value,
        notes=g.notes,
    )
