"""The shared office on a PostgreSQL server, for its IT officer: set-up, upgrade, officers.

These calls take the server's URL (of a login that owns the database and may create roles)
rather than a Desk: `init` must back the database up before anything opens and migrates it.
Every failure leaves as a RefusedError with a sentence, as everywhere in the app layer.

    from visitdesk.app import server
    done = server.init("postgresql+psycopg://it_admin@db/visitdesk", Path("backups"))
    server.add_officer(url, "akhan", "Ms. Aisha Khan", "officer", password)
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from visitdesk.app.errors import NotAllowedError, RefusedError, StoreFaultError
from visitdesk.store.server.roles import Officer
from visitdesk.store.server.setup import Initialised

if TYPE_CHECKING:
    from sqlalchemy import Connection
    from sqlalchemy.engine import URL

__all__ = ["Initialised", "Officer", "add_officer", "init", "officers", "remove_officer"]

T = TypeVar("T")
ROLES = ("reader", "officer", "admin")

# What each table holds, for the sentence a refused change gets.
_NOUNS = {
    "visit": "visits",
    "engagement": "the programme",
    "attendee": "the programme",
    "talking_point": "talking points",
    "visit_participant": "the delegation",
    "person": "people",
    "organisation": "organisations",
    "office": "the office's set-up",
    "outcome": "outcomes",
    "status_change": "outcomes",
    "statement": "statements",
    "press_release": "press releases",
    "calendar_tombstone": "calendars",
    "audit_entry": "the history",
}


def not_allowed(detail: str) -> NotAllowedError:
    """The server's "permission denied" (SQLSTATE 42501) as a sentence for the officer."""
    if re.search(r"function visitdesk_(add|remove)_officer", detail):
        return NotAllowedError(
            "Only VisitDesk administrators may add or remove officers, and your sign-in is "
            "not one, so nothing was changed. Ask an administrator, or IT."
        )
    table = re.search(r"(?:table|relation) \"?([A-Za-z_][A-Za-z0-9_]*)", detail)
    noun = _NOUNS.get(table.group(1), "these records") if table else "these records"
    return NotAllowedError(
        f"The server did not let your sign-in change {noun}, so nothing was changed. Readers "
        "may read and print; deleting a visit and the office's set-up are for administrators. "
        "Ask your VisitDesk administrator if your work needs more."
    )


def _run(work: Callable[[], T]) -> T:
    try:
        return work()
    except Exception as exc:
        translated = _translated(exc)
        if translated is exc:
            raise
        raise translated from exc


def _translated(exc: Exception) -> Exception:
    from sqlalchemy.exc import DBAPIError, OperationalError

    from visitdesk.app.translate import refusal
    from visitdesk.store.server.officer_admin import REFUSED

    if isinstance(exc, DBAPIError) and getattr(exc.orig, "sqlstate", None) == REFUSED:
        # The server's own officer functions refuse with a sentence of their own.
        diag = getattr(exc.orig, "diag", None)
        return RefusedError(str(getattr(diag, "message_primary", None) or exc.orig))
    if isinstance(exc, OperationalError):
        detail = " ".join(str(exc.orig).split())
        return StoreFaultError(
            f"Cannot reach or sign in to the server ({detail}). Nothing was changed."
        )
    refused = refusal(exc)
    return exc if refused is None else refused


def _url(database_url: str) -> URL:
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    from visitdesk.store.server.setup import check_server

    try:
        url = make_url(database_url)
    except ArgumentError as exc:
        raise RefusedError(f"“{database_url}” is not a database URL.") from exc
    _run(lambda: check_server(url))
    return url


def init(database_url: str, backup_folder: Path, without_backup: bool = False) -> Initialised:
    """Create (or upgrade, pg_dump first) the schema, the trail and the three groups' rights."""
    from visitdesk.store.server.setup import initialise

    url = _url(database_url)
    return _run(lambda: initialise(url, backup_folder, without_backup))


def _on_server(database_url: str, work: Callable[[Connection], T]) -> T:
    from visitdesk.store.engine import make_engine

    engine = make_engine(_url(database_url))

    def run() -> T:
        with engine.begin() as connection:
            return work(connection)

    try:
        return _run(run)
    finally:
        engine.dispose()


def officers(database_url: str) -> tuple[Officer, ...]:
    """Every officer's login, full name and role."""
    from visitdesk.store.server import roles

    return _on_server(database_url, roles.officers)


def add_officer(database_url: str, login: str, name: str, role: str, password: str | None) -> bool:
    """Create the officer's login (True), or change an officer's name, role, password (False).

    `password` None keeps an existing officer's password (a new one needs one).
    """
    from visitdesk.store.server import roles

    def work(connection: Connection) -> bool:
        roles.check_login(login)
        hashed = None if password is None else roles.password_hash(connection, login, password)
        return roles.add_officer(connection, login, name, role, hashed)

    return _on_server(database_url, work)


def remove_officer(database_url: str, login: str) -> Officer:
    """Drop the officer's login; their changes stay in the trail under their name."""
    from visitdesk.store.server import roles

    return _on_server(database_url, lambda c: roles.remove_officer(c, login))
