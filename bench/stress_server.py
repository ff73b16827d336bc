"""N officers on one PostgreSQL server, each signed in with their own login, editing the same
visit through the app layer for a bounded time.

Each process does what the window does for an edit: open the visit's details (the dialog), wait
a moment (the officer types), save them with a token of its own appended to the notes. At the
end, every token reported saved but missing from the notes is an edit lost silently. The main
process listens (LISTEN/NOTIFY, app/live.py) and measures each notice's delay from the server's
trigger; the audit trail must hold one visit change per edit stored. Prints the figures; exits
1 when an edit was lost or the trail does not match (never on a time).

    python bench/stress_server.py [--officers 4] [--seconds 10] [--database-url URL]

Without --database-url it starts a throwaway server (as `packaging/dev.py test --full` does);
with one (a login that may create databases and roles) it makes a database and officers of its
own there and removes them afterwards.
"""

from __future__ import annotations

import argparse
import dataclasses
import multiprocessing
import random
import statistics
import sys
import threading
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

EXAMPLE = ROOT / "tests" / "fixtures" / "sipo-2017.visit.json"
VISIT = "sipo-2017-03"
Result = tuple[str, int, int, list[str]]


def officer(url: str, login: str, seconds: float, results: multiprocessing.Queue[Result]) -> None:
    from visitdesk.app import Desk, RefusedError

    desk = Desk.open(database_url=url)
    visit_id = desk.visits.id_of(VISIT)
    stored = refused = 0
    messages: list[str] = []
    rng = random.Random(login)
    deadline = time.monotonic() + seconds
    number = 0
    while time.monotonic() < deadline:
        number += 1
        token = f"[{login}-{number}]"
        try:
            opened = desk.visits.details(visit_id)  # the dialog opens
            time.sleep(rng.uniform(0.0, 0.01))  # the officer types
            changed = dataclasses.replace(opened.data, notes=f"{opened.data.notes or ''}{token}")
            desk.visits.update(visit_id, changed, opened.version, opened=opened.data)  # Save
            stored += 1
        except RefusedError as exc:
            refused += 1  # refused with a sentence: the officer knows, and keeps the text
            if len(messages) < 1:
                messages.append(str(exc))
    desk.close()
    results.put((login, stored, refused, messages))


@contextmanager
def server(url: str | None) -> Iterator[str]:
    if url is not None:
        yield url
        return
    import importlib

    sys.path.insert(0, str(ROOT / "packaging"))
    dev = importlib.import_module("dev")

    bin_dir = dev.ensure_postgresql()
    if bin_dir is None:
        raise SystemExit("PostgreSQL is not installed: give --database-url.")
    with dev.throwaway_postgresql(bin_dir) as started:
        yield started


@contextmanager
def office(server_url: str, officers: int) -> Iterator[tuple[str, list[tuple[str, str]]]]:
    """A database of its own with the example visit, and officer logins; removed after."""
    from sqlalchemy import create_engine, make_url, text

    from visitdesk.app import server
    from visitdesk.services.exchange.importer import import_file
    from visitdesk.store.database import Store

    tag = uuid.uuid4().hex[:8]
    name = f"visitdesk_stress_{tag}"
    base = make_url(server_url)
    admin = create_engine(base, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f"CREATE DATABASE {name} ENCODING 'UTF8' TEMPLATE template0"))
    url = base.set(database=name)
    it_url = url.render_as_string(hide_password=False)
    logins: list[tuple[str, str]] = []
    try:
        server.init(it_url, Path())
        store = Store.open(database_url=it_url)
        import_file(store, EXAMPLE)
        store.close()
        for n in range(officers):
            login, password = f"stress_{tag}_{n}", uuid.uuid4().hex
            server.add_officer(it_url, login, f"Officer {n + 1}", "officer", password)
            logins.append((login, password))
        officer_urls = [
            (login, url.set(username=login, password=password).render_as_string(False))
            for login, password in logins
        ]
        yield it_url, officer_urls
    finally:
        with admin.connect() as connection:
            connection.execute(text(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
            for login, _ in logins:
                connection.execute(text(f'DROP ROLE IF EXISTS "{login}"'))
        admin.dispose()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--officers", type=int, default=4)
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument("--database-url", help="a server login that may create databases")
    args = parser.parse_args()
    from sqlalchemy import func, select
    from sqlalchemy.orm import Session

    from visitdesk.app import Desk
    from visitdesk.app.live import Change, listen
    from visitdesk.domain.audit import AuditEntry
    from visitdesk.domain.models import Visit

    with server(args.database_url) as server_url, office(server_url, args.officers) as made:
        it_url, officer_urls = made
        watcher = Desk.open(database_url=it_url)
        delays: list[float] = []
        lock = threading.Lock()

        def heard(change: Change) -> None:
            if change.table == "visit" and change.delay_s is not None:
                with lock:
                    delays.append(change.delay_s)

        listener = listen(watcher, heard)
        assert listener is not None
        listener.listening.wait(10)
        results: multiprocessing.Queue[Result] = multiprocessing.Queue()
        workers = [
            multiprocessing.Process(target=officer, args=(url, login, args.seconds, results))
            for login, url in officer_urls
        ]
        for worker in workers:
            worker.start()
        counts = [results.get(timeout=args.seconds + 120) for _ in workers]
        for worker in workers:
            worker.join()
        time.sleep(1.0)  # the last notices on their way
        listener.stop()
        logins = [login for login, _ in officer_urls]

        def totals(session: Session) -> tuple[str, int]:
            notes = session.scalar(select(Visit.notes).where(Visit.ref == VISIT)) or ""
            audited = session.scalar(
                select(func.count()).where(
                    AuditEntry.table_name == "visit",
                    AuditEntry.action == "update",
                    AuditEntry.login.in_(logins),
                )
            )
            return str(notes), int(audited or 0)

        notes, audited = watcher.read(totals)
        watcher.close()
    stored = sum(c[1] for c in counts)
    refused = sum(c[2] for c in counts)
    kept = sum(notes.count(f"[{login}-") for login in logins)
    lost = stored - kept
    print(f"{args.officers} officers, each their own login, {args.seconds:g} s on one visit")
    print(f"  edits stored                {stored:6d}")
    print(f"  refused with a message      {refused:6d}")
    print(f"  lost silently               {lost:6d}   (must be 0)")
    print(f"  audit rows written          {audited:6d}   (must equal the edits stored)")
    if delays:
        print(
            f"  notification delay          median {statistics.median(delays) * 1000:.1f} ms, "
            f"worst {max(delays) * 1000:.1f} ms ({len(delays)} notices)"
        )
    else:
        print("  notification delay          no notices heard")
    for login, _s, _r, messages in counts[:1]:
        for message in messages:
            print(f"  a refusal, as {login} read it: {message}")
    return 0 if lost == 0 and audited == stored else 1


if __name__ == "__main__":
    sys.exit(main())
