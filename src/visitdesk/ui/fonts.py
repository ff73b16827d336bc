"""Give Qt the fonts VisitDesk ships, so names in every script show in the window.

An office PC (or a fresh Linux) may have no Chinese, Japanese or Korean font: without these,
何志敏 or 김영희 show as empty boxes in the tables although the PDFs print them. Qt uses
application fonts as fallbacks for characters the default font lacks. Done after the first
paint: reading the CJK fonts (4–6 MB each) must not delay the window.

Han characters take the forms of their language (鈴 differs in Japanese and Chinese): a widget
showing a name whose language is known asks `font_for(font, text, lang)` for a font that puts
the right family first. Urdu stays in Naskh here: Qt 6.12 draws Nastaliq wrongly (see
shared/notes/platform-findings.md); the PDFs set it in Nastaliq.
"""

from __future__ import annotations

from functools import cache

from PySide6.QtGui import QFont, QFontDatabase, QFontInfo, QGuiApplication

from visitdesk.app.text import han_language, is_hangul, is_kana
from visitdesk.resources import resource_path

FALLBACK_FONTS = (
    "DroidSansFallbackFull.ttf",
    "NotoNaskhArabic-Regular.ttf",
    "NanumGothic.ttf",
    "IPAexGothic.ttf",
)
_FAMILIES = {"zh": "Droid Sans Fallback", "ja": "IPAexGothic", "ko": "NanumGothic"}


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
    # Left to itself, Qt's fallback draws every Han character with Nanum Gothic or IPAex Gothic
    # (Korean or Japanese forms), Chinese names included. Naming the fallbacks in the
    # application font keeps Chinese forms for a name of unknown language, as the PDFs do;
    # Hangul, which Droid lacks, goes on to Nanum.
    if QGuiApplication.instance() is not None:
        font = QGuiApplication.font()
        font.setFamilies([_real_family(font), _FAMILIES["zh"], _FAMILIES["ko"]])
        QGuiApplication.setFont(font)
    return families


def _real_family(font: QFont) -> str:
    """The family the system gives `font` (DejaVu Sans, Segoe UI), not an alias such as
    `Sans Serif`: in a list of families an alias is not resolved, and Qt would draw every
    letter of the window with the first bundled fallback that has it."""
    return QFontInfo(font).family()


def cjk_family(text: str, lang: str | None = None) -> str | None:
    """The bundled family that draws the CJK characters of `text` as its readers expect
    (kana → Japanese, Hangul → Korean, else the hint, else Chinese); None without any."""
    if not any(is_kana(c) or is_hangul(c) or "\u2e80" <= c <= "\u9fff" for c in text):
        return None
    return _FAMILIES[han_language(text, lang)]


def font_for(font: QFont, text: str, lang: str | None = None) -> QFont:
    """`font` with the family for `text`'s CJK characters put first (its Latin letters too)."""
    family = cjk_family(text, lang)
    if family is None:
        return font
    register_bundled_fonts()
    chosen = QFont(font)
    # The CJK family first: Qt keeps one fallback chain per first family and size, so a
    # shared first family would give a Japanese name the Chinese forms found before it.
    chosen.setFamilies([family, _real_family(font)])
    return chosen
