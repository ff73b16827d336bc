"""Break words into lines (greedy, in logical order) and give each line its height."""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field

from visitdesk.documents import fonts
from visitdesk.documents.text.bidi import visual_order
from visitdesk.documents.text.pieces import Piece, Word, split_word


# Frozen: the lines of a paragraph are cached and shared by every place that lays it out.
@dataclass(frozen=True, slots=True)
class Line:
    pieces: list[Piece] = field(default_factory=list)  # logical order, no spaces at either end
    width: float = 0.0
    above: float = 0.0  # from the top of the line to the baseline
    below: float = 0.0  # from the baseline to the top of the next line
    last: bool = False  # the last line of a paragraph (or before a line break): not justified
    base: int = 0  # the paragraph's bidi level: 1 if it reads right to left

    @property
    def height(self) -> float:
        return self.above + self.below

    @property
    def spaces(self) -> int:
        return sum(1 for p in self.pieces if p.space)

    @property
    def rtl(self) -> bool:
        """True if anything in the line runs right to left (it then needs reordering)."""
        return self.base == 1 or any(p.level % 2 for p in self.pieces)

    def visual(self) -> list[Piece]:
        return visual_order(self.pieces)

    @property
    def text(self) -> str:
        return "".join(p.text for p in self.pieces)


def break_lines(
    words: list[Word], width: float, size: float, leading: float, base: int
) -> list[Line]:
    """Fill lines greedily; returns at least one line (an empty one for empty text)."""
    lines: list[Line] = []
    current: list[Word] = []
    used = 0.0
    pending_space: list[Word] = []
    pending_width = 0.0

    def flush(last: bool) -> None:
        nonlocal current, used
        lines.append(_make_line(current, size, leading, base, last))
        current, used = [], 0.0

    queue = deque(words)  # a long paragraph has thousands of words: take from the front cheaply
    while queue:
        word = queue.popleft()
        if word.space:
            if current:
                pending_space.append(word)
                pending_width += word.width
            continue
        gap = pending_width
        word_width = word.width
        if current and used + gap + word_width > width:
            pending_space = []  # the spaces at a line break are not drawn
            flush(last=False)
            gap = 0.0
        if not current and word_width > width:
            parts = split_word(word, width)
            queue.extendleft(reversed(parts[1:]))
            word = parts[0]
            word_width = word.width
        current.extend(pending_space)
        current.append(word)
        used += gap + word_width
        pending_space = []
        pending_width = 0.0
    flush(last=True)
    return lines


def _make_line(words: list[Word], size: float, leading: float, base: int, last: bool) -> Line:
    pieces = [p for w in words for p in w.pieces]
    # A Latin or CJK line keeps the paragraph's leading; Urdu's tall letters and deep descents
    # need more room, so a line holding them grows to the font's own extent.
    above, below = size, max(leading - size, 0.0)
    for piece in pieces:
        if piece.font in fonts.SHAPED_FONTS and not piece.space:
            ascent, descent = fonts.ascent_descent(piece.font, piece.size)
            above = max(above, ascent)
            below = max(below, descent + (leading - size) / 2)
    return Line(
        pieces=pieces,
        width=sum(p.width for p in pieces),
        above=above,
        below=below,
        last=last,
        base=base,
    )
