"""Fold and cut marks: thin grey lines outside what is read, for the officer's scissors."""

from __future__ import annotations

from typing import Any

from reportlab.lib.units import mm

MARK_GREY = (0.55, 0.55, 0.55)
MARK_WIDTH = 0.3


def cut_marks(
    canvas: Any, xs: list[float], ys: list[float], box: tuple[float, float, float, float]
) -> None:
    """Crop marks at each cut line `xs` (vertical) and `ys` (horizontal), drawn only in the
    margin around `box` (left, bottom, right, top), from 2 mm to 8 mm away from it, so no mark
    ever lands on a badge that is cut a little off the line."""
    left, bottom, right, top = box
    canvas.saveState()
    canvas.setStrokeColorRGB(*MARK_GREY)
    canvas.setLineWidth(MARK_WIDTH)
    near, far = 2 * mm, 8 * mm
    for x in xs:
        canvas.line(x, top + near, x, top + far)
        canvas.line(x, bottom - near, x, bottom - far)
    for y in ys:
        canvas.line(left - near, y, left - far, y)
        canvas.line(right + near, y, right + far, y)
    canvas.restoreState()


def fold_line(canvas: Any, y: float, width: float) -> None:
    """The fold across the sheet: ticks at both edges and a fine dotted line between, which
    ends up along the ridge of the tent."""
    canvas.saveState()
    canvas.setStrokeColorRGB(*MARK_GREY)
    canvas.setLineWidth(MARK_WIDTH)
    tick = 10 * mm
    canvas.line(4 * mm, y, tick, y)
    canvas.line(width - tick, y, width - 4 * mm, y)
    canvas.setDash(1, 3)
    canvas.setStrokeColorRGB(0.78, 0.78, 0.78)
    canvas.line(tick + 3 * mm, y, width - tick - 3 * mm, y)
    canvas.restoreState()
