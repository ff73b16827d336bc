"""Reads for the first moment of a start, before SQLAlchemy is imported (see DEVELOPERS.md,
"Speed at first contact"): only on a current SQLite file, else None and the ordinary way."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from visitdesk.services.search_rows import VisitRow

if TYPE_CHECKING:
    from visitdesk.domain.visit import Visit

__all__ = ["VisitRow", "first_visit_rows", "quick_summary", "quick_visit_list"]

T = TypeVar("T")


def first_visit_rows(
    database_url: str | None, data_dir: str | Path | None
) -> list[VisitRow] | None:
    """The visits list as the window first paints it (without the delegates' names it is
    searched by: those come with the store), or None when the ordinary way must open it."""
    from visitdesk.services.fast_reads import visit_rows

    return _on_current_file(
        database_url, data_dir, lambda connection: visit_rows(connection, delegations=False)
    )


def quick_visit_list(database_url: str | None, data_dir: str | Path | None) -> list[Any] | None:
    """`visitdesk visits`'s rows (ref, dates, status, title), or None for the ordinary way."""
    from visitdesk.services.fast_reads import visit_register

    return _on_current_file(database_url, data_dir, visit_register)


def quick_summary(database_url: str | None, data_dir: str | Path | None, ref: str) -> str | None:
    """`visitdesk show REF`'s text, or None for the ordinary way (an unknown reference too:
    the ordinary way names the visits that come close)."""
    from typing import cast

    from visitdesk.services.fast_visit import load_plain_visit
    from visitdesk.services.pack_status import plain_pack_status
    from visitdesk.services.summary import visit_summary

    def read(connection: sqlite3.Connection) -> str | None:
        visit = load_plain_visit(connection, ref)
        if visit is None:
            return None
        # The plain record has every attribute the summary reads (a test compares the output).
        return visit_summary(cast("Visit", visit), plain_pack_status(connection, visit.id))

    return _on_current_file(database_url, data_dir, read)


def _on_current_file(
    database_url: str | None, data_dir: str | Path | None, read: Callable[[sqlite3.Connection], T]
) -> T | None:
    from visitdesk.store.quick import current_file, read_connection

    path = current_file(database_url, data_dir)
    if path is None:
        return None
    try:
        connection = read_connection(path)
    except sqlite3.Error:
        return None
    try:
        return read(connection)
    except (sqlite3.Error, ValueError):
        # Busy past the timeout, damaged, or a value this version does not know: nothing has
        # been printed yet, and the ordinary way explains.
        return None
    finally:
        connection.close()
