"""The programme at a glance: `visitdesk programme REF -o FILE.pdf` and what the page says."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader

from visitdesk.cli import main
from visitdesk.documents import programme_pdf


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def _text(path: Path) -> str:
    return " ".join(" ".join(p.extract_text() for p in PdfReader(path).pages).split())


def test_the_example_visit_on_one_a4_page_with_everyone_named(
    capsys: pytest.CaptureFixture[str], data_dir: Path, example_path: Path, tmp_path: Path
) -> None:
    d = ("--data-dir", str(data_dir))
    run(capsys, *d, "import", str(example_path))
    target = tmp_path / "programme.pdf"
    code, out, err = run(capsys, *d, "programme", "sipo-2017-03", "-o", str(target))
    assert code == 0, err
    assert out.strip() == (
        f"Wrote the programme of sipo-2017-03 (4 engagements, 1 page) to {target}"
    )
    reader = PdfReader(target)
    assert len(reader.pages) == 1
    width, height = reader.pages[0].mediabox.width, reader.pages[0].mediabox.height
    assert (round(float(width)), round(float(height))) == (595, 842)  # A4
    text = _text(target)
    assert "Visit of the SIPO China delegation 21–22 March 2017 · Islamabad" in text
    assert "21–22 March 2017" in text
    assert "Leader of the delegation: Dr. HE Zhimin (何志敏)" in text
    assert "Day 1 · Tuesday 21 March 2017" in text and "Day 2 · Wednesday 22 March 2017" in text
    assert "Meeting with the Minister for Commerce" in text
    # Every attendee of the talks at IPO-Pakistan: nobody folded into "and 1 more".
    assert text.count("Dr. HE Zhimin") >= 4 and "more" not in text
    assert [p.name for p in tmp_path.glob("*programme.pdf*")] == ["programme.pdf"]


def test_an_unknown_visit_or_folder_is_one_sentence_and_writes_nothing(
    capsys: pytest.CaptureFixture[str], data_dir: Path, tmp_path: Path
) -> None:
    d = ("--data-dir", str(data_dir))
    code, _out, err = run(capsys, *d, "programme", "nope", "-o", str(tmp_path / "p.pdf"))
    assert code != 0 and f"There is no folder {data_dir}" in err  # a mistyped folder
    data_dir.mkdir()
    code, _out, err = run(capsys, *d, "programme", "nope", "-o", str(tmp_path / "p.pdf"))
    assert code != 0 and "There is no visit 'nope'" in err
    code, _out, err = run(
        capsys, *d, "programme", "nope", "-o", str(tmp_path / "missing" / "p.pdf")
    )
    assert code != 0 and "does not exist" in err
    assert not list(tmp_path.rglob("*.pdf*"))


def test_a_failed_build_leaves_nothing_under_the_real_name(
    capsys: pytest.CaptureFixture[str],
    data_dir: Path,
    example_path: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    d = ("--data-dir", str(data_dir))
    run(capsys, *d, "import", str(example_path))
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    older = out_dir / "programme.pdf"
    older.write_bytes(b"the copy printed yesterday")

    def broken(*args: object) -> list[object]:
        raise RuntimeError("the disk filled up")

    monkeypatch.setattr(programme_pdf, "_story", broken)
    code, _out, err = run(capsys, *d, "programme", "sipo-2017-03", "-o", str(older))
    assert code != 0 and "RuntimeError" in err
    assert older.read_bytes() == b"the copy printed yesterday"
    assert [p.name for p in out_dir.iterdir()] == ["programme.pdf"]  # no .part left behind
