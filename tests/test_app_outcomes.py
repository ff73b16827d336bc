"""Statements and outcomes through the app layer: versioned saves, life cycle, delete and undo."""

from __future__ import annotations

import dataclasses
from datetime import date
from pathlib import Path

import pytest

from visitdesk.app import ConflictError, Desk, RefusedError
from visitdesk.app.enums import OutcomeKind, OutcomeStatus, StatementStyle
from visitdesk.app.outcomes import OutcomeData, OutcomeRow, StatementData, statuses

EXAMPLE = Path(__file__).parent / "fixtures" / "sipo-2017.visit.json"


def _mou(desk: Desk, visit_id: int) -> OutcomeRow:
    return next(o for o in desk.outcomes.outcomes(visit_id) if o.kind is OutcomeKind.AGREEMENT)


def test_a_stale_statement_save_is_refused(two_desks: tuple[Desk, Desk, int]) -> None:
    a, b, visit_id = two_desks
    first = a.outcomes.statements(visit_id)[0]
    opened_a, opened_b = a.outcomes.statement(first.id), b.outcomes.statement(first.id)
    b.outcomes.update_statement(
        first.id,
        dataclasses.replace(opened_b.data, for_press=not opened_b.data.for_press),
        opened_b.version,
    )
    mine = dataclasses.replace(opened_a.data, text="우리는 협력을 환영합니다.")
    with pytest.raises(ConflictError) as refused:
        a.outcomes.update_statement(first.id, mine, opened_a.version, opened=opened_a.data)
    assert refused.value.fields == ("for press",) and "bmalik" in str(refused.value)
    assert a.outcomes.statement(first.id).data.text == opened_a.data.text


def test_a_stale_outcome_save_cannot_reopen_what_another_officer_marked(
    two_desks: tuple[Desk, Desk, int],
) -> None:
    a, b, visit_id = two_desks
    directive = next(o for o in a.outcomes.outcomes(visit_id) if o.kind is OutcomeKind.DIRECTIVE)
    opened_a = a.outcomes.outcome(directive.id)
    opened_b = b.outcomes.outcome(directive.id)
    b.outcomes.set_status(directive.id, OutcomeStatus.DONE, date(2017, 4, 2), opened_b.version)
    mine = dataclasses.replace(opened_a.data, next_step="Write to SIPO")
    with pytest.raises(ConflictError) as refused:
        a.outcomes.update_outcome(directive.id, mine, opened_a.version, opened=opened_a.data)
    assert "status" in refused.value.fields
    now = a.outcomes.outcome(directive.id).data
    assert now.status is OutcomeStatus.DONE and now.status_on == date(2017, 4, 2)


def test_status_follows_the_life_cycle_and_keeps_its_dates(
    two_desks: tuple[Desk, Desk, int],
) -> None:
    a, _b, visit_id = two_desks
    mou = _mou(a, visit_id)
    record = a.outcomes.outcome(mou.id)
    assert OutcomeStatus.SIGNED in statuses(OutcomeKind.AGREEMENT, record.data.status)
    assert a.outcomes.statuses(OutcomeKind.AGREEMENT)[0] is not OutcomeStatus.SIGNED
    signed = a.outcomes.set_status(mou.id, OutcomeStatus.SIGNED, date(2017, 3, 24), record.version)
    history = _mou(a, visit_id).history
    assert history[-1] == (OutcomeStatus.SIGNED, date(2017, 3, 24))
    with pytest.raises(RefusedError, match="cannot date from"):
        a.outcomes.set_status(mou.id, OutcomeStatus.IN_FORCE, date(2017, 3, 1), signed.version)


def test_undo_of_a_status_change_puts_the_history_back(two_desks: tuple[Desk, Desk, int]) -> None:
    a, b, visit_id = two_desks
    mou = _mou(a, visit_id)
    before = a.outcomes.snapshot(mou.id)
    signed = a.outcomes.set_status(mou.id, OutcomeStatus.SIGNED, date(2017, 3, 24), before.version)
    undone = a.outcomes.revert(mou.id, before.data, signed.version)
    assert _mou(a, visit_id).history == mou.history
    assert undone.data.data.status is mou.status
    # An undo after another officer's save is refused, never silent.
    again = b.outcomes.set_status(mou.id, OutcomeStatus.SIGNED, None, undone.version)
    with pytest.raises(ConflictError):
        a.outcomes.revert(mou.id, before.data, undone.version)
    assert a.outcomes.outcome(mou.id).version == again.version


def test_delete_and_restore_an_outcome_whole(two_desks: tuple[Desk, Desk, int]) -> None:
    a, _b, visit_id = two_desks
    mou = _mou(a, visit_id)
    opened = a.outcomes.outcome(mou.id)
    gone = a.outcomes.delete_outcome(mou.id)
    assert all(o.id != mou.id for o in a.outcomes.outcomes(visit_id))
    back = a.outcomes.restore_outcome(gone)
    assert back.version == opened.version and back.data == opened.data
    assert _mou(a, visit_id) == mou  # its history, its place, its engagement


def test_delete_and_restore_a_statement_in_its_place(two_desks: tuple[Desk, Desk, int]) -> None:
    a, _b, visit_id = two_desks
    rows = a.outcomes.statements(visit_id)
    second = rows[1]
    gone = a.outcomes.delete_statement(second.id)
    assert [r.id for r in a.outcomes.statements(visit_id)] == [
        r.id for r in rows if r is not second
    ]
    a.outcomes.restore_statement(gone)
    assert a.outcomes.statements(visit_id) == rows


def test_add_with_choices_and_sentences(two_desks: tuple[Desk, Desk, int]) -> None:
    a, _b, visit_id = two_desks
    choices = a.outcomes.choices(visit_id)
    assert choices.visit_start == a.itinerary.visit_dates(visit_id)[0]
    speaker, _label = choices.people[0]
    engagement, label = choices.engagements[0]
    assert "Mar" in label and ":" in label
    made = a.outcomes.add_statement(
        visit_id,
        StatementData("“نحن نرحب”", speaker, engagement, StatementStyle.DIRECT, for_press=True),
    )
    assert made.version == 1 and a.outcomes.statements(visit_id)[-1].text == "“نحن نرحب”"
    with pytest.raises(RefusedError, match="cannot be empty"):
        a.outcomes.add_statement(visit_id, StatementData("   "))
    action = a.outcomes.add_outcome(
        visit_id,
        OutcomeData(OutcomeKind.ACTION, "Send the examiners' list", status_on=date(2017, 3, 25)),
    )
    assert a.outcomes.outcomes(visit_id)[-1].status_on == date(2017, 3, 25)
    with pytest.raises(RefusedError, match="kind of an outcome cannot change"):
        a.outcomes.update_outcome(
            action.id,
            dataclasses.replace(action.data, kind=OutcomeKind.AGREEMENT),
            action.version,
        )
