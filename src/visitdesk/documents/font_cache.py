"""The bundled fonts' parsed tables kept on disk, so a new process does not parse them again.

reportlab reads a TrueType file into a `TTFontFace`: its character map, widths, glyph offsets
and names. For the Latin serif that is ~30 ms a weight; for the Japanese, Chinese and Korean
fonts (4–6 MB) 0.2–0.4 s each, at the start of every process that prints a name in them.
What it parses depends only on the file and on reportlab's parser, so it is kept in the user's
cache folder under a name made of the file's identity (path, size, modification time), the
reportlab and Python versions and this format's number: a font file replaced, or another
reportlab, never reads a stale entry. The font file itself is still read whole (reportlab
embeds subsets of it), and everything else of the font is made as reportlab makes it.

Anything that goes wrong with the cache (no folder, a damaged entry, a full disk) only costs the
parse: the font is then read the ordinary way. `VISITDESK_FONT_CACHE` names another folder, or
`off` to parse every time.
"""

from __future__ import annotations

import contextlib
import hashlib
import marshal
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from reportlab.pdfbase.ttfonts import TTFont, TTFontFace

CACHE_ENV = "VISITDESK_FONT_CACHE"
FORMAT = 1
_NAME_BYTES = "__ttf_name_bytes__"  # reportlab's TTFNameBytes: bytes that remember their text
# Made again on loading: the file's bytes, its name, and the scale reportlab makes as a lambda.
_NOT_KEPT = frozenset({"_ttf_data", "filename", "_pdfScale"})


def cache_folder() -> Path | None:
    named = os.environ.get(CACHE_ENV)
    if named == "off":
        return None
    if named:
        return Path(named)
    # Where platformdirs' user_cache_dir("VisitDesk") puts it (importing it costs more than
    # reading a cached font does).
    if sys.platform == "win32":
        local = os.environ.get("LOCALAPPDATA")
        return Path(local) / "VisitDesk" / "Cache" / "fonts" if local else None
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Caches" / "VisitDesk" / "fonts"
    base = os.environ.get("XDG_CACHE_HOME", "").strip() or str(Path.home() / ".cache")
    return Path(base) / "VisitDesk" / "fonts"


def _entry(path: Path, folder: Path) -> Path:
    import reportlab

    found = path.stat()
    identity = "\n".join(
        (
            str(path.resolve()),
            str(found.st_size),
            str(found.st_mtime_ns),
            str(reportlab.Version),
            sys.version.split()[0],
            str(FORMAT),
        )
    )
    digest = hashlib.sha256(identity.encode("utf-8")).hexdigest()[:24]
    return folder / f"{path.stem}-{digest}.marshal"


def _kept(face: TTFontFace) -> dict[str, Any]:
    from reportlab.pdfbase.ttfonts import TTFNameBytes

    state: dict[str, Any] = {}
    for key, value in vars(face).items():
        if key in _NOT_KEPT:
            continue
        state[key] = (_NAME_BYTES, value.ustr) if isinstance(value, TTFNameBytes) else value
    return state


def _face(path: Path, state: dict[str, Any], data: bytes) -> TTFontFace:
    from reportlab.pdfbase.ttfonts import TTFNameBytes, TTFontFace

    face: TTFontFace = TTFontFace.__new__(TTFontFace)
    for key, value in state.items():
        if isinstance(value, tuple) and len(value) == 2 and value[0] == _NAME_BYTES:
            value = TTFNameBytes(value[1].encode("utf-8"))
        setattr(face, key, value)
    face.filename = str(path)
    face._ttf_data = data
    # As TTFontFile.extractInfo makes it (the same arithmetic: the same widths to the bit).
    units = state["unitsPerEm"]
    if units == 1000:
        face._pdfScale = lambda x: x
    else:
        per_1000 = 1000 / units
        face._pdfScale = lambda x: x * per_1000
    return face


def _font(name: str, face: TTFontFace) -> TTFont:
    """A TTFont around a face already parsed, as `TTFont.__init__` makes one around the one it
    parses (a test holds the two to the same attributes and the same PDF)."""
    from fnmatch import fnmatch
    from weakref import WeakKeyDictionary

    from reportlab import rl_config
    from reportlab.pdfbase.ttfonts import TTEncoding, TTFont, unShapedFontGlob

    font: TTFont = TTFont.__new__(TTFont)
    font.fontName = name
    font.face = face
    font.encoding = TTEncoding()
    font.state = WeakKeyDictionary()
    font._asciiReadable = rl_config.ttfAsciiReadable
    font.shapable = not any(fnmatch(name, glob) for glob in unShapedFontGlob)
    return font


def load_font(name: str, path: Path) -> TTFont:
    """The reportlab font `name` of the file at `path`, from the cache when it holds it."""
    from reportlab.pdfbase.ttfonts import TTFont

    try:
        folder = cache_folder()
    except (OSError, RuntimeError):  # no home folder to keep a cache in
        folder = None
    entry = None
    if folder is not None:
        try:
            entry = _entry(path, folder)
            state = marshal.loads(entry.read_bytes())
            return _font(name, _face(path, state, path.read_bytes()))
        except (OSError, EOFError, ValueError, TypeError, KeyError):
            pass  # not cached yet, or unreadable: parse it
    font = TTFont(name, str(path))
    if entry is not None:
        _store(entry, font.face)
    return font


def _store(entry: Path, face: TTFontFace) -> None:
    try:
        data = marshal.dumps(_kept(face))
    except ValueError:
        return  # a value marshal cannot hold (another reportlab): parse every time
    part = entry.with_name(f".{entry.name}.{os.getpid()}.part")
    try:
        entry.parent.mkdir(parents=True, exist_ok=True)
        part.write_bytes(data)
        part.replace(entry)  # whole or not at all, whoever else writes it at the same time
    except OSError:
        with contextlib.suppress(OSError):
            part.unlink()
