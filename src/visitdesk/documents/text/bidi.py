"""Right-to-left text: the Unicode bidi algorithm's embedding levels, and the visual reordering
of one line.

reportlab does not reorder right-to-left text (see shared/notes/platform-findings.md), and
reordering a whole paragraph before wrapping puts its lines in reverse order. So levels are
resolved once per paragraph, lines are broken in logical order, and each line is reordered on
its own (rule L2). python-bidi 0.6 keeps its pure-Python algorithm in `bidi.algorithm`; its
steps are called directly to read the levels (its public `get_display` only returns the
reordered string). That is why python-bidi is pinned in pyproject.toml.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from typing import Any, Protocol, TypeVar

_RTL_CLASSES = frozenset({"R", "AL", "RLE", "RLO", "RLI"})
# Types the algorithm of python-bidi 0.6 does not know (isolates came with Unicode 6.3): they
# are treated as neutral, which is what an isolate's content does to its surroundings.
_UNKNOWN_TO_NEUTRAL = frozenset({"LRI", "RLI", "FSI", "PDI"})


def needs_bidi(text: str) -> bool:
    """True if any character could make part of the text right-to-left."""
    return any(unicodedata.bidirectional(c) in _RTL_CLASSES for c in text)


def base_level(text: str) -> int:
    """0 if the paragraph reads left to right, 1 if right to left (rules P2, P3)."""
    for char in text:
        kind = unicodedata.bidirectional(char)
        if kind in ("R", "AL"):
            return 1
        if kind == "L":
            return 0
    return 0


def embedding_levels(text: str, base: int | None = None) -> list[int]:
    """The resolved level of every character of one paragraph (even: left to right)."""
    if base is None:
        base = base_level(text)
    if not needs_bidi(text):
        return [base] * len(text)
    from bidi import algorithm

    storage: dict[str, Any] = algorithm.get_empty_storage()
    storage["base_level"] = base
    storage["base_dir"] = "LR"[base]
    algorithm.get_embedding_levels(text, storage)
    chars: list[dict[str, Any]] = storage["chars"]
    for index, char in enumerate(chars):
        char["index"] = index
        if char["type"] in _UNKNOWN_TO_NEUTRAL:
            char["type"] = char["orig"] = "ON"
        elif char["type"] == "B":
            char["type"] = char["orig"] = "WS"  # the caller splits paragraphs; a stray one is space
    algorithm.explicit_embed_and_overrides(storage)
    algorithm.resolve_weak_types(storage, False)
    algorithm.resolve_neutral_types(storage, False)
    algorithm.resolve_implicit_levels(storage, False)
    levels: list[int | None] = [None] * len(text)
    for char in storage["chars"]:
        levels[char["index"]] = char["level"]
    # Characters removed by rule X9 (embedding controls, joiners) take their neighbour's level.
    resolved: list[int] = []
    previous = base
    for level in levels:
        previous = level if level is not None else previous
        resolved.append(previous)
    return resolved


class Leveled(Protocol):
    @property
    def level(self) -> int: ...


T = TypeVar("T", bound=Leveled)


def visual_order(items: Sequence[T]) -> list[T]:
    """Rule L2 over the pieces of one line: reverse every run at or above each odd level."""
    order = list(items)
    if not order:
        return order
    highest = max(item.level for item in order)
    lowest_odd = min((item.level for item in order if item.level % 2), default=None)
    if lowest_odd is None:
        return order
    for level in range(highest, lowest_odd - 1, -1):
        start = None
        for index in range(len(order) + 1):
            inside = index < len(order) and order[index].level >= level
            if inside and start is None:
                start = index
            elif not inside and start is not None:
                order[start:index] = reversed(order[start:index])
                start = None
    return order
