"""Which language a piece of text is written in, as far as its glyphs depend on it.

The same Unicode character is drawn differently for different readers: the Han character 鈴
has a Japanese and a Chinese form, and an Arabic-script name reads as Urdu in Nastaliq or as
Arabic in Naskh. The text often says which (kana only occur in Japanese, Hangul only in Korean,
ٹ ڈ ڑ ں ے only in Urdu); when it does not (a name in Han characters alone), the country of the
person or organisation it belongs to decides. Pure functions: no Qt, no reportlab.
"""

from __future__ import annotations

from typing import Literal

# A language hint: what a caller knows of the text's language (from a country, or a field).
Lang = str
HanLang = Literal["zh", "ja", "ko"]
ArabicLang = Literal["ur", "ar"]

# Countries whose people write their names in Han characters, kana or Hangul, and Pakistan,
# where Arabic-script text is Urdu. Every other country gives no hint: the text decides.
_COUNTRY_LANGS: dict[str, Lang] = {
    "JP": "ja",
    "KR": "ko",
    "KP": "ko",
    "CN": "zh",
    "TW": "zh",
    "HK": "zh",
    "MO": "zh",
    "SG": "zh",
    "PK": "ur",
}

# Letters used in Urdu and not in Arabic: ٹ ڈ ڑ ں ے ھ ۓ (and the Urdu heh forms ہ ۂ).
URDU_LETTERS = frozenset("ٹڈڑںےھۓہۂ")


def language_hint(country: str | None) -> Lang | None:
    """The language hint for names of a person or organisation of `country` (ISO 3166 alpha-2):
    JP → ja, KR/KP → ko, CN/TW/HK/MO/SG → zh, PK → ur, anything else → None."""
    if not country:
        return None
    return _COUNTRY_LANGS.get(country.strip().upper())


def is_kana(char: str) -> bool:
    code = ord(char)
    return 0x3041 <= code <= 0x30FF or 0x31F0 <= code <= 0x31FF or 0xFF66 <= code <= 0xFF9D


def is_hangul(char: str) -> bool:
    code = ord(char)
    return (
        0xAC00 <= code <= 0xD7AF  # syllables
        or 0x1100 <= code <= 0x11FF  # jamo
        or 0x3130 <= code <= 0x318F  # compatibility jamo
        or 0xA960 <= code <= 0xA97F
        or 0xD7B0 <= code <= 0xD7FF
        or 0xFFA0 <= code <= 0xFFDC  # half-width jamo
    )


def han_language(text: str, hint: Lang | None = None) -> HanLang:
    """The language whose forms the Han characters of `text` take: Japanese if the text holds
    kana, Korean if it holds Hangul, else the hint (ja, ko, zh), else Chinese."""
    for char in text:
        if is_kana(char):
            return "ja"
        if is_hangul(char):
            return "ko"
    if hint == "ja":
        return "ja"
    if hint == "ko":
        return "ko"
    return "zh"


def arabic_language(text: str, hint: Lang | None = None) -> ArabicLang:
    """Urdu if the text holds a letter only Urdu uses, or the hint says Urdu; else Arabic.

    Decided for the whole text, not word by word: most Urdu words (خان, وزیر) use only letters
    Arabic shares, and one sentence must not mix two styles of writing.
    """
    if hint == "ur" or any(char in URDU_LETTERS for char in text):
        return "ur"
    return "ar"
