"""The release as a Word document: the PDF's content in named styles, fonts named per script."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

import docx
import pytest
from docx.oxml.ns import qn
from docx.shared import Pt

from tests.test_press_release_pages import PARAGRAPHS, release
from visitdesk.cli import main
from visitdesk.documents.fonts import font_for_char
from visitdesk.documents.press_release_docx import family, press_release_docx


def font_attr(run: Any, name: str) -> str | None:
    """An attribute of the run's w:rFonts (`w:eastAsia`, `w:cs`), or None."""
    fonts = run._r.find(f"{qn('w:rPr')}/{qn('w:rFonts')}")
    return None if fonts is None else fonts.get(qn(name))


def lang_bidi(run: Any) -> str | None:
    lang = run._r.find(f"{qn('w:rPr')}/{qn('w:lang')}")
    return None if lang is None else lang.get(qn("w:bidi"))


def styled(path: Path) -> list[tuple[str, str]]:
    return [(p.style.name, p.text) for p in docx.Document(str(path)).paragraphs if p.style]


def test_example_release_as_word_has_the_pdf_s_content_in_named_styles(
    capsys: pytest.CaptureFixture[str], data_dir: Path, example_path: Path, tmp_path: Path
) -> None:
    d = ["--data-dir", str(data_dir)]
    assert main([*d, "import", str(example_path)]) == 0
    out = tmp_path / "PR211.docx"
    assert main([*d, "press-release", "sipo-2017-03", "-o", str(out)]) == 0
    assert f"to {out}" in capsys.readouterr().out
    assert not list(tmp_path.glob(".*.part"))  # written whole, then renamed
    paragraphs = styled(out)
    names = [name for name, _ in paragraphs]
    assert names[:3] == ["Letterhead", "Letterhead Line", "Release Title"]
    assert paragraphs[0][1] == "Intellectual Property Organization of Pakistan"
    assert ("Release Title", "PRESS RELEASE") in paragraphs
    assert ("Release Number Line", "PR No.211\tIslamabad: March 22, 2017") in paragraphs
    assert names.index("Release Headline") < names.index("Release Body")
    assert names[-1] == "Release End Mark" and paragraphs[-1][1] == "*****"
    body = " ".join(text for name, text in paragraphs if name == "Release Body")
    assert "Minister for Commerce, Engr. Khurram Dastgir Khan" in body
    quote = next(text for name, text in paragraphs if name == "Release Lead Quote")
    assert quote.startswith("“") and "stance on major WIPO issues is in sync." in quote
    assert ("Release Attribution", "…Engr. Khurram Dastgir Khan") in paragraphs
    document = docx.Document(str(out))
    section = document.sections[0]
    width, height = section.page_width, section.page_height
    assert width is not None and height is not None
    assert (round(width.mm), round(height.mm)) == (210, 297)  # A4
    assert document.styles["Normal"].font.name == "Liberation Serif"
    assert document.styles["Release Headline"].font.bold is True
    assert document.styles["Release Body"].font.size == Pt(11.5)


def test_word_names_the_pdf_s_fonts_for_cjk_and_urdu_runs(tmp_path: Path) -> None:
    out = tmp_path / "kipo.docx"
    out.write_bytes(press_release_docx(release(PARAGRAPHS * 6)))
    document = docx.Document(str(out))
    runs = [r for p in document.paragraphs for r in p.runs]
    japanese = next(r for r in runs if "鈴木" in r.text)
    assert font_attr(japanese, "w:eastAsia") == family(font_for_char("鈴"))
    urdu = next(r for r in runs if "پاکستان" in r.text)
    assert urdu.font.rtl is True
    assert font_attr(urdu, "w:cs") == family(font_for_char("پ"))
    assert lang_bidi(urdu) == "ur-PK"
    latin = next(r for r in runs if r.text.startswith("Minister for Industries"))
    assert latin.font.rtl is None
    # Two pages in the PDF: -more- at the foot of page 1, the release named on later pages.
    section = document.sections[0]
    first = [p.text for p in section.first_page_footer.paragraphs]
    later = [p.text for p in section.footer.paragraphs]
    assert first[0] == "-more-" and later[0] == ""
    assert later[1].startswith("PR No.17\tPage ")
    assert (
        "Media Contact",
        "Media contact: Ms. Hina Baig, Press Wing, +92 51 111 476 111, press@ipo.gov.pk",
    ) in [(p.style.name, p.text) for p in document.paragraphs if p.style]


def test_a_one_page_release_has_no_more_and_markup_stays_literal(tmp_path: Path) -> None:
    out = tmp_path / "short.docx"
    hostile = replace(release(["<b>Not bold</b> & {PAGE} \\t"]), media_contact=None)
    out.write_bytes(press_release_docx(hostile))
    document = docx.Document(str(out))
    assert document.sections[0].first_page_footer.paragraphs[0].text == ""
    texts = [p.text for p in document.paragraphs]
    assert "<b>Not bold</b> & {PAGE} \\t" in texts
    assert not any(t.startswith("Media contact") for t in texts)
