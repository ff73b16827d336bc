"""Scripts as their readers expect them: Han characters in the forms of the text's language,
Urdu in Nastaliq and Arabic in Naskh, emoji in the emoji font, invisible characters invisible,
and Urdu that PDF readers give back as typed."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from reportlab.lib.pagesizes import A4
from reportlab.platypus import SimpleDocTemplate

from visitdesk.documents import fonts
from visitdesk.documents.text import BOLD, TextParagraph, TextStyle, layout
from visitdesk.domain.languages import language_hint

STYLE = TextStyle(size=12)
URDU = (
    "وزیر تجارت خرم دستگیر خان نے کہا کہ پاکستان چین کے تجربے سے سیکھنا چاہتا ہے۔ "
    "انہوں نے بتایا کہ دونوں ملکوں کے درمیان تعاون بڑھ رہا ہے اور اگلے سال نئی ٹیمیں آئیں گی۔"
)
ARABIC = "قال وزير التجارة إن التعاون مع الصين مهم جدا للبلدين."


def fonts_of(text: str, lang: str | None = None, style: TextStyle = STYLE) -> dict[str, str]:
    """Each non-space piece of the laid-out text and the font it is drawn in."""
    return {
        p.text: p.font
        for line in layout(text, style, 400, lang)
        for p in line.pieces
        if not p.space
    }


def test_a_country_gives_the_language_hint_of_its_names() -> None:
    assert [language_hint(c) for c in ("JP", "kr", "KP", "CN", "TW", "HK", "SG", "PK")] == [
        "ja",
        "ko",
        "ko",
        "zh",
        "zh",
        "zh",
        "zh",
        "ur",
    ]
    assert language_hint("FR") is None and language_hint(None) is None and language_hint("") is None


def test_han_characters_take_the_forms_of_the_texts_language() -> None:
    # 鈴木 alone says nothing of its language: the hint (the person's country) decides.
    assert set(fonts_of("鈴木", "ja").values()) == {fonts.CJK_JA}
    assert set(fonts_of("鈴木", "zh").values()) == {fonts.CJK}
    assert set(fonts_of("鈴木").values()) == {fonts.CJK}
    assert set(fonts_of("何志敏", language_hint("CN")).values()) == {fonts.CJK}
    # The hint may come in the style too (a table cell's style for a native name).
    assert set(fonts_of("鈴木", style=STYLE.but(lang="ja")).values()) == {fonts.CJK_JA}
    # Kana make the text Japanese whatever the hint; Hangul make it Korean.
    assert set(fonts_of("すずき 鈴木", "zh").values()) == {fonts.CJK_JA}
    assert set(fonts_of("김영희 金英姬").values()) == {fonts.CJK_KO}
    # Latin text around a name stays in the serif.
    assert fonts_of("Mr 鈴木 Ichiro", "ja") == {
        "Mr": fonts.SERIF,
        "鈴": fonts.CJK_JA,
        "木": fonts.CJK_JA,
        "Ichiro": fonts.SERIF,
    }


def test_urdu_is_set_in_nastaliq_and_arabic_in_naskh() -> None:
    assert set(fonts_of(URDU).values()) <= {fonts.URDU}
    assert set(fonts_of(URDU, style=STYLE.but(weight=BOLD)).values()) <= {fonts.URDU_BOLD}
    assert set(fonts_of(ARABIC).values()) == {fonts.ARABIC}
    # A name with no letter only Urdu has: Urdu if the person is from Pakistan, else Arabic.
    assert fonts_of("خان", language_hint("PK")) == {"خان": fonts.URDU}
    assert fonts_of("خان", language_hint("SA")) == {"خان": fonts.ARABIC}


def test_nastaliq_lines_are_tall_enough_never_to_overlap() -> None:
    lines = layout(URDU, STYLE, 250)
    assert len(lines) >= 3
    ascent, descent = fonts.ascent_descent(fonts.URDU, STYLE.size)
    for line in lines:
        assert line.above >= ascent and line.below >= descent
        assert line.height >= 2.5 * STYLE.size
    # Naskh needs less; Latin keeps the paragraph's leading.
    assert layout(ARABIC, STYLE, 250)[0].height < lines[0].height
    assert layout("Islamabad", STYLE, 250)[0].height == STYLE.line_leading


def build(path: Path, *paragraphs: str, style: TextStyle = STYLE) -> Path:
    SimpleDocTemplate(str(path), pagesize=A4).build([TextParagraph(p, style) for p in paragraphs])
    return path


def pdftotext(path: Path) -> str:
    out = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True)
    # poppler marks right-to-left runs with embedding controls; the text itself is logical.
    return "".join(c for c in out.stdout if c not in "\u202a\u202b\u202c\u202d\u202e")


def test_urdu_extracts_as_the_words_typed_in_their_order(tmp_path: Path) -> None:
    for style in (STYLE, STYLE.but(align="justify", weight=BOLD), STYLE.but(size=9)):
        path = build(tmp_path / "urdu.pdf", URDU, style=style)
        assert len(layout(URDU, style, A4[0] - 144)) >= 2  # wrapped: several lines, one span each
        assert pdftotext(path).split() == URDU.split()


def render(tmp_path: Path, text: str, qapp: Any) -> Any:
    """The first page of a PDF holding `text`, as a picture (Qt's PDF renderer)."""
    from PySide6.QtCore import QSize
    from PySide6.QtPdf import QPdfDocument

    path = build(tmp_path / f"r{abs(hash(text))}.pdf", text, style=STYLE.but(size=24))
    document = QPdfDocument()
    document.load(str(path))
    image = document.render(0, QSize(400, 566))
    document.close()
    return image


def test_invisible_format_characters_are_never_drawn(tmp_path: Path, qapp: Any) -> None:
    plain = render(tmp_path, "ab cd ef gh ij كتاب 鈴木", qapp)
    hidden = "a\u200db c\u200cd e\u00adf g\ufe0fh i\u200e\u2066j\u2069 كت\u200dاب 鈴\U000e0100木"
    assert render(tmp_path, hidden, qapp) == plain
    for line in layout(hidden, STYLE, 400):
        for piece in line.pieces:
            drawn = piece.glyphs if isinstance(piece.glyphs, str) else ""
            assert not any(fonts.is_invisible(c) for c in drawn), piece.text
            assert not piece.missing


def test_emoji_are_drawn_with_the_emoji_font(tmp_path: Path, qapp: Any) -> None:
    assert fonts_of("Thanks 🎉") == {"Thanks": fonts.SERIF, "🎉": fonts.EMOJI}
    family = "👨\u200d👩\u200d👧"
    (piece,) = [p for line in layout(family, STYLE, 400) for p in line.pieces]
    # A ZWJ sequence draws as the emoji it joins, with no box for the joiner.
    assert piece.font == fonts.EMOJI and piece.glyphs == "👨👩👧" and not piece.missing
    # A digit after an emoji is text again, not the emoji font's keycap digit.
    assert fonts_of("🎉 2026")["2026"] == fonts.SERIF
    # Each emoji draws its own picture (a missing glyph would draw the same box for both) …
    assert render(tmp_path, "🎉", qapp) != render(tmp_path, "🎈", qapp)
    # … and copies as itself.
    path = build(tmp_path / "emoji.pdf", f"Thanks 🎉 from the {family}")
    assert "Thanks 🎉 from the" in pdftotext(path) and "👨" in pdftotext(path)


def test_only_the_fonts_a_text_needs_are_registered(tmp_path: Path) -> None:
    script = (
        "import sys\n"
        "from visitdesk.documents.text import TextStyle, layout\n"
        "from visitdesk.documents import fonts\n"
        "layout(sys.argv[1], TextStyle(), 300, sys.argv[2] or None)\n"
        "print(' '.join(fonts.registration_costs()))\n"
    )

    def registered(text: str, lang: str = "") -> set[str]:
        out = subprocess.run(
            [sys.executable, "-c", script, text, lang],
            capture_output=True,
            text=True,
            check=True,
            env={**os.environ, "PYTHONIOENCODING": "utf-8"},
        )
        return set(out.stdout.split())

    assert registered("The delegation visited Islamabad.") == {fonts.SERIF}
    assert registered("鈴木一郎", "ja") == {fonts.SERIF, fonts.CJK_JA}
    assert registered("김영희 and 何志敏") == {fonts.SERIF, fonts.CJK_KO}
    assert registered(URDU) == {fonts.URDU}


def test_a_press_release_draws_names_in_the_guests_language(tmp_path: Path) -> None:
    from pypdf import PdfReader

    from visitdesk.documents.press_release_pdf import press_release_pdf
    from visitdesk.documents.release_content import ReleaseContent

    def fonts_used(lang: str | None) -> set[str]:
        content = ReleaseContent(
            office_name="Ministry of Commerce",
            number_label="PR No.12",
            dateline="Islamabad: May 4, 2026",
            headline="Japanese delegation visits the Ministry",
            paragraphs=["Mr 鈴木 令 (Suzuki Rei) met Mr Rashid, راشد ٹیپو."],
            lang=lang,
        )
        path = tmp_path / f"release-{lang}.pdf"
        path.write_bytes(press_release_pdf(content))
        resources: Any = PdfReader(path).pages[0]["/Resources"]
        return {str(font["/BaseFont"]).split("+")[-1] for font in resources["/Font"].values()}

    japanese, unknown = fonts_used("ja"), fonts_used(None)
    assert "IPAexGothic" in japanese and "DroidSansFallback" not in japanese
    assert "DroidSansFallback" in unknown and "IPAexGothic" not in unknown
    # The Urdu name is in Nastaliq because of its letters, whatever the guests' language.
    assert {f for f in japanese if "Nastaliq" in f} == {"NotoNastaliqUrdu-Regular"}


def test_a_word_processor_is_told_the_families_of_the_texts_language() -> None:
    assert fonts.script_families("鈴木", "ja") == ("IPAexGothic", "Noto Naskh Arabic")
    assert fonts.script_families("김영희") == ("NanumGothic", "Noto Naskh Arabic")
    assert fonts.script_families("خان", "ur") == ("Droid Sans Fallback", "Noto Nastaliq Urdu")
    assert fonts.script_families(URDU)[1] == "Noto Nastaliq Urdu"


def test_the_pack_knows_the_language_of_each_name(example_store: Any) -> None:
    from visitdesk.services.briefing import gather_briefing

    with example_store.transaction() as session:
        content = gather_briefing(session, "sipo-2017-03")
    # SIPO is Chinese (CN), the hosts Pakistani (PK): 何志敏 in Chinese forms, hosts in Urdu.
    assert content.guest_lang == "zh"
    assert {p.native_name: p.lang for p in content.delegation}["何志敏"] == "zh"
    assert {p.lang for p in content.hosts} == {"ur"}
