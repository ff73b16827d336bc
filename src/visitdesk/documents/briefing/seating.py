"""The seating plan of a meeting held across a table, drawn as a diagram.

The two sides face each other across the table, each head at the centre. The interpreter sits
beside the head (on the head's left); the others take the seats to the head's right and left in
turn, by precedence. "Right" is the sitter's right: the guest side faces down the page, so its
right hand is the page's left. A side with more than `ROW` people fills a second row behind.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from reportlab.platypus import Flowable

from visitdesk.documents.briefing import styles as st
from visitdesk.documents.briefing.cards import BOX_HEIGHT, draw_card, needed_height
from visitdesk.documents.fonts import BOLD
from visitdesk.documents.text import TextStyle, layout
from visitdesk.documents.text.draw import draw_line
from visitdesk.services.briefing import PersonInfo

ROW = 9  # seats per row at the table: four each side of the head
GAP = 7.0
TABLE_HEIGHT = 34.0
LABEL_HEIGHT = 16.0
MAX_PITCH = 84.0
CARD_GAP = 6.0  # between two neighbours' cards
SIDE = TextStyle(size=8, leading=10, weight=BOLD, align="center", color=st.NAVY)


def _offsets() -> Iterator[int]:
    k = 1
    while True:
        yield k
        yield -k
        k += 1


def seat_row(people: list[tuple[int, PersonInfo]]) -> dict[int, tuple[int, PersonInfo]]:
    """Seat offsets from the head (+ is the sitter's right) for one row, head first in `people`."""
    if not people:
        return {}
    seats: dict[int, tuple[int, PersonInfo]] = {0: people[0]}
    for wanted_interpreters in (True, False):
        for number, person in people[1:]:
            if person.interpreter != wanted_interpreters:
                continue
            # Interpreters try the head's left first; everyone else the head's right.
            order = (-k for k in _offsets()) if wanted_interpreters else _offsets()
            seat = next(k for k in order if k not in seats)
            seats[seat] = (number, person)
    return seats


def seat_rows(people: tuple[PersonInfo, ...]) -> list[dict[int, tuple[int, PersonInfo]]]:
    """The front row at the table, then the rows behind it; numbers follow the attendance list."""
    numbered = list(enumerate(people, start=1))
    rows = []
    for start in range(0, len(numbered), ROW):
        rows.append(seat_row(numbered[start : start + ROW]))
    return rows


Seats = dict[int, tuple[int, PersonInfo]]


class SeatingPlan(Flowable):  # type: ignore[misc]
    def __init__(
        self, hosts: tuple[PersonInfo, ...], guests: tuple[PersonInfo, ...], labels: tuple[str, str]
    ) -> None:
        super().__init__()
        self.host_rows = seat_rows(hosts)
        self.guest_rows = seat_rows(guests)
        self.host_label, self.guest_label = labels
        self.width = self.height = 0.0
        self.pitch = MAX_PITCH
        self.heights: dict[int, float] = {}  # row (by id) to the height of its cards

    def _rows(self) -> list[Seats]:
        return [*self.host_rows, *self.guest_rows]

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        self.width = availWidth
        reach = max(abs(k) for row in self._rows() for k in row)
        widest = availWidth / (2 * reach + 1)
        self.pitch = min(MAX_PITCH, widest)
        # A card whose text does not fit even at the floor size widens every card of the plan
        # (as far as the page allows), then makes its row taller: never cut.
        if any(self._row_height(row) > BOX_HEIGHT for row in self._rows()):
            self.pitch = widest
        self.heights = {id(row): self._row_height(row) for row in self._rows()}
        rows = sum(self.heights.values()) + GAP * len(self.heights)
        labels = _label_height(self.guest_label, availWidth) + _label_height(
            self.host_label, availWidth
        )
        self.height = labels + rows + TABLE_HEIGHT + GAP
        return self.width, self.height

    def _row_height(self, row: Seats) -> float:
        return max(BOX_HEIGHT, needed_height(row.values(), self.pitch - CARD_GAP))

    def draw(self) -> None:
        canvas: Any = self.canv
        pitch = self.pitch
        centre = self.width / 2
        y = self.height
        _label(canvas, self.guest_label, 0, y, self.width)
        y -= _label_height(self.guest_label, self.width)
        # Guest rows from the back to the table; they face down, so their right is page left.
        for row in reversed(self.guest_rows):
            y -= self.heights[id(row)]
            self._draw_row(canvas, row, centre, y, mirror=-1)
            y -= GAP
        reach = max(abs(k) for row in self._rows() for k in row)
        table_width = (2 * reach + 1) * pitch
        y -= TABLE_HEIGHT
        canvas.setFillColorRGB(0.97, 0.955, 0.93)
        canvas.setStrokeColorRGB(*st.GREY)
        canvas.setLineWidth(0.8)
        canvas.roundRect(centre - table_width / 2, y, table_width, TABLE_HEIGHT, 6, fill=1)
        y -= GAP
        for row in self.host_rows:
            y -= self.heights[id(row)]
            self._draw_row(canvas, row, centre, y, mirror=1)
            y -= GAP
        _label(canvas, self.host_label, 0, y - 2, self.width)

    def _draw_row(self, canvas: Any, row: Seats, centre: float, bottom: float, mirror: int) -> None:
        box = self.pitch - CARD_GAP
        height = self.heights[id(row)]
        for offset, (number, person) in row.items():
            x = centre + mirror * offset * self.pitch - box / 2
            draw_card(canvas, x, bottom, box, height, number, person, head=number == 1)


def _label_height(text: str, width: float) -> float:
    return sum(line.height for line in layout(text, SIDE, width)) + LABEL_HEIGHT - SIDE.line_leading


def _label(canvas: Any, text: str, x: float, top: float, width: float) -> None:
    for line in layout(text, SIDE, width):
        top -= line.above
        draw_line(canvas, line, x, top, width, SIDE)
        top -= line.below
