"""What an optional field holds, as the records keep it: None when left empty.

The records store an empty optional field as nothing (not ""), without surrounding spaces.
A dialog that hands over its fields the same way compares equal to what it loaded, so the
two versions of a conflict differ only where an officer really changed something.
"""

from __future__ import annotations


def optional(text: str) -> str | None:
    return text.strip() or None
