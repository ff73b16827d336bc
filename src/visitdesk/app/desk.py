"""The Desk: the one Qt-free face of VisitDesk that both front ends (window, CLI) talk to.

It owns the store, its sessions and its transactions. Every public call takes ids and plain
data and returns immutable data (frozen dataclasses, named tuples, tuples) or bytes; no ORM
object ever leaves it. Every failure an officer can meet leaves it as a `RefusedError` with a
sentence (see errors.py). The window runs calls off its GUI thread by setting `runner`.

    desk = Desk.open(data_dir="...")
    for visit in desk.visits.list(): ...
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from visitdesk.app.errors import (
    BusyError,
    ConflictError,
    FileGoneError,
    NotFoundError,
    OpenError,
    StoreFaultError,
)
from visitdesk.app.records import Record, Stamp
from visitdesk.app.translate import refusal

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from visitdesk.app.cars import Cars
    from visitdesk.app.documents import Documents
    from visitdesk.app.exchange import Exchange
    from visitdesk.app.followups import Followups
    from visitdesk.app.gifts import Gifts
    from visitdesk.app.history import History
    from visitdesk.app.hotels import Hotels
    from visitdesk.app.itinerary import Itinerary
    from visitdesk.app.lists import Lists
    from visitdesk.app.office import OfficeSetup
    from visitdesk.app.organisations import Organisations
    from visitdesk.app.outcomes import Outcomes
    from visitdesk.app.people import People
    from visitdesk.app.press import Press
    from visitdesk.app.travel import Travel
    from visitdesk.app.visits import Visits
    from visitdesk.store.database import Store

T = TypeVar("T")
D = TypeVar("D")
Runner = Callable[[Callable[[], Any]], Any]

# "Database is locked" after SQLite's own wait (1 s, store/engine.py): try again this many
# times (about 12 s in all), then say so.
BUSY_ATTEMPTS = 8
BUSY_PAUSE_S = 0.5


def _direct(call: Callable[[], T]) -> T:
    return call()


class Watch:
    """What happened to the records file since the last look (another program's commits)."""

    def __init__(self, desk: Desk, watch: Any) -> None:
        self._desk, self._watch = desk, watch
        self._commits = desk.commits

    def look(self) -> tuple[bool, str | None]:
        """(changed, gone): whether another program committed since the last look, and, when
        the file is no longer the one opened, the sentence that says so (nothing more is
        written). A change seen while this Desk committed too counts as its own: the window
        has shown it already."""
        seen = self._desk.runner(self._watch.look)
        own = self._desk.commits != self._commits
        self._commits = self._desk.commits
        if seen.gone is None:
            return seen.changed and not own, None
        try:
            self._desk.check_file()
        except FileGoneError as exc:
            return False, str(exc)
        return False, None

    def close(self) -> None:
        self._watch.close()


class _StaleError(Exception):
    """The row's version moved between the check and the write (another officer, just now)."""


class Desk:
    def __init__(self, store: Store, user: str | None = None) -> None:
        self._store = store
        self.user = user
        # How a call runs: here, or (the window) on a worker thread while the window paints.
        self.runner: Runner = _direct
        # True while a call waits for another VisitDesk to finish writing (the window shows it).
        self.waiting = threading.Event()
        # Commits made through this Desk: a watch tells them from another program's.
        self.commits = 0

    # -- opening and closing -------------------------------------------------------------

    @classmethod
    def open(
        cls,
        database_url: str | None = None,
        data_dir: str | Path | None = None,
        user: str | None = None,
        read_only: bool = False,
        start_empty: bool = False,
    ) -> Desk:
        """Open (creating or upgrading, backup first) the records the arguments name.

        `read_only` opens them for browsing, searching, printing and exporting only (an
        archive copy, a colleague's file); a read-only file or folder opens so by itself.
        Records that were in the folder and are gone raise MissingRecordsError, unless
        `start_empty` says to begin again with empty records.
        """
        from visitdesk.store.database import Store

        try:
            return cls(Store.open(database_url, data_dir, read_only, start_empty), user)
        except Exception as exc:
            refused = refusal(exc)
            if refused is None:
                raise
            if isinstance(refused, OpenError):
                raise refused from exc
            raise OpenError(str(refused)) from exc

    @staticmethod
    def restore_backup(backup: Path, missing: Path) -> None:
        """Put a backup back where the records file was (whole, or not at all)."""
        from visitdesk.files import replacing

        try:
            with replacing(missing) as temporary:
                temporary.write_bytes(backup.read_bytes())
        except OSError as exc:
            raise OpenError(
                f"The backup {backup.name} could not be restored to {missing}: "
                f"{exc.strerror or exc}."
            ) from exc

    def close(self) -> None:
        self._store.close()

    @property
    def location(self) -> str:
        """Where the records are: the file's path, or the server's URL without password."""
        path = self._store.database_file
        if path is not None:
            return str(path)
        return self._store.url.render_as_string(hide_password=True)

    @property
    def database_file(self) -> Path | None:
        return self._store.database_file

    @property
    def is_shared_server(self) -> bool:
        return self._store.database_file is None

    @property
    def read_only(self) -> bool:
        return self._store.read_only

    @property
    def read_only_asked(self) -> bool:
        """Read-only because it was asked for (`read_only=True`), not forced by the file."""
        return self._store.read_only_asked

    @property
    def backup(self) -> Path | None:
        """The copy written before this opening upgraded the database (None when none was)."""
        return self._store.backup

    @property
    def journal_mode(self) -> str | None:
        return self._store.journal_mode

    def watch(self) -> Watch | None:
        """A watch on the records file (None on a server): see `Watch.look`."""
        from visitdesk.store.watch import FileWatch

        path = self._store.database_file
        if path is None:
            return None
        writable = not self._store.read_only and self._store.journal_mode == "WAL"
        return Watch(self, FileWatch(path, self._store.identity, writable))

    def keep_daily_backup(self) -> Path | None:
        """Today's copy of the records file beside it (kept for 7 days), written once a day;
        None when there is one already, on a server, or read-only. Runs on the caller's
        thread (the window starts it on a thread of its own): a copy takes a moment."""
        from visitdesk.store.daily import daily_backup

        path = self._store.database_file
        if path is None or self._store.read_only:
            return None
        try:
            return daily_backup(path)
        except Exception as exc:
            refused = refusal(exc)
            if refused is None:
                raise
            raise StoreFaultError(str(refused)) from exc

    def check_file(self) -> None:
        """Raise FileGoneError when the database file was replaced or deleted under us."""
        self._call(self._store.check_file)

    # -- the parts of the API (each in its own module) ----------------------------------

    @cached_property
    def visits(self) -> Visits:
        from visitdesk.app.visits import Visits

        return Visits(self)

    @cached_property
    def itinerary(self) -> Itinerary:
        from visitdesk.app.itinerary import Itinerary

        return Itinerary(self)

    @cached_property
    def outcomes(self) -> Outcomes:
        from visitdesk.app.outcomes import Outcomes

        return Outcomes(self)

    @cached_property
    def followups(self) -> Followups:
        from visitdesk.app.followups import Followups

        return Followups(self)

    @cached_property
    def people(self) -> People:
        from visitdesk.app.people import People

        return People(self)

    @cached_property
    def organisations(self) -> Organisations:
        from visitdesk.app.organisations import Organisations

        return Organisations(self)

    @cached_property
    def office(self) -> OfficeSetup:
        from visitdesk.app.office import OfficeSetup

        return OfficeSetup(self)

    @cached_property
    def lists(self) -> Lists:
        from visitdesk.app.lists import Lists

        return Lists(self)

    @cached_property
    def exchange(self) -> Exchange:
        from visitdesk.app.exchange import Exchange

        return Exchange(self)

    @cached_property
    def press(self) -> Press:
        from visitdesk.app.press import Press

        return Press(self)

    @cached_property
    def documents(self) -> Documents:
        from visitdesk.app.documents import Documents

        return Documents(self)

    @cached_property
    def travel(self) -> Travel:
        from visitdesk.app.travel import Travel

        return Travel(self)

    @cached_property
    def hotels(self) -> Hotels:
        from visitdesk.app.hotels import Hotels

        return Hotels(self)

    @cached_property
    def cars(self) -> Cars:
        from visitdesk.app.cars import Cars

        return Cars(self)

    @cached_property
    def gifts(self) -> Gifts:
        from visitdesk.app.gifts import Gifts

        return Gifts(self)

    @cached_property
    def history(self) -> History:
        from visitdesk.app.history import History

        return History(self)

    # -- for the API's modules: sessions, transactions, versions --------------------------

    def read(self, work: Callable[[Session], T]) -> T:
        """`work(session)` over a read-only view of the records; its result must be plain data."""

        def run() -> T:
            with self._store.session() as session:
                return work(session)

        return self._call(run)

    def write(self, work: Callable[[Session], T]) -> T:
        """`work(session)` in one transaction: all of it is stored, or none of it.

        When another VisitDesk holds the database, SQLite waits 5 s; this tries again a few
        times (with `waiting` set, so the window can say so), then refuses with a sentence.
        `work` may run more than once: it must only read and write through the session.
        """

        def run() -> T:
            for attempt in range(1, BUSY_ATTEMPTS + 1):
                try:
                    with self._store.transaction() as session:
                        result = work(session)
                    self.commits += 1
                    return result
                except Exception as exc:
                    refused = refusal(exc)
                    if not isinstance(refused, BusyError) or attempt == BUSY_ATTEMPTS:
                        raise
                    self.waiting.set()
                    time.sleep(BUSY_PAUSE_S)
            raise AssertionError("unreachable")

        try:
            return self._call(run)
        finally:
            self.waiting.clear()

    def save(
        self,
        model: type[Any],
        record_id: int,
        version: int,
        what: str,
        mine: D,
        apply: Callable[[Session], object],
        load: Callable[[Session, int], D],
        opened: D | None = None,
    ) -> Record[D]:
        """Save `mine` over the record read at `version`, or refuse with ConflictError.

        `apply(session)` makes the change, `load(session, id)` reads the details back (for
        the new Record, and for `theirs` in a conflict), `what` names the record in the
        sentence ("the engagement “Lunch”"), `opened` is what the dialog first showed (to
        name the fields the other officer changed).
        """

        def work(session: Session) -> Record[D]:
            row = session.get(model, record_id, populate_existing=True)
            if row is None:
                raise ConflictError(what, mine, None, deleted=True)
            if row.version != version:
                raise _StaleError
            apply(session)
            # A save always raises the version (UPDATE … WHERE version = the one read), also
            # when only the record's parts changed: a race with another save is then caught.
            from visitdesk.domain.versioning import now_utc

            row.changed_at = now_utc()
            try:
                session.flush()
            except Exception as exc:
                from sqlalchemy.orm.exc import StaleDataError

                if isinstance(exc, StaleDataError):
                    raise _StaleError from exc
                raise
            return self._record(session, row, load)

        try:
            return self.write(work)
        except _StaleError:
            theirs = self.read(lambda s: self._current(s, model, record_id, load))
            if theirs is None:
                raise ConflictError(what, mine, None, deleted=True) from None
            from visitdesk.app.errors import changed_fields

            fields = changed_fields(opened, theirs.data) if opened is not None else ()
            raise ConflictError(what, mine, theirs, fields) from None

    def record(
        self, model: type[Any], record_id: int, load: Callable[[Session, int], D]
    ) -> Record[D]:
        """The record with its version, for a dialog to open (NotFoundError when it is gone)."""

        def work(session: Session) -> Record[D]:
            found = self._current(session, model, record_id, load)
            if found is None:
                raise NotFoundError(
                    "That record no longer exists: another officer may have deleted it."
                )
            return found

        return self.read(work)

    def stamp(self, kind: str, record_id: int) -> Stamp | None:
        """The stored version of one record (`kind` one of `records.KINDS`), None if deleted:
        what an open dialog compares with the version it was opened at."""
        from visitdesk.domain.cars import Movement
        from visitdesk.domain.models import (
            Engagement,
            Office,
            Organisation,
            Outcome,
            Person,
            PressRelease,
            Statement,
            Visit,
        )

        models: dict[str, type[Any]] = {
            "visit": Visit,
            "engagement": Engagement,
            "person": Person,
            "organisation": Organisation,
            "statement": Statement,
            "outcome": Outcome,
            "press_release": PressRelease,
            "office": Office,
            "movement": Movement,
        }
        if kind not in models:
            raise NotFoundError(f"“{kind}” is not a kind of record VisitDesk keeps versions of.")

        def work(session: Session) -> Stamp | None:
            row = session.get(models[kind], record_id, populate_existing=True)
            return None if row is None else Stamp(row.version, row.changed_at, row.changed_by)

        return self.read(work)

    def _current(
        self, session: Session, model: type[Any], record_id: int, load: Callable[[Session, int], D]
    ) -> Record[D] | None:
        row = session.get(model, record_id, populate_existing=True)
        return None if row is None else self._record(session, row, load)

    @staticmethod
    def _record(session: Session, row: Any, load: Callable[[Session, int], D]) -> Record[D]:
        return Record(
            id=row.id,
            version=row.version,
            data=load(session, row.id),
            changed_at=row.changed_at,
            changed_by=row.changed_by,
        )

    def _call(self, call: Callable[[], T]) -> T:
        """Run through the runner, with the officer's name on each change, failures as sentences."""
        from visitdesk.domain.versioning import current_user

        def named() -> T:
            token = current_user.set(self.user)
            try:
                return call()
            finally:
                current_user.reset(token)

        try:
            result: T = self.runner(named)
            return result
        except _StaleError:
            raise
        except Exception as exc:
            refused = refusal(exc)
            if refused is None or refused is exc:
                raise
            raise refused from exc
