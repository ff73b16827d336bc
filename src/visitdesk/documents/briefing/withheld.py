"""The sentences a pack built by a reader prints about what the server kept from them."""

from __future__ import annotations

from visitdesk.services.briefing import BriefingContent


def _points(count: int) -> str:
    return "1 talking point" if count == 1 else f"{count} talking points"


def _above(content: BriefingContent) -> str:
    return content.reading_ceiling.label if content.reading_ceiling else "your clearance"


def hidden_sentence(count: int, content: BriefingContent) -> str:
    """Under an engagement's talking points: how many the reader's role may not read."""
    verb = "is" if count == 1 else "are"
    return f"{_points(count)} classified above {_above(content)} {verb} not shown to your role."


def withheld_sentence(content: BriefingContent) -> str:
    """On the cover: the pack is not the whole brief."""
    return (
        f"It leaves out {_points(content.hidden_points)} classified above {_above(content)}, "
        "which your role may not read; an officer's pack has them."
    )
