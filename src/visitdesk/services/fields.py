"""How a field typed by an officer is stored."""

from __future__ import annotations


def blank_as_none(text: str | None) -> str | None:
    """The text without surrounding spaces; None when nothing is left.

    An optional field left empty (or holding only spaces) is stored as NULL, never as "", so
    documents and lists test one thing for "not given".
    """
    text = (text or "").strip()
    return text or None
