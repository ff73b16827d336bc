"""A change of an outcome's status is recorded on the day the officer gives."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from sqlalchemy import select

from visitdesk.domain.enums import OutcomeKind, OutcomeStatus
from visitdesk.domain.models import Visit
from visitdesk.services import outcomes
from visitdesk.services.errors import ServiceError
from visitdesk.services.outcomes import OutcomeData

TODAY = date(2026, 12, 1)


def test_an_mou_goes_drafted_initialled_signed_each_on_its_day(example_store):
    with example_store.transaction() as session:
        visit_id = session.scalars(select(Visit.id)).one()
        data = OutcomeData(
            OutcomeKind.AGREEMENT,
            "MoU on trade marks",
            OutcomeStatus.DRAFTED,
            status_on=date(2017, 3, 21),
        )
        mou = outcomes.add_outcome(session, visit_id, data, TODAY)
        for status, on in ((OutcomeStatus.INITIALLED, 22), (OutcomeStatus.SIGNED, 23)):
            data = replace(data, status=status, status_on=date(2017, 3, on))
            outcomes.update_outcome(session, mou, data, TODAY)
        row = next(r for r in outcomes.outcome_rows(session, visit_id) if r.id == mou)
    assert row.status is OutcomeStatus.SIGNED and row.status_on == date(2017, 3, 23)
    assert row.history == (
        (OutcomeStatus.DRAFTED, date(2017, 3, 21)),
        (OutcomeStatus.INITIALLED, date(2017, 3, 22)),
        (OutcomeStatus.SIGNED, date(2017, 3, 23)),
    )


def test_a_step_dated_before_the_last_one_is_refused_in_a_sentence(example_store):
    with example_store.transaction() as session:
        visit_id = session.scalars(select(Visit.id)).one()
        data = OutcomeData(OutcomeKind.DIRECTIVE, "Share the manual", status_on=date(2017, 3, 22))
        directive = outcomes.add_outcome(session, visit_id, data, TODAY)
        late = replace(data, status=OutcomeStatus.DONE, status_on=date(2017, 3, 1))
        with pytest.raises(ServiceError, match=r"cannot date from 1 Mar 2017.*on 22 Mar 2017"):
            outcomes.update_outcome(session, directive, late, TODAY)


def test_without_a_date_a_change_dates_from_today(example_store):
    with example_store.transaction() as session:
        visit_id = session.scalars(select(Visit.id)).one()
        data = OutcomeData(OutcomeKind.ACTION, "Send the photographs")
        action = outcomes.add_outcome(session, visit_id, data, TODAY)
        outcomes.update_outcome(session, action, replace(data, status=OutcomeStatus.DONE), TODAY)
        row = next(r for r in outcomes.outcome_rows(session, visit_id) if r.id == action)
    assert row.history == ((OutcomeStatus.OPEN, TODAY), (OutcomeStatus.DONE, TODAY))
