"""User text shown by Qt as typed: never markup, never a keyboard mnemonic.

Labels take `Qt.TextFormat.PlainText`; tab, action and button titles double every `&` (Qt
would otherwise underline the next letter and drop the `&`: "R&D" read "RD"); tooltips, which
Qt reads as HTML whenever they look like it, are escaped into a small rich text of their own.
"""

from __future__ import annotations

import html


def mnemonic_safe(text: str) -> str:
    """A title for a tab, menu entry or button that shows every `&` typed."""
    return text.replace("&", "&&")


def plain_tooltip(text: str | None) -> str | None:
    """A tooltip that shows `text` literally, line breaks kept."""
    if not text:
        return None
    if "<" not in text:
        return text  # Qt reads text as HTML only when it holds a tag
    escaped = html.escape(text).replace("\n", "<br>")
    return f"<p style='white-space:pre-wrap'>{escaped}</p>"
