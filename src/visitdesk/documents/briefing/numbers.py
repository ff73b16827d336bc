"""Numbers known only at the end: the number of pages, and the page of each contents entry.

The pack is laid out once. Where such a number is printed, the page shows a PDF form XObject by
name (`show_number`); the forms are defined when the document is saved (`define_number`), once
every page is known. One layout pass instead of two halves the build time, and the numbers
still extract as text.
"""

from __future__ import annotations

from typing import Any

_BOX = (-200, -20, 200, 40)  # the form's bounding box around its origin: a number may run left


def show_number(canvas: Any, name: str, x: float, y: float) -> None:
    """Show the number `name` with its origin at (x, y) (its baseline's left or right end)."""
    canvas.saveState()
    canvas.translate(x, y)
    canvas.doForm(name)
    canvas.restoreState()


def define_number(
    canvas: Any,
    name: str,
    text: str,
    font: str,
    size: float,
    colour: tuple[float, float, float],
    *,
    right: bool,
) -> None:
    """The form `name`: `text` ending (right) or starting at the origin, on its baseline."""
    canvas.beginForm(name, *_BOX)
    canvas.setFont(font, size)
    canvas.setFillColorRGB(*colour)
    if right:
        canvas.drawRightString(0, 0, text)
    else:
        canvas.drawString(0, 0, text)
    canvas.endForm()
