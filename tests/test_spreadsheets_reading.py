"""Lists as embassies send them: Japanese cp932, Excel's UTF-16 'Unicode text', merged cells;
and workbooks no delegation list could be, refused before they are unpacked."""

from __future__ import annotations

import time
import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook

from tests.test_spreadsheets_import import person, run, seed, state
from visitdesk.services.errors import ServiceError
from visitdesk.services.spreadsheets.tables import read_sheet

JAPANESE = "氏名,役職,所属\n鈴木 一郎,課長,特許庁\n田中 花子,部長,経済産業省\n"


@pytest.mark.parametrize(
    ("encoding", "data", "shown"),
    [
        ("cp932", JAPANESE.encode("cp932"), "Japanese (Shift JIS, cp932)"),
        ("utf-16", ("\ufeff" + JAPANESE.replace(",", "\t")).encode("utf-16-le"), "UTF-16"),
        ("utf-8", JAPANESE.encode("utf-8"), "UTF-8"),
        ("utf-8-sig", JAPANESE.encode("utf-8-sig"), "UTF-8 with BOM"),
    ],
)
def test_japanese_lists_read_right_in_every_encoding_excel_writes(
    tmp_path: Path, encoding: str, data: bytes, shown: str
) -> None:
    path = tmp_path / f"list-{encoding}.csv"
    path.write_bytes(data)
    sheet = read_sheet(path)
    assert sheet.headings == ("氏名", "役職", "所属")
    assert [r.cells for r in sheet.rows] == [
        ("鈴木 一郎", "課長", "特許庁"),
        ("田中 花子", "部長", "経済産業省"),
    ]
    assert sheet.encoding is not None and sheet.encoding.startswith(shown)


def test_the_preview_says_which_encoding_it_read(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    seed(tmp_path)
    path = tmp_path / "japan.csv"
    path.write_bytes("Name,Position\nMr. Suzuki Ichiro,課長\n".encode("cp932"))
    assert run(tmp_path, "import-people", str(path), "--visit", "sipo-2017-03") == 0
    assert "Read as Japanese (Shift JIS, cp932)" in capsys.readouterr().out
    assert person(tmp_path, "suzuki-ichiro").position == "課長"


def test_a_file_in_no_recognisable_encoding_is_refused_with_a_sentence(tmp_path: Path) -> None:
    path = tmp_path / "noise.csv"
    path.write_bytes(bytes(range(128, 256)) * 4)
    with pytest.raises(ServiceError, match=r"cannot tell which encoding noise\.csv is in"):
        read_sheet(path)


def test_an_organisation_merged_down_three_rows_fills_all_three(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    seed(tmp_path)
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    for row in (
        ["Name", "Position", "Organisation"],
        ["Mr. Wang Tao", "Director", "China Patent Agent Ltd"],
        ["Ms. Chen Jing", "Attorney", None],
        ["Mr. Liu Yang", "Attorney", None],
        ["Ms. Zhao Min", "Interpreter", "China Translation Bureau"],
    ):
        sheet.append(row)
    sheet.merge_cells("C2:C4")
    path = tmp_path / "merged.xlsx"
    workbook.save(path)
    assert run(tmp_path, "import-people", str(path), "--visit", "sipo-2017-03") == 0
    out = capsys.readouterr().out
    assert "Organisation is merged over rows 2–4: each of those rows gets “China Patent" in out
    for ref in ("wang-tao", "chen-jing", "liu-yang"):
        org = person(tmp_path, ref).organisation
        assert org is not None and org.name == "China Patent Agent Ltd", ref


def _bomb(path: Path, size: int) -> Path:
    """A valid-looking workbook whose sheet unpacks to `size` bytes of padding."""
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(["Name", "Position"])
    workbook.save(path)
    block = b"\0" * (1 << 20)
    with (
        zipfile.ZipFile(path, "a", compression=zipfile.ZIP_DEFLATED) as archive,
        archive.open("xl/media/padding.bin", "w", force_zip64=True) as stream,
    ):
        for _ in range(size // len(block)):
            stream.write(block)
    return path


def test_a_zip_bomb_is_refused_before_it_is_unpacked(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    seed(tmp_path)
    before = state(tmp_path)
    path = _bomb(tmp_path / "bomb.xlsx", 200 * 1024 * 1024)
    assert path.stat().st_size < 2 * 1024 * 1024
    started = time.perf_counter()
    code = run(tmp_path, "import-people", str(path), "--visit", "sipo-2017-03")
    elapsed = time.perf_counter() - started
    assert code == 1
    err = capsys.readouterr().err
    assert "bomb.xlsx unpacks to 200 MB, far more than a delegation list" in err
    assert state(tmp_path) == before
    print(f"refused in {elapsed:.2f} s")  # a figure, not an assertion on time


def test_a_sheet_of_more_rows_than_any_delegation_is_refused(tmp_path: Path) -> None:
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet()
    sheet.append(["Name", "Position"])
    for n in range(5_200):
        sheet.append([f"Person {n}", "Officer"])
    path = tmp_path / "huge.xlsx"
    workbook.save(path)
    with pytest.raises(ServiceError, match=r"huge\.xlsx has more than 5,000 rows"):
        read_sheet(path)
