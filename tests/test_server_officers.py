"""Administrators add and remove officers themselves, by the server's own SECURITY DEFINER
functions (no IT login); readers and officers are refused in a sentence, and the functions
check what they are given whichever client calls them."""

from __future__ import annotations

import io
import uuid

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.exc import DBAPIError

from tests import server_helpers
from tests.server_helpers import SignIn, as_login, new_login
from visitdesk.app import Desk, server
from visitdesk.cli import main

pytestmark = [pytest.mark.postgresql, pytest.mark.slow]

empty_database = server_helpers.empty_database
office_url = server_helpers.office_url
logins = server_helpers.logins
sign_in = server_helpers.sign_in


def add_by_cli(url: str, login: str, role: str, monkeypatch: pytest.MonkeyPatch) -> int:
    monkeypatch.setattr("sys.stdin", io.StringIO("their password\n"))
    return main(["server", "add-officer", login, "--name", "Mr. Bilal Malik", "--role", role,
                 "--password-stdin", "--database-url", url])  # fmt: skip


def test_an_administrator_adds_and_removes_an_officer_from_the_command_line(
    office_url: str, logins: list[str], monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    admin = new_login(logins)
    server.add_officer(office_url, admin, "Dr. Amina Qureshi", "admin", "pw")
    admin_url = as_login(office_url, admin)
    login = new_login(logins)
    assert add_by_cli(admin_url, login, "officer", monkeypatch) == 0
    assert f"Added Mr. Bilal Malik as officer (login {login})." in capsys.readouterr().out
    assert {o.login: o.role for o in server.officers(admin_url)}[login] == "officer"
    # The new officer signs in and works.
    desk = Desk.open(database_url=as_login(office_url, login))
    try:
        assert [v.ref for v in desk.visits.list()] == [server_helpers.VISIT]
    finally:
        desk.close()
    assert main(["server", "remove-officer", login, "--database-url", admin_url]) == 0
    assert "Removed the login" in capsys.readouterr().out
    assert login not in {o.login for o in server.officers(office_url)}


@pytest.mark.parametrize("role", ["reader", "officer"])
def test_a_reader_or_officer_who_tries_is_told_in_a_sentence(
    office_url: str, logins: list[str], role: str, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    who = new_login(logins)
    server.add_officer(office_url, who, "Ms. Sana Mir", role, "pw")
    login = new_login(logins)
    assert add_by_cli(as_login(office_url, who), login, "admin", monkeypatch) == 1
    said = " ".join(capsys.readouterr().err.split())
    assert "Only VisitDesk administrators may add or remove officers" in said
    assert login not in {o.login for o in server.officers(office_url)}
    assert main(["server", "remove-officer", who, "--database-url", as_login(office_url, who)]) == 1
    assert "Only VisitDesk administrators" in capsys.readouterr().err


def scram(url: str, login: str) -> str:
    engine = create_engine(url)
    with engine.connect() as connection:
        pgconn = connection.connection.driver_connection.pgconn  # type: ignore[union-attr]
        hashed: bytes = pgconn.encrypt_password(b"pw", login.encode(), b"scram-sha-256")
    engine.dispose()
    return hashed.decode()


def call(url: str, statement: str, **values: str) -> object:
    engine = create_engine(url)
    try:
        with engine.begin() as connection:
            return connection.execute(text(statement), values).scalar()
    finally:
        engine.dispose()


ADD = "SELECT visitdesk_add_officer(:login, :name, :role, :hash)"


@pytest.mark.parametrize(
    ("login", "role", "said"),
    [
        ('x"; DROP TABLE visit; --', "officer", "cannot be a login"),
        ("x'); DROP TABLE visit; --", "officer", "cannot be a login"),
        ("Robert", "officer", "cannot be a login"),
        ("visitdesk_readers", "officer", "cannot be a login"),
        ("pg_monitor", "officer", "cannot be a login"),
        ("postgres", "officer", "not a VisitDesk officer"),
        ("fresh", "admin WITH SUPERUSER", "is not a role"),
        ("fresh", "superuser", "is not a role"),
    ],
)
def test_the_function_itself_refuses_hostile_logins_and_roles_whoever_calls_it(
    office_url: str, logins: list[str], login: str, role: str, said: str
) -> None:
    admin = new_login(logins)
    server.add_officer(office_url, admin, "Dr. Amina Qureshi", "admin", "pw")
    admin_url = as_login(office_url, admin)
    hashed = scram(office_url, "fresh")
    with pytest.raises(DBAPIError) as refused:
        call(admin_url, ADD, login=login, name="Someone", role=role, hash=hashed)
    assert said in str(refused.value)
    assert call(office_url, "SELECT count(*) FROM visit") == 1
    assert call(office_url, "SELECT rolsuper FROM pg_roles WHERE rolname = 'postgres'") is True
    assert call(office_url, "SELECT count(*) FROM pg_roles WHERE rolname = 'fresh'") == 0


def test_a_name_with_quotes_is_kept_literally_and_a_password_must_come_hashed(
    office_url: str, logins: list[str]
) -> None:
    admin = new_login(logins)
    server.add_officer(office_url, admin, "Dr. Amina Qureshi", "admin", "pw")
    admin_url = as_login(office_url, admin)
    login = new_login(logins)
    name = 'Mr. O\'Brien "Ned"; DROP ROLE postgres; --'
    with pytest.raises(DBAPIError) as refused:
        call(admin_url, ADD, login=login, name=name, role="reader", hash="plain text")
    assert "SCRAM-SHA-256" in str(refused.value)
    assert call(
        admin_url, ADD, login=login, name=name, role="reader", hash=scram(office_url, login)
    )
    assert {o.login: o.name for o in server.officers(office_url)}[login] == name
    assert call(office_url, "SELECT count(*) FROM pg_roles WHERE rolname = 'postgres'") == 1


def test_an_administrator_cannot_remove_themselves_nor_the_it_login(
    office_url: str, logins: list[str]
) -> None:
    admin = new_login(logins)
    server.add_officer(office_url, admin, "Dr. Amina Qureshi", "admin", "pw")
    admin_url = as_login(office_url, admin)
    remove = "SELECT visitdesk_remove_officer(:login)"
    with pytest.raises(DBAPIError) as refused:
        call(admin_url, remove, login=admin)
    assert "cannot remove your own login" in str(refused.value)
    with pytest.raises(DBAPIError) as refused:
        call(admin_url, remove, login="postgres")
    assert "no VisitDesk officer" in str(refused.value)


def test_an_officer_cannot_run_the_function_by_plain_sql(sign_in: SignIn, office_url: str) -> None:
    officer = sign_in("officer", "Ms. Aisha Khan")
    login = f"t{uuid.uuid4().hex[:10]}"
    url = officer.location.replace("***", "pw")
    with pytest.raises(DBAPIError) as refused:
        call(url, ADD, login=login, name="Me", role="admin", hash=scram(office_url, login))
    assert "permission denied for function visitdesk_add_officer" in str(refused.value)
