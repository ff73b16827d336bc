"""The seating plan of a meeting held across a table, drawn as a diagram.

The two sides face each other across the table, each head at the centre. The interpreter sits
beside the head (on the head's left); the others take the seats to the head's right and left in
turn, by precedence. "Right" is the sitter's right: the guest side faces down the page, so its
right hand is the page's left. A side with more than `ROW` people fills a second row behind.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache
from typing import Any

from reportlab.platypus import Flowable

from visitdesk.documents.briefing import styles as st
from visitdesk.documents.fonts import BOLD, ITALIC, REGULAR
from visitdesk.documents.text import TextStyle, layout
from visitdesk.documents.text.draw import draw_line
from visitdesk.services.briefing import PersonInfo

ROW = 9  # seats per row at the table: four each side of the head
BOX_HEIGHT = 42.0
GAP = 7.0
TABLE_HEIGHT = 34.0
LABEL_HEIGHT = 16.0
MAX_PITCH = 84.0
NAME = TextStyle(size=7.4, leading=8.8, weight=BOLD, align="center")
NATIVE = TextStyle(size=7.4, leading=8.8, align="center")
ROLE = TextStyle(size=6.6, leading=8, weight=ITALIC, align="center", color=st.GREY)
POSITION = ROLE.but(weight=REGULAR)
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


class SeatingPlan(Flowable):  # type: ignore[misc]
    def __init__(
        self, hosts: tuple[PersonInfo, ...], guests: tuple[PersonInfo, ...], labels: tuple[str, str]
    ) -> None:
        super().__init__()
        self.host_rows = seat_rows(hosts)
        self.guest_rows = seat_rows(guests)
        self.host_label, self.guest_label = labels
        self.width = self.height = 0.0

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        rows = len(self.host_rows) + len(self.guest_rows)
        self.width = availWidth
        self.height = 2 * LABEL_HEIGHT + rows * (BOX_HEIGHT + GAP) + TABLE_HEIGHT + GAP
        return self.width, self.height

    def _pitch(self) -> float:
        reach = max(abs(k) for row in (*self.host_rows, *self.guest_rows) for k in row)
        return min(MAX_PITCH, self.width / (2 * reach + 1))

    def draw(self) -> None:
        canvas: Any = self.canv
        pitch = self._pitch()
        centre = self.width / 2
        y = self.height
        _label(canvas, self.guest_label, 0, y, self.width)
        y -= LABEL_HEIGHT
        # Guest rows from the back to the table; they face down, so their right is page left.
        for row in reversed(self.guest_rows):
            y -= BOX_HEIGHT
            self._draw_row(canvas, row, centre, y, pitch, mirror=-1)
            y -= GAP
        reach = max(abs(k) for row in (*self.host_rows, *self.guest_rows) for k in row)
        table_width = (2 * reach + 1) * pitch
        y -= TABLE_HEIGHT
        canvas.setFillColorRGB(0.97, 0.955, 0.93)
        canvas.setStrokeColorRGB(*st.GREY)
        canvas.setLineWidth(0.8)
        canvas.roundRect(centre - table_width / 2, y, table_width, TABLE_HEIGHT, 6, fill=1)
        y -= GAP
        for row in self.host_rows:
            y -= BOX_HEIGHT
            self._draw_row(canvas, row, centre, y, pitch, mirror=1)
            y -= GAP
        _label(canvas, self.host_label, 0, y - 2, self.width)

    def _draw_row(
        self,
        canvas: Any,
        row: dict[int, tuple[int, PersonInfo]],
        centre: float,
        bottom: float,
        pitch: float,
        mirror: int,
    ) -> None:
        box = pitch - 6
        for offset, (number, person) in row.items():
            x = centre + mirror * offset * pitch - box / 2
            head = number == 1
            canvas.saveState()
            canvas.setFillColorRGB(*(st.LIGHT if head else (1, 1, 1)))
            canvas.setStrokeColorRGB(*(st.NAVY if head else st.GREY))
            canvas.setLineWidth(1.3 if head else 0.6)
            if person.interpreter:
                canvas.setDash(2, 1.5)
            canvas.rect(x, bottom, box, BOX_HEIGHT, fill=1)
            canvas.restoreState()
            _box_text(canvas, number, person, x + 2, bottom + BOX_HEIGHT - 3, box - 4)


@lru_cache(maxsize=2048)
def _lines(text: str, style: TextStyle, width: float) -> list[Any]:
    # The same people sit in many meetings of a visit: each name is laid out once a build.
    return layout(text, style, width)


def _label(canvas: Any, text: str, x: float, top: float, width: float) -> None:
    lines = layout(text, SIDE, width)[:1]
    for line in lines:
        draw_line(canvas, line, x, top - line.above, width, SIDE)


def _box_text(
    canvas: Any, number: int, person: PersonInfo, x: float, top: float, width: float
) -> None:
    """What fits of: number and name, native name, and position (or "Interpreter")."""
    parts = [(f"{number}. {person.short_name}", NAME)]
    if person.native_name:
        parts.append((person.native_name, NATIVE.but(lang=person.lang)))
    if person.interpreter:
        parts.append(("Interpreter", ROLE))
    elif person.position:
        parts.append((st.clip(person.position, 60), POSITION))
    room = BOX_HEIGHT - 5
    y = top
    for text, style in parts:
        for line in _lines(text, style, width):
            if line.height > room:
                return
            y -= line.above
            draw_line(canvas, line, x, y, width, style)
            y -= line.below
            room -= line.height
