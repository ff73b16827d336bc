"""Which encoding a CSV file is in: offices send cp932 from Japanese Excel, UTF-16 'Unicode
text' with tabs, UTF-8 with or without a BOM, and the Windows code pages of Europe."""

from __future__ import annotations

import codecs
from dataclasses import dataclass

from visitdesk.services.errors import ServiceError

# Above this share of odd characters charset-normalizer's best guess is a guess: refuse it.
_MAX_CHAOS = 0.15

_NAMES = {
    "cp932": "Japanese (Shift JIS, cp932)",
    "cp949": "Korean (cp949)",
    "gb18030": "Chinese (GB18030)",
    "big5": "Chinese (Big5)",
    "cp1252": "Western European (Windows-1252)",
    "cp1250": "Central European (Windows-1250)",
    "cp1251": "Cyrillic (Windows-1251)",
    "cp1256": "Arabic (Windows-1256)",
}
# What office PCs write, most common first: a near tie between encodings goes to the first.
_OFFICE = ["cp1252", "cp932", "gb18030", "cp949", "big5", "cp1256", "cp1250", "cp1251"]
_TIE = 0.02


@dataclass(frozen=True, slots=True)
class Decoded:
    text: str
    encoding: str  # as an officer reads it, e.g. "Japanese (Shift JIS, cp932)"


def decode_text(data: bytes, file_name: str) -> Decoded:
    for bom, codec, name in (
        (codecs.BOM_UTF8, "utf-8-sig", "UTF-8 with BOM"),
        (codecs.BOM_UTF16_LE, "utf-16", "UTF-16 (Excel 'Unicode text')"),
        (codecs.BOM_UTF16_BE, "utf-16", "UTF-16 (Excel 'Unicode text')"),
    ):
        if data.startswith(bom):
            try:
                return Decoded(data.decode(codec), name)
            except UnicodeDecodeError:
                break
    try:
        return Decoded(data.decode("utf-8"), "UTF-8")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    matches = [m for m in from_bytes(data) if m.chaos <= _MAX_CHAOS]
    if not matches:
        raise ServiceError(
            f"VisitDesk cannot tell which encoding {file_name} is in, so its names would come "
            "out garbled. Open it in Excel and save it as 'CSV UTF-8 (Comma delimited)', then "
            "import that file."
        )
    # A short list reads almost as well in several encodings (two Japanese names are also
    # valid Korean bytes): among the nearly best, take the one offices use most.
    floor = min(m.chaos for m in matches)
    near = [m for m in matches if m.chaos <= floor + _TIE]
    best = min(near, key=lambda m: _rank(m.could_be_from_charset))
    chosen = _preferred(best.could_be_from_charset) or best.encoding
    return Decoded(data.decode(chosen), _NAMES.get(chosen, chosen.replace("_", "-").upper()))


def _rank(codecs_: list[str]) -> int:
    return min((_OFFICE.index(c) for c in codecs_ if c in _OFFICE), default=len(_OFFICE))


def _preferred(codecs_: list[str]) -> str | None:
    known = [c for c in codecs_ if c in _OFFICE]
    return min(known, key=_OFFICE.index) if known else None
