"""Names in Chinese, Japanese and Urdu show in the window even where the PC has no such font."""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QColor, QFontDatabase
from PySide6.QtWidgets import QLabel

from visitdesk.ui.main_window import MainWindow


def ink(label: QLabel) -> int:
    """How many pixels of the rendered label are dark."""
    image = label.grab().toImage()
    return sum(
        1
        for x in range(image.width())
        for y in range(image.height())
        if QColor(image.pixel(x, y)).lightness() < 128
    )


def test_the_bundled_fallback_fonts_are_known_to_qt_once_the_records_open(
    qtbot: Any, window: MainWindow
) -> None:
    families = QFontDatabase.families()
    assert "Droid Sans Fallback" in families
    assert "Noto Naskh Arabic" in families


def test_a_chinese_name_draws_glyphs_not_the_same_empty_box_for_every_character(
    qtbot: Any, window: MainWindow
) -> None:
    # Two different characters must draw differently; missing glyphs all draw the same box.
    first, second = QLabel("何"), QLabel("鈴")
    for label in (first, second):
        qtbot.addWidget(label)
        label.setStyleSheet("font-size: 40px; background: white; color: black")
        label.resize(60, 60)
    assert first.grab().toImage() != second.grab().toImage()
    assert ink(first) > 20


def test_a_korean_name_shows_and_a_japanese_name_takes_japanese_forms(
    qtbot: Any, window: MainWindow
) -> None:
    from visitdesk.ui.fonts import cjk_family, font_for

    assert "NanumGothic" in QFontDatabase.families()
    assert cjk_family("鈴木", "ja") == "IPAexGothic" and cjk_family("鈴木") == "Droid Sans Fallback"
    assert cjk_family("김영희") == "NanumGothic" and cjk_family("Smith", "ja") is None
    labels = {}
    cases = (("ja", "令", "ja"), ("zh", "令", "zh"), ("ko", "한", None), ("ko2", "글", None))
    for key, text, lang in cases:
        label = QLabel(text)
        qtbot.addWidget(label)
        label.setStyleSheet("font-size: 40px; background: white; color: black")
        label.setFont(font_for(label.font(), text, lang))
        label.resize(60, 60)
        labels[key] = label
    # 令 is drawn in two forms (the Japanese one ends in a vertical stroke); two Hangul
    # syllables draw differently (missing glyphs would all draw the same box).
    assert labels["ja"].grab().toImage() != labels["zh"].grab().toImage()
    # With no language known, a Han character keeps its Chinese form, as in the PDFs.
    plain = QLabel("令")
    qtbot.addWidget(plain)
    plain.setStyleSheet("font-size: 40px; background: white; color: black")
    plain.resize(60, 60)
    assert plain.grab().toImage() == labels["zh"].grab().toImage()
    assert labels["ko"].grab().toImage() != labels["ko2"].grab().toImage()
    assert ink(labels["ko"]) > 20
