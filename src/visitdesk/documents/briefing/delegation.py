"""The delegation, member by member in order of precedence (name in Latin and native script,
position, organisation, photo, biography, dietary and medical notes), then the host side."""

from __future__ import annotations

import io
from typing import Any

from reportlab.platypus import CondPageBreak, Image, Spacer, Table, TableStyle

from visitdesk.documents.briefing import styles as st
from visitdesk.documents.briefing.anchors import Register
from visitdesk.documents.briefing.photos import Photos
from visitdesk.documents.briefing.tables import cell, house_table, stacked
from visitdesk.documents.fonts import BOLD
from visitdesk.documents.text import TextParagraph, TextStyle
from visitdesk.services.briefing import BriefingContent, PersonInfo

PHOTO_WIDTH = 74.0  # 2.6 cm
PHOTO_HEIGHT = 92.0
NAME = TextStyle(size=12.5, leading=16, weight=BOLD, color=st.NAVY)
NATIVE = TextStyle(size=12.5, leading=16, align="left")
DETAIL = TextStyle(size=10, leading=13)
_HOST_SHARES = (0.06, 0.36, 0.40, 0.18)


def _photo(person: PersonInfo, photos: Photos) -> Any | None:
    small = photos.scaled(person.photo)
    reader = photos.reader(person.photo)
    if small is None or reader is None:
        return None
    w, h = reader.getSize()
    scale = min(PHOTO_WIDTH / w, PHOTO_HEIGHT / h)
    # A file-like JPEG is embedded as it is, without decoding it again.
    image = Image(io.BytesIO(small), width=w * scale, height=h * scale)
    image.hAlign = "LEFT"
    return image


def member(number: int, person: PersonInfo, photos: Photos) -> list[Any]:
    details = stacked(
        (f"{number}. {st.clip(person.name, 300)}", NAME),
        (st.clip(person.native_name, 300), NATIVE.but(lang=person.lang)),
        (st.clip(person.position, 300), DETAIL),
        (st.clip(person.organisation, 300), DETAIL.but(color=st.GREY)),
        (st.clip(f"Role: {person.role}", 200) if person.role else None, DETAIL.but(color=st.GREY)),
    )
    photo = _photo(person, photos)
    if photo is not None:
        top = Table(
            [[photo, details]], colWidths=[PHOTO_WIDTH + 12, st.FRAME_WIDTH - PHOTO_WIDTH - 12]
        )
    else:
        top = Table([[details]], colWidths=[st.FRAME_WIDTH])
    top.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
                ("LINEABOVE", (0, 0), (-1, 0), 0.5, st.RULE),
            ]
        )
    )
    top.keepWithNext = bool(person.bio or person.dietary or person.medical)
    story: list[Any] = [Spacer(1, 6), top]
    if person.bio:
        story.append(TextParagraph(person.bio, st.BODY))
    for label, text in (("Dietary", person.dietary), ("Medical", person.medical)):
        if text:
            story.append(TextParagraph(f"{label}: {text}", st.BODY_LEFT.but(weight=BOLD, size=9.8)))
    story.append(Spacer(1, 8))
    return story


def delegation(content: BriefingContent, register: Register, photos: Photos) -> list[Any]:
    story: list[Any] = []
    if content.delegation:
        story += [
            register.add("delegation", "The delegation", 0),
            TextParagraph("The delegation", st.H1),
        ]
        intro = content.delegation_description or content.guest_organisation
        if intro:
            story.append(TextParagraph(intro, st.BODY_LEFT.but(color=st.GREY)))
        story.append(TextParagraph("Members in order of precedence.", st.SMALL_ITALIC))
        for number, person in enumerate(content.delegation, start=1):
            story += member(number, person, photos)
    if content.hosts:
        title = "Host-side participants"
        level = 1 if content.delegation else 0
        story += [
            register.add("hosts", title, level),
            TextParagraph(title, st.H1 if level == 0 else st.H2),
        ]
        # A Role column only when someone on the host side has one: an empty column reads as
        # something left out.
        roles = any(p.role for p in content.hosts)
        rows = [
            [
                cell(f"{n}.", st.CELL),
                stacked((p.name, st.CELL_BOLD), (p.native_name, st.CELL_NATIVE.but(lang=p.lang))),
                stacked((p.position, st.CELL), (p.organisation, st.CELL_SMALL)),
                *([cell(p.role or "", st.CELL)] if roles else []),
            ]
            for n, p in enumerate(content.hosts, start=1)
        ]
        shares = _HOST_SHARES if roles else (*_HOST_SHARES[:2], sum(_HOST_SHARES[2:]))
        widths = [share * st.FRAME_WIDTH for share in shares]
        header = ["", "Name", "Position", *(["Role"] if roles else [])]
        story.append(house_table(header, rows, widths))
    if story:
        story.append(CondPageBreak(st.SECTION_ROOM))
    return story
