"""`visitdesk import-people`: headings matched, people matched not duplicated, all or nothing."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

import pytest
from openpyxl import Workbook
from sqlalchemy import func, select

from visitdesk.cli import main
from visitdesk.domain.enums import Side
from visitdesk.domain.models import Organisation, Person, Visit, VisitParticipant
from visitdesk.services.spreadsheets.person_names import family_name_first_hint, split_name
from visitdesk.store.database import Store


def seed(data_dir: Path) -> None:
    store = Store.open(data_dir=data_dir)
    with store.transaction() as session:
        sipo = Organisation(
            ref="sipo", name="State Intellectual Property Office", short_name="SIPO", country="CN"
        )
        ipo = Organisation(ref="ipo", name="IPO-Pakistan")
        he = Person(
            ref="he-zhimin", honorific="Dr.", given_name="Zhimin", family_name="He",
            family_name_first=True, organisation=sipo, position="Deputy Commissioner",
            precedence=1,
        )  # fmt: skip
        rashid = Person(
            ref="rashid", honorific="Mr.", given_name="Shahid", family_name="Rashid",
            organisation=ipo, position="Chairman",
        )  # fmt: skip
        visit = Visit(
            ref="sipo-2017-03", title="Visit of the SIPO China delegation",
            start_date=date(2017, 3, 21), end_date=date(2017, 3, 22), leader=he,
            guest_organisation=sipo,
        )  # fmt: skip
        visit.participants.append(VisitParticipant(person=rashid, side=Side.HOST))
        session.add(visit)
    store.close()


def write_xlsx(path: Path, rows: list[list[object]]) -> Path:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    for row in rows:
        sheet.append(row)
    workbook.save(path)
    return path


def run(tmp_path: Path, *args: str) -> int:
    return main(["--data-dir", str(tmp_path), *args])


def state(tmp_path: Path) -> tuple[int, int, list[tuple[str, str]]]:
    """People, organisations, and the visit's participants as (ref, side)."""
    store = Store.open(data_dir=tmp_path)
    with store.session() as session:
        people = session.scalar(select(func.count(Person.id))) or 0
        orgs = session.scalar(select(func.count(Organisation.id))) or 0
        visit = session.scalar(select(Visit).where(Visit.ref == "sipo-2017-03"))
        assert visit is not None
        members = [(p.person.ref, p.side.value) for p in visit.participants]
    store.close()
    return people, orgs, members


def person(tmp_path: Path, ref: str) -> Person:
    store = Store.open(data_dir=tmp_path)
    with store.session() as session:
        found = session.scalar(select(Person).where(Person.ref == ref))
        assert found is not None
    store.close()
    return found


EMBASSY_LIST: list[list[object]] = [
    ["S. No", "Name", "Designation", "Organization", "E-mail", "Mobile", "Diet", "Precedence"],
    [1, "Dr. HE Zhimin", "Deputy Commissioner", "SIPO", "he@sipo.gov.cn", None, None, 1],
    [2, "Mr. ZHANG Wei", "Director", "SIPO", None, "+86 10 6208 3114", "Halal", 2],
    [3, "Ms. Li Na", "Interpreter", "China Translation Bureau", None, None, "Vegetarian", None],
]


def test_an_embassy_list_joins_the_delegation(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    seed(tmp_path)
    path = write_xlsx(tmp_path / "delegation.xlsx", EMBASSY_LIST)
    assert run(tmp_path, "import-people", str(path), "--visit", "sipo-2017-03") == 0
    printed = capsys.readouterr().out
    assert "Row 2: Dr. HE Zhimin: matches he-zhimin, adds Email; joins the delegation" in printed
    assert "Row 3: Mr. ZHANG Wei: new person (zhang-wei); joins the delegation" in printed
    assert "New organisations: China Translation Bureau" in printed
    people, orgs, members = state(tmp_path)
    assert (people, orgs) == (4, 3)  # He matched, not duplicated
    assert members == [
        ("rashid", "host"), ("he-zhimin", "guest"), ("zhang-wei", "guest"), ("li-na", "guest")
    ]  # fmt: skip
    zhang = person(tmp_path, "zhang-wei")
    assert (zhang.family_name, zhang.given_name, zhang.family_name_first) == ("ZHANG", "Wei", True)
    assert (zhang.phone, zhang.dietary, zhang.precedence) == ("+86 10 6208 3114", "Halal", 2)
    assert zhang.organisation is not None and zhang.organisation.ref == "sipo"
    # A matched person gains what was missing and keeps what was stored.
    he = person(tmp_path, "he-zhimin")
    assert (he.email, he.position) == ("he@sipo.gov.cn", "Deputy Commissioner")
    # SIPO is Chinese: a name without a family name in capitals is family name first.
    li = person(tmp_path, "li-na")
    assert (li.family_name, li.given_name, li.family_name_first) == ("Li", "Na", True)


def test_one_bad_row_imports_nothing_and_says_which_rows(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    seed(tmp_path)
    before = state(tmp_path)
    rows: list[list[object]] = [
        *EMBASSY_LIST,
        [4, "", "Driver", "SIPO", None, None, None, None],
        [5, "Mr. Wang Tao", "Officer", "SIPO", "wang(at)sipo", None, None, "first"],
        [6, "Mr. ZHANG Wei", "Director", "SIPO", None, None, None, 2],
    ]
    path = write_xlsx(tmp_path / "bad.xlsx", rows)
    assert run(tmp_path, "import-people", str(path), "--visit", "sipo-2017-03") == 1
    captured = capsys.readouterr()
    assert "Row 5: (no name): the name is empty" in captured.out
    assert "'wang(at)sipo' is not an email address" in captured.out
    assert "Precedence must be a whole number (1 is the most senior), not 'first'" in captured.out
    assert "Row 7: Mr. ZHANG Wei: the same person as row 3" in captured.out
    assert "Nothing was imported: 3 rows have errors" in captured.err
    assert state(tmp_path) == before


def test_preview_changes_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    seed(tmp_path)
    before = state(tmp_path)
    path = write_xlsx(tmp_path / "delegation.xlsx", EMBASSY_LIST)
    args = ("import-people", str(path), "--visit", "sipo-2017-03", "--preview")
    assert run(tmp_path, *args) == 0
    assert "Preview only: nothing was imported." in capsys.readouterr().out
    assert state(tmp_path) == before


def test_a_semicolon_csv_from_excel_in_the_windows_code_page(tmp_path: Path) -> None:
    seed(tmp_path)
    path = tmp_path / "hosts.csv"
    with path.open("w", encoding="cp1252", newline="") as stream:
        writer = csv.writer(stream, delimiter=";")
        writer.writerow(["Title/Position", "Family name", "Given name", "Honorific", "Role"])
        writer.writerow(["Director General", "Müller", "José", "Mr.", "Liaison officer"])
    args = ("import-people", str(path), "--visit", "sipo-2017-03", "--side", "host")
    assert run(tmp_path, *args) == 0
    _, _, members = state(tmp_path)
    assert members[-1] == ("jose-muller", "host")
    muller = person(tmp_path, "jose-muller")
    assert (muller.family_name, muller.given_name, muller.position) == (
        "Müller",
        "José",
        "Director General",
    )


def test_utf8_csv_with_native_names_and_hostile_text(tmp_path: Path) -> None:
    seed(tmp_path)
    path = tmp_path / "list.csv"
    hostile = "<b>Adviser</b> & 🎉 " + "x" * 280
    with path.open("w", encoding="utf-8-sig", newline="") as stream:
        writer = csv.writer(stream)
        writer.writerow(["Name", "Native name", "Position"])
        writer.writerow(["Muhammad Usman", "محمد عثمان", hostile])
        writer.writerow(["SATO Kenji", "佐藤健二", '=HYPERLINK("http://x")'])
    assert run(tmp_path, "import-people", str(path), "--visit", "sipo-2017-03") == 0
    usman = person(tmp_path, "muhammad-usman")
    assert (usman.native_name, usman.position) == ("محمد عثمان", hostile)
    sato = person(tmp_path, "sato-kenji")
    assert (sato.family_name, sato.family_name_first, sato.native_name) == (
        "SATO",
        True,
        "佐藤健二",
    )
    assert sato.position == '=HYPERLINK("http://x")'  # stored as typed, never evaluated


def test_someone_on_the_host_side_cannot_join_the_delegation(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    seed(tmp_path)
    path = write_xlsx(tmp_path / "x.xlsx", [["Ref", "Name"], ["rashid", "Mr. Shahid Rashid"]])
    assert run(tmp_path, "import-people", str(path), "--visit", "sipo-2017-03") == 1
    out = capsys.readouterr().out
    assert "Mr. Shahid Rashid is already on the host side of this visit" in out


def test_two_people_of_the_same_name_need_a_ref(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    seed(tmp_path)
    store = Store.open(data_dir=tmp_path)
    with store.transaction() as session:
        session.add(Person(ref="rashid-2", given_name="Shahid", family_name="Rashid"))
    store.close()
    path = write_xlsx(tmp_path / "x.xlsx", [["Name"], ["Shahid Rashid"]])
    args = ("import-people", str(path), "--visit", "sipo-2017-03", "--side", "host")
    assert run(tmp_path, *args) == 1
    assert "2 people are called Shahid Rashid (rashid, rashid-2)" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("rows", "message"),
    [
        ([["Job", "Country"], ["x", "y"]], "No column of names was found"),
        ([["Name", "Email", "E-mail"], ["x", "a@b.cn", "c@d.cn"]], "both look like Email"),
        ([["Name"]], "has headings but no people"),
    ],
)
def test_unusable_files_get_plain_messages(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], rows: list[list[object]], message: str
) -> None:
    seed(tmp_path)
    path = write_xlsx(tmp_path / "x.xlsx", rows)
    assert run(tmp_path, "import-people", str(path), "--visit", "sipo-2017-03") == 1
    assert message in capsys.readouterr().err


def test_files_that_are_not_usable_spreadsheets(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    seed(tmp_path)
    old = tmp_path / "list.xls"
    old.write_bytes(b"\xd0\xcf\x11\xe0")
    assert run(tmp_path, "import-people", str(old), "--visit", "sipo-2017-03") == 1
    assert "save it as an Excel workbook (.xlsx) or CSV" in capsys.readouterr().err
    fake = tmp_path / "list.xlsx"
    fake.write_text("not a zip")
    assert run(tmp_path, "import-people", str(fake), "--visit", "sipo-2017-03") == 1
    assert "could not be read as an Excel workbook" in capsys.readouterr().err
    missing = tmp_path / "nowhere.csv"
    assert run(tmp_path, "import-people", str(missing), "--visit", "sipo-2017-03") == 1
    assert "There is no file" in capsys.readouterr().err
    assert run(tmp_path, "import-people", str(fake), "--visit", "nope") == 1
    assert "There is no visit 'nope'" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("text", "parts"),
    [
        ("Dr. HE Zhimin", ("Dr.", "Zhimin", "HE", True)),
        ("Engr. Khurram Dastgir Khan", ("Engr.", "Khurram Dastgir", "Khan", False)),
        ("Shinzo ABE", (None, "Shinzo", "ABE", False)),
        ("H.E. Mr. Nong Rong", ("H.E. Mr.", "Nong", "Rong", False)),
        ("Madonna", (None, None, "Madonna", False)),
    ],
)
def test_one_column_names_are_split_as_protocol_lists_write_them(
    text: str, parts: tuple[str | None, str | None, str, bool]
) -> None:
    split = split_name(text)
    assert (split.honorific, split.given_name, split.family_name, split.family_name_first) == parts


def test_a_5000_character_name_is_a_row_error_not_a_crash(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    seed(tmp_path)
    path = write_xlsx(tmp_path / "x.xlsx", [["Name", "Email"], ["Li " + "N" * 5000, ""]])
    assert run(tmp_path, "import-people", str(path), "--visit", "sipo-2017-03") == 1
    assert "Name is longer than 400 characters" in capsys.readouterr().out


def test_a_chinese_or_korean_name_without_capitals_is_split_family_name_first() -> None:
    kim = split_name("Ms. Kim Min-ji", family_name_first_hint("김민지", None))
    assert (kim.honorific, kim.given_name, kim.family_name, kim.family_name_first) == (
        "Ms.",
        "Min-ji",
        "Kim",
        True,
    )
    wang = split_name("Wang Lei", family_name_first_hint(None, "CN"))
    assert (wang.given_name, wang.family_name, wang.family_name_first) == ("Lei", "Wang", True)
    # Capitals still decide, Japanese is never guessed, and other countries keep the usual order.
    assert split_name("Shinzo ABE", True).family_name == "ABE"
    assert not family_name_first_hint("山田 太郎 やまだ", "JP")
    assert not family_name_first_hint(None, "SA")
    assert split_name("Ahmed Al-Mansouri", family_name_first_hint(None, "AE")).family_name == (
        "Al-Mansouri"
    )
