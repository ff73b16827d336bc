"""The parsed fonts kept on disk give the fonts reportlab parses: the same metrics, the same
PDF to the byte; a replaced font file or a damaged entry is never read as the old font."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from visitdesk.documents import fonts
from visitdesk.documents.font_cache import CACHE_ENV, load_font
from visitdesk.resources import resource_path

# A release in Latin, Japanese, Chinese, Korean, Arabic and Urdu (every font the text layer has).
DRAW = """
import sys
from reportlab import rl_config
rl_config.invariant = 1  # no creation date, no random document id: the bytes can be compared
from visitdesk.documents.press_release_pdf import press_release_pdf
from visitdesk.documents.release_content import ReleaseContent

content = ReleaseContent(
    office_name="Intellectual Property Organization of Pakistan",
    number_label="PR No.7",
    dateline="Islamabad: May 6, 2024",
    headline="“特許庁 and 国家知识产权局 signed with 특허청” 🙂",
    lead_quote="التعاون بين المكتبين مهم",
    attribution="Dr. 佐藤 健",
    paragraphs=["وزارت تجارت کے وفد نے دورہ کیا۔", "Mr. Kim Min-ji (김민지) met Ms. 王芳."],
    lang=sys.argv[2] or None,
)
with open(sys.argv[1], "wb") as out:
    out.write(press_release_pdf(content))
"""


def _draw(out: Path, cache: str, lang: str = "") -> bytes:
    env = dict(os.environ, **{CACHE_ENV: cache})
    subprocess.run([sys.executable, "-c", DRAW, str(out), lang], env=env, check=True)
    return out.read_bytes()


@pytest.mark.parametrize("lang", ["ja", "ur"])
def test_a_pdf_drawn_with_cached_fonts_is_the_same_to_the_byte(tmp_path: Path, lang: str) -> None:
    cache = tmp_path / "cache"
    parsed = _draw(tmp_path / "parsed.pdf", "off", lang)
    filling = _draw(tmp_path / "filling.pdf", str(cache), lang)
    cached = _draw(tmp_path / "cached.pdf", str(cache), lang)
    # Every font was kept (the serif's weights, CJK, Naskh, Nastaliq, emoji) and read back.
    assert len(list(cache.glob("*.marshal"))) >= 6
    assert parsed == filling == cached


def _no_parsing(*_args: object, **_kwargs: object) -> None:
    raise AssertionError("the font was parsed again")


@pytest.mark.parametrize("name", [fonts.SERIF_BOLD, fonts.CJK_JA, fonts.URDU, fonts.EMOJI])
def test_a_cached_font_has_what_the_parsed_one_has(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, name: str
) -> None:
    from reportlab.pdfbase.ttfonts import TTFont, TTFontFace

    monkeypatch.setenv(CACHE_ENV, str(tmp_path))
    path = resource_path("fonts", fonts.font_file(name))
    load_font(name, path)  # parses, and keeps it
    with monkeypatch.context() as patched:
        patched.setattr(TTFontFace, "__init__", _no_parsing)
        cached = load_font(name, path)  # read back: nothing parsed
    parsed = TTFont(name, str(path))
    assert set(vars(cached)) == set(vars(parsed))
    assert cached.fontName == parsed.fontName and cached.shapable == parsed.shapable
    assert cached._asciiReadable == parsed._asciiReadable
    mine, theirs = vars(cached.face), vars(parsed.face)
    assert set(mine) == set(theirs)
    for key, value in theirs.items():
        if key == "_pdfScale":
            assert [mine[key](v) for v in (1, 7, 2048, 333)] == [
                value(v) for v in (1, 7, 2048, 333)
            ]
        else:
            assert mine[key] == value, key
            assert type(mine[key]) is type(value), key
    assert cached.stringWidth("Zhimin 佐藤 محمد", 11) == parsed.stringWidth("Zhimin 佐藤 محمد", 11)


def test_a_replaced_font_file_is_read_again(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv(CACHE_ENV, str(tmp_path / "cache"))
    font = tmp_path / "Office.ttf"
    shutil.copy(resource_path("fonts", fonts.font_file(fonts.SERIF)), font)
    assert load_font("X", font).face.charWidths == load_font("X", font).face.charWidths
    latin = load_font("X", font).face
    shutil.copy(resource_path("fonts", fonts.font_file(fonts.ARABIC)), font)
    replaced = load_font("X", font).face
    assert ord("م") in replaced.charToGlyph and ord("م") not in latin.charToGlyph
    assert replaced.charWidths != latin.charWidths


def test_a_damaged_entry_costs_only_the_parse(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    cache = tmp_path / "cache"
    monkeypatch.setenv(CACHE_ENV, str(cache))
    path = resource_path("fonts", fonts.font_file(fonts.ARABIC))
    expected = load_font("A", path).face.charWidths
    (entry,) = cache.glob("*.marshal")
    entry.write_bytes(entry.read_bytes()[:100])
    assert load_font("A", path).face.charWidths == expected
    entry.write_bytes(b"")
    assert load_font("A", path).face.charWidths == expected
    assert load_font("A", path).face.charWidths == expected  # kept again, whole
