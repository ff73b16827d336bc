from datetime import date

import pytest

from visitdesk.domain.enums import OutcomeKind, OutcomeStatus
from visitdesk.domain.errors import DomainError
from visitdesk.domain.lifecycle import allowed_next, is_closed
from visitdesk.domain.outcome import Outcome

S = OutcomeStatus


def test_an_agreement_moves_forward_and_records_each_change_with_its_date() -> None:
    mou = Outcome.new(OutcomeKind.AGREEMENT, "MoU", date(2017, 3, 1))
    assert mou.status is S.PROPOSED
    mou.change_status(S.INITIALLED, date(2017, 3, 21))
    mou.change_status(S.SIGNED, date(2017, 6, 1), note="after Cabinet approval")
    assert [(h.status, h.changed_on) for h in mou.history] == [
        (S.PROPOSED, date(2017, 3, 1)),
        (S.INITIALLED, date(2017, 3, 21)),
        (S.SIGNED, date(2017, 6, 1)),
    ]
    assert not is_closed(mou.kind, mou.status)
    with pytest.raises(DomainError, match="cannot become drafted"):
        mou.change_status(S.DRAFTED, date(2017, 6, 2))


def test_an_action_is_open_until_done_and_can_be_reopened() -> None:
    action = Outcome.new(OutcomeKind.ACTION, "Send the draft", date(2024, 1, 1))
    assert action.status is S.OPEN
    with pytest.raises(DomainError, match="cannot be 'signed'"):
        action.change_status(S.SIGNED, date(2024, 1, 2))
    action.change_status(S.DONE, date(2024, 1, 3))
    assert is_closed(action.kind, action.status)
    assert allowed_next(action.kind, action.status) == (S.OPEN,)


def test_nothing_follows_an_agreement_in_force_or_dropped() -> None:
    assert allowed_next(OutcomeKind.AGREEMENT, S.IN_FORCE) == ()
    assert allowed_next(OutcomeKind.AGREEMENT, S.DROPPED) == ()
