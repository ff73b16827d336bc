"""The pure rule of the gifts register: which received gifts still await their deposit."""

from __future__ import annotations

from datetime import date

import pytest

from visitdesk.domain.enums import GiftDecision, GiftDirection
from visitdesk.domain.gift_rules import awaits_deposit, deposit_warning

AUTHORITY = "Toshakhana (Cabinet Division)"


@pytest.mark.parametrize(
    ("decision", "open_"),
    [
        (None, True),
        (GiftDecision.NOT_REPORTED, True),
        (GiftDecision.REPORTED, True),
        (GiftDecision.DEPOSITED, False),
        (GiftDecision.RETAINED, False),
        (GiftDecision.NOT_REQUIRED, False),
    ],
)
def test_a_gift_to_an_official_is_open_until_decided(
    decision: GiftDecision | None, open_: bool
) -> None:
    assert awaits_deposit(GiftDirection.RECEIVED, True, decision) is open_


def test_gifts_given_or_received_by_no_official_await_nothing() -> None:
    assert not awaits_deposit(GiftDirection.GIVEN, True, None)
    assert not awaits_deposit(GiftDirection.RECEIVED, False, None)
    assert deposit_warning(GiftDirection.GIVEN, True, None, None, AUTHORITY) is None


def test_the_warning_names_the_office_s_authority_and_the_report_date() -> None:
    assert (
        deposit_warning(GiftDirection.RECEIVED, True, None, None, AUTHORITY)
        == "Not yet reported to the Toshakhana (Cabinet Division)"
    )
    reported = deposit_warning(
        GiftDirection.RECEIVED, True, GiftDecision.REPORTED, date(2017, 3, 24), "Gift Registry"
    )
    assert reported == "Reported to the Gift Registry on 24 Mar 2017; awaits its decision"
