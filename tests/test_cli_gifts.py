"""`visitdesk gifts` and `visitdesk export-list REF --list gifts`: the register on the command
line, filtered by year and person, printed literally, and as a spreadsheet."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

import openpyxl
import pytest

from visitdesk.app import Desk
from visitdesk.app.gifts import GiftData, GiftDecision, GiftDirection
from visitdesk.cli import main

HOSTILE = "=cmd|' /C calc'!A0 <b>&amp;</b>"


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.fixture
def records(data_dir: Path, example_path: Path) -> Path:
    desk = Desk.open(data_dir=data_dir)
    try:
        desk.exchange.import_file(example_path)
        visit_id = desk.visits.id_of("sipo-2017-03")
        people = {name: pid for pid, name in desk.gifts.choices(visit_id).people}
        he = next(i for n, i in people.items() if "Zhimin" in n)
        dastgir = next(i for n, i in people.items() if "Dastgir" in n)
        desk.gifts.add(
            visit_id,
            GiftData(
                description="景泰蓝花瓶 cloisonné vase", giver_id=he, receiver_id=dastgir,
                given_on=date(2017, 3, 21), estimated_value=45000, currency="CNY",
                decision=GiftDecision.DEPOSITED, deposited_on=date(2017, 3, 27),
                deposit_reference="TK/2017/0412", assessed_value=52000,
            ),
        )  # fmt: skip
        desk.gifts.add(
            visit_id,
            GiftData(
                description="اجرک shawl", direction=GiftDirection.GIVEN, giver_name=HOSTILE,
                receiver_id=he, given_on=date(2018, 1, 9),
            ),
        )  # fmt: skip
        desk.gifts.add(visit_id, GiftData(description="Book of calligraphy", receiver_id=dastgir))
    finally:
        desk.close()
    return data_dir


def test_the_register_prints_every_gift_newest_first_with_its_deposit(
    capsys: pytest.CaptureFixture[str], records: Path
) -> None:
    code, out, _ = run(capsys, "--data-dir", str(records), "gifts")
    assert code == 0
    lines = out.splitlines()
    assert lines[0].split() == ["Date", "Visit", "Given/received", "From", "To", "Gift", "Value"]
    assert lines[1].startswith("2018-01-09") and HOSTILE in lines[1]  # printed literally
    assert "景泰蓝花瓶 cloisonné vase" in lines[2] and lines[2].endswith("45,000 CNY")
    assert lines[3].strip() == (
        "Deposited, deposited 2017-03-27, reference TK/2017/0412, assessed 52,000."
    )
    assert lines[4].startswith("2017 (no date)")
    assert lines[5].strip() == "AWAITS: Not yet reported to the Toshakhana (Cabinet Division)."
    assert lines[-1] == "3 gifts; 1 awaits its deposit."


def test_the_register_of_a_year_and_a_person(
    capsys: pytest.CaptureFixture[str], records: Path
) -> None:
    d = ("--data-dir", str(records))
    code, out, _ = run(capsys, *d, "gifts", "--year", "2017", "--person", "dastgir")
    assert code == 0 and "اجرک" not in out and out.count("\n") == 6
    code, out, _ = run(capsys, *d, "gifts", "--year", "2019")
    assert (code, out) == (0, "The register holds no gifts of 2019.\n")
    code, _, err = run(capsys, *d, "gifts", "--person", "nobody")
    assert code == 1 and "no person with the reference “nobody”" in err


def test_the_register_and_a_visit_s_gifts_as_spreadsheets(
    capsys: pytest.CaptureFixture[str], records: Path, tmp_path: Path
) -> None:
    d = ("--data-dir", str(records))
    target = tmp_path / "register.xlsx"
    code, out, _ = run(capsys, *d, "gifts", "--year", "2017", "-o", str(target))
    assert (code, out) == (0, f"Wrote the gifts register (2 gifts) to {target}\n")
    sheet = openpyxl.load_workbook(target).active
    assert sheet is not None
    rows = [[c.value for c in r] for r in sheet.iter_rows()]
    heads = rows[0]
    vase = dict(zip(heads, rows[1], strict=True))
    assert vase["Description"] == "景泰蓝花瓶 cloisonné vase"
    assert vase["Estimated value"] == 45000 and vase["Deposit reference"] == "TK/2017/0412"
    listed = tmp_path / "gifts.csv"
    code, out, _ = run(
        capsys, *d, "export-list", "sipo-2017-03", "--list", "gifts", "-o", str(listed)
    )
    assert code == 0 and "(3 rows)" in out
    table = list(csv.reader(listed.open(encoding="utf-8-sig")))
    shawl = next(r for r in table if r[6].startswith("اجرک"))
    assert shawl[4] == "'" + HOSTILE  # never run as a formula
