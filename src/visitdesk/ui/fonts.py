"""Give Qt the fonts VisitDesk ships, so names in every script show in the window.

An office PC (or a fresh Linux) may have no Chinese or Japanese font: without these, 何志敏
shows as empty boxes in the tables although the PDFs print it. Qt uses application fonts as
fallbacks for characters the default font lacks. Done after the first paint: reading the 4 MB
CJK font must not delay the window.
"""

from __future__ import annotations

from functools import cache

from PySide6.QtGui import QFontDatabase

from visitdesk.resources import resource_path

FALLBACK_FONTS = ("DroidSansFallbackFull.ttf", "NotoNaskhArabic-Regular.ttf")


@cache
def register_bundled_fonts() -> list[str]:
    """Register the fallback fonts once; return the families Qt now knows from them."""
    families: list[str] = []
    for name in FALLBACK_FONTS:
        try:
            path = resource_path("fonts", name)
        except FileNotFoundError:
            continue  # a damaged install still opens; the PDFs will report the missing font
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id >= 0:
            families += QFontDatabase.applicationFontFamilies(font_id)
    return families
