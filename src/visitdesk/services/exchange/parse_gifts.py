"""Check a visit's `"gifts"` of an exchange file: the gifts register, every problem named with
its place in the file (`visits[0].gifts[2].estimated_value`)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from visitdesk.domain.enums import GiftDecision, GiftDirection
from visitdesk.domain.gifts import MAX_VALUE
from visitdesk.services.exchange.document import Picture
from visitdesk.services.exchange.fields import Obj, describe
from visitdesk.services.exchange.keys import GIFT
from visitdesk.services.exchange.parse_common import Refs, limited_text, picture

_CURRENCY = re.compile(r"^[A-Za-z]{3}$")


@dataclass(slots=True)
class GiftRecord:
    direction: GiftDirection
    engagement: str | None
    giver: str | None
    giver_name: str | None
    receiver: str | None
    receiver_name: str | None
    description: str
    given_on: date | None
    estimated_value: int | None
    currency: str | None
    photo: Picture | None
    decision: GiftDecision | None
    reported_on: date | None
    deposited_on: date | None
    deposit_reference: str | None
    assessed_value: int | None
    notes: str | None


def _value(obj: Obj, key: str) -> int | None:
    """A value in whole units: beyond 32 bits (a BIGINT column), up to the register's limit."""
    value = obj.value.get(key)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        obj.problems.add(obj.at(key), f"must be a whole number, not {describe(value)}")
        return None
    if not 0 <= value <= MAX_VALUE:
        obj.problems.add(obj.at(key), f"is outside what the register keeps (0 to {MAX_VALUE:,})")
        return None
    return value


def _currency(obj: Obj) -> str | None:
    code = obj.text("currency")
    if code is None:
        return None
    if not _CURRENCY.match(code):
        obj.problems.add(
            obj.at("currency"),
            f"{describe(code)} is not an ISO 4217 currency code (such as PKR, USD, CNY)",
        )
        return None
    return code.upper()


def _who(obj: Obj, refs: Refs, key: str) -> tuple[str | None, str | None]:
    """A person of the file (`giver`) or a name (`giver_name`), not both."""
    person = refs.person(obj, key)
    name = limited_text(obj, f"{key}_name", "gift")
    if obj.value.get(key) is not None and name is not None:
        obj.problems.add(
            obj.at(f"{key}_name"),
            f"give either {key} (a person's id) or {key}_name, not both",
        )
    return person, name


def _gift(obj: Obj, refs: Refs, engagements: set[str]) -> GiftRecord:
    engagement = obj.text("engagement")
    if engagement is not None and engagement not in engagements:
        obj.problems.add(
            obj.at("engagement"),
            f"refers to engagement {engagement!r}, which this visit's engagements do not define",
        )
    direction = (
        obj.choice("direction", GiftDirection, GiftDirection.RECEIVED) or GiftDirection.RECEIVED
    )
    giver, giver_name = _who(obj, refs, "giver")
    receiver, receiver_name = _who(obj, refs, "receiver")
    decision = obj.choice("decision", GiftDecision, None) if obj.has("decision") else None
    reported, deposited = obj.day("reported_on"), obj.day("deposited_on")
    reference = limited_text(obj, "deposit_reference", "gift")
    assessed = _value(obj, "assessed_value")
    if direction is GiftDirection.GIVEN:
        for key in ("decision", "reported_on", "deposited_on", "deposit_reference"):
            if obj.value.get(key) is not None:
                obj.problems.add(
                    obj.at(key), "a gift the host gave is not deposited; leave this out"
                )
    if reported and deposited and deposited < reported:
        obj.problems.add(
            obj.at("deposited_on"), f"the gift is deposited ({deposited}) before it is reported"
        )
    return GiftRecord(
        direction=direction,
        engagement=engagement,
        giver=giver,
        giver_name=giver_name,
        receiver=receiver,
        receiver_name=receiver_name,
        description=obj.required_text("description"),
        given_on=obj.day("date"),
        estimated_value=_value(obj, "estimated_value"),
        currency=_currency(obj),
        photo=picture(obj, "photo"),
        decision=decision,
        reported_on=reported,
        deposited_on=deposited,
        deposit_reference=reference,
        assessed_value=assessed,
        notes=obj.text("notes"),
    )


def gift_records(obj: Obj, refs: Refs, engagements: set[str]) -> list[GiftRecord] | None:
    """The visit's gifts; None when the file says nothing of them (those stored are kept)."""
    if obj.value.get("gifts") is None:
        return None
    return [_gift(g, refs, engagements) for g in obj.each("gifts", GIFT)]
