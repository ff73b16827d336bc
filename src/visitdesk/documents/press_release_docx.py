"""The press release as a Word document the press wing can finish: the same content and look as
the PDF (letterhead, PRESS RELEASE, number line, topic, headline, quote, dateline, body, end mark,
media contact), A4, in named paragraph styles an officer can change once for the whole release.

Fonts are named, not embedded: Liberation Serif for Latin text, and for runs of Chinese,
Japanese, Korean or Arabic-script text the families the PDF draws them with (`w:eastAsia`,
`w:cs`), Urdu and Arabic runs marked right to left (`w:rtl`), so that Word and LibreOffice pick
the right glyphs for non-Latin names. `Page N of M` is made of Word's own fields; `-more-`
goes at the foot of page 1 when the PDF of the same release has more than one page (a page in
the middle of a release of three or more pages does not get one).
"""

from __future__ import annotations

import io
import unicodedata
from collections.abc import Iterator
from functools import cache
from typing import Any

from docx import Document
from docx.enum.section import WD_SECTION
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING, WD_TAB_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt, RGBColor

from visitdesk.documents import styles
from visitdesk.documents.fonts import ARABIC, CJK, SERIF, font_for_char, get_font
from visitdesk.documents.letterhead import LOGO_HEIGHT
from visitdesk.documents.press_release_pdf import CONTACT, MORE_TEXT, contact_line, page_count
from visitdesk.documents.press_release_txt import END_MARK
from visitdesk.documents.release_content import ReleaseContent
from visitdesk.documents.text import TextStyle

_ALIGN = {
    "start": WD_ALIGN_PARAGRAPH.LEFT,
    "left": WD_ALIGN_PARAGRAPH.LEFT,
    "center": WD_ALIGN_PARAGRAPH.CENTER,
    "right": WD_ALIGN_PARAGRAPH.RIGHT,
    "justify": WD_ALIGN_PARAGRAPH.JUSTIFY,
}

# Paragraph styles by the names an officer sees in Word's style list, and how each looks
# (the PDF's styles, so both print alike).
STYLES: dict[str, TextStyle] = {
    "Letterhead": styles.OFFICE_NAME,
    "Letterhead Line": styles.OFFICE_LINE,
    "Release Title": styles.TITLE.but(space_before=14),  # the PDF leaves this under the rule
    "Release Number Line": styles.NUMBER,
    "Release Topic": styles.TOPIC,
    "Release Headline": styles.HEADLINE,
    "Release Lead Quote": styles.LEAD_QUOTE,
    "Release Attribution": styles.ATTRIBUTION,
    "Release Body": styles.BODY,
    "Release End Mark": styles.END_MARK,
    "Media Contact": CONTACT,
    "Release Footer": styles.FOOTER,
    "Release More": styles.END_MARK.but(space_before=0),
}

# Letters of Urdu that Arabic does not use: a run holding one is marked Urdu, else Arabic.
_URDU_LETTERS = frozenset("ٹڈڑںےۓھہۃۂ۔ۓ")


@cache
def family(font_name: str) -> str:
    """The family name inside a bundled font file (`Liberation Serif`, `Noto Naskh Arabic`)."""
    name = get_font(font_name).face.familyName
    return name.decode("latin-1") if isinstance(name, bytes) else str(name)


def _script(char: str) -> str:
    """`cjk`, `arabic` or `latin` (everything else, spaces and digits included)."""
    code = ord(char)
    if unicodedata.bidirectional(char) in ("AL", "R") or 0x0600 <= code <= 0x06FF:
        return "arabic"
    if (
        0x1100 <= code <= 0x11FF
        or 0x2E80 <= code <= 0x9FFF
        or 0xA960 <= code <= 0xA97F
        or 0xAC00 <= code <= 0xD7FF
        or 0xF900 <= code <= 0xFAFF
        or 0xFF00 <= code <= 0xFFEF
        or 0x20000 <= code <= 0x3FFFF
    ):
        return "cjk"
    return "latin"


def script_runs(text: str) -> Iterator[tuple[str, str]]:
    """(script, text) pieces of `text`; spaces and punctuation stay with the run before them,
    so that a name in Chinese or an Urdu phrase is one run."""
    current, start = "latin", 0
    for i, char in enumerate(text):
        kind = _script(char)
        if kind == "latin" and unicodedata.category(char)[0] in "ZPS" and current != "latin":
            continue  # a space or comma inside a non-Latin phrase
        if kind != current:
            if i > start:
                yield current, text[start:i]
            current, start = kind, i
    if start < len(text):
        yield current, text[start:]


def _font_family(kind: str, text: str) -> str:
    """The family the PDF draws this run's letters with (its fallback font if none has them)."""
    letter = next((c for c in text if _script(c) == kind), "")
    chosen = font_for_char(letter) if letter else SERIF
    if chosen == SERIF:
        chosen = CJK if kind == "cjk" else ARABIC
    return family(chosen)


def _set_lang(rpr: Any, bidi: str | None = None, east_asia: str | None = None) -> None:
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.insert_element_before(
            lang, "w:eastAsianLayout", "w:specVanish", "w:oMath", "w:rPrChange"
        )
    if bidi:
        lang.set(qn("w:bidi"), bidi)
    if east_asia:
        lang.set(qn("w:eastAsia"), east_asia)


def add_text(paragraph: Any, text: str) -> None:
    """`text` as runs of one script each, every run naming the font that draws it."""
    for kind, piece in script_runs(text):
        run = paragraph.add_run(piece)
        if kind == "latin":
            continue
        rpr = run._r.get_or_add_rPr()
        fonts = rpr.get_or_add_rFonts()
        name = _font_family(kind, piece)
        if kind == "cjk":
            fonts.set(qn("w:eastAsia"), name)
            fonts.set(qn("w:hint"), "eastAsia")
        else:
            fonts.set(qn("w:cs"), name)
            fonts.set(qn("w:hint"), "cs")
            run.font.rtl = True
            run.font.complex_script = True
            urdu = any(c in _URDU_LETTERS for c in piece)
            _set_lang(rpr, bidi="ur-PK" if urdu else "ar-SA")


def _first_strong_is_rtl(text: str) -> bool:
    for char in text:
        kind = unicodedata.bidirectional(char)
        if kind in ("L", "R", "AL"):
            return kind != "L"
    return False


def _paragraph(document: Any, style: str, text: str) -> Any:
    paragraph = document.add_paragraph(style=style)
    add_text(paragraph, text)
    if _first_strong_is_rtl(text):
        # A paragraph that begins in Urdu or Arabic reads from the right, as in the PDF.
        ppr = paragraph._p.get_or_add_pPr()
        ppr.insert_element_before(
            OxmlElement("w:bidi"),
            "w:adjustRightInd",
            "w:snapToGrid",
            "w:spacing",
            "w:ind",
            "w:contextualSpacing",
            "w:mirrorIndents",
            "w:suppressOverlap",
            "w:jc",
            "w:textDirection",
            "w:textAlignment",
            "w:outlineLvl",
            "w:rPr",
            "w:sectPr",
            "w:pPrChange",
        )
    return paragraph


def _define_styles(document: Any, width: float) -> None:
    normal = document.styles["Normal"]
    normal.font.name = family(SERIF)
    normal.font.size = Pt(styles.BODY.size)
    fonts = normal.element.get_or_add_rPr().get_or_add_rFonts()
    # Text of no run's own naming falls back to the PDF's families too.
    fonts.set(qn("w:eastAsia"), family(CJK))
    fonts.set(qn("w:cs"), family(ARABIC))
    for name, look in STYLES.items():
        style = document.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = normal
        style.quick_style = True
        font = style.font
        font.size = Pt(look.size)
        font.bold = look.weight.bold
        font.italic = look.weight.italic
        font.cs_bold = look.weight.bold
        font.cs_italic = look.weight.italic
        font.color.rgb = RGBColor(*(round(c * 255) for c in look.color))
        fmt = style.paragraph_format
        fmt.alignment = _ALIGN[look.align]
        fmt.space_before = Pt(look.space_before)
        fmt.space_after = Pt(look.space_after)
        # At least the PDF's leading: taller scripts (Naskh, CJK) still get their room.
        fmt.line_spacing = Pt(look.line_leading)
        fmt.line_spacing_rule = WD_LINE_SPACING.AT_LEAST
    number_line = document.styles["Release Number Line"].paragraph_format
    number_line.tab_stops.add_tab_stop(Pt(width), WD_TAB_ALIGNMENT.RIGHT)
    footer = document.styles["Release Footer"].paragraph_format
    footer.tab_stops.add_tab_stop(Pt(width), WD_TAB_ALIGNMENT.RIGHT)
    for name in ("Release Title", "Release Number Line", "Release Topic", "Release Headline"):
        document.styles[name].paragraph_format.keep_with_next = True
    document.styles["Release Lead Quote"].paragraph_format.keep_with_next = True


def _rule_below(paragraph: Any) -> None:
    """The letterhead's double rule, as a border under its last line."""
    ppr = paragraph._p.get_or_add_pPr()
    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for key, value in (("w:val", "thickThinSmallGap"), ("w:sz", "12"), ("w:space", "6")):
        bottom.set(qn(key), value)
    bottom.set(qn("w:color"), "262626")
    borders.append(bottom)
    ppr.insert_element_before(
        borders, "w:shd", "w:tabs", "w:suppressAutoHyphens", "w:bidi", "w:spacing", "w:ind", "w:jc"
    )


def _field_run(paragraph: Any, kind: str, text: str = "") -> None:
    run = paragraph.add_run()
    if kind == "instr":
        instr = OxmlElement("w:instrText")
        instr.set(qn("xml:space"), "preserve")
        instr.text = text
        run._r.append(instr)
    elif kind == "text":
        run.text = text
    else:
        char = OxmlElement("w:fldChar")
        char.set(qn("w:fldCharType"), kind)
        run._r.append(char)


def _field(paragraph: Any, code: str, shown: str) -> None:
    _field_run(paragraph, "begin")
    _field_run(paragraph, "instr", f" {code} ")
    _field_run(paragraph, "separate")
    _field_run(paragraph, "text", shown)
    _field_run(paragraph, "end")


def _furniture(footer: Any, label: str | None, more: bool) -> None:
    """`-more-` (when `more`) over `label` and `Page N of M`, Word's own fields.

    Word and LibreOffice both keep PAGE and NUMPAGES right as the officer edits; a field that
    shows text only when there are several pages (IF) LibreOffice does not evaluate, so the
    page number is always shown and `-more-` is placed by the PDF's own page count.
    """
    top = footer.paragraphs[0]
    top.style = "Release More"
    if more:
        top.add_run(MORE_TEXT)
    line = footer.add_paragraph(style="Release Footer")
    _rule_above(line)
    if label:
        add_text(line, label)
    line.add_run("\tPage ")
    _field(line, "PAGE", "1")
    line.add_run(" of ")
    _field(line, "NUMPAGES", "1")


def _rule_above(paragraph: Any) -> None:
    ppr = paragraph._p.get_or_add_pPr()
    borders = OxmlElement("w:pBdr")
    top = OxmlElement("w:top")
    for key, value in (("w:val", "single"), ("w:sz", "4"), ("w:space", "4"), ("w:color", "595959")):
        top.set(qn(key), value)
    borders.append(top)
    ppr.insert_element_before(
        borders, "w:shd", "w:tabs", "w:suppressAutoHyphens", "w:bidi", "w:spacing", "w:ind", "w:jc"
    )


def _letterhead(document: Any, content: ReleaseContent) -> None:
    if content.logo:
        try:
            picture = document.add_paragraph(style="Letterhead")
            picture.add_run().add_picture(io.BytesIO(content.logo), height=Pt(LOGO_HEIGHT))
        except Exception:  # a damaged logo must not stop a release, as in the PDF
            document.paragraphs[-1]._p.getparent().remove(document.paragraphs[-1]._p)
    name = _paragraph(document, "Letterhead", content.office_name)
    second = "  ·  ".join(
        p for p in (content.office_short_name, content.office_city) if p and p.strip()
    )
    last = _paragraph(document, "Letterhead Line", second) if second else name
    _rule_below(last)


def press_release_document(content: ReleaseContent) -> Any:
    """The release as a python-docx Document (not yet saved)."""
    document = Document()
    section = document.sections[0]
    section.start_type = WD_SECTION.NEW_PAGE
    section.page_width, section.page_height = (Pt(v) for v in styles.PAGE_SIZE)
    section.left_margin = Pt(styles.MARGIN_LEFT)
    section.right_margin = Pt(styles.MARGIN_RIGHT)
    section.top_margin = Pt(styles.MARGIN_TOP)
    section.bottom_margin = Pt(styles.MARGIN_BOTTOM)
    section.footer_distance = Pt(styles.MARGIN_BOTTOM * 0.6)
    width = styles.PAGE_SIZE[0] - styles.MARGIN_LEFT - styles.MARGIN_RIGHT
    _define_styles(document, width)
    _letterhead(document, content)
    _paragraph(document, "Release Title", "PRESS RELEASE")
    number = _paragraph(document, "Release Number Line", content.number_label)
    number.add_run("\t")
    add_text(number, content.dateline)
    if content.topic:
        _paragraph(document, "Release Topic", content.topic)
    if content.headline:
        _paragraph(document, "Release Headline", content.headline)
    if content.lead_quote:
        _paragraph(document, "Release Lead Quote", f"“{content.lead_quote}”")
        if content.attribution:
            _paragraph(document, "Release Attribution", f"…{content.attribution}")
    for text in content.paragraphs:
        _paragraph(document, "Release Body", text)
    _paragraph(document, "Release End Mark", END_MARK)
    contact = contact_line(content)
    if contact:
        _paragraph(document, "Media Contact", contact)
    # Page 1 has the letterhead; later pages name the release at the foot, as in the PDF.
    section.different_first_page_header_footer = True
    several = page_count(content) > 1
    _furniture(section.first_page_footer, None, several)
    _furniture(section.footer, content.number_label, False)
    document.core_properties.title = f"{content.number_label} {content.topic or content.headline}"[
        :200
    ].strip()
    document.core_properties.author = content.office_name
    document.core_properties.subject = "Press release"
    return document


def press_release_docx(content: ReleaseContent) -> bytes:
    """The release as a .docx (the app layer writes it to a file whole or not at all)."""
    buffer = io.BytesIO()
    press_release_document(content).save(buffer)
    return buffer.getvalue()
