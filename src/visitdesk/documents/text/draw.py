"""Lay out text into lines and draw lines on a reportlab canvas."""

from __future__ import annotations

from functools import cache, lru_cache
from typing import Any

from visitdesk.documents import fonts
from visitdesk.documents.fonts import Weight
from visitdesk.documents.text.bidi import base_level
from visitdesk.documents.text.lines import Line, break_lines
from visitdesk.documents.text.pieces import CACHED_TEXT, Piece, clean, words_of
from visitdesk.documents.text.style import TextStyle


def layout(text: str, style: TextStyle, width: float, lang: str | None = None) -> list[Line]:
    """The lines of `text` at `width` points. Line breaks in the text are kept.

    `lang` (else `style.lang`) is a hint of the text's language, for the Han characters and
    Arabic letters whose glyphs depend on it: "ja", "ko", "zh", "ur" (see
    `visitdesk.domain.languages.language_hint`). The text itself wins: kana make it Japanese.
    The lines are shared with earlier calls for the same text, size and width (they are frozen).
    """
    width = max(width, style.size)  # never loop on a column narrower than one letter
    # Only what shapes the lines is in the key: the same name in two colours is laid out once.
    key = (text, style.size, style.weight, style.line_leading, width, lang or style.lang)
    if len(text) > CACHED_TEXT:
        return list(_layout.__wrapped__(*key))
    return list(_layout(*key))


# Platypus asks a flowable for its size more than once, tables ask every cell at each pass, and
# the same names and headings recur on every page: each is laid out once per width.
@lru_cache(maxsize=4096)
def _layout(
    text: str, size: float, weight: Weight, leading: float, width: float, lang: str | None = None
) -> tuple[Line, ...]:
    text = clean(text)
    base = base_level(text)
    # One language for the whole text: a name or a sentence is never drawn in two styles.
    langs = (
        fonts.languages_of(text, lang) if lang or not text.isascii() else fonts.DEFAULT_LANGUAGES
    )
    lines: list[Line] = []
    for hard_line in text.split("\n"):
        words = words_of(hard_line, size, weight, base, langs)
        lines.extend(break_lines(words, width, size, leading, base))
    return tuple(lines)


def natural_width(text: str, style: TextStyle, lang: str | None = None) -> float:
    """The width of the widest line of `text` set without wrapping (for headers, table cells)."""
    return max(line.width for line in layout(text, style, float("inf"), lang))


@cache
def _text_object_class() -> Any:
    from reportlab.lib.rl_accel import fp_str
    from reportlab.pdfgen.textobject import PDFTextObject

    class _TextObject(PDFTextObject):  # type: ignore[misc]
        # reportlab 5.1's setRise indexes the last operator even when there is none yet, which
        # raises IndexError when a shaped run starts with a raised glyph (Nastaliq does that).
        def setRise(self, rise: float) -> None:  # noqa: N802 - reportlab's name
            self._rise = rise
            self._code.append(f"{fp_str(rise)} Ts")

    return _TextObject


def _text_object(canvas: Any, x: float, y: float) -> Any:
    return _text_object_class()(canvas, x, y)


def draw_line(
    canvas: Any, line: Line, x: float, baseline: float, width: float, style: TextStyle
) -> None:
    """Draw one line in the box that starts at `x` and is `width` wide."""
    align = style.align
    if align == "start":
        align = "right" if line.base else "left"
    elif align == "end":
        align = "left" if line.base else "right"
    free = max(width - line.width, 0.0)
    extra = 0.0
    if align == "justify":
        if line.last or not line.spaces:
            align = "right" if line.base else "left"
        else:
            extra = free / line.spaces
            free = 0.0
    start = {"left": 0.0, "right": free, "center": free / 2}.get(align, 0.0)
    canvas.setFillColorRGB(*style.color)
    text = _text_object(canvas, x + start, baseline)
    if not line.rtl:
        # One text run per line: spaces are drawn, and justification widens them (Tw), so text
        # copied or extracted from the PDF reads as typed.
        text.setWordSpace(extra)
        font = None
        run: list[str] = []  # plain text in the current font, written as one operator
        for piece in line.pieces:
            if (piece.font, piece.size) != font:
                _show_run(text, run)
                font = (piece.font, piece.size)
                text.setFont(piece.font, piece.size)
            if type(piece.glyphs) is str and not piece.spanned and not piece.level % 2:
                run.append(piece.glyphs)
            else:
                _show_run(text, run)
                _out(text, piece)
        _show_run(text, run)
        text.setWordSpace(0)
        canvas.drawText(text)
        return
    # Right to left: each piece goes where the bidi reordering puts it. Spaces are not drawn,
    # so the justification is in the cursor. The whole line is one /ActualText span holding
    # its characters in logical order: PDF readers then copy and search the line as typed,
    # which they cannot do from Nastaliq's glyphs (contextual forms that map to no character).
    cursor = x + start
    visual = line.visual()
    text._code.append(_span(_actual_text(_visual_text(visual))))
    for piece in visual:
        if piece.space:
            cursor += piece.width + extra
            continue
        text.setTextOrigin(cursor, baseline)
        text.setFont(piece.font, piece.size)
        _show(text, piece.glyphs)
        cursor += piece.width
    text._code.append("EMC")
    canvas.drawText(text)


def _visual_text(pieces: list[Piece]) -> str:
    """The line's characters in the order they are drawn, left to right."""
    return "".join(p.text[::-1] if p.level % 2 else p.text for p in pieces)


def _actual_text(text: str) -> str:
    """The line as a reader copies it: without bidi controls and other invisible characters,
    except the joiners that are part of a word's spelling (ZWNJ in Persian and Urdu)."""
    return "".join(c for c in text if c in "\u200c\u200d" or not fonts.is_invisible(c))


def _out(text: Any, piece: Piece) -> None:
    """Draw a piece of a left-to-right line at the text cursor, telling PDF readers which
    characters it shows.

    Shaped glyphs map to no character by themselves, so each cluster gets an /ActualText span
    with the characters it stands for; so does a piece whose glyphs do not map back to its
    text (a box for a character no font has, an emoji, a dropped joiner).
    """
    code = text._code
    if piece.spanned:
        code.append(_span(_actual_text(piece.text)))
        _show(text, piece.glyphs)
        code.append("EMC")
    elif piece.shaped:
        for chars, glyphs in _clusters(piece):
            code.append(_span(chars))
            _show(text, glyphs)
            code.append("EMC")
    else:
        _show(text, piece.glyphs)


def _show(text: Any, glyphs: Any) -> None:
    # What reportlab's textOut writes, without the width it measures to move a text cursor that
    # nothing here reads (each line is one text run, or places its pieces by setTextOrigin).
    text._code.append(text._formatText(glyphs))


def _show_run(text: Any, run: list[str]) -> None:
    """Write the words and spaces gathered in `run` in one go, and empty it.

    They sit side by side in one font anyway; one operator for a line instead of one per word
    and space draws the same and is several times less work for reportlab.
    """
    if run:
        _show(text, "".join(run))
        run.clear()


def _clusters(piece: Piece) -> list[tuple[str, Any]]:
    """The (characters, glyphs) of each HarfBuzz cluster of a shaped piece, in visual order."""
    data = piece.glyphs.__shapeData__
    starts = sorted({d.cluster for d in data})
    end_of = dict(zip(starts, [*starts[1:], len(piece.text)], strict=True))
    groups: list[tuple[str, Any]] = []
    first = 0
    for index in range(1, len(data) + 1):
        if index == len(data) or data[index].cluster != data[first].cluster:
            cluster = data[first].cluster
            groups.append((piece.text[cluster : end_of[cluster]], piece.glyphs[first:index]))
            first = index
    return groups


def _span(chars: str) -> str:
    return f"/Span <</ActualText <FEFF{chars.encode('utf-16-be').hex().upper()}>>> BDC"


def draw_text(
    canvas: Any,
    text: str,
    x: float,
    top: float,
    width: float,
    style: TextStyle,
    lang: str | None = None,
) -> float:
    """Draw `text` wrapped to `width` with its first line's top at `top`; return the height used.

    For text outside the story: letterheads, footers, table cells drawn by hand. `lang` is the
    language hint of `layout`.
    """
    y = top
    for line in layout(text, style, width, lang):
        y -= line.above
        draw_line(canvas, line, x, y, width, style)
        y -= line.below
    return top - y
