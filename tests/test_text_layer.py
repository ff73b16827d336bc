"""The text layer: every script drawn with a font that has it, Urdu right to left per line,
text extracted as typed, long paragraphs split across pages, nothing read as markup."""

from __future__ import annotations

import shutil
import subprocess
import unicodedata
from pathlib import Path

import pytest
from pypdf import PdfReader
from reportlab.lib.pagesizes import A4
from reportlab.platypus import SimpleDocTemplate, Table

from visitdesk.documents import fonts
from visitdesk.documents.text import BOLD, TextParagraph, TextStyle, layout
from visitdesk.documents.text.bidi import embedding_levels, visual_order

URDU = "وزیر تجارت خرم دستگیر خان نے کہا کہ پاکستان چین کے تجربے سے سیکھنا چاہتا ہے۔"
CHINESE = "国家知识产权局副局长何志敏率团访问巴基斯坦。"
JAPANESE = "東京都の山田太郎さんは「こんにちは」と言いました。"
ARABIC = "قال وزير التجارة إن التعاون مع الصين مهم."
STYLE = TextStyle(size=12, align="justify")


def build(tmp_path: Path, *paragraphs: str, style: TextStyle = STYLE) -> Path:
    path = tmp_path / "text.pdf"
    SimpleDocTemplate(str(path), pagesize=A4).build([TextParagraph(p, style) for p in paragraphs])
    return path


def pypdf_text(path: Path) -> str:
    return "\n".join(p.extract_text() or "" for p in PdfReader(path).pages)


def poppler_text(path: Path) -> str:
    if shutil.which("pdftotext") is None:
        pytest.skip("needs poppler-utils (pdftotext)")
    out = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True)
    # poppler marks right-to-left runs with embedding controls; the text itself is logical.
    return "".join(c for c in out.stdout if c not in "\u202a\u202b\u202c\u202d\u202e")


def test_each_script_gets_a_font_that_has_it() -> None:
    assert fonts.font_for_char("A") == fonts.SERIF
    assert fonts.font_for_char("A", BOLD) == fonts.SERIF_BOLD
    assert fonts.font_for_char("何") == fonts.CJK
    assert fonts.font_for_char("こ") == fonts.CJK_JA  # kana only occur in Japanese
    assert fonts.font_for_char("ک") == fonts.ARABIC
    assert fonts.font_for_char("ک", BOLD) == fonts.ARABIC_BOLD
    # A space or comma stays in the font of the word before it, so that words stay whole.
    assert fonts.font_for_char("،", previous=fonts.ARABIC) == fonts.ARABIC
    assert fonts.font_for_char(" ", previous=fonts.CJK) == fonts.CJK


def test_bidi_levels_and_visual_order_per_line() -> None:
    levels = embedding_levels("abc دستگیر 2017")
    assert levels[:3] == [0, 0, 0] and set(levels[4:10]) == {1}
    rtl = embedding_levels("خان (Khan) 12")
    assert rtl[0] == 1 and rtl[5] == 2  # the Latin name inside Urdu is left to right

    class Run:
        def __init__(self, name: str, level: int) -> None:
            self.name, self.level = name, level

    runs = [Run("a", 1), Run("b", 2), Run("c", 2), Run("d", 1)]
    assert [r.name for r in visual_order(runs)] == ["d", "b", "c", "a"]


def test_chinese_and_japanese_wrap_without_spaces_and_extract(tmp_path: Path) -> None:
    lines = layout(CHINESE * 8, STYLE, 200)
    assert len(lines) > 3
    assert all(not line.text.startswith(("。", "，")) for line in lines)  # kinsoku
    text = "".join(pypdf_text(build(tmp_path, CHINESE * 3, JAPANESE)).split())
    assert CHINESE * 3 in text and JAPANESE in text


def test_urdu_lines_read_right_to_left_and_extract_in_order(tmp_path: Path) -> None:
    paragraph = URDU + " " + URDU
    lines = layout(paragraph, STYLE, 300)
    assert len(lines) >= 2 and all(line.rtl for line in lines)
    # The first line holds the start of the sentence (wrapped in logical order) …
    assert lines[0].text.startswith("وزیر تجارت")
    # … and, drawn left to right, its first word comes last.
    visual = [p.text for p in lines[0].visual() if not p.space]
    assert visual[-1] == "وزیر" and visual[0] != "وزیر"
    path = build(tmp_path, paragraph, "Mixed: the name خرم دستگیر خان in English.", ARABIC)
    # pypdf reads glyph by glyph: each word of the Arabic (Naskh) paragraph is there, as
    # presentation forms. Nastaliq's contextual forms map to no character: Urdu extracts through
    # the /ActualText of each line, which pypdf does not read and poppler does (below).
    words = unicodedata.normalize("NFKC", pypdf_text(path)).split()
    for word in ("قال", "وزير", "التجارة", "الصين"):
        assert word in words, word
    # poppler honours /ActualText: whole lines come back in reading order.
    text = " ".join(poppler_text(path).split())
    assert "وزیر تجارت خرم دستگیر خان نے کہا کہ پاکستان" in text
    # poppler may order a mixed line's runs its own way; each run reads correctly.
    assert text.count("خرم دستگیر خان") == 3
    assert "Mixed: the name" in text


def test_nothing_is_markup_and_nothing_crashes(tmp_path: Path) -> None:
    hostile = [
        "<b>not bold</b> & <font name=x>y</font> &amp; <br/> 'single' \"double\"",
        "",
        "\x00\x07control\ttab\r\nnext line",
        "x" * 3000,  # one word wider than any line
        "مرحبا 😀 <i>",
    ]
    path = build(tmp_path, *hostile)
    text = pypdf_text(path)
    assert "<b>not bold</b> & <font name=x>y</font> &amp; <br/> 'single' \"double\"" in text
    assert "controltab" in text.replace(" ", "") and "next line" in text
    assert "".join(text.split()).count("x" * 3000) == 1


def test_long_paragraph_flows_across_pages_and_fits_table_cells(tmp_path: Path) -> None:
    words = [f"word{i}" for i in range(1500)]
    path = tmp_path / "long.pdf"
    table = Table([[TextParagraph("Name", STYLE), TextParagraph("何志敏 / خرم دستگیر", STYLE)]])
    SimpleDocTemplate(str(path), pagesize=A4).build(
        [table, TextParagraph(" ".join(words), STYLE.but(space_after=6))]
    )
    reader = PdfReader(path)
    assert len(reader.pages) >= 2
    text = " ".join(pypdf_text(path).split())
    assert " ".join(words) in text  # nothing lost or repeated at the page break
    assert "何志敏" in text
