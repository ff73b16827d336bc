"""Fixtures for the shared-office tests: a database of their own on the test server, set up
with `visitdesk server init`, and officers' logins made for a test and dropped after it.

Roles are the server's, not one database's: each test's logins get names of their own.
The test server (`packaging/dev.py test --full`) trusts local logins, so passwords are set
but not checked there.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, make_url, text

from visitdesk.app import Desk, server
from visitdesk.services.exchange.importer import import_file
from visitdesk.store.database import Store

SERVER_ENV = "VISITDESK_TEST_POSTGRESQL_URL"
EXAMPLE = Path(__file__).parent / "fixtures" / "sipo-2017.visit.json"
VISIT = "sipo-2017-03"
SignIn = Callable[[str, str], Desk]  # (role, full name) -> a Desk signed in as a new officer


@pytest.fixture
def empty_database() -> Iterator[str]:
    """The URL (as the server's administrator) of a new, empty database on the test server."""
    base = os.environ.get(SERVER_ENV)
    if not base:
        pytest.skip(f"{SERVER_ENV} is not set (`python3 packaging/dev.py test --full` sets it)")
    name = f"visitdesk_server_{uuid.uuid4().hex[:12]}"
    admin = create_engine(base, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f"CREATE DATABASE {name} ENCODING 'UTF8' TEMPLATE template0"))
    try:
        yield make_url(base).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as connection:
            connection.execute(text(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
        admin.dispose()


@pytest.fixture
def office_url(empty_database: str, tmp_path: Path) -> str:
    """A database set up by `server init`, holding the example visit (imported by IT)."""
    server.init(empty_database, tmp_path)
    store = Store.open(database_url=empty_database)
    try:
        import_file(store, EXAMPLE)
    finally:
        store.close()
    return empty_database


@pytest.fixture
def logins(office_url: str) -> Iterator[list[str]]:
    """Logins a test makes (add their names here); dropped after the test."""
    made: list[str] = []
    yield made
    admin = create_engine(office_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        for login in made:
            connection.execute(text(f'DROP ROLE IF EXISTS "{login}"'))
    admin.dispose()


def new_login(logins: list[str]) -> str:
    login = f"t{uuid.uuid4().hex[:10]}"
    logins.append(login)
    return login


def as_login(office_url: str, login: str) -> str:
    return make_url(office_url).set(username=login, password="pw").render_as_string(False)


@pytest.fixture
def sign_in(office_url: str, logins: list[str]) -> Iterator[SignIn]:
    desks: list[Desk] = []

    def open_as(role: str, name: str) -> Desk:
        login = new_login(logins)
        server.add_officer(office_url, login, name, role, "a password")
        desk = Desk.open(database_url=as_login(office_url, login))
        desks.append(desk)
        return desk

    yield open_as
    for desk in desks:
        desk.close()
