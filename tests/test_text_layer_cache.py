"""The text layer keeps laid-out lines and measured words for reuse: the same text at another
width, size, weight or leading must still come out as if laid out afresh, and nothing a caller
does to what it gets back may change what the next caller gets."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable

import pytest

from visitdesk.documents import fonts
from visitdesk.documents.text import BOLD, REGULAR, TextStyle, layout, natural_width
from visitdesk.documents.text.draw import _layout
from visitdesk.documents.text.lines import Line
from visitdesk.documents.text.pieces import (
    CACHED_TEXT,
    Word,
    _any_words,
    _is_plain_latin,
    _latin_words,
    words_of,
)

TEXT = "The delegation of the State Intellectual Property Office visited Islamabad in March."
STYLE = TextStyle(size=11)


def fresh(text: str, style: TextStyle, width: float) -> list[Line]:
    """The lines as the text layer makes them with nothing kept from before."""
    width = max(width, style.size)
    return list(_layout.__wrapped__(text, style.size, style.weight, style.line_leading, width))


def summary(lines: list[Line]) -> list[tuple[str, float, float, float, list[str]]]:
    return [(ln.text, ln.width, ln.above, ln.below, [p.font for p in ln.pieces]) for ln in lines]


def test_same_text_at_two_widths_wraps_for_each() -> None:
    wide = layout(TEXT, STYLE, 300)
    narrow = layout(TEXT, STYLE, 120)
    assert len(wide) == 2 and len(narrow) > 3
    assert all(line.width <= 120 for line in narrow)
    assert summary(layout(TEXT, STYLE, 300)) == summary(fresh(TEXT, STYLE, 300))
    assert summary(layout(TEXT, STYLE, 120)) == summary(fresh(TEXT, STYLE, 120))


def test_same_text_in_two_styles_is_measured_in_each() -> None:
    regular = natural_width(TEXT, STYLE)
    bold = natural_width(TEXT, STYLE.but(weight=BOLD))
    bigger = natural_width(TEXT, STYLE.but(size=22))
    assert bold > regular and bigger == pytest.approx(2 * regular)
    assert {p.font for p in layout(TEXT, STYLE.but(weight=BOLD), 400)[0].pieces} == {
        fonts.SERIF_BOLD
    }
    loose = layout(TEXT, STYLE.but(leading=30), 120)
    tight = layout(TEXT, STYLE, 120)
    assert loose[0].height == 30 and tight[0].height == STYLE.line_leading
    # Alignment and colour do not change the lines: those are shared, and drawn as each asks.
    centred = STYLE.but(align="center", color=(1.0, 0.0, 0.0))
    assert summary(layout(TEXT, centred, 120)) == summary(tight)


def test_what_a_caller_gets_back_cannot_change_the_next_layout() -> None:
    lines = layout(TEXT, STYLE, 120)
    count = len(lines)
    lines.clear()
    assert len(layout(TEXT, STYLE, 120)) == count
    words = words_of(TEXT, 11, REGULAR, 0)
    words.pop()
    assert len(words_of(TEXT, 11, REGULAR, 0)) == len(words) + 1
    with pytest.raises(dataclasses.FrozenInstanceError):
        layout(TEXT, STYLE, 120)[-1].last = False  # type: ignore[misc]


def pieces(words: Iterable[Word]) -> list[tuple[object, ...]]:
    return [
        (p.text, p.font, p.size, p.level, p.width, str(p.glyphs), p.space, p.missing)
        for w in words
        for p in w.pieces
    ]


@pytest.mark.parametrize(
    "text",
    [
        TEXT,
        "  two  spaces, (brackets) [and] {braces} & <b>not bold</b> 100% #1 ~x^y`z|\\ ",
        "x" * 80,
        "a",
        " ",
        "“Zoë’s café — naïve…” · ½ € «déjà» Ørsted Łódź Ğ e\u0301",
    ],
)
def test_plain_latin_shortcut_gives_what_the_full_path_gives(text: str) -> None:
    for weight in (REGULAR, BOLD):
        assert _is_plain_latin(text, weight)
        shortcut = _latin_words(text, 10.5, weight.latin)
        assert pieces(shortcut) == pieces(_any_words(text, 10.5, weight, 0))
        assert pieces(words_of(text, 10.5, weight, None)) == pieces(shortcut)


@pytest.mark.parametrize(
    "text",
    [
        "Mr. He Zhimin (何志敏)",
        "Minister خرم",
        "Shalom שלום",  # Hebrew: in the Latin font, but right to left
        "Room ١٢",  # Arabic-Indic digits: left to right, but in the Arabic font
        "no\u00a0break and thin\u2009space",
        "joined\u200dhere\u200e",
        "tab\there",
        "emoji 😀",
        "full－width",
    ],
)
def test_text_that_is_not_plain_latin_takes_the_full_path(text: str) -> None:
    assert not _is_plain_latin(text, REGULAR)
    assert pieces(words_of(text, 10.5, REGULAR, 0)) == pieces(_any_words(text, 10.5, REGULAR, 0))


def test_every_character_of_the_latin_font_takes_the_right_path() -> None:
    # Whatever the shortcut accepts must come out exactly as the full path makes it.
    chars = [chr(c) for c in sorted(fonts.get_font(fonts.SERIF).face.charToGlyph) if c > 32]
    for start in range(0, len(chars), 40):
        text = " ".join(chars[start : start + 40])
        if _is_plain_latin(text, REGULAR):
            assert pieces(_latin_words(text, 10.5, fonts.SERIF)) == pieces(
                _any_words(text, 10.5, REGULAR, 0)
            ), text
        for char in chars[start : start + 40]:
            alone = f"a{char}b {char}"
            assert pieces(words_of(alone, 10.5, REGULAR, 0)) == pieces(
                _any_words(alone, 10.5, REGULAR, 0)
            ), repr(char)


def test_latin_in_a_right_to_left_paragraph_keeps_its_full_treatment() -> None:
    text = "خرم دستگیر خان\nMinister (Commerce)"
    lines = layout(text, STYLE, 400)
    assert [ln.base for ln in lines] == [1, 1]
    assert summary(lines) == summary(fresh(text, STYLE, 400))
    # In a right-to-left paragraph the brackets are mirrored, which the shortcut would not do.
    assert "".join(str(p.glyphs) for p in lines[1].pieces) != lines[1].text


def test_long_text_is_laid_out_whole_without_being_kept() -> None:
    text = " ".join(f"word{i}" for i in range(CACHED_TEXT))
    before = _layout.cache_info().currsize
    lines = layout(text, STYLE, 300)
    assert _layout.cache_info().currsize == before
    assert " ".join(line.text for line in lines) == text
    assert summary(lines) == summary(fresh(text, STYLE, 300))
