"""Cut a paragraph into pieces of one font and one bidi level, measured (and shaped) once.

A *piece* is the unit that is drawn: part of a word in one font at one level, or a space.
Pieces are grouped into *words* (units that are never broken except when a word alone is wider
than the line). Chinese and Japanese have no spaces, so each of their characters is a word of
its own, with the usual rules that keep closing punctuation off the start of a line.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from visitdesk.documents import fonts
from visitdesk.documents.text.bidi import embedding_levels, needs_bidi
from visitdesk.domain.languages import URDU_LETTERS

# Never at the start of a line (kinsoku): closing brackets and punctuation, small kana marks.
_NO_BREAK_BEFORE = frozenset("、。，．・：；？！）」』】〉》〕］｝ー々ゝゞヽヾ…‥,.:;?!)]}%")
# Never at the end of a line: opening brackets.
_NO_BREAK_AFTER = frozenset("（「『【〈《〔［｛([{")
# Drawn for a character that no bundled font has; the PDF still carries the character itself.
_MISSING = "\u25a1"
# The longest word and the longest line of text whose measures are kept for reuse.
CACHED_WORD = 64
CACHED_TEXT = 400
NASTALIQ_SPACE = 0.22  # em
_NO_BREAK_SPACES = frozenset("\u00a0\u202f\u2007")
# Controls that must not reach a PDF; a tab is a space in a paragraph.
_DROP = {code: None for code in range(32) if code not in (9, 10)} | {0x7F: None, 9: " "}


def clean(text: str) -> str:
    """Drop control characters (never printable), turn tabs into spaces, unify line ends."""
    return text.replace("\r\n", "\n").replace("\r", "\n").translate(_DROP)


def is_space(char: str) -> bool:
    return char not in _NO_BREAK_SPACES and (char == " " or unicodedata.category(char) == "Zs")


def is_cjk(char: str) -> bool:
    code = ord(char)
    return (
        0x2E80 <= code <= 0x9FFF  # radicals, punctuation, kana, CJK ideographs
        or 0xAC00 <= code <= 0xD7AF  # Hangul
        or 0xF900 <= code <= 0xFAFF
        or 0xFF00 <= code <= 0xFFEF  # full-width forms
        or 0x20000 <= code <= 0x3FFFF
    )


@dataclass(slots=True)
class Piece:
    text: str  # logical order, as typed
    font: str
    size: float
    level: int
    width: float = 0.0
    # What is drawn, left to right: a reportlab ShapedStr for shaped text, else a plain str.
    glyphs: Any = ""
    space: bool = False
    missing: bool = False  # holds a character no bundled font has: drawn as a box
    # What is drawn does not map back to `text` by itself (a box, a dropped joiner, a character
    # beyond U+FFFF, which reportlab's ToUnicode maps wrongly): drawn in an /ActualText span.
    spanned: bool = False

    @property
    def shaped(self) -> bool:
        return self.font in fonts.SHAPED_FONTS


@dataclass(slots=True)
class Word:
    pieces: list[Piece] = field(default_factory=list)

    @property
    def width(self) -> float:
        return sum(p.width for p in self.pieces)

    @property
    def space(self) -> bool:
        return bool(self.pieces) and self.pieces[0].space


def measure(piece: Piece) -> Piece:
    """Fill in the piece's glyphs and width (shaping Arabic-script text with HarfBuzz)."""
    # Only words of a sensible length are kept: a 5,000-character string typed without a space
    # is measured each time rather than held for the life of the process.
    how = _measured if len(piece.text) <= CACHED_WORD else _measured.__wrapped__
    piece.glyphs, piece.width, piece.missing, piece.spanned = how(
        piece.text, piece.font, piece.size, piece.level % 2 == 1, piece.space
    )
    return piece


# The same words come back in every paragraph, header and table cell of a document (names,
# "the", "Islamabad"): each is measured once a process. Glyphs are immutable (str, ShapedStr).
@lru_cache(maxsize=16384)
def _measured(
    text: str, font: str, size: float, rtl: bool, space: bool
) -> tuple[Any, float, bool, bool]:
    shaped = font in fonts.SHAPED_FONTS
    typed = text
    missing = any(not fonts.has_glyph(font, c) for c in text if not fonts.is_invisible(c))
    if missing:
        box = _MISSING if fonts.has_glyph(font, _MISSING) else "?"
        text = "".join(
            c if fonts.has_glyph(font, c) or fonts.is_invisible(c) else box for c in text
        )
    if not shaped:
        # Joiners, variation selectors, bidi controls, soft hyphens: never drawn (a font that
        # lacks one would draw its empty box, and some fonts give them a visible glyph). An
        # emoji ZWJ sequence thus draws as the emoji it joins. HarfBuzz hides them itself.
        text = "".join(c for c in text if not fonts.is_invisible(c))
    spanned = missing or len(text) != len(typed) or any(c > "\uffff" for c in text)
    if rtl and not shaped:
        # Right to left in a font that is not shaped (a bracket in an Urdu sentence): reverse
        # it by hand and use mirrored glyphs, as rule L4 asks.
        from bidi.mirror import MIRRORED

        text = "".join(MIRRORED.get(c, c) for c in reversed(text))
    if shaped and not space:
        glyphs, width = _shape(text, font, size, rtl)
        return glyphs, width, missing, spanned
    width = _string_width(text, font, size)
    if space and font in fonts.NASTALIQ_FONTS:
        # Noto Nastaliq Urdu's space is 0.13 em: between a word ending in a non-joining letter
        # and the next (راشد ٹیپو) it reads as no space at all. Naskh's 0.22 em keeps the
        # words apart. (Spaces of right-to-left lines are gaps, never drawn.)
        width = max(width, NASTALIQ_SPACE * size * len(text))
    return text, width, missing, spanned


def _string_width(text: str, font: str, size: float) -> float:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    width: float = stringWidth(text, font, size)
    return width


@lru_cache(maxsize=4096)
def _shape(text: str, font_name: str, size: float, rtl: bool) -> tuple[Any, float]:
    """Shape with HarfBuzz, direction forced by the bidi level, into reportlab's ShapedStr.

    This is reportlab's own `shapeFragWord` conversion, minus its two faults here: it lets
    HarfBuzz guess the direction, and it shapes a mixed-font word with its first font only.
    """
    import uharfbuzz
    from reportlab.pdfbase.ttfonts import ShapeData, ShapedStr

    ttf = fonts.get_font(font_name)
    hb_font = ttf.hbFont(size)
    buffer = uharfbuzz.Buffer()
    buffer.cluster_level = uharfbuzz.BufferClusterLevel.MONOTONE_CHARACTERS
    buffer.add_str(text)
    buffer.guess_segment_properties()
    buffer.direction = "rtl" if rtl else "ltr"
    # Joiners still steer the shaping, then leave no glyph behind.
    buffer.flags = uharfbuzz.BufferFlags.REMOVE_DEFAULT_IGNORABLES
    if font_name in fonts.NASTALIQ_FONTS or any(c in URDU_LETTERS for c in text):
        buffer.language = "ur"  # Urdu forms of some letters and digits
    uharfbuzz.shape(hb_font, buffer, {"kern": True, "liga": True})
    chars: list[str] = []
    data: list[Any] = []
    width = 0.0
    scale = size / 1000.0
    for info, pos in zip(buffer.glyph_infos, buffer.glyph_positions, strict=True):
        gid = info.codepoint
        try:
            code = ttf.face.glyphToChar[gid][0]
        except (KeyError, IndexError):
            # A glyph no character maps to (a ligature, a contextual form): reportlab gives it
            # a private code so that it can be put in the subset.
            code = ttf.hbAddPrivate(hb_font.glyph_to_string(gid), gid, pos.x_advance)
        x_advance = ttf.pdfScale(pos.x_advance)
        data.append(
            ShapeData(
                info.cluster,
                x_advance,
                ttf.pdfScale(pos.y_advance),
                ttf.pdfScale(pos.x_offset),
                ttf.pdfScale(pos.y_offset),
                ttf.face.charWidths[code],
            )
        )
        chars.append(chr(code))
        width += x_advance * scale
    return ShapedStr("".join(chars), shapeData=data), width


def words_of(
    text: str,
    size: float,
    weight: fonts.Weight,
    base: int | None,
    langs: fonts.Languages = fonts.DEFAULT_LANGUAGES,
) -> list[Word]:
    """The words and spaces of one line of text (no line breaks in it), measured, with Han
    characters and Arabic letters in the fonts of `langs`.

    The words are shared with earlier calls for the same text: read them, never change them.
    """
    if not text:
        return []
    if len(text) > CACHED_TEXT:
        return list(_words.__wrapped__(text, size, weight, base, langs))
    return list(_words(text, size, weight, base, langs))


# A name or a heading is laid out at several widths (its natural width, then its column) and
# in many places of a document; its words are found and measured once. Long paragraphs are not
# kept (each is laid out once per width by its flowable), so the caches stay small.
@lru_cache(maxsize=4096)
def _words(
    text: str,
    size: float,
    weight: fonts.Weight,
    base: int | None,
    langs: fonts.Languages = fonts.DEFAULT_LANGUAGES,
) -> tuple[Word, ...]:
    if not base and _is_plain_latin(text, weight):
        return _latin_words(text, size, weight.latin)
    return tuple(_any_words(text, size, weight, base, langs))


_SPACES_OR_WORD = re.compile(" +|[^ ]+")


@lru_cache(maxsize=8)
def _plain_chars(font: str) -> set[str]:
    """Characters known to be plain Latin in `font` (see `_is_plain_char`), grown as met."""
    return {c for c in map(chr, range(0x20, 0x7F)) if _is_plain_char(c, font)}


def _is_plain_char(char: str, font: str) -> bool:
    """True if `_any_words` would give `char` the Latin font at level 0 and never break a line
    before or after it: the Latin font draws it, it is not Arabic script (Arabic digits read left
    to right but take the Arabic font), not CJK (breaks between characters), no right-to-left
    letter (Hebrew is in the Latin font), no format or control character, and no space but
    U+0020 (the others either break differently or must not break)."""
    if char == " ":
        return True
    return (
        unicodedata.category(char) not in ("Zs", "Zl", "Zp", "Cf", "Cc")
        and fonts.has_glyph(font, char)
        and not fonts.is_arabic_script(char)
        and not is_cjk(char)
        and not needs_bidi(char)
    )


def _is_plain_latin(text: str, weight: fonts.Weight) -> bool:
    font = weight.latin
    known = _plain_chars(font)
    chars = set(text)
    if chars <= known:
        return True
    for char in chars - known:
        if not _is_plain_char(char, font):
            return False
        known.add(char)
    return True


def _latin_words(text: str, size: float, font: str) -> tuple[Word, ...]:
    """The fast path for plain Latin text (English, French, curly quotes, dashes) read left to
    right: what `_any_words` makes of it (one font, level 0, breaks only at spaces), without
    deciding each character on its own."""
    return tuple(
        Word([measure(Piece(chunk, font, size, 0, space=chunk[0] == " "))])
        for chunk in _SPACES_OR_WORD.findall(text)
    )


def _any_words(
    text: str,
    size: float,
    weight: fonts.Weight,
    base: int | None,
    langs: fonts.Languages = fonts.DEFAULT_LANGUAGES,
) -> list[Word]:
    levels = embedding_levels(text, base) if needs_bidi(text) else [base or 0] * len(text)
    words: list[Word] = []
    current: Word | None = None
    piece: Piece | None = None
    font: str | None = None
    previous_char = ""
    for index, char in enumerate(text):
        space = is_space(char)
        font = fonts.font_for_char(char, weight, font, langs)
        level = levels[index]
        new_word = (
            current is None
            or space != current.space
            or (not space and _break_between(previous_char, char))
        )
        if new_word:
            current = Word()
            words.append(current)
            piece = None
        assert current is not None
        if piece is None or piece.font != font or piece.level != level:
            piece = Piece(text="", font=font, size=size, level=level, space=space)
            current.pieces.append(piece)
        piece.text += char
        previous_char = char
    for word in words:
        for p in word.pieces:
            measure(p)
    return words


def _break_between(before: str, after: str) -> bool:
    """May a line end between these two characters of a run with no space?"""
    if not (is_cjk(before) or is_cjk(after)):
        return False
    return after not in _NO_BREAK_BEFORE and before not in _NO_BREAK_AFTER


def split_word(word: Word, width: float) -> list[Word]:
    """Cut a word wider than the line into parts that fit, character by character.

    Only for words no line can hold (a 300-character URL, a name typed without spaces).
    """
    parts: list[Word] = []
    current = Word()
    used = 0.0
    for piece in word.pieces:
        for char in piece.text:
            single = measure(Piece(char, piece.font, piece.size, piece.level))
            if current.pieces and used + single.width > width:
                parts.append(current)
                current, used = Word(), 0.0
            last = current.pieces[-1] if current.pieces else None
            if last is not None and last.font == piece.font and last.level == piece.level:
                last.text += char
            else:
                current.pieces.append(Piece(char, piece.font, piece.size, piece.level))
            used += single.width
    if current.pieces:
        parts.append(current)
    for part in parts:
        for p in part.pieces:
            measure(p)
    return parts
