"""`visitdesk press-release`: the PDF and the text an officer sends to the media."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader

from visitdesk.cli import main
from visitdesk.domain.models import Office
from visitdesk.services.visits import load_visit
from visitdesk.store.database import Store


def pdf_text(path: Path) -> str:
    text = "\n".join(page.extract_text() or "" for page in PdfReader(path).pages)
    return " ".join(text.split())


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.fixture
def imported(capsys: pytest.CaptureFixture[str], data_dir: Path, example_path: Path) -> list[str]:
    d = ["--data-dir", str(data_dir)]
    assert main([*d, "import", str(example_path)]) == 0
    capsys.readouterr()
    return d


def test_example_pdf_holds_every_fact_of_the_seed(
    capsys: pytest.CaptureFixture[str], imported: list[str], tmp_path: Path
) -> None:
    out_file = tmp_path / "PR211.pdf"
    code, out, err = run(capsys, *imported, "press-release", "sipo-2017-03", "-o", str(out_file))
    assert (code, err) == (0, "")
    assert "Wrote PR No.211" in out
    reader = PdfReader(out_file)
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)  # A4
    text = pdf_text(out_file)
    for fact in (
        "Intellectual Property Organization of Pakistan",
        "PRESS RELEASE",
        "PR No.211",
        "Islamabad: March 22, 2017",
        "have agreed on text of draft MoU and it will be signed after cabinet approval",
        "stance on major WIPO issues is in sync.",
        "…Engr. Khurram Dastgir Khan",
        "Minister for Commerce, Engr. Khurram Dastgir Khan",
        "Dr. HE Zhimin, Deputy Commissioner of the State Intellectual Property Office (SIPO)",
        "Secretary Commerce Mr. Azmat Ali Ranjha",
        "Chairman of the Intellectual Property Organization of Pakistan (IPO-Pakistan) Mr. "
        "Shahid Rashid",
        "was initialled",
        "It will be formally signed after approval of the Cabinet.",
        "SIPO offered a two-year Master's in Law programme to IPO-Pakistan employees.",
        "COMSATS University Islamabad",
        "the National University of Sciences and Technology",
        "*****",
    ):
        assert fact in text, fact
    assert text.index("PR No.211") < text.index("have agreed") < text.index("This was said")


def test_internal_statement_never_printed(
    capsys: pytest.CaptureFixture[str], imported: list[str], data_dir: Path, tmp_path: Path
) -> None:
    store = Store.open(data_dir=data_dir)
    with store.transaction() as session:
        visit = load_visit(session, "sipo-2017-03")
        visit.statements[3].for_press = False  # Dr. HE's remark becomes internal
    store.close()
    out_file = tmp_path / "pr.pdf"
    assert run(capsys, *imported, "press-release", "sipo-2017-03", "-o", str(out_file))[0] == 0
    text = pdf_text(out_file)
    assert "very fruitful" not in text
    assert "Master's in Law" in text


def test_hostile_text_comes_out_literally(
    capsys: pytest.CaptureFixture[str], imported: list[str], data_dir: Path, tmp_path: Path
) -> None:
    long_paragraph = " ".join(["Cooperation & <i>friendship</i>"] * 170)  # over 5,000 characters
    assert len(long_paragraph) > 5000
    store = Store.open(data_dir=data_dir)
    with store.transaction() as session:
        visit = load_visit(session, "sipo-2017-03")
        visit.statements[2].text = 'the <b>MoU</b> & "friendship" <font size=40>big</font>'
        visit.statements[3].text = long_paragraph
        office = session.query(Office).one()
        office.media_contact = "Press Wing <press@ipo.gov.pk> & +92 51 111 476 111"
    store.close()
    pdf, txt = tmp_path / "pr.pdf", tmp_path / "pr.txt"
    assert run(capsys, *imported, "press-release", "sipo-2017-03", "-o", str(pdf))[0] == 0
    text = pdf_text(pdf)
    assert 'the <b>MoU</b> & "friendship" <font size=40>big</font>.' in text
    # Counted by its markup word: a page break may fall between "Cooperation &" and the rest.
    assert text.lower().count("<i>friendship</i>") == 170
    assert text.lower().count("cooperation &") == 170
    assert "Media contact: Press Wing <press@ipo.gov.pk> & +92 51 111 476 111" in text
    assert len(PdfReader(pdf).pages) >= 2  # the long paragraph flows onto a second page
    assert run(capsys, *imported, "press-release", "sipo-2017-03", "-o", str(txt))[0] == 0
    plain = txt.read_text(encoding="utf-8")
    assert 'the <b>MoU</b> & "friendship"' in plain
    assert "&amp;" not in plain and "&amp;" not in text


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils")
def test_emoji_is_kept_in_the_pdf_text(
    capsys: pytest.CaptureFixture[str], imported: list[str], data_dir: Path, tmp_path: Path
) -> None:
    store = Store.open(data_dir=data_dir)
    with store.transaction() as session:
        load_visit(session, "sipo-2017-03").statements[2].text = "we are happy 😀 today."
    store.close()
    pdf = tmp_path / "pr.pdf"
    assert run(capsys, *imported, "press-release", "sipo-2017-03", "-o", str(pdf))[0] == 0
    out = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True)
    assert "we are happy 😀 today." in " ".join(out.stdout.split())


def test_txt_format_for_email(
    capsys: pytest.CaptureFixture[str], imported: list[str], tmp_path: Path
) -> None:
    out_file = tmp_path / "release.eml.part"
    code, _, _ = run(
        capsys, *imported, "press-release", "sipo-2017-03", "-o", str(out_file), "--format", "txt"
    )
    assert code == 0
    text = out_file.read_text(encoding="utf-8")
    lines = text.splitlines()
    assert lines[0] == "INTELLECTUAL PROPERTY ORGANIZATION OF PAKISTAN"
    assert "PR No.211 Draft MoU between IPO-Pakistan and SIPO" in lines
    assert "Islamabad: March 22, 2017" in lines
    assert "…Engr. Khurram Dastgir Khan" in lines
    assert re.search(r"^This was said by Minister for Commerce", text, re.M)
    assert text.rstrip().endswith("*****")


def test_numbers_dates_and_mistakes(
    capsys: pytest.CaptureFixture[str], imported: list[str], tmp_path: Path
) -> None:
    out_file = str(tmp_path / "pr.pdf")
    code, _, err = run(capsys, *imported, "press-release", "no-such-visit", "-o", out_file)
    assert code == 1 and "There is no visit 'no-such-visit'" in err and "Traceback" not in err
    with pytest.raises(SystemExit):
        main([*imported, "press-release", "sipo-2017-03", "-o", out_file, "--date", "22/03/2017"])
    assert "write it as YYYY-MM-DD" in capsys.readouterr().err
    code, out, _ = run(
        capsys,
        *imported,
        "press-release",
        "sipo-2017-03",
        "-o",
        out_file,
        "--number",
        "300",
        "--date",
        "2017-03-23",
        "--city",
        "Lahore",
    )
    assert code == 0 and "PR No.300" in out
    text = pdf_text(Path(out_file))
    assert "PR No.300" in text and "Lahore: March 23, 2017" in text
    code, _, err = run(
        capsys, *imported, "press-release", "sipo-2017-03", "-o", str(tmp_path / "no" / "x.pdf")
    )
    # The officer's file and why, never our temporary `.x.pdf.part`.
    assert code == 1 and "x.pdf: its folder does not exist" in err
    assert ".part" not in err and "Traceback" not in err
    assert not (tmp_path / "no").exists()


def test_edited_release_is_kept_until_redraft(
    capsys: pytest.CaptureFixture[str], imported: list[str], data_dir: Path, tmp_path: Path
) -> None:
    out_file = tmp_path / "pr.txt"
    assert run(capsys, *imported, "press-release", "sipo-2017-03", "-o", str(out_file))[0] == 0
    store = Store.open(data_dir=data_dir)
    with store.transaction() as session:
        release = load_visit(session, "sipo-2017-03").press_releases[0]
        release.body = "The officer's own words."
        release.edited = True
    store.close()
    code, out, _ = run(capsys, *imported, "press-release", "sipo-2017-03", "-o", str(out_file))
    assert code == 0 and "--redraft" in out
    assert "The officer's own words." in out_file.read_text(encoding="utf-8")
    args = ("press-release", "sipo-2017-03", "-o", str(out_file), "--redraft")
    assert run(capsys, *imported, *args)[0] == 0
    assert "The officer's own words." not in out_file.read_text(encoding="utf-8")
