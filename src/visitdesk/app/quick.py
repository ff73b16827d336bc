"""Reads for the first moment of a start, before SQLAlchemy is imported (see DEVELOPERS.md,
"Speed at first contact"): only on a current SQLite file, else None and the ordinary way."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar, cast

from visitdesk.services.search_rows import VisitRow

if TYPE_CHECKING:
    from datetime import date

    from visitdesk.app.documents import PrintedRelease, ReleaseKind
    from visitdesk.domain.office import Office
    from visitdesk.domain.visit import Visit

__all__ = [
    "VisitRow",
    "first_visit_rows",
    "quick_press_release",
    "quick_summary",
    "quick_visit_list",
]

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


class _NeedsStoreError(Exception):
    """The release would take or check a number of the register: the ordinary way does it."""


class _Unnumbered:
    """The register, as far as a release that keeps its number needs it: not at all."""

    def next_free(self, year: int) -> int:
        raise _NeedsStoreError

    def check(self, number: int, year: int, release: object, given: bool) -> None:
        raise _NeedsStoreError

    def add(self, visit: object, number: int, day: date) -> Any:
        raise _NeedsStoreError


def quick_press_release(
    database_url: str | None,
    data_dir: str | Path | None,
    ref: str,
    path: Path,
    kind: ReleaseKind | None = None,
    *,
    number: int | None = None,
    on: date | None = None,
    city: str | None = None,
    redraft: bool = False,
) -> PrintedRelease | None:
    """`visitdesk press-release REF -o FILE` for a release that is already in the register and
    that drafting leaves as it is stored (a reprint, or a draft whose visit has not changed):
    the same rules (`record.bring_up_to_date`), drafting and page as `desk.documents.
    press_release`, over plain records. None when anything would be stored (a new release, a
    number to take or check, a text drafted differently), when the records cannot be changed
    (the ordinary way refuses a release there) or the file cannot be written: the ordinary
    way then does all of it in its transaction, with its sentences.
    """
    from visitdesk.store.filesystem import can_write

    def read(connection: sqlite3.Connection) -> PrintedRelease | None:
        from visitdesk.app.documents import PrintedRelease, kind_of, render_release
        from visitdesk.app.errors import RefusedError
        from visitdesk.app.press import shown_under
        from visitdesk.app.saving import check_target, write
        from visitdesk.services.errors import ServiceError
        from visitdesk.services.fast_visit import load_plain_office, load_plain_visit
        from visitdesk.services.press_release.record import bring_up_to_date

        connection.execute("BEGIN")  # one snapshot of the records, as a transaction sees them
        visit = load_plain_visit(connection, ref)
        office = load_plain_office(connection)
        connection.rollback()
        if visit is None or not visit.press_releases:
            return None
        before = [dict(vars(r)) for r in visit.press_releases]
        try:
            prepared = bring_up_to_date(
                cast("Visit", visit),
                cast("Office | None", office),
                _Unnumbered(),
                number=number,
                on=on,
                city=city,
                redraft=redraft,
            )
        except (_NeedsStoreError, ServiceError):
            return None
        if [dict(vars(r)) for r in visit.press_releases] != before:
            return None  # drafting changed the record: the ordinary way stores the change
        shown = shown_under(cast("Office | None", office), cast("Visit", visit), prepared)
        try:
            check_target(path)
            data = render_release(shown.content(), kind_of(path, kind))
            write(path, data)
        except RefusedError:
            return None
        return PrintedRelease(shown, data)

    return _on_current_file(database_url, data_dir, read, can_write)


def _on_current_file(
    database_url: str | None,
    data_dir: str | Path | None,
    read: Callable[[sqlite3.Connection], T],
    only_if: Callable[[Path], bool] | None = None,
) -> T | None:
    from visitdesk.store.quick import current_file, read_connection

    path = current_file(database_url, data_dir)
    if path is None or (only_if is not None and not only_if(path)):
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
