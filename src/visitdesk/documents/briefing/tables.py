"""The house table: a navy header row repeated on every page, hairline rules, rows never split."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from reportlab.platypus import Table, TableStyle

from visitdesk.documents.briefing import styles as st
from visitdesk.documents.text import TextParagraph, TextStyle

Cell = Any  # a flowable, a list of flowables, or ""


def cell(text: str | None, style: TextStyle = st.CELL, limit: int = st.CELL_LIMIT) -> TextParagraph:
    return TextParagraph(st.clip(text, limit), style)


def stacked(*parts: tuple[str | None, TextStyle]) -> list[TextParagraph]:
    """Several lines in one cell (a name over its native script); empty parts are left out."""
    return [cell(text, style) for text, style in parts if text and text.strip()]


def house_table(
    header: Sequence[str],
    rows: Sequence[Sequence[Cell]],
    widths: Sequence[float],
    *,
    zebra: bool = True,
) -> Table:
    data = [[cell(h, st.CELL_HEAD) for h in header], *rows]
    # repeatRows: the header comes again on every page the table continues on; splitInRow=0
    # (reportlab's default) keeps each row whole.
    table = Table(data, colWidths=list(widths), repeatRows=1, splitInRow=0, hAlign="LEFT")
    commands: list[tuple[Any, ...]] = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
        ("TOPPADDING", (0, 0), (-1, -1), 3.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4.5),
        ("BACKGROUND", (0, 0), (-1, 0), st.LIGHT),
        ("LINEABOVE", (0, 0), (-1, 0), 0.9, st.NAVY),
        ("LINEBELOW", (0, 0), (-1, 0), 0.6, st.NAVY),
        ("LINEBELOW", (0, 1), (-1, -1), 0.35, st.RULE),
    ]
    if zebra and len(rows) > 3:
        commands.append(("ROWBACKGROUNDS", (0, 1), (-1, -1), [None, (0.975, 0.978, 0.985)]))
    table.setStyle(TableStyle(commands))
    return table


def facts_table(rows: Sequence[tuple[str, Cell]], width: float, label_width: float = 82) -> Table:
    """Label and value pairs without a header: when, where, with whom."""
    data = [[cell(label, st.LABEL), value] for label, value in rows]
    table = Table(data, colWidths=[label_width, width - label_width], hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 6),
                ("TOPPADDING", (0, 0), (-1, -1), 2),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            ]
        )
    )
    return table
