"""Other officers' changes as they happen: PostgreSQL's LISTEN/NOTIFY, Qt-free.

The server's trail trigger NOTIFYs every committed change (store/server/trail.py). A
`ChangeListener` is a thread holding one connection that LISTENs and calls `on_change` with a
`Change` for each; when the server or the network goes away it calls `on_state(False)`, tries
again every few seconds and calls `on_state(True)` once it listens again (changes made while
it was away are not replayed: refresh everything on coming back). Callbacks run on the
listener's thread: the window hands them to its own thread (a queued signal).

    listener = listen(desk, on_change=print, on_state=print)  # None on SQLite: one officer
    ...
    listener.stop()
"""

from __future__ import annotations

import json
import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sqlalchemy.engine import URL

    from visitdesk.app.desk import Desk

log = logging.getLogger("visitdesk.app.live")

RETRY_S = 2.0
POLL_S = 0.5  # how often the thread looks whether it was asked to stop


@dataclass(frozen=True)
class Change:
    table: str  # visit, engagement, attendee, …
    record_id: int | None
    visit_id: int | None  # the visit it belongs to (None: a person, an organisation, …)
    action: str  # insert, update, delete
    login: str
    by: str  # the officer's name
    delay_s: float | None  # from the server's trigger to this callback


def parse(payload: str, received: float) -> Change | None:
    try:
        data: dict[str, Any] = json.loads(payload)
        at = data.get("at")
        return Change(
            table=str(data["table"]),
            record_id=data.get("id"),
            visit_id=data.get("visit"),
            action=str(data.get("action", "")),
            login=str(data.get("login", "")),
            by=str(data.get("by", "")),
            delay_s=None if at is None else max(0.0, received - float(at)),
        )
    except (ValueError, KeyError, TypeError):
        log.warning("Ignored a change notice that is not VisitDesk's: %r", payload[:200])
        return None


class ChangeListener:
    def __init__(
        self,
        url: URL,
        on_change: Callable[[Change], None],
        on_state: Callable[[bool], None] | None = None,
        retry_s: float = RETRY_S,
    ) -> None:
        self._conninfo = url.set(drivername="postgresql").render_as_string(hide_password=False)
        self._on_change, self._on_state = on_change, on_state
        self._retry_s = retry_s
        self._stopping = threading.Event()
        self.listening = threading.Event()
        self._thread = threading.Thread(target=self._run, name="visitdesk-listener", daemon=True)

    def start(self) -> ChangeListener:
        self._thread.start()
        return self

    def stop(self, wait_s: float = 5.0) -> None:
        self._stopping.set()
        self._thread.join(wait_s)

    def _state(self, online: bool) -> None:
        if online == self.listening.is_set():
            return
        if online:
            self.listening.set()
        else:
            self.listening.clear()
        if self._on_state is not None:
            self._on_state(online)

    def _run(self) -> None:
        import psycopg

        from visitdesk.store.trail import CHANNEL

        while not self._stopping.is_set():
            try:
                with psycopg.connect(self._conninfo, autocommit=True, connect_timeout=5) as conn:
                    conn.execute(f"LISTEN {CHANNEL}")
                    self._state(True)
                    while not self._stopping.is_set():
                        for notice in conn.notifies(timeout=POLL_S):
                            change = parse(notice.payload, time.time())
                            if change is not None:
                                self._on_change(change)
            except psycopg.Error as exc:
                log.info("Not listening for changes (%s); trying again.", exc)
                self._state(False)
                self._stopping.wait(self._retry_s)
        self._state(False)


def listen(
    desk: Desk,
    on_change: Callable[[Change], None],
    on_state: Callable[[bool], None] | None = None,
) -> ChangeListener | None:
    """Start listening for other officers' changes; None on SQLite (no other officers)."""
    if not desk.is_shared_server:
        return None
    url: URL = desk._store.url  # the app layer's own: the Desk's store, password included
    return ChangeListener(url, on_change, on_state).start()
