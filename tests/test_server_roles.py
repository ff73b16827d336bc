"""The shared office on PostgreSQL: `visitdesk server init`, officers as logins, and what each
role may do, refused by the server itself and said in a sentence."""

from __future__ import annotations

import dataclasses
import io
import os
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.orm import Session

from tests import server_helpers
from tests.server_helpers import VISIT, SignIn, as_login, new_login
from visitdesk.app import Desk, RefusedError, server
from visitdesk.app.errors import NotAllowedError
from visitdesk.cli import main
from visitdesk.store.migrate import SCHEMA_HEAD

pytestmark = [pytest.mark.postgresql, pytest.mark.slow]

empty_database = server_helpers.empty_database
office_url = server_helpers.office_url
logins = server_helpers.logins
sign_in = server_helpers.sign_in


def retitle(desk: Desk, title: str) -> None:
    visit_id = desk.visits.id_of(VISIT)
    opened = desk.visits.details(visit_id)
    desk.visits.update(visit_id, dataclasses.replace(opened.data, title=title), opened.version)


def title(desk: Desk) -> str:
    return desk.visits.details(desk.visits.id_of(VISIT)).data.title


def test_a_reader_sees_the_visit_but_the_server_refuses_their_edit_in_a_sentence(
    sign_in: SignIn,
) -> None:
    reader = sign_in("reader", "Mr. Lee Min-ho")
    assert title(reader) == "Visit of the SIPO China delegation"
    with pytest.raises(NotAllowedError) as refused:
        retitle(reader, "Mine now")
    assert "did not let your sign-in change visits" in str(refused.value)
    assert "nothing was changed" in str(refused.value)
    assert title(reader) == "Visit of the SIPO China delegation"


def test_an_officer_edits_but_only_an_administrator_deletes_a_visit(sign_in: SignIn) -> None:
    officer = sign_in("officer", "Ms. Aisha Khan")
    retitle(officer, "Visit of the CNIPA delegation")
    assert title(officer) == "Visit of the CNIPA delegation"
    visit_id = officer.visits.id_of(VISIT)
    with pytest.raises(NotAllowedError):
        officer.visits.delete(visit_id)
    assert [v.ref for v in officer.visits.list()] == [VISIT]

    admin = sign_in("admin", "Dr. Amina Qureshi")
    admin.visits.delete(visit_id)
    assert admin.visits.list() == ()


def test_the_refused_change_leaves_no_trace_and_the_trail_cannot_be_written_by_hand(
    sign_in: SignIn, office_url: str
) -> None:
    officer = sign_in("officer", "Ms. Aisha Khan")
    engine = create_engine(office_url)
    with engine.connect() as connection:
        before = connection.execute(text("SELECT count(*) FROM audit_entry")).scalar()
    officer_engine = create_engine(officer.location.replace("***", "pw"))
    for statement in ("DELETE FROM audit_entry", "UPDATE audit_entry SET name = 'nobody'"):
        with officer_engine.connect() as connection, pytest.raises(Exception) as caught:
            connection.execute(text(statement))
        assert "permission denied" in str(caught.value)
    officer_engine.dispose()
    with engine.connect() as connection:
        assert connection.execute(text("SELECT count(*) FROM audit_entry")).scalar() == before
    engine.dispose()


def test_add_officer_from_the_command_line_with_the_password_on_stdin(
    office_url: str, logins: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    login = new_login(logins)
    monkeypatch.setattr("sys.stdin", io.StringIO("s3cret pass\n"))
    out = io.StringIO()
    monkeypatch.setattr("sys.stdout", out)
    assert main(["server", "add-officer", login, "--name", "Ms.  Aisha   Khan", "--role",
                 "officer", "--password-stdin", "--database-url", office_url]) == 0  # fmt: skip
    assert f"Added Ms. Aisha Khan as officer (login {login})." in out.getvalue()
    listed = {o.login: (o.name, o.role) for o in server.officers(office_url)}
    assert listed[login] == ("Ms. Aisha Khan", "officer")

    # The same login again moves the officer to another role and keeps the password.
    server.add_officer(office_url, login, "Ms. Aisha Khan", "reader", None)
    assert {o.login: o.role for o in server.officers(office_url)}[login] == "reader"
    reader = Desk.open(database_url=as_login(office_url, login))
    try:
        with pytest.raises(NotAllowedError):
            retitle(reader, "no")
    finally:
        reader.close()

    gone = server.remove_officer(office_url, login)
    assert gone.name == "Ms. Aisha Khan"
    assert login not in {o.login for o in server.officers(office_url)}


@pytest.mark.parametrize(
    ("login", "said"),
    [
        ("Aisha Khan", "cannot be a login"),
        ("pg_signal", "cannot be a login"),
        ("postgres", "not a VisitDesk officer"),
    ],
)
def test_logins_that_are_not_an_officers_are_refused(
    office_url: str, login: str, said: str
) -> None:
    with pytest.raises(RefusedError) as refused:
        server.add_officer(office_url, login, "Someone", "officer", "pw")
    assert said in str(refused.value)


def test_removing_someone_who_is_no_officer_is_refused(office_url: str) -> None:
    with pytest.raises(RefusedError) as refused:
        server.remove_officer(office_url, "postgres")
    assert "There is no VisitDesk officer “postgres”" in str(refused.value)


def test_init_on_an_empty_database_then_again_says_what_it_did(
    empty_database: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--database-url", empty_database, "server", "init", "--backup-dir",
                 str(tmp_path)]) == 0  # fmt: skip
    assert "Created VisitDesk's tables on the server." in capsys.readouterr().out
    assert main(["server", "init", "--database-url", empty_database]) == 0
    assert "already at this version's schema" in capsys.readouterr().out
    assert list(tmp_path.iterdir()) == []  # nothing to back up: nothing was upgraded


def _database_at_0007(url: str) -> None:
    from alembic import command

    from visitdesk.store.migrate import alembic_config

    engine = create_engine(url)
    with engine.begin() as connection:
        config = alembic_config()
        config.attributes["connection"] = connection
        command.upgrade(config, "0007_record_versions")
        connection.execute(
            text(
                "INSERT INTO organisation (ref, name, kind) VALUES ('ipo', 'IPO-Pakistan', 'other')"
            )
        )
    engine.dispose()


def test_upgrading_takes_a_pg_dump_first(
    empty_database: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _database_at_0007(empty_database)
    assert main(["server", "init", "--database-url", empty_database, "--backup-dir",
                 str(tmp_path)]) == 0  # fmt: skip
    out = capsys.readouterr().out
    dumps = list(tmp_path.glob("*.backup-*-before-upgrade-from-0007_record_versions.dump"))
    assert len(dumps) == 1 and dumps[0].stat().st_size > 0
    assert f"Backed up the database before upgrading it: {dumps[0]}" in out
    assert "Upgraded the database from schema 0007_record_versions." in out
    assert dumps[0].read_bytes().startswith(b"PGDMP")  # pg_restore's custom format


def test_without_pg_dump_the_upgrade_is_refused_and_nothing_changes(
    empty_database: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    _database_at_0007(empty_database)
    monkeypatch.setenv("PATH", str(tmp_path))  # no pg_dump on it
    assert main(["server", "init", "--database-url", empty_database]) == 1
    err = capsys.readouterr().err
    assert "pg_dump, PostgreSQL's backup program, is not installed here" in err
    assert "--without-backup" in err
    engine = create_engine(empty_database)
    with engine.connect() as connection:
        version = connection.execute(text("SELECT version_num FROM alembic_version")).scalar()
    engine.dispose()
    assert version == "0007_record_versions"
    monkeypatch.setenv("PATH", os.defpath)
    assert main(["server", "init", "--database-url", empty_database, "--without-backup"]) == 0
    engine = create_engine(empty_database)
    with engine.connect() as connection:
        version = connection.execute(text("SELECT version_num FROM alembic_version")).scalar()
    engine.dispose()
    assert version == SCHEMA_HEAD


def test_server_commands_refuse_an_sqlite_database(tmp_path: Path) -> None:
    with pytest.raises(RefusedError) as refused:
        server.init(f"sqlite:///{tmp_path / 'x.sqlite3'}", tmp_path)
    assert "sets up a PostgreSQL server" in str(refused.value)


def test_a_reader_prints_a_briefing_pack_and_exports_the_calendar(
    office_url: str, logins: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Printing numbers the pack and a calendar marks its events sent: a reader may do both."""
    login = new_login(logins)
    server.add_officer(office_url, login, "Mr. Lee Min-ho", "reader", "pw")
    url = as_login(office_url, login)
    pack, calendar = tmp_path / "pack.pdf", tmp_path / "visit.ics"
    assert main(["--database-url", url, "briefing-pack", VISIT, "-o", str(pack)]) == 0, (
        capsys.readouterr().err
    )
    assert main(["--database-url", url, "ics", VISIT, "-o", str(calendar)]) == 0, (
        capsys.readouterr().err
    )
    assert pack.read_bytes().startswith(b"%PDF") and calendar.stat().st_size > 0
    # ... and still changes nothing else.
    assert main(["--database-url", url, "import", str(server_helpers.EXAMPLE)]) == 1
    assert "did not let your sign-in change" in capsys.readouterr().err


def test_an_officer_adds_records_and_the_trail_names_them(sign_in: SignIn) -> None:
    from visitdesk.domain.models import Organisation

    officer = sign_in("officer", "Ms. Aisha Khan")

    def add(session: Session) -> int:
        made = Organisation(ref="riphah-university-test", name="Riphah International University")
        session.add(made)
        session.flush()
        return made.id

    made_id = officer.write(add)
    told = [h.sentence for h in officer.history.record("organisation", made_id)]
    assert len(told) == 1
    assert told[0].startswith("Ms. Aisha Khan added this organisation at ")


def test_a_table_a_later_upgrade_adds_gets_the_trail_and_the_groups_rights(
    office_url: str,
) -> None:
    from visitdesk.store.server.setup import after_upgrade

    engine = create_engine(office_url)
    with engine.begin() as connection:
        # What a later migration would add, then what every upgrade on the server runs after it.
        connection.execute(text("CREATE TABLE later_note (id serial PRIMARY KEY, visit_id int)"))
        after_upgrade(connection)
    with engine.connect() as connection:
        triggers = connection.execute(
            text(
                "SELECT t.tgname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid "
                "WHERE c.relname = 'later_note' AND NOT t.tgisinternal"
            )
        ).scalars()
        assert list(triggers) == ["visitdesk_audit_later_note"]
        assert connection.execute(
            text("SELECT has_table_privilege('visitdesk_readers', 'later_note', 'SELECT')")
        ).scalar()
        assert not connection.execute(
            text("SELECT has_table_privilege('visitdesk_readers', 'later_note', 'INSERT')")
        ).scalar()
    engine.dispose()
