"""The bundled fonts, registered with reportlab the first time a text needs each, and the
choice of a font per character.

Every document uses the same few fonts from `resources/fonts/` (see the README there for where
each comes from and its licence); nothing is taken from the PC, so a PDF looks the same on
every office machine. A document names a *family* (`SERIF`) and a *weight* (bold, italic);
`font_for_char` then says which real font draws each character, because no single font covers
Latin, Chinese, Japanese, Korean, Urdu and emoji. Han characters and Arabic letters are drawn
differently for different readers, so the choice also follows the text's language
(`Languages`, found by `languages_of` from the text and a caller's hint: see
`visitdesk.domain.languages`).
"""

from __future__ import annotations

import threading
import time
import unicodedata
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from visitdesk.domain.languages import (
    ArabicLang,
    HanLang,
    arabic_language,
    han_language,
    is_hangul,
    is_kana,
)
from visitdesk.resources import resource_path

if TYPE_CHECKING:
    from reportlab.pdfbase.ttfonts import TTFont

# reportlab names of the registered fonts.
SERIF = "VisitDeskSerif"
SERIF_BOLD = "VisitDeskSerif-Bold"
SERIF_ITALIC = "VisitDeskSerif-Italic"
SERIF_BOLD_ITALIC = "VisitDeskSerif-BoldItalic"
CJK = "VisitDeskCJK"  # Chinese forms (and the last resort for any Han character)
CJK_JA = "VisitDeskCJK-ja"  # Japanese forms, and kana
CJK_KO = "VisitDeskCJK-ko"  # Hangul, and the Hanja of Korean names
ARABIC = "VisitDeskArabic"  # Naskh: Arabic, Persian
ARABIC_BOLD = "VisitDeskArabic-Bold"
URDU = "VisitDeskUrdu"  # Nastaliq: Urdu
URDU_BOLD = "VisitDeskUrdu-Bold"
EMOJI = "VisitDeskEmoji"  # monochrome emoji

_FILES = {
    SERIF: "LiberationSerif-Regular.ttf",
    SERIF_BOLD: "LiberationSerif-Bold.ttf",
    SERIF_ITALIC: "LiberationSerif-Italic.ttf",
    SERIF_BOLD_ITALIC: "LiberationSerif-BoldItalic.ttf",
    CJK: "DroidSansFallbackFull.ttf",
    CJK_JA: "IPAexGothic.ttf",
    CJK_KO: "NanumGothic.ttf",
    ARABIC: "NotoNaskhArabic-Regular.ttf",
    ARABIC_BOLD: "NotoNaskhArabic-Bold.ttf",
    URDU: "NotoNastaliqUrdu-Regular.ttf",
    URDU_BOLD: "NotoNastaliqUrdu-Bold.ttf",
    EMOJI: "NotoEmoji-Regular.ttf",
}

# The family names the font files carry, for writers of other formats (a .docx names its fonts)
# and for the window.
FAMILIES = {
    SERIF: "Liberation Serif",
    CJK: "Droid Sans Fallback",
    CJK_JA: "IPAexGothic",
    CJK_KO: "NanumGothic",
    ARABIC: "Noto Naskh Arabic",
    URDU: "Noto Nastaliq Urdu",
    EMOJI: "Noto Emoji",
}

# Fonts whose text must go through HarfBuzz: Arabic letters change shape with their neighbours.
SHAPED_FONTS = frozenset({ARABIC, ARABIC_BOLD, URDU, URDU_BOLD})
NASTALIQ_FONTS = frozenset({URDU, URDU_BOLD})

_lock = threading.RLock()
_costs: dict[str, float] = {}


@dataclass(frozen=True, slots=True)
class Languages:
    """The languages a text's Han characters and Arabic-script letters are drawn for."""

    han: HanLang = "zh"
    arabic: ArabicLang = "ar"


DEFAULT_LANGUAGES = Languages()


def languages_of(text: str, hint: str | None = None) -> Languages:
    """What the text itself says (kana, Hangul, Urdu letters), else what the hint says."""
    return Languages(han_language(text, hint), arabic_language(text, hint))


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
        """The Naskh fonts: Arabic and Persian text (and letters Nastaliq lacks)."""
        return (ARABIC_BOLD, ARABIC) if self.bold else (ARABIC,)

    def arabic_fonts(self, lang: ArabicLang) -> tuple[str, ...]:
        """Urdu readers expect Nastaliq; Arabic-language text stays in Naskh."""
        if lang == "ur":
            return ((URDU_BOLD, URDU) if self.bold else (URDU,)) + self.arabic_script
        return self.arabic_script

    def fallbacks(self, arabic_first: bool) -> tuple[str, ...]:
        """Fonts to try, in order, for a character of this weight (Chinese forms, Naskh)."""
        if arabic_first:
            return (*self.arabic_script, self.latin, CJK)
        return (self.latin, CJK, *self.arabic_script)


REGULAR = Weight()
BOLD = Weight(bold=True)
ITALIC = Weight(italic=True)

# The CJK fonts to try for a Han character (or CJK punctuation) of each language. IPAex and
# Nanum hold fewer characters than Droid Sans Fallback: a rare one still gets a glyph.
_HAN_FONTS: dict[str, tuple[str, ...]] = {
    "zh": (CJK, CJK_JA),
    "ja": (CJK_JA, CJK),
    "ko": (CJK_KO, CJK, CJK_JA),
}


@cache
def register_fonts() -> None:
    """Register the serif family for reportlab's own markup (so `<b>` works with `SERIF`).

    For documents that use reportlab's Paragraph with `fontName=SERIF`; the text layer needs
    none of this, it registers each font the first time a character needs it (the CJK fonts
    are 4–6 MB each to parse, so a document in English never pays for them).
    """
    from reportlab.lib.fonts import addMapping

    for bold, italic, name in (
        (0, 0, SERIF),
        (1, 0, SERIF_BOLD),
        (0, 1, SERIF_ITALIC),
        (1, 1, SERIF_BOLD_ITALIC),
    ):
        get_font(name)
        addMapping(SERIF, bold, italic, name)


def get_font(name: str) -> TTFont:
    """The registered reportlab font, registered on first use."""
    from reportlab.pdfbase import pdfmetrics

    from visitdesk.documents.font_cache import load_font

    with _lock:
        # Asked for a font it does not know, reportlab's getFont first searches its folders
        # for an AFM file of that name, parsing every one it finds (~0.1 s a font): look first.
        if name in pdfmetrics.getRegisteredFontNames():
            font: TTFont = pdfmetrics.getFont(name)
        else:
            started = time.perf_counter()
            # Parsed once per machine, not once per process (see font_cache).
            font = load_font(name, resource_path("fonts", _FILES[name]))
            pdfmetrics.registerFont(font)
            _costs[name] = time.perf_counter() - started
    return font


def registration_costs() -> dict[str, float]:
    """Seconds spent registering each font this process has registered, in order (benches)."""
    with _lock:
        return dict(_costs)


def font_file(name: str) -> str:
    """The file under `resources/fonts/` of a registered font name."""
    return _FILES[name]


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
    """Format characters (joiners, direction marks): Unicode category Cf."""
    return unicodedata.category(char) == "Cf"


# Format characters that do show a mark: the Arabic number signs and end of ayah, the Syriac
# abbreviation mark, Kaithi number signs. Every other Cf character is invisible.
_VISIBLE_FORMAT = frozenset(
    chr(c) for c in (0x0600, 0x0601, 0x0602, 0x0603, 0x0604, 0x0605, 0x06DD, 0x070F, 0x0890,
                     0x0891, 0x08E2, 0x110BD, 0x110CD)
)  # fmt: skip
# Not Cf but never drawn either: the combining grapheme joiner, Hangul fillers, Khmer inherent
# vowels, Mongolian variation selectors.
_OTHER_INVISIBLE = frozenset(
    chr(c) for c in (0x034F, 0x115F, 0x1160, 0x17B4, 0x17B5, 0x180B, 0x180C, 0x180D, 0x180F,
                     0x3164, 0xFFA0)
)  # fmt: skip


def is_invisible(char: str) -> bool:
    """Characters that steer the text but have no mark of their own: joiners (ZWJ, ZWNJ),
    variation selectors, bidi controls, soft hyphens, tags and the rest of category Cf.
    They are kept in the text (extraction, shaping) but never drawn."""
    code = ord(char)
    if 0xFE00 <= code <= 0xFE0F or 0xE0100 <= code <= 0xE01EF or char in _OTHER_INVISIBLE:
        return True
    if 0x1F3FB <= code <= 0x1F3FF:
        return True  # skin tones: a monochrome emoji font would draw them as grey swatches
    return unicodedata.category(char) == "Cf" and char not in _VISIBLE_FORMAT


def is_inheriting(char: str) -> bool:
    """Spaces, punctuation, digits, marks and joiners: drawn in their neighbour's font if it can.

    Keeping them with the letters around them keeps a word in one run, so that it is shaped whole.
    """
    category = unicodedata.category(char)
    return category[0] in "ZPNMS" or category == "Cf"


def is_emoji(char: str) -> bool:
    """Pictographs that only an emoji font has (U+1F000 onwards: faces, flags, objects)."""
    return 0x1F000 <= ord(char) <= 0x1FAFF


def _is_han_block(char: str) -> bool:
    """Han characters, CJK punctuation and full-width forms: their glyphs follow the language."""
    code = ord(char)
    return (
        0x2E80 <= code <= 0x2FFF
        or 0x3000 <= code <= 0x303F
        or 0x3190 <= code <= 0x31EF
        or 0x3200 <= code <= 0x9FFF
        or 0xF900 <= code <= 0xFAFF
        or 0xFE30 <= code <= 0xFE4F
        or 0xFF00 <= code <= 0xFFEF
        or 0x20000 <= code <= 0x3FFFF
    )


def _may_inherit(previous: str, char: str) -> bool:
    # The emoji font has digits, '#' and '*' (for keycaps) drawn as emoji: after an emoji, a
    # space or a number goes back to the text font; only marks and pictographs stay.
    if previous != EMOJI:
        return True
    category = unicodedata.category(char)
    return category[0] == "M" or category == "Sk" or (category == "So" and ord(char) >= 0x2000)


def candidates(char: str, weight: Weight, langs: Languages) -> tuple[str, ...]:
    """The fonts that may draw `char`, best first. Only these are ever registered for it."""
    if is_arabic_script(char):
        return (*weight.arabic_fonts(langs.arabic), weight.latin, CJK)
    if is_kana(char):
        return (CJK_JA, CJK)
    if is_hangul(char):
        return (CJK_KO, CJK)
    if is_emoji(char):
        return (EMOJI, weight.latin, CJK)
    if _is_han_block(char):
        return _HAN_FONTS[langs.han]
    return (weight.latin, EMOJI, CJK, *weight.arabic_script)


@cache
def font_for_char(
    char: str,
    weight: Weight = REGULAR,
    previous: str | None = None,
    langs: Languages = DEFAULT_LANGUAGES,
) -> str:
    """The font that draws `char`: the previous character's font when it can, else the first
    candidate that has the glyph. A character no font has gets the Latin font, whose empty box
    at least shows that something is there; the text itself stays in the PDF. An invisible
    character (a joiner) stays with its neighbour: it is never drawn."""
    if previous is not None:
        if is_invisible(char):
            return previous
        if is_inheriting(char) and _may_inherit(previous, char) and has_glyph(previous, char):
            return previous
    for name in candidates(char, weight, langs):
        if has_glyph(name, char):
            return name
    return previous if previous is not None else weight.latin


_HAN_FONT = {"zh": CJK, "ja": CJK_JA, "ko": CJK_KO}


def script_families(text: str, lang: str | None = None) -> tuple[str, str]:
    """The families a word processor should name for `text` (a .docx run's East Asian and
    complex-script fonts): the CJK family of its language, and Nastaliq for Urdu or Naskh.
    Registers nothing."""
    langs = languages_of(text, lang)
    complex_script = URDU if langs.arabic == "ur" else ARABIC
    return FAMILIES[_HAN_FONT[langs.han]], FAMILIES[complex_script]


@cache
def ascent_descent(font_name: str, size: float) -> tuple[float, float]:
    """How far the font's glyphs reach above and below the baseline, in points (both positive)."""
    face = get_font(font_name).face
    return face.ascent * size / 1000.0, -face.descent * size / 1000.0
