"""Set a few lines of text as large as they fit in a box: the shared part of cards and badges.

Each part (the name, the native name, the position...) has its full-size style; the whole block
is tried at a falling scale until every line is within the width and the lines together within
the height. Nothing is ever cut: below the last scale of the list the text keeps shrinking.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from visitdesk.documents.text import TextStyle, layout
from visitdesk.documents.text.draw import draw_line
from visitdesk.documents.text.lines import Line


@dataclass(frozen=True, slots=True)
class Part:
    text: str
    style: TextStyle
    lang: str | None = None
    max_lines: int | None = None  # at the preferred scales; None: as many as fit
    gap_before: float = 0.0  # points at full size, scaled with the text


@dataclass(frozen=True, slots=True)
class Block:
    """The laid-out lines, each with its style and the gap above it, and the scale used."""

    lines: tuple[tuple[Line, TextStyle, float], ...]
    height: float
    scale: float


def _scaled(style: TextStyle, scale: float) -> TextStyle:
    return style.but(size=style.size * scale, leading=style.line_leading * scale)


def lay_out(parts: Sequence[Part], width: float, scale: float) -> Block:
    laid: list[tuple[Line, TextStyle, float]] = []
    height = 0.0
    for part in parts:
        style = _scaled(part.style, scale)
        gap = part.gap_before * scale if laid else 0.0
        for index, line in enumerate(layout(part.text, style, width, part.lang)):
            laid.append((line, style, gap if index == 0 else 0.0))
            height += line.height + (gap if index == 0 else 0.0)
    return Block(tuple(laid), height, scale)


def _lines_of(block: Block, parts: Sequence[Part], width: float) -> list[int]:
    return [len(layout(p.text, _scaled(p.style, block.scale), width, p.lang)) for p in parts]


def _wide_word(parts: Sequence[Part], width: float, scale: float) -> bool:
    """True if a word alone is wider than the box at this scale (it would be split)."""
    for part in parts:
        style = _scaled(part.style, scale)
        for word in part.text.split():
            if max(line.width for line in layout(word, style, float("inf"), part.lang)) > width:
                return True
    return False


def fit_within_lines(
    parts: Sequence[Part], width: float, height: float, scales: Sequence[float]
) -> Block | None:
    """The largest of `scales` at which the block fits with each part within its `max_lines`
    and no word split, or None."""
    for scale in scales:
        block = lay_out(parts, width, scale)
        if block.height > height or _wide_word(parts, width, scale):
            continue
        counts = _lines_of(block, parts, width)
        if all(p.max_lines is None or n <= p.max_lines for p, n in zip(parts, counts, strict=True)):
            return block
    return None


def fit(parts: Sequence[Part], width: float, height: float, scales: Sequence[float]) -> Block:
    """The largest of `scales` at which the block fits, keeping each part within its
    `max_lines` and no word split; failing that the largest at which it fits at all, even if
    lines wrap more or a word breaks; failing that smaller still, down to what fits."""
    within = fit_within_lines(parts, width, height, scales)
    if within is not None:
        return within
    for scale in scales:
        block = lay_out(parts, width, scale)
        if block.height <= height and not _wide_word(parts, width, scale):
            return block
    scale = scales[-1]
    while True:
        block = lay_out(parts, width, scale)
        if block.height <= height or scale < 0.05:
            return block
        scale *= 0.92


def draw_block(canvas: Any, block: Block, x: float, top: float, width: float) -> None:
    """Draw the block's lines from `top` down, each aligned as its style says."""
    y = top
    for line, style, gap in block.lines:
        y -= gap + line.above
        draw_line(canvas, line, x, y, width, style)
        y -= line.below
