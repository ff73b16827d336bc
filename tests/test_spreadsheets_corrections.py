"""A corrected delegation list updates the people it names, after a preview field by field;
people it no longer names can be taken off the visit; the whole import can be undone."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import func, select

from tests.test_spreadsheets_import import person, run, seed, state, write_xlsx
from visitdesk.domain.enums import Side
from visitdesk.domain.models import Organisation, Person, Visit, VisitParticipant
from visitdesk.services.errors import ServiceError
from visitdesk.services.spreadsheets.people_apply import (
    apply_people_import,
    redo_people_import,
    undo_people_import,
)
from visitdesk.services.spreadsheets.people_import import plan_people_import
from visitdesk.store.database import Store

HEADINGS: list[object] = ["Name", "Title/Position", "Organisation", "Email", "Phone"]
FIRST: list[list[object]] = [
    HEADINGS,
    ["Dr. He Zhimin", "Deputy Commissioner", "SIPO", "he@sipo.gov.cn", ""],
    ["Mr. Zhang Wei", "Director", "SIPO", "zhang@sipo.gov.cn", ""],
    ["Ms. Li Na", "Interpreter", "China Translation Bureau", "", ""],
]
# The embassy's second version: He's position corrected, Zhang's e-mail and phone, Li dropped.
CORRECTED: list[list[object]] = [
    HEADINGS,
    ["Dr. He Zhimin", "Commissioner", "SIPO", "he@sipo.gov.cn", ""],
    ["Mr. Zhang Wei", "Director", "SIPO", "wei.zhang@sipo.gov.cn", "+86 10 6208 3114"],
]


def first_import(tmp_path: Path) -> Path:
    seed(tmp_path)
    assert run(tmp_path, "import-people", str(write_xlsx(tmp_path / "v1.xlsx", FIRST)),
               "--visit", "sipo-2017-03") == 0  # fmt: skip
    return write_xlsx(tmp_path / "v2.xlsx", CORRECTED)


def test_the_preview_shows_each_correction_and_each_person_no_longer_listed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    corrected = first_import(tmp_path)
    capsys.readouterr()
    args = ("import-people", str(corrected), "--visit", "sipo-2017-03", "--preview")
    assert run(tmp_path, *args) == 0
    out = capsys.readouterr().out
    assert "Row 2: Dr. HE Zhimin: matches he-zhimin, corrects Title/Position; already in" in out
    assert "Change 2:position: Title/Position: “Deputy Commissioner” → “Commissioner”" in out
    assert "Change 3:email: Email: “zhang@sipo.gov.cn” → “wei.zhang@sipo.gov.cn”" in out
    assert "Change 3:phone: Phone: adds “+86 10 6208 3114”" in out
    assert "Not in the list: Ms. LI Na (li-na), in the delegation" in out
    assert person(tmp_path, "he-zhimin").position == "Deputy Commissioner"


def test_all_corrections_and_removals_when_asked(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    corrected = first_import(tmp_path)
    args = ("import-people", str(corrected), "--visit", "sipo-2017-03")
    assert run(tmp_path, *args, "--apply-changes", "--remove-missing") == 0
    out = capsys.readouterr().out
    assert "3 fields changed on 2 people; 1 taken off the visit" in out
    assert person(tmp_path, "he-zhimin").position == "Commissioner"
    zhang = person(tmp_path, "zhang-wei")
    assert (zhang.email, zhang.phone) == ("wei.zhang@sipo.gov.cn", "+86 10 6208 3114")
    members = [ref for ref, side in state(tmp_path)[2] if side == "guest"]
    assert members == ["he-zhimin", "zhang-wei"]
    assert state(tmp_path)[0] == 4  # Li Na left the visit, not VisitDesk


def test_some_corrections_only_and_additions_by_default(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    corrected = first_import(tmp_path)
    args = ("import-people", str(corrected), "--visit", "sipo-2017-03")
    assert run(tmp_path, *args) == 0
    out = capsys.readouterr().out
    # Without the option only the empty phone is filled; the two corrections wait.
    assert "Not applied: 2 of the list's changes (add --apply-changes" in out
    assert "Still on the visit: 1 not in the list (add --remove-missing" in out
    assert person(tmp_path, "zhang-wei").phone == "+86 10 6208 3114"
    assert person(tmp_path, "he-zhimin").position == "Deputy Commissioner"
    assert run(tmp_path, *args, "--apply-changes", "2:position") == 0
    assert person(tmp_path, "he-zhimin").position == "Commissioner"
    assert person(tmp_path, "zhang-wei").email == "zhang@sipo.gov.cn"
    assert run(tmp_path, *args, "--apply-changes", "9:position") == 1
    assert "The list makes no change '9:position'" in capsys.readouterr().err


def test_undo_takes_the_whole_import_back_and_redo_does_it_again(tmp_path: Path) -> None:
    corrected = first_import(tmp_path)
    before = state(tmp_path)
    list_v3 = write_xlsx(
        tmp_path / "v3.xlsx",
        [*CORRECTED, ["Mr. Wang Tao", "Attaché", "China Patent Agent Ltd", "", ""]],
    )
    store = Store.open(data_dir=tmp_path)
    with store.transaction() as session:
        preview = plan_people_import(session, list_v3, "sipo-2017-03", Side.GUEST)
        li_na = next(p.id for p in preview.missing)
        record = apply_people_import(session, preview, None, {li_na})
    assert person(tmp_path, "he-zhimin").position == "Commissioner"
    assert person(tmp_path, "wang-tao").organisation is not None
    with store.transaction() as session:
        undo_people_import(session, record)
    assert state(tmp_path) == before  # same people, organisations and members, in order
    assert person(tmp_path, "he-zhimin").position == "Deputy Commissioner"
    assert person(tmp_path, "zhang-wei").phone is None
    with store.session() as session:
        agents = select(func.count(Organisation.id)).where(
            Organisation.name == "China Patent Agent Ltd"
        )
        assert session.scalar(agents) == 0
    with store.transaction() as session:
        redo_people_import(session, record)
    store.close()
    assert person(tmp_path, "he-zhimin").position == "Commissioner"
    members = [ref for ref, side in state(tmp_path)[2] if side == "guest"]
    assert members == ["he-zhimin", "zhang-wei", "wang-tao"]
    assert corrected.exists()


def test_a_person_added_by_an_import_and_used_since_is_not_deleted_by_undo(
    tmp_path: Path,
) -> None:
    seed(tmp_path)
    list_v1 = write_xlsx(tmp_path / "v1.xlsx", FIRST)
    store = Store.open(data_dir=tmp_path)
    with store.transaction() as session:
        record = apply_people_import(
            session, plan_people_import(session, list_v1, "sipo-2017-03", Side.GUEST)
        )
    with store.transaction() as session:
        other = Visit(
            ref="other", title="Another visit", start_date=date(2018, 1, 1),
            end_date=date(2018, 1, 2),
        )  # fmt: skip
        li = session.scalar(select(Person).where(Person.ref == "li-na"))
        other.participants.append(VisitParticipant(person=li, side=Side.GUEST))
        session.add(other)
    with (
        pytest.raises(ServiceError, match="has joined another visit or an engagement since"),
        store.transaction() as session,
    ):
        undo_people_import(session, record)
    store.close()
    assert person(tmp_path, "li-na").position == "Interpreter"
