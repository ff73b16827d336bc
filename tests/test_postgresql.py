"""The same store on a PostgreSQL server: an office may share one database between officers.

Runs when VISITDESK_TEST_POSTGRESQL_URL names a server (`python3 packaging/dev.py test --full`
starts a throwaway one); each test gets a database of its own, dropped afterwards.
"""

from __future__ import annotations

import json
import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, inspect, make_url, select, text

from visitdesk.domain.models import Base, Organisation
from visitdesk.services.exchange.exporter import export_document
from visitdesk.services.exchange.importer import import_file
from visitdesk.store.database import Store
from visitdesk.store.migrate import SCHEMA_HEAD, VERSION_TABLE

pytestmark = [pytest.mark.postgresql, pytest.mark.slow]

SERVER_ENV = "VISITDESK_TEST_POSTGRESQL_URL"


@pytest.fixture
def postgresql_url() -> Iterator[str]:
    """The URL of a new, empty database on the test server."""
    server = os.environ.get(SERVER_ENV)
    if not server:
        pytest.skip(
            f"{SERVER_ENV} is not set, so there is no PostgreSQL server to test against "
            "(`python3 packaging/dev.py test --full` starts one)"
        )
    name = f"visitdesk_test_{uuid.uuid4().hex[:16]}"
    # CREATE/DROP DATABASE cannot run inside a transaction.
    admin = create_engine(server, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f"CREATE DATABASE {name} ENCODING 'UTF8' TEMPLATE template0"))
    try:
        yield make_url(server).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as connection:
            connection.execute(text(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
        admin.dispose()


@pytest.fixture
def pg_store(postgresql_url: str) -> Iterator[Store]:
    opened = Store.open(database_url=postgresql_url)
    try:
        yield opened
    finally:
        opened.close()


def test_a_new_postgresql_database_gets_every_table_at_the_newest_schema(pg_store: Store) -> None:
    assert pg_store.url.get_backend_name() == "postgresql"
    tables = set(inspect(pg_store.engine).get_table_names())
    assert set(Base.metadata.tables) <= tables
    assert VERSION_TABLE in tables
    with pg_store.engine.connect() as connection:
        versions = connection.execute(text(f"SELECT version_num FROM {VERSION_TABLE}")).scalars()
        assert list(versions) == [SCHEMA_HEAD]
    # No file to copy on a server: there is nothing to back up before migrating.
    assert pg_store.backup is None


def test_opening_the_same_postgresql_database_again_keeps_its_data(
    pg_store: Store, postgresql_url: str
) -> None:
    with pg_store.transaction() as session:
        session.add(Organisation(ref="sipo", name="State Intellectual Property Office"))
    pg_store.close()

    again = Store.open(database_url=postgresql_url)
    try:
        with again.session() as session:
            names = session.scalars(select(Organisation.name)).all()
        assert names == ["State Intellectual Property Office"]
        with again.engine.connect() as connection:
            version = connection.execute(text(f"SELECT version_num FROM {VERSION_TABLE}")).scalar()
        assert version == SCHEMA_HEAD
    finally:
        again.close()


@pytest.mark.parametrize(
    "native_name",
    [
        "国家知识产权局",  # Chinese
        "特許庁",  # Japanese
        "انٹلیکچوئل پراپرٹی آرگنائزیشن",  # Urdu
        "<b>Ministry</b> & Co 🇵🇰",  # markup and emoji, kept as typed
        "",
    ],
)
def test_names_in_every_script_come_back_from_postgresql_as_typed(
    pg_store: Store, native_name: str
) -> None:
    with pg_store.transaction() as session:
        session.add(Organisation(ref="org", name="Office", native_name=native_name))
    with pg_store.session() as session:
        stored = session.scalars(select(Organisation.native_name)).one()
    assert stored == native_name


def test_the_example_visit_exports_from_postgresql_exactly_as_from_sqlite(
    pg_store: Store, store: Store, example_path: Path, tmp_path: Path
) -> None:
    """Moving an office to a shared server must not change a single exported character.

    The office moves as it would: its SQLite records exported, then imported on the server
    (the export carries what each store makes once, such as the calendar UIDs)."""
    import_file(store, example_path)
    with store.session() as session:
        from_sqlite = export_document(session)
    moved = tmp_path / "office.visit.json"
    moved.write_text(from_sqlite, encoding="utf-8")
    import_file(pg_store, moved)
    with pg_store.session() as session:
        from_postgresql = export_document(session)

    assert from_postgresql == from_sqlite
    example = json.loads(example_path.read_text(encoding="utf-8"))
    exported = json.loads(from_postgresql)
    assert [v["id"] for v in exported["visits"]] == [v["id"] for v in example["visits"]]


def test_a_file_exported_from_postgresql_imports_back_into_an_empty_server_unchanged(
    pg_store: Store, postgresql_url: str, example_path: Path, tmp_path: Path
) -> None:
    import_file(pg_store, example_path)
    exported = tmp_path / "exported.visit.json"
    with pg_store.session() as session:
        exported.write_text(export_document(session), encoding="utf-8")

    with pg_store.transaction() as session:
        # Empty the server's database: drop and migrate again from nothing.
        session.execute(text("DROP SCHEMA public CASCADE"))
        session.execute(text("CREATE SCHEMA public"))
    pg_store.close()
    empty = Store.open(database_url=postgresql_url)
    try:
        with empty.session() as session:
            assert session.scalars(select(Organisation)).all() == []
        import_file(empty, exported)
        with empty.session() as session:
            assert export_document(session) == exported.read_text(encoding="utf-8")
    finally:
        empty.close()
