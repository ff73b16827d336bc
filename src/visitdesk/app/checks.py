"""Checks that need no store (a photo's or a logo's bytes): their refusals as sentences."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from visitdesk.app.translate import refusal

T = TypeVar("T")


def checked(call: Callable[[], T]) -> T:
    """`call()`, with a lower layer's refusal turned into the app layer's RefusedError."""
    try:
        return call()
    except Exception as exc:
        refused = refusal(exc)
        if refused is None or refused is exc:
            raise
        raise refused from exc
