"""The bundled fonts, registered with reportlab once per process, and the choice of a font per
character.

Every document uses the same few fonts from `resources/fonts/` (see the README there for where
each comes from and its licence); nothing is taken from the PC, so a PDF looks the same on
every office machine. A document names a *family* (`SERIF`) and a *weight* (bold, italic);
`font_for_char` then says which real font draws each character, because no single font covers
Latin, Chinese, Japanese and Urdu.
"""

from __future__ import annotations

import threading
import unicodedata
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from visitdesk.resources import resource_path

if TYPE_CHECKING:
    from reportlab.pdfbase.ttfonts import TTFont

# reportlab names of the registered fonts.
SERIF = "VisitDeskSerif"
SERIF_BOLD = "VisitDeskSerif-Bold"
SERIF_ITALIC = "VisitDeskSerif-Italic"
SERIF_BOLD_ITALIC = "VisitDeskSerif-BoldItalic"
CJK = "VisitDeskCJK"
ARABIC = "VisitDeskArabic"
ARABIC_BOLD = "VisitDeskArabic-Bold"

_FILES = {
    SERIF: "LiberationSerif-Regular.ttf",
    SERIF_BOLD: "LiberationSerif-Bold.ttf",
    SERIF_ITALIC: "LiberationSerif-Italic.ttf",
    SERIF_BOLD_ITALIC: "LiberationSerif-BoldItalic.ttf",
    CJK: "DroidSansFallbackFull.ttf",
    ARABIC: "NotoNaskhArabic-Regular.ttf",
    ARABIC_BOLD: "NotoNaskhArabic-Bold.ttf",
}

# Fonts whose text must go through HarfBuzz: Arabic letters change shape with their neighbours.
SHAPED_FONTS = frozenset({ARABIC, ARABIC_BOLD})

_lock = threading.RLock()


@dataclass(frozen=True, slots=True)
class Weight:
    bold: bool = False
    italic: bool = False

    @property
    def latin(self) -> str:
        if self.bold:
            return SERIF_BOLD_ITALIC if self.italic else SERIF_BOLD
        return SERIF_ITALIC if self.italic else SERIF

    @property
    def arabic_script(self) -> tuple[str, ...]:
        # Urdu is set in Naskh. Nastaliq (Noto Nastaliq Urdu) renders correctly on this route
        # too, but its cascading letters (vertical offsets) make PDF readers' text extraction
        # split words and lines, and its 2.5-em line height breaks up an English paragraph
        # holding one Urdu name. Naskh extracts cleanly and sits well beside Latin text.
        return (ARABIC_BOLD, ARABIC) if self.bold else (ARABIC,)

    def fallbacks(self, arabic_first: bool) -> tuple[str, ...]:
        """Fonts to try, in order, for a character of this weight."""
        if arabic_first:
            return (*self.arabic_script, self.latin, CJK)
        return (self.latin, CJK, *self.arabic_script)


REGULAR = Weight()
BOLD = Weight(bold=True)
ITALIC = Weight(italic=True)


@cache
def register_fonts() -> None:
    """Register every bundled font and the serif family (so `<b>` works in reportlab markup).

    For documents that use reportlab's own Paragraph with `fontName=SERIF`; the text layer
    needs none of this, it registers each font the first time a character needs it.
    """
    from reportlab.lib.fonts import addMapping

    for name in _FILES:
        get_font(name)
    for bold, italic, name in (
        (0, 0, SERIF),
        (1, 0, SERIF_BOLD),
        (0, 1, SERIF_ITALIC),
        (1, 1, SERIF_BOLD_ITALIC),
    ):
        addMapping(SERIF, bold, italic, name)


def get_font(name: str) -> TTFont:
    """The registered reportlab font, registered on first use (the CJK font alone is 4 MB to
    parse, so a release in English never pays for it)."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    with _lock:
        # Asked for a font it does not know, reportlab's getFont first searches its folders
        # for an AFM file of that name, parsing every one it finds (~0.1 s a font): look first.
        if name in pdfmetrics.getRegisteredFontNames():
            font: TTFont = pdfmetrics.getFont(name)
        else:
            font = TTFont(name, str(resource_path("fonts", _FILES[name])))
            pdfmetrics.registerFont(font)
    return font


@cache
def _cmap(name: str) -> frozenset[int]:
    return frozenset(get_font(name).face.charToGlyph)


def has_glyph(font_name: str, char: str) -> bool:
    return ord(char) in _cmap(font_name)


def is_arabic_script(char: str) -> bool:
    code = ord(char)
    return (
        0x0600 <= code <= 0x06FF
        or 0x0750 <= code <= 0x077F
        or 0x08A0 <= code <= 0x08FF
        or 0xFB50 <= code <= 0xFDFF
        or 0xFE70 <= code <= 0xFEFF
    )


def is_format(char: str) -> bool:
    """Invisible format characters (joiners, direction marks): no glyph needed."""
    return unicodedata.category(char) == "Cf"


def is_inheriting(char: str) -> bool:
    """Spaces, punctuation, digits, marks and joiners: drawn in their neighbour's font if it can.

    Keeping them with the letters around them keeps a word in one run, so that it is shaped whole.
    """
    category = unicodedata.category(char)
    return category[0] in "ZPNMS" or category == "Cf"


@cache
def font_for_char(char: str, weight: Weight = REGULAR, previous: str | None = None) -> str:
    """The font that draws `char`: the previous character's font when it can, else the first
    fallback that has the glyph. A character no font has (an emoji) gets the Latin font, whose
    empty box at least shows that something is there; the text itself stays in the PDF."""
    if previous is not None and is_inheriting(char) and has_glyph(previous, char):
        return previous
    if unicodedata.category(char) == "Cf" and previous is not None:
        return previous
    for name in weight.fallbacks(arabic_first=is_arabic_script(char)):
        if has_glyph(name, char):
            return name
    return previous if previous is not None else weight.latin


@cache
def ascent_descent(font_name: str, size: float) -> tuple[float, float]:
    """How far the font's glyphs reach above and below the baseline, in points (both positive)."""
    face = get_font(font_name).face
    return face.ascent * size / 1000.0, -face.descent * size / 1000.0
