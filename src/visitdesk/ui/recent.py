"""What File > Recent lists: the files imported and exported lately, and the visits opened.

Kept in QSettings (most recent first, at most `LIMIT` of each), so they survive a restart.
Only Qt here: the menu is built with the window, before SQLAlchemy loads.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, NamedTuple

from PySide6.QtCore import QSettings

LIMIT = 8
FILES_KEY = "recent/files"
VISITS_KEY = "recent/visits"


class RecentVisit(NamedTuple):
    ref: str
    title: str


def strings(value: Any) -> list[str]:
    """A list read back from QSettings (the INI format gives a single item back as a str)."""
    if value is None:
        return []
    if isinstance(value, str):
        return [value] if value else []
    return [str(v) for v in value]


def files() -> list[str]:
    return strings(QSettings().value(FILES_KEY))


def add_file(path: str | Path) -> None:
    text = str(Path(path).resolve())
    kept = [text, *(f for f in files() if f != text)]
    QSettings().setValue(FILES_KEY, kept[:LIMIT])


def forget_file(path: str) -> None:
    QSettings().setValue(FILES_KEY, [f for f in files() if f != path])


def visits() -> list[RecentVisit]:
    items = strings(QSettings().value(VISITS_KEY))
    found = []
    for item in items:
        ref, _sep, title = item.partition("\t")
        if ref:
            found.append(RecentVisit(ref, title or ref))
    return found


def add_visit(ref: str, title: str) -> None:
    kept = [f"{ref}\t{title}", *(f"{v.ref}\t{v.title}" for v in visits() if v.ref != ref)]
    QSettings().setValue(VISITS_KEY, kept[:LIMIT])


def forget_visit(ref: str) -> None:
    QSettings().setValue(VISITS_KEY, [f"{v.ref}\t{v.title}" for v in visits() if v.ref != ref])
