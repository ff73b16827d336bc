"""Photos and logos scaled down before they go into the PDF.

A delegate's photo straight from a camera can be several megabytes; printed 2.5 cm wide it needs
about 300 pixels. Scaling to JPEG keeps a pack of thirty delegates a few hundred kilobytes.
"""

from __future__ import annotations

import hashlib
import io
from typing import Any

MAX_PIXELS = 320  # the longer side, enough for 2.8 cm at about 290 dpi
# A JPEG is decoded at 1/2, 1/4 or 1/8 of its size, the smallest that is at least this big: a
# phone's 1200×1500 photo comes out at 300×375, four times fewer pixels to decode than at 1/2,
# and still about 250 dpi where the pack prints it 2.6 cm wide.
DRAFT_PIXELS = 240
QUALITY = 82
# Scaled pictures kept for the life of the process: the window builds pack after pack of the
# same visit, and the same photos would be decoded and scaled again each time.
_KEPT: dict[str, bytes | None] = {}
_KEPT_LIMIT = 256


class Photos:
    """Scaled copies of every picture of one build, made once and shared by both passes."""

    def __init__(self) -> None:
        self._scaled: dict[str, bytes | None] = {}

    def scaled(self, data: bytes | None, *, keep_transparency: bool = False) -> bytes | None:
        """A small JPEG, or None if unreadable; a logo may keep its transparency (as PNG)."""
        if not data:
            return None
        key = hashlib.sha1(data).hexdigest() + str(keep_transparency)  # a cache key only
        if key not in self._scaled:
            if key not in _KEPT:
                if len(_KEPT) >= _KEPT_LIMIT:
                    _KEPT.clear()
                _KEPT[key] = _scale(data, keep_transparency)
            self._scaled[key] = _KEPT[key]
        return self._scaled[key]

    def reader(self, data: bytes | None) -> Any | None:
        """A reportlab ImageReader of the scaled picture."""
        small = self.scaled(data)
        if small is None:
            return None
        from reportlab.lib.utils import ImageReader

        return ImageReader(io.BytesIO(small))


def _scale(data: bytes, keep_transparency: bool) -> bytes | None:
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(io.BytesIO(data)) as image:
            # A JPEG can be decoded straight at a fraction of its size: much faster.
            image.draft("RGB", (DRAFT_PIXELS, DRAFT_PIXELS))
            image.load()
            image.thumbnail((MAX_PIXELS, MAX_PIXELS))
            out = io.BytesIO()
            transparent = image.mode in ("RGBA", "LA") or (
                image.mode == "P" and "transparency" in image.info
            )
            if transparent and keep_transparency:
                image.convert("RGBA").save(out, "PNG", optimize=True)
                return out.getvalue()
            flat = image.convert("RGB")
            if transparent:  # a photo with a transparent background: put it on white
                rgba = image.convert("RGBA")
                flat = Image.new("RGB", image.size, (255, 255, 255))
                flat.paste(rgba, mask=rgba.getchannel("A"))
            flat.save(out, "JPEG", quality=QUALITY, optimize=True)
            return out.getvalue()
    except (UnidentifiedImageError, OSError, ValueError, Image.DecompressionBombError):
        # A damaged photo must not stop a pack from printing: the person is listed without it.
        return None
