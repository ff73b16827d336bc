"""The plan of a signing ceremony, as the audience and the cameras see it.

A table faces the audience with the two signatories seated side by side, the guest signatory on
the host's right: so on the left of the drawing. A small flag of each country stands on the
table in front of its signatory. The others stand in rows behind, each side behind its own
signatory, by precedence from the centre outwards; interpreters stand at the outer ends, out of
the photograph's centre. A side with more people than a row holds fills further rows behind.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from reportlab.platypus import Flowable

from visitdesk.documents.briefing import styles as st
from visitdesk.documents.briefing.cards import BOX_HEIGHT, draw_card, needed_height
from visitdesk.documents.fonts import BOLD
from visitdesk.documents.text import TextStyle, layout, natural_width
from visitdesk.documents.text.draw import draw_line
from visitdesk.services.briefing import PersonInfo

GAP = 7.0
MIN_PITCH = 66.0  # the narrowest standing card, with its gap
MAX_PITCH = 84.0
CARD_GAP = 6.0
SIGNATORY_WIDTH = 118.0
CENTRE_GAP = 10.0  # between the two signatories' chairs, and the two halves of each row
FLAG_ROOM = 30.0  # between the signatories and the table top: the flags stand there
TABLE_HEIGHT = 26.0
FLAG_HEIGHT = 15.0
SIDE = TextStyle(size=8, leading=10, weight=BOLD, align="center", color=st.NAVY)
FLAG = TextStyle(size=6.8, leading=8, weight=BOLD, align="center", color=st.NAVY)
AUDIENCE = TextStyle(size=8, leading=10, align="center", color=st.GREY)

Numbered = tuple[int, PersonInfo]


@dataclass(frozen=True, slots=True)
class Side:
    label: str  # "Guest side · SIPO"
    flag: str  # the country code (or a name) printed on its flag
    signatory: Numbered
    standing: tuple[Numbered, ...]  # by precedence, interpreters last


def side(label: str, flag: str, people: tuple[PersonInfo, ...], signatory: PersonInfo) -> Side:
    """One side of the ceremony; numbers are those of the side's attendance list."""
    numbered = list(enumerate(people, start=1))
    signs = next(((n, p) for n, p in numbered if p.ref == signatory.ref), (1, signatory))
    others = [(n, p) for n, p in numbered if p.ref != signatory.ref]
    standing = [x for x in others if not x[1].interpreter] + [x for x in others if x[1].interpreter]
    return Side(label, flag, signs, tuple(standing))


class SigningPlan(Flowable):  # type: ignore[misc]
    def __init__(self, guest: Side, host: Side) -> None:
        super().__init__()
        self.guest, self.host = guest, host
        self.width = self.height = 0.0
        self.per_row = 1
        self.pitch = MAX_PITCH
        self.rows: list[tuple[tuple[Numbered, ...], tuple[Numbered, ...], float]] = []
        self.signing_height = BOX_HEIGHT
        self.label_height = 0.0

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        self.width = availWidth
        half = (availWidth - CENTRE_GAP) / 2
        most = max(len(self.guest.standing), len(self.host.standing), 1)
        self.per_row = max(1, min(most, int(half // MIN_PITCH)))
        self.pitch = min(MAX_PITCH, half / self.per_row)
        if any(
            needed_height(s.standing, self.pitch - CARD_GAP) > BOX_HEIGHT
            for s in (self.guest, self.host)
        ):
            self.pitch = half / self.per_row  # widen the cards before making them taller
        self.rows = []
        for start in range(0, most, self.per_row):
            guests = self.guest.standing[start : start + self.per_row]
            hosts = self.host.standing[start : start + self.per_row]
            height = max(BOX_HEIGHT, needed_height((*guests, *hosts), self.pitch - CARD_GAP))
            self.rows.append((guests, hosts, height))
        if not self.guest.standing and not self.host.standing:
            self.rows = []
        signatories = (self.guest.signatory, self.host.signatory)
        self.signing_height = max(BOX_HEIGHT, needed_height(signatories, SIGNATORY_WIDTH))
        self.label_height = max(
            _text_height(self.guest.label, half), _text_height(self.host.label, half)
        )
        standing = sum(h + GAP for _g, _h, h in self.rows)
        self.height = (
            self.label_height
            + 4
            + standing
            + self.signing_height
            + FLAG_ROOM
            + TABLE_HEIGHT
            + 6
            + AUDIENCE.line_leading
        )
        return self.width, self.height

    def draw(self) -> None:
        canvas: Any = self.canv
        centre = self.width / 2
        half = (self.width - CENTRE_GAP) / 2
        y = self.height
        _text(canvas, self.guest.label, 0, y, half, SIDE)
        _text(canvas, self.host.label, self.width - half, y, half, SIDE)
        y -= self.label_height + 4
        # The rows furthest back first; in each, the guests to the left of the centre.
        box = self.pitch - CARD_GAP
        for guests, hosts, height in reversed(self.rows):
            y -= height
            for k, (number, person) in enumerate(guests):
                x = centre - CENTRE_GAP / 2 - (k + 1) * self.pitch + CARD_GAP / 2
                draw_card(canvas, x, y, box, height, number, person)
            for k, (number, person) in enumerate(hosts):
                x = centre + CENTRE_GAP / 2 + k * self.pitch + CARD_GAP / 2
                draw_card(canvas, x, y, box, height, number, person)
            y -= GAP
        # The two signatories, seated side by side at the table.
        y -= self.signing_height
        left = centre - CENTRE_GAP / 2 - SIGNATORY_WIDTH
        right = centre + CENTRE_GAP / 2
        for x, (number, person) in ((left, self.guest.signatory), (right, self.host.signatory)):
            draw_card(canvas, x, y, SIGNATORY_WIDTH, self.signing_height, number, person, head=True)
        y -= FLAG_ROOM
        table_width = 2 * SIGNATORY_WIDTH + CENTRE_GAP + 60
        table_top = y
        y -= TABLE_HEIGHT
        canvas.setFillColorRGB(0.97, 0.955, 0.93)
        canvas.setStrokeColorRGB(*st.GREY)
        canvas.setLineWidth(0.8)
        canvas.roundRect(centre - table_width / 2, y, table_width, TABLE_HEIGHT, 4, fill=1)
        _text(canvas, "Signing table", centre - 60, y + TABLE_HEIGHT / 2 + 4, 120, AUDIENCE)
        for x, flag in ((left, self.guest.flag), (right, self.host.flag)):
            _flag(canvas, x + SIGNATORY_WIDTH / 2, table_top, flag)
        y -= 6
        _text(canvas, "Audience and press", 0, y, self.width, AUDIENCE)


def _text_height(text: str, width: float) -> float:
    return sum(line.height for line in layout(text, SIDE, width))


def _text(canvas: Any, text: str, x: float, top: float, width: float, style: TextStyle) -> None:
    for line in layout(text, style, width):
        top -= line.above
        draw_line(canvas, line, x, top, width, style)
        top -= line.below


def _flag(canvas: Any, pole_x: float, base: float, label: str) -> None:
    """A table flag on its pole, standing on the table top: a rectangle with the country's
    code in it, as wide as the code needs."""
    width = max(26.0, natural_width(label, FLAG) + 8)
    top = base + FLAG_ROOM - 6
    canvas.saveState()
    canvas.setStrokeColorRGB(*st.GREY)
    canvas.setLineWidth(1.1)
    canvas.line(pole_x, base, pole_x, top)
    canvas.setFillColorRGB(1, 1, 1)
    canvas.setStrokeColorRGB(*st.NAVY)
    canvas.setLineWidth(0.9)
    canvas.rect(pole_x, top - FLAG_HEIGHT, width, FLAG_HEIGHT, fill=1)
    canvas.restoreState()
    _text(canvas, label, pole_x, top - 3.5, width, FLAG)
