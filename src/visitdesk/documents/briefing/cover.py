"""The cover: the office's letterhead, BRIEFING PACK, the visit, and a box that says for whom
the pack was prepared, when, which version it is and how it is classified."""

from __future__ import annotations

from typing import Any

from reportlab.platypus import Flowable, KeepInFrame, PageBreak, Spacer, Table, TableStyle

from visitdesk.documents.briefing import styles as st
from visitdesk.documents.briefing.withheld import withheld_sentence
from visitdesk.documents.fonts import BOLD, ITALIC
from visitdesk.documents.letterhead import Letterhead, draw_letterhead, letterhead_height
from visitdesk.documents.text import TextParagraph, TextStyle
from visitdesk.domain.dates import date_range, day_month_year
from visitdesk.services.briefing import BriefingContent

PACK = TextStyle(size=27, leading=32, weight=BOLD, align="center", color=st.NAVY, space_after=14)
TITLE = TextStyle(size=19, leading=24, weight=BOLD, align="center", space_after=8)
LINE = TextStyle(size=12, leading=16, align="center", space_after=2)
GREY_LINE = LINE.but(color=st.GREY)
BOX_LABEL = TextStyle(size=9, leading=12, weight=BOLD, color=st.GREY)
BOX_VALUE = TextStyle(size=11, leading=14.5)
BOX_MARK = BOX_VALUE.but(weight=BOLD, color=st.MARKING)
GUEST_MARK = PACK.but(size=20, leading=26, color=st.MARKING, space_before=-6)
HANDLING = TextStyle(size=8.8, leading=11.5, weight=ITALIC, align="center", color=st.GREY)


class LetterheadFlowable(Flowable):  # type: ignore[misc]
    """The shared letterhead (`documents.letterhead`), placed in the story of the cover."""

    def __init__(self, head: Letterhead) -> None:
        super().__init__()
        self.head = head

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        self.width = availWidth
        self.height = letterhead_height(self.head, availWidth)
        return self.width, self.height

    def draw(self) -> None:
        draw_letterhead(self.canv, self.head, 0, self.height, self.width)


def whom_for(content: BriefingContent) -> tuple[str, str]:
    """(prepared for, what the pack holds)."""
    count = len(content.engagements)
    engagements = "1 engagement" if count == 1 else f"{count} engagements"
    person = content.prepared_for
    if person is None:
        return "All principals of the visit", f"Full pack: all {engagements} of the programme"
    who = ", ".join(p for p in (person.name, person.position) if p)
    if content.guest_copy:
        return who, f"Guest copy: the programme and logistics of the {engagements} attended"
    return who, f"Personal pack: only the {engagements} that {person.name} attends"


def cover(content: BriefingContent, logo: bytes | None) -> list[Any]:
    head = Letterhead(
        name=content.office_name or "Protocol Office",
        short_name=content.office_short_name,
        city=content.office_city,
        logo=logo,
    )
    story: list[Any] = [LetterheadFlowable(head), Spacer(1, 70)]
    story.append(TextParagraph("BRIEFING PACK", PACK))
    if content.guest_copy:
        story.append(TextParagraph("GUEST COPY", GUEST_MARK))
    story.append(TextParagraph(st.clip(content.title, 300), TITLE))
    if content.guest_organisation:
        story.append(TextParagraph(st.clip(content.guest_organisation, 200), LINE))
    if content.guest_organisation_native:
        native = st.clip(content.guest_organisation_native, 200)
        story.append(TextParagraph(native, LINE, lang=content.guest_lang))
    place = ", ".join(
        p for p in (content.city, date_range(content.start_date, content.end_date)) if p
    )
    story += [TextParagraph(place, GREY_LINE.but(space_before=6)), Spacer(1, 56)]
    who, holds = whom_for(content)
    rows = [
        ("Prepared for", who, BOX_VALUE.but(weight=BOLD)),
        ("Contents", holds, BOX_VALUE),
        ("Date", day_month_year(content.prepared_on), BOX_VALUE),
        ("Version", str(content.version), BOX_VALUE),
        ("Classification", content.classification, BOX_MARK),
    ]
    width = st.FRAME_WIDTH * 0.78
    box = Table(
        [
            [TextParagraph(label, BOX_LABEL), TextParagraph(st.clip(value), style)]
            for label, value, style in rows
        ],
        colWidths=[96, width - 96],
        hAlign="CENTER",
    )
    box.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LINEABOVE", (0, 0), (-1, 0), 1.2, st.NAVY),
                ("LINEBELOW", (0, -1), (-1, -1), 1.2, st.NAVY),
                ("LINEBELOW", (0, 0), (-1, -2), 0.35, st.RULE),
                ("TOPPADDING", (0, 0), (-1, -1), 6),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 7),
                ("LEFTPADDING", (0, 0), (-1, -1), 6),
            ]
        )
    )
    story += [box, Spacer(1, 40)]
    handling = (
        f"This guest copy, prepared for {content.prepared_for.name} by "
        f"{content.office_name or 'the host'}, holds the programme of the visit, its venues "
        "and logistics, and the people to be met."
        if content.guest_copy and content.prepared_for is not None
        else f"This pack is classified {content.classification}. Keep it with you during the "
        "visit, do not copy it, and return it to the protocol office afterwards."
    )
    if content.hidden_points and not content.guest_copy:
        handling += " " + withheld_sentence(content)
    story.append(TextParagraph(handling, HANDLING))
    # Very long titles and names shrink the cover rather than push it onto a second page.
    height = st.FRAME_TOP - st.FRAME_BOTTOM
    return [KeepInFrame(st.FRAME_WIDTH, height, story, mode="shrink"), PageBreak()]
