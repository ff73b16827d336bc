"""Which gifts still await their deposit: a pure rule over what the register holds.

A gift received by a host official (a person of the records who is not a member of the
visiting delegation) must be reported to the office's deposit authority (in Pakistan the
Toshakhana of the Cabinet Division), which decides whether it is deposited or retained. Until
a decision is recorded the gift is open, as an outcome not yet done is. A gift given by the
host, or received by a name that is no official (the Ministry's library), awaits nothing.
No payment rule is encoded: the rules in force decide, the register records.
"""

from __future__ import annotations

from datetime import date

from visitdesk.domain.dates import short_date
from visitdesk.domain.enums import GiftDecision, GiftDirection

# What settles a gift: it was deposited, retained under the rules, or the rules did not apply.
SETTLED = frozenset({GiftDecision.DEPOSITED, GiftDecision.RETAINED, GiftDecision.NOT_REQUIRED})


def awaits_deposit(
    direction: GiftDirection, received_by_official: bool, decision: GiftDecision | None
) -> bool:
    """True while a gift received by a host official has no decision recorded."""
    return direction is GiftDirection.RECEIVED and received_by_official and decision not in SETTLED


def deposit_warning(
    direction: GiftDirection,
    received_by_official: bool,
    decision: GiftDecision | None,
    reported_on: date | None,
    authority: str,
) -> str | None:
    """The sentence the visit and the register show for an open gift, or None."""
    if not awaits_deposit(direction, received_by_official, decision):
        return None
    if decision is GiftDecision.REPORTED:
        since = f" on {short_date(reported_on)}" if reported_on else ""
        return f"Reported to the {authority}{since}; awaits its decision"
    return f"Not yet reported to the {authority}"
