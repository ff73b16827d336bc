"""The window's own words stay in the system's font once the bundled CJK fonts arrive: those are
fallbacks for names in other scripts, not the font of "New visit…" (Nanum Gothic letters and
Droid's raised ellipsis, "New visit···", were seen at 1366x768)."""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QTextLayout
from PySide6.QtWidgets import QApplication, QPushButton

from visitdesk.ui.main_window import MainWindow

BUNDLED_FALLBACKS = {"Droid Sans Fallback", "NanumGothic", "IPAexGothic"}


def families_drawing(text: str, widget: QPushButton) -> set[str]:
    layout = QTextLayout(text, widget.font())
    layout.beginLayout()
    layout.createLine()
    layout.endLayout()
    return {run.rawFont().familyName() for run in layout.glyphRuns()}


def test_buttons_keep_the_system_font_after_the_cjk_fonts_load(
    qtbot: Any, empty_window: MainWindow
) -> None:
    # The bundled fonts are registered after the first paint; wait for them.
    qtbot.waitUntil(lambda: "Droid Sans Fallback" in QApplication.font().families())
    button = next(
        b
        for b in empty_window.findChildren(QPushButton)
        if b.text().replace("&", "") == "New visit…"
    )
    drawn = families_drawing("New visit…", button)
    assert drawn and not drawn & BUNDLED_FALLBACKS, drawn
    # A name in Chinese still finds its glyphs.
    assert families_drawing("何志敏", button) & BUNDLED_FALLBACKS
