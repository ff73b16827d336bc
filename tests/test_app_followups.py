"""Follow-ups through the API: marking done from the list's copy, undoing it, and two officers
whose lists are older than the records (never a silent reopen or overwrite)."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy.orm import Session

from visitdesk.app import ConflictError, Desk, NotFoundError, RefusedError
from visitdesk.app.enums import OutcomeKind, OutcomeStatus
from visitdesk.app.visits import VisitDetails

TODAY = date(2026, 4, 20)


@pytest.fixture
def desks(tmp_path: Path) -> Iterator[tuple[Desk, Desk, int]]:
    """Two officers on one folder; a KIPO visit with an agreement and a directive to follow."""
    from visitdesk.services.outcomes import OutcomeData, add_outcome

    first = Desk.open(data_dir=tmp_path, user="akhan")
    second = Desk.open(data_dir=tmp_path, user="bmalik")
    visit = first.visits.create(
        VisitDetails("한국 특허청 대표단 방문", date(2026, 3, 2), date(2026, 3, 4), country="PK")
    ).id

    def outcomes(session: Session) -> None:
        add_outcome(
            session,
            visit,
            OutcomeData(OutcomeKind.AGREEMENT, "MoU on examination", OutcomeStatus.SIGNED),
            date(2026, 3, 3),
        )
        add_outcome(
            session,
            visit,
            OutcomeData(
                OutcomeKind.DIRECTIVE,
                "Send the examiner list",
                due_date=date(2026, 4, 1),
                next_step="Ask HR",
            ),
            date(2026, 3, 3),
        )

    first.write(outcomes)
    yield first, second, visit
    first.close()
    second.close()


def _titles(desk: Desk) -> list[str]:
    return [r.title for r in desk.followups.list(TODAY)]


def test_marking_done_closes_each_kind_as_it_closes_and_undo_puts_it_back(
    desks: tuple[Desk, Desk, int],
) -> None:
    a, _b, _visit = desks
    rows = a.followups.list(TODAY)
    assert [(r.title, r.overdue) for r in rows] == [
        ("Send the examiner list", True),
        ("MoU on examination", False),
    ]
    mou = rows[1]
    done = a.followups.mark_done(mou.id, mou.version, TODAY, mou.data())
    assert done.status is OutcomeStatus.IN_FORCE  # an agreement closes when in force
    assert _titles(a) == ["Send the examiner list"]
    reopened = a.followups.reopen(done)
    assert reopened.data.status is OutcomeStatus.SIGNED
    assert _titles(a) == ["Send the examiner list", "MoU on examination"]
    # The history is as it was: marking again after the undo is not refused as a repeat.
    again = a.followups.mark_done(mou.id, reopened.version, TODAY)
    assert again.status is OutcomeStatus.IN_FORCE


def test_a_follow_up_another_officer_closed_is_not_closed_again(
    desks: tuple[Desk, Desk, int],
) -> None:
    a, b, _visit = desks
    stale = next(r for r in a.followups.list(TODAY) if r.kind is OutcomeKind.DIRECTIVE)
    fresh = next(r for r in b.followups.list(TODAY) if r.id == stale.id)
    b.followups.mark_done(fresh.id, fresh.version, TODAY, fresh.data())
    with pytest.raises(RefusedError, match="already closed by bmalik") as refused:
        a.followups.mark_done(stale.id, stale.version, TODAY, stale.data())
    assert "it is done now. Nothing was changed." in str(refused.value)
    assert not isinstance(refused.value, ConflictError)
    assert b.followups.details(stale.id).changed_by == "bmalik"


def test_a_changed_follow_up_shows_both_versions_before_it_is_marked_done(
    desks: tuple[Desk, Desk, int],
) -> None:
    from visitdesk.services.outcomes import load_outcome, update_outcome

    a, b, _visit = desks
    stale = next(r for r in a.followups.list(TODAY) if r.kind is OutcomeKind.DIRECTIVE)

    def new_step(session: Session) -> None:
        data = load_outcome(session, stale.id)
        update_outcome(session, stale.id, dataclasses.replace(data, next_step="Wait"), TODAY)

    b.write(new_step)
    with pytest.raises(ConflictError) as refused:
        a.followups.mark_done(stale.id, stale.version, TODAY, stale.data())
    error = refused.value
    assert error.fields == ("next step",)
    assert error.theirs.data.next_step == "Wait"
    # What closing it would store: their version, done (their next step is not undone).
    assert error.mine == dataclasses.replace(error.theirs.data, status=OutcomeStatus.DONE)
    assert "Send the examiner list" in _titles(a)  # nothing stored
    # Closed on purpose over their version: their next step stays.
    a.followups.mark_done(stale.id, error.theirs.version, TODAY, stale.data())
    assert a.followups.details(stale.id).data == dataclasses.replace(
        error.theirs.data, status=OutcomeStatus.DONE
    )


def test_undoing_a_mark_done_after_another_officer_changed_it_is_refused(
    desks: tuple[Desk, Desk, int],
) -> None:
    from visitdesk.services.outcomes import load_outcome, update_outcome

    a, b, _visit = desks
    row = next(r for r in a.followups.list(TODAY) if r.kind is OutcomeKind.AGREEMENT)
    done = a.followups.mark_done(row.id, row.version, TODAY, row.data())

    def note(session: Session) -> None:
        data = load_outcome(session, row.id)
        update_outcome(session, row.id, dataclasses.replace(data, next_step="Gazette"), TODAY)

    b.write(note)
    with pytest.raises(RefusedError, match=r"changed by bmalik .* so it was not reopened"):
        a.followups.reopen(done)
    stored = a.followups.details(row.id).data
    assert (stored.status, stored.next_step) == (OutcomeStatus.IN_FORCE, "Gazette")


def test_a_follow_up_of_a_deleted_visit_says_so(desks: tuple[Desk, Desk, int]) -> None:
    a, b, visit = desks
    row = a.followups.list(TODAY)[0]
    b.visits.delete(visit)
    with pytest.raises(NotFoundError, match="deleted by another officer, so it was not marked"):
        a.followups.mark_done(row.id, row.version, TODAY, row.data())
