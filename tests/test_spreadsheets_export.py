"""`visitdesk export-list`: the lists handed to others, safe to open in any spreadsheet."""

from __future__ import annotations

import csv
import zipfile
from datetime import date, datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook

from visitdesk.cli import main
from visitdesk.domain.enums import OutcomeKind, OutcomeStatus, Side, TravelKind
from visitdesk.domain.lodging import Hotel, HotelRoom
from visitdesk.domain.models import Organisation, Outcome, Person, Visit, VisitParticipant
from visitdesk.domain.travel import TravelLeg, Traveller
from visitdesk.store.database import Store

HOSTILE = '=HYPERLINK("http://evil.example","click")'


def seed(data_dir: Path) -> None:
    store = Store.open(data_dir=data_dir)
    with store.transaction() as session:
        sipo = Organisation(
            ref="sipo", name="State Intellectual Property Office", short_name="SIPO"
        )
        he = Person(
            ref="he-zhimin", honorific="Dr.", given_name="Zhimin", family_name="He",
            family_name_first=True, native_name="何志敏", organisation=sipo, precedence=3,
            email="he@sipo.gov.cn", medical="Diabetic",
        )  # fmt: skip
        zhang = Person(
            ref="zhang", honorific="Mr.", given_name="Wei", family_name="Zhang",
            family_name_first=True, organisation=sipo, precedence=2, phone="+86 10 6208",
            position=HOSTILE, dietary="@halal -no pork\x07 <b>&</b> 🎉",
        )  # fmt: skip
        li = Person(ref="li", given_name="Na", family_name="Li", position="x" * 5000)
        rashid = Person(ref="rashid", honorific="Mr.", given_name="Shahid", family_name="Rashid")
        visit = Visit(
            ref="sipo-2017-03", title="Visit of the SIPO China delegation", city="Islamabad",
            start_date=date(2017, 3, 21), end_date=date(2017, 3, 22), leader=he,
        )  # fmt: skip
        visit.participants += [
            VisitParticipant(person=li, side=Side.GUEST, role="Interpreter"),
            VisitParticipant(person=zhang, side=Side.GUEST),
            VisitParticipant(person=he, side=Side.GUEST),
            VisitParticipant(person=rashid, side=Side.HOST),
        ]
        mou = Outcome.new(
            OutcomeKind.AGREEMENT, "MoU between IPO-Pakistan and SIPO", date(2017, 3, 21)
        )
        mou.change_status(OutcomeStatus.INITIALLED, date(2017, 3, 21))
        mou.next_step, mou.owner = "Signature after Cabinet approval", rashid
        done = Outcome.new(OutcomeKind.ACTION, "Send the photographs", date(2017, 3, 22))
        done.change_status(OutcomeStatus.DONE, date(2017, 3, 23))
        it = Outcome.new(
            OutcomeKind.DIRECTIVE, "Use of IT in patent examination", date(2017, 3, 22)
        )
        it.due_date = date(2017, 6, 30)
        visit.outcomes += [mou, done, it]
        arrival = TravelLeg(
            kind=TravelKind.ARRIVAL, carrier="Air China", number="CA 945", origin="Beijing",
            arrives=datetime(2017, 3, 21, 14, 30), terminal="T1", received_by=rashid,
            baggage_pieces=6,
        )  # fmt: skip
        arrival.travellers += [Traveller(person=p) for p in (li, zhang, he)]
        hotel = Hotel(name="Serena", city="Islamabad", booking_reference="SER-88", notes="internal")
        hotel.rooms.append(
            HotelRoom(person=he, check_in=date(2017, 3, 21), check_out=date(2017, 3, 22))
        )
        visit.travel_legs.append(arrival)
        visit.hotels.append(hotel)
        session.add(visit)
    store.close()


def export(tmp_path: Path, kind: str, name: str) -> Path:
    target = tmp_path / name
    args = ["--data-dir", str(tmp_path), "export-list", "sipo-2017-03", "--list", kind]
    assert main([*args, "-o", str(target)]) == 0
    return target


def xlsx_rows(path: Path) -> list[list[object]]:
    sheet = load_workbook(path).worksheets[0]
    return [list(row) for row in sheet.iter_rows(values_only=True)]


def test_delegation_list_is_in_order_of_precedence_leader_first(tmp_path: Path) -> None:
    seed(tmp_path)
    rows = xlsx_rows(export(tmp_path, "delegation", "delegation.xlsx"))
    assert rows[0][:4] == ["No.", "Ref", "Honorific", "Name"]
    # The leader first although ranked 3; then rank 2; the unranked interpreter last.
    assert [(r[0], r[1], r[3]) for r in rows[1:]] == [
        (1, "he-zhimin", "HE Zhimin"), (2, "zhang", "ZHANG Wei"), (3, "li", "Na Li")
    ]  # fmt: skip
    assert rows[1][4] == "何志敏"
    assert "rashid" not in {r[1] for r in rows}  # the host side is not the delegation


def test_no_cell_is_ever_a_formula(tmp_path: Path) -> None:
    seed(tmp_path)
    path = export(tmp_path, "delegation", "delegation.xlsx")
    with zipfile.ZipFile(path) as archive:
        xml = archive.read("xl/worksheets/sheet1.xml").decode()
    assert "<f>" not in xml and "<f " not in xml
    rows = xlsx_rows(path)
    zhang = next(r for r in rows if r[1] == "zhang")
    assert zhang[5] == HOSTILE  # shown exactly as typed
    assert zhang[9] == "+86 10 6208"
    assert zhang[10] == "@halal -no pork <b>&</b> 🎉"  # the bell character is dropped
    cell = load_workbook(path).worksheets[0].cell(row=3, column=6)
    assert cell.data_type == "s" and cell.quotePrefix
    li = next(r for r in rows if r[1] == "li")
    assert li[5] == "x" * 5000

    csv_path = export(tmp_path, "delegation", "delegation.csv")
    with csv_path.open(encoding="utf-8-sig", newline="") as stream:
        table = list(csv.reader(stream))
    zhang_csv = next(r for r in table if r[1] == "zhang")
    assert zhang_csv[5] == "'" + HOSTILE
    assert zhang_csv[9] == "'+86 10 6208"
    assert table[1][4] == "何志敏"


def test_a_delegation_list_sent_out_and_returned_updates_the_same_people(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    seed(tmp_path)
    for name in ("delegation.csv", "delegation.xlsx"):
        path = export(tmp_path, "delegation", name)
        args = ["--data-dir", str(tmp_path), "import-people", str(path), "--visit", "sipo-2017-03"]
        assert main(args) == 0
        out = capsys.readouterr().out
        assert "Row 2: Dr. HE Zhimin: matches he-zhimin; already in the delegation" in out
        assert "0 joined the visit, 0 of them new" in out


def test_arrivals_and_rooming_lists_have_no_internal_references(tmp_path: Path) -> None:
    seed(tmp_path)
    for kind in ("arrivals", "rooming"):
        rows = xlsx_rows(export(tmp_path, kind, f"{kind}.xlsx"))
        flat = {str(v) for row in rows for v in row}
        assert not {"he-zhimin", "zhang", "li", "he@sipo.gov.cn", "internal"} & flat, kind
        assert not any("Diabetic" in v or "sipo-2017" in v for v in flat), kind
        headings = rows[0]
        assert "Ref" not in headings and "Email" not in headings
    rows = xlsx_rows(tmp_path / "arrivals.xlsx")
    landing = rows[1][rows[0].index("Date")]
    assert isinstance(landing, datetime) and landing.date() == date(2017, 3, 21)
    # The leader first, then by rank: as the pack lists them.
    assert rows[1][rows[0].index("Travellers")] == "Dr. HE Zhimin (何志敏)\nMr. ZHANG Wei\nNa Li"


def test_followups_are_the_open_outcomes_soonest_first(tmp_path: Path) -> None:
    seed(tmp_path)
    rows = xlsx_rows(export(tmp_path, "followups", "followups.xlsx"))
    assert [r[2] for r in rows[1:]] == [
        "Use of IT in patent examination", "MoU between IPO-Pakistan and SIPO"
    ]  # fmt: skip
    assert rows[2][3:5] == ["Initialled", "Mr. Shahid Rashid"]


def test_export_mistakes_get_plain_messages(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    seed(tmp_path)
    base = ["--data-dir", str(tmp_path), "export-list"]
    assert main([*base, "sipo-2017-03", "--list", "arrivals", "-o", str(tmp_path / "a.pdf")]) == 1
    assert "use an .xlsx or a .csv file" in capsys.readouterr().err
    assert main([*base, "nope", "--list", "arrivals", "-o", str(tmp_path / "a.csv")]) == 1
    assert "There is no visit 'nope'" in capsys.readouterr().err
    target = tmp_path / "no-such-folder" / "a.csv"
    assert main([*base, "sipo-2017-03", "--list", "arrivals", "-o", str(target)]) == 1
    assert "Cannot use the file" in capsys.readouterr().err
