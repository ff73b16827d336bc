"""Places in the pack that the contents page and the PDF bookmarks point to.

An `Anchor` is an invisible flowable put just before a heading: when drawn it marks the spot for
links, adds the PDF outline entry (the bookmark) and notes its page for the contents page.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from reportlab.platypus import Flowable


@dataclass(frozen=True, slots=True)
class Entry:
    key: str
    title: str
    level: int  # 0: a section, 1: a part of it


@dataclass(slots=True)
class Register:
    """The entries of the contents in order, and the page each one landed on."""

    entries: list[Entry] = field(default_factory=list)
    pages: dict[str, int] = field(default_factory=dict)

    def add(self, key: str, title: str, level: int) -> Anchor:
        entry = Entry(key, " ".join(title.split()), level)
        self.entries.append(entry)
        return Anchor(entry, self)


class Anchor(Flowable):  # type: ignore[misc]
    def __init__(self, entry: Entry, register: Register) -> None:
        super().__init__()
        self.entry = entry
        self.register = register
        self.width = self.height = 0.0
        self.keepWithNext = True  # the bookmark stays with the heading after it

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        return 0.0, 0.0

    def draw(self) -> None:
        canvas: Any = self.canv
        canvas.bookmarkHorizontal(self.entry.key, 0, 14)
        # Outline titles are PDF text strings: any script shows in the readers' bookmark pane.
        canvas.addOutlineEntry(self.entry.title, self.entry.key, self.entry.level, closed=True)
        self.register.pages[self.entry.key] = canvas.getPageNumber()
