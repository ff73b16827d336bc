"""Delegation lists through the app layer: a plan of plain data, applied all or nothing, refused
when the records moved since it was shown, undone and redone; lists out as bytes or files."""

from __future__ import annotations

import csv
import dataclasses
import io
from pathlib import Path

import pytest

from visitdesk.app import Desk, RefusedError
from visitdesk.app.enums import Side
from visitdesk.app.lists import EmptyDelegationError, ListKind
from visitdesk.app.people import Delegation

EXAMPLE = Path(__file__).parent / "fixtures" / "sipo-2017.visit.json"


def _list(path: Path, rows: list[list[str]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as stream:
        csv.writer(stream).writerows([["Name", "Title/Position", "Organisation"], *rows])
    return path


def _names(desk: Desk, visit: int) -> list[str]:
    return [r.name for r in desk.people.delegation_rows(visit)]


def test_a_plan_shows_every_row_and_each_correction_field_by_field(
    two_desks: tuple[Desk, Desk, int], tmp_path: Path
) -> None:
    a, _b, visit = two_desks
    path = _list(
        tmp_path / "list.csv",
        [["Dr. He Zhimin", "Commissioner", "SIPO"], ["Ms. Kim Min-ji", "Examiner", "KIPO"]],
    )
    plan = a.lists.plan(path, visit, Side.GUEST)
    assert plan.file_name == "list.csv" and plan.visit_title
    assert [r.outcome for r in plan.rows] == [
        "matches he-zhimin, corrects Title/Position; already in the delegation",
        "new person (kim-min-ji); joins the delegation",
    ]
    assert [c.describe() for c in plan.changes] == [
        "Title/Position: “Deputy Commissioner” → “Commissioner”"
    ]
    assert plan.new_organisations == ("KIPO",)
    assert [m.name for m in plan.missing] == ["Mr. ZHANG Wei"]
    host = a.lists.plan(path, visit, Side.HOST)
    assert host.error_rows and "already in the delegation" in host.rows[0].outcome


def test_an_import_is_applied_undone_and_redone(
    two_desks: tuple[Desk, Desk, int], tmp_path: Path
) -> None:
    a, b, visit = two_desks
    path = _list(
        tmp_path / "list.csv",
        [["Dr. He Zhimin", "Commissioner", "SIPO"], ["Ms. Kim Min-ji", "Examiner", "KIPO"]],
    )
    plan = a.lists.plan(path, visit, Side.GUEST)
    zhang = plan.missing[0].person_id
    done = a.lists.apply(plan, accepted=set(), remove={zhang})
    assert done.summary == "1 joined the visit, 1 of them new; 1 taken off the visit"
    assert _names(b, visit) == ["Dr. HE Zhimin", "Ms. KIM Min-ji"]
    he = next(r for r in b.people.rows() if r.name == "Dr. HE Zhimin")
    assert he.position == "Deputy Commissioner"  # the correction was not ticked
    a.lists.undo(done)
    assert _names(b, visit) == ["Dr. HE Zhimin", "Mr. ZHANG Wei"]
    assert "KIPO" not in [r.short_name or r.name for r in b.organisations.choices()]
    a.lists.redo(done)
    assert _names(b, visit) == ["Dr. HE Zhimin", "Ms. KIM Min-ji"]


def test_a_plan_made_stale_by_another_officer_is_refused_and_nothing_is_imported(
    two_desks: tuple[Desk, Desk, int], tmp_path: Path
) -> None:
    a, b, visit = two_desks
    path = _list(
        tmp_path / "list.csv",
        [["Dr. He Zhimin", "Commissioner", "SIPO"], ["Ms. Li Na", "Counsellor", "SIPO"]],
    )
    plan = a.lists.plan(path, visit, Side.GUEST)
    he = next(r.id for r in b.people.rows() if r.name == "Dr. HE Zhimin")
    record = b.people.load(he)
    b.people.update(he, dataclasses.replace(record.data, position="Commissioner"), record.version)
    with pytest.raises(RefusedError, match="changed since the list was read"):
        a.lists.apply(plan)
    assert "Ms. LI Na" not in _names(b, visit)
    # Read again, the list now matches him as he is, and imports.
    fresh = a.lists.plan(path, visit, Side.GUEST)
    assert not fresh.changes
    a.lists.apply(fresh)
    assert "Ms. LI Na" in _names(b, visit)


def test_a_list_with_an_error_imports_nothing_and_a_missing_file_is_named(
    two_desks: tuple[Desk, Desk, int], tmp_path: Path
) -> None:
    a, _b, visit = two_desks
    path = tmp_path / "bad.csv"
    path.write_text("Name,Email\nMs. Li Na,not an address\n", encoding="utf-8")
    plan = a.lists.plan(path, visit)
    assert len(plan.error_rows) == 1
    with pytest.raises(RefusedError, match="Nothing was imported: 1 row has errors"):
        a.lists.apply(plan)
    path.unlink()
    with pytest.raises(RefusedError, match=r"bad\.csv"):
        a.lists.apply(plan)
    pdf = tmp_path / "list.pdf"
    pdf.write_text("Name\nX\n", encoding="utf-8")
    with pytest.raises(RefusedError, match="not a spreadsheet"):
        a.lists.plan(pdf, visit)


def test_lists_come_out_as_bytes_or_whole_files(
    two_desks: tuple[Desk, Desk, int], tmp_path: Path
) -> None:
    a, _b, visit = two_desks
    sheet = a.lists.export(visit, ListKind.DELEGATION, ".xlsx")
    assert sheet.title == "Delegation" and sheet.rows == 2
    from openpyxl import load_workbook

    cells = [c for row in load_workbook(io.BytesIO(sheet.data)).active.values for c in row]
    assert "何志敏" in cells and "he-zhimin" in cells
    target = tmp_path / "delegation.csv"
    made = a.lists.export_to(visit, ListKind.DELEGATION, target)
    text = target.read_text(encoding="utf-8-sig")
    assert made.rows == 2 and "ZHANG Wei" in text
    with pytest.raises(RefusedError, match="no journeys yet"):
        a.lists.export(visit, ListKind.ARRIVALS)
    with pytest.raises(RefusedError, match="its folder does not exist"):
        a.lists.export_to(visit, ListKind.DELEGATION, tmp_path / "gone" / "a.csv")
    assert not (tmp_path / "gone").exists()
    with pytest.raises(RefusedError, match=r"\.xlsx"):
        a.lists.export(visit, ListKind.DELEGATION, ".pdf")
    delegation = a.people.delegation(visit)
    a.people.replace_delegation(visit, delegation, Delegation((), None))
    with pytest.raises(EmptyDelegationError, match="no delegation members"):
        a.lists.export(visit, ListKind.ARRIVALS)
