"""Every change on record: the trail each store keeps, read back as the officer reads it.

SQLite (one officer, the OS user or the Desk's name) and PostgreSQL (the server's triggers,
each officer's login and name) write the same rows, so the same edits read the same."""

from __future__ import annotations

import dataclasses
import json
import threading
from collections.abc import Callable, Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import create_engine, func, select, text
from sqlalchemy.orm import Session

from tests import server_helpers
from tests.server_helpers import VISIT, SignIn
from visitdesk.app import ConflictError, Desk
from visitdesk.app.live import Change, listen
from visitdesk.cli import main
from visitdesk.domain.audit import AuditEntry
from visitdesk.domain.base import Base
from visitdesk.domain.models import Engagement, Person, TalkingPoint
from visitdesk.services.exchange.importer import import_file
from visitdesk.store.database import Store

empty_database = server_helpers.empty_database
office_url = server_helpers.office_url
logins = server_helpers.logins
sign_in = server_helpers.sign_in

server_only = [pytest.mark.postgresql, pytest.mark.slow]


def first_engagement(session: Session) -> Engagement:
    found = session.scalars(select(Engagement).order_by(Engagement.start)).first()
    assert found is not None
    return found


def a_day_of_work(desk: Desk) -> int:
    """What an officer does to the example visit; returns the visit's id."""
    visit_id = desk.visits.id_of(VISIT)
    opened = desk.visits.details(visit_id)
    desk.visits.update(
        visit_id, dataclasses.replace(opened.data, title="Visit of the CNIPA delegation"),
        opened.version,
    )  # fmt: skip

    def move(session: Session) -> None:
        engagement = first_engagement(session)
        engagement.start += timedelta(hours=5)
        engagement.end += timedelta(hours=5)
        engagement.talking_points.append(TalkingPoint(text="Patent examination cooperation"))

    desk.write(move)

    def drop(session: Session) -> None:
        last = session.scalars(select(Engagement).order_by(Engagement.start.desc())).first()
        session.delete(last)

    desk.write(drop)
    return visit_id


def told(desk: Desk, visit_id: int, who: str) -> list[str]:
    """The sentences of the changes `who` made, their time cut off (it is now)."""
    return [h.sentence.rsplit(" at ", 1)[0] for h in desk.history.visit(visit_id) if h.who == who]


EXPECTED = [
    "{who} changed the title of this visit from “Visit of the SIPO China delegation” to "
    "“Visit of the CNIPA delegation”",
    "{who} moved the engagement “Talks at IPO-Pakistan and initialling of the draft MoU” "
    "from 10:00 to 15:00",
    "{who} added the talking point “Patent examination cooperation” to the engagement “Talks "
    "at IPO-Pakistan and initialling of the draft MoU”",
]


@pytest.fixture
def officer_desk(data_dir: Path, example_path: Path) -> Iterator[Desk]:
    desk = Desk.open(data_dir=data_dir, user="Ms. Aisha Khan")
    store = Store.open(data_dir=data_dir)
    import_file(store, example_path)
    store.close()
    yield desk
    desk.close()


def test_on_sqlite_each_change_is_told_under_the_officers_name(officer_desk: Desk) -> None:
    visit_id = a_day_of_work(officer_desk)
    sentences = told(officer_desk, visit_id, "Ms. Aisha Khan")
    assert sentences[:3] == [s.format(who="Ms. Aisha Khan") for s in EXPECTED]
    # The engagement deleted last is still named, from the trail.
    assert sentences[-1] == "Ms. Aisha Khan deleted the engagement “Visit to NUST”"
    removed = [s for s in sentences if "removed" in s]
    assert removed and all("from the engagement “Visit to NUST”" in s for s in removed)


def test_the_import_is_on_record_under_the_os_user(officer_desk: Desk) -> None:
    import getpass

    visit_id = officer_desk.visits.id_of(VISIT)
    first = officer_desk.history.visit(visit_id)[0]
    assert first.who == getpass.getuser()
    assert first.action == "added"


def test_one_record_tells_its_own_changes_as_this(officer_desk: Desk) -> None:
    a_day_of_work(officer_desk)
    engagement_id = officer_desk.read(lambda s: first_engagement(s).id)
    sentences = [h.sentence for h in officer_desk.history.record("engagement", engagement_id)]
    assert any(s.startswith("Ms. Aisha Khan moved this engagement from 10:00 to 15:00 at ")
               for s in sentences)  # fmt: skip
    assert not any("CNIPA" in s for s in sentences)  # the visit's own change is not its


def test_a_save_that_changes_nothing_writes_no_history(officer_desk: Desk) -> None:
    visit_id = officer_desk.visits.id_of(VISIT)
    before = len(officer_desk.history.visit(visit_id))
    opened = officer_desk.visits.details(visit_id)
    officer_desk.visits.update(visit_id, opened.data, opened.version)
    assert len(officer_desk.history.visit(visit_id)) == before


def test_a_new_photo_is_on_record_without_its_bytes(officer_desk: Desk) -> None:
    def photograph(session: Session) -> None:
        person = session.scalars(select(Person).order_by(Person.id)).first()
        assert person is not None
        person.photo = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 40

    officer_desk.write(photograph)
    person_id: int = officer_desk.read(lambda s: s.scalars(select(func.min(Person.id))).one())
    last = officer_desk.history.record("person", person_id)[-1]
    assert last.sentence.startswith("Ms. Aisha Khan changed the photo of this person")
    assert "from nothing to a picture" in last.sentence
    stored = officer_desk.read(
        lambda s: s.scalars(select(AuditEntry.changes).order_by(AuditEntry.id.desc())).first()
    )
    assert stored is not None and len(stored) < 500


def test_history_since_a_day_and_on_the_command_line(
    officer_desk: Desk, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    visit_id = a_day_of_work(officer_desk)
    assert officer_desk.history.visit(visit_id, since=date.today() + timedelta(days=1)) == ()
    assert len(officer_desk.history.visit(visit_id, since=date.today())) > 3
    assert main(["--data-dir", str(data_dir), "history", VISIT, "--since",
                 date.today().isoformat()]) == 0  # fmt: skip
    out = capsys.readouterr().out
    assert "Ms. Aisha Khan moved the engagement “Talks at IPO-Pakistan" in out
    tomorrow = (date.today() + timedelta(days=1)).isoformat()
    assert main(["--data-dir", str(data_dir), "history", VISIT, "--since", tomorrow]) == 0
    assert capsys.readouterr().out == f"No changes to {VISIT} on record since {tomorrow}.\n"


def test_a_reimport_that_changes_a_title_is_on_record(
    officer_desk: Desk, data_dir: Path, example_path: Path, tmp_path: Path
) -> None:
    doc = json.loads(example_path.read_text(encoding="utf-8"))
    doc["visits"][0]["engagements"][1]["title"] = "Lunch hosted by the Chairman"
    changed = tmp_path / "changed.visit.json"
    changed.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    assert main(["--data-dir", str(data_dir), "import", str(changed)]) == 0
    visit_id = officer_desk.visits.id_of(VISIT)
    assert any(
        "changed the title of the engagement" in h.sentence
        and "to “Lunch hosted by the Chairman”" in h.sentence
        for h in officer_desk.history.visit(visit_id)
    )


# -- on the server ------------------------------------------------------------------------


@pytest.mark.postgresql
@pytest.mark.slow
def test_the_server_tells_the_same_day_as_sqlite_under_the_logins_name(
    sign_in: SignIn, officer_desk: Desk
) -> None:
    on_server = sign_in("officer", "Ms. Aisha Khan")
    server_visit = a_day_of_work(on_server)
    sqlite_visit = a_day_of_work(officer_desk)
    assert told(on_server, server_visit, "Ms. Aisha Khan") == told(
        officer_desk, sqlite_visit, "Ms. Aisha Khan"
    )
    assert told(on_server, server_visit, "Ms. Aisha Khan")[:3] == [
        s.format(who="Ms. Aisha Khan") for s in EXPECTED
    ]


@pytest.mark.postgresql
@pytest.mark.slow
def test_a_stale_save_names_the_officer_who_saved_first(sign_in: SignIn) -> None:
    khan = sign_in("officer", "Ms. Aisha Khan")
    # The Desk's own name is what the client says; the server writes the login's.
    lee = sign_in("officer", "Mr. Lee Min-ho")
    lee.user = "someone else"
    visit_id = khan.visits.id_of(VISIT)
    mine, theirs = khan.visits.details(visit_id), lee.visits.details(visit_id)
    lee.visits.update(visit_id, dataclasses.replace(theirs.data, notes="Lee's"), theirs.version)
    with pytest.raises(ConflictError) as refused:
        khan.visits.update(visit_id, dataclasses.replace(mine.data, notes="Khan's"), mine.version)
    assert "was changed by Mr. Lee Min-ho at " in str(refused.value)
    assert told(khan, visit_id, "Mr. Lee Min-ho") == [
        "Mr. Lee Min-ho changed the notes of this visit from nothing to “Lee's”"
    ]


@pytest.mark.postgresql
@pytest.mark.slow
def test_every_table_of_the_models_has_the_servers_trail_trigger(office_url: str) -> None:
    engine = create_engine(office_url)
    with engine.connect() as connection:
        audited = set(
            connection.execute(
                text(
                    "SELECT c.relname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid "
                    "WHERE t.tgname LIKE 'visitdesk_audit_%'"
                )
            ).scalars()
        )
    engine.dispose()
    assert audited == set(Base.metadata.tables) - {"audit_entry"}


@pytest.mark.postgresql
@pytest.mark.slow
def test_another_officers_change_reaches_a_listening_window(sign_in: SignIn) -> None:
    khan = sign_in("officer", "Ms. Aisha Khan")
    lee = sign_in("reader", "Mr. Lee Min-ho")
    heard: list[Change] = []
    arrived = threading.Event()
    states: list[bool] = []

    def on_change(change: Change) -> None:
        heard.append(change)
        if change.table == "visit":
            arrived.set()

    listener = listen(lee, on_change, states.append)
    assert listener is not None
    try:
        assert listener.listening.wait(10)
        visit_id = khan.visits.id_of(VISIT)
        opened = khan.visits.details(visit_id)
        khan.visits.update(
            visit_id, dataclasses.replace(opened.data, notes="Agenda agreed"), opened.version
        )
        assert arrived.wait(10), "no notice of the change came"
    finally:
        listener.stop()
    change = next(c for c in heard if c.table == "visit")
    assert (change.record_id, change.visit_id, change.action) == (visit_id, visit_id, "update")
    assert change.by == "Ms. Aisha Khan"
    assert states == [True, False]  # listening, then stopped


def test_on_sqlite_there_is_nobody_else_to_listen_for(officer_desk: Desk) -> None:
    noted: Callable[[Change], None] = lambda change: None  # noqa: E731
    assert listen(officer_desk, noted) is None


@pytest.mark.postgresql
@pytest.mark.slow
def test_a_dropped_connection_is_told_and_listening_resumes(
    sign_in: SignIn, office_url: str
) -> None:
    khan = sign_in("officer", "Ms. Aisha Khan")
    lee = sign_in("reader", "Mr. Lee Min-ho")
    states: list[bool] = []
    went_offline, heard_again = threading.Event(), threading.Event()

    def on_state(online: bool) -> None:
        states.append(online)
        if not online:
            went_offline.set()

    listener = listen(lee, lambda c: heard_again.set() if went_offline.is_set() else None, on_state)
    assert listener is not None
    try:
        assert listener.listening.wait(10)
        # The network drops (or the server restarts): the server ends the listener's session.
        admin = create_engine(office_url)
        with admin.connect() as connection:
            connection.execute(
                text(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                    "WHERE query LIKE 'LISTEN visitdesk_changes%' AND pid <> pg_backend_pid()"
                )
            )
        admin.dispose()
        assert went_offline.wait(10), "the listener did not say it was offline"
        assert listener.listening.wait(20), "the listener did not come back"
        visit_id = khan.visits.id_of(VISIT)
        opened = khan.visits.details(visit_id)
        khan.visits.update(
            visit_id, dataclasses.replace(opened.data, notes="After the outage"), opened.version
        )
        assert heard_again.wait(10), "no notice after coming back"
    finally:
        listener.stop()
    assert states[:3] == [True, False, True]
