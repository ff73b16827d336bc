"""How a paragraph of the text layer looks: size, leading, weight, alignment, colour, spacing."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any, Literal

from visitdesk.documents.fonts import REGULAR, Weight

# `start` and `end` follow the paragraph's direction: `start` is left for English, right for Urdu.
Align = Literal["start", "end", "left", "right", "center", "justify"]


@dataclass(frozen=True, slots=True)
class TextStyle:
    size: float = 11.0
    leading: float | None = None  # baseline to baseline; None: 1.3 × size
    weight: Weight = REGULAR
    align: Align = "start"
    color: tuple[float, float, float] = (0.0, 0.0, 0.0)
    space_before: float = 0.0
    space_after: float = 0.0
    left_indent: float = 0.0
    right_indent: float = 0.0
    keep_with_next: bool = False
    # A hint of the text's language for glyphs that depend on it ("ja", "ko", "zh", "ur"):
    # see `visitdesk.domain.languages.language_hint`. None: the text alone decides.
    lang: str | None = None

    @property
    def line_leading(self) -> float:
        return self.leading if self.leading is not None else round(self.size * 1.3, 2)

    def but(self, **changes: Any) -> TextStyle:
        """A copy with some fields changed: `BODY.but(align="center")`."""
        return dataclasses.replace(self, **changes)
