"""The store: created and migrated on opening, refusing what it must not touch."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import text

from visitdesk.domain.models import Base
from visitdesk.store import migrate
from visitdesk.store.backup import backup_sqlite
from visitdesk.store.database import Store
from visitdesk.store.errors import NewerDatabaseError, StoreError
from visitdesk.store.location import DATABASE_FILE

FIXTURES = Path(__file__).parent / "fixtures" / "schemas"


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_schema_head_constant_names_the_newest_migration() -> None:
    script = ScriptDirectory.from_config(migrate.alembic_config())
    assert script.get_heads() == [migrate.SCHEMA_HEAD]


def test_migrating_an_empty_store_gives_exactly_the_models_schema(store: Store) -> None:
    with store.engine.connect() as connection:
        differences = compare_metadata(MigrationContext.configure(connection), Base.metadata)
        assert differences == []
        assert migrate.current_revision(connection) == migrate.SCHEMA_HEAD


def test_sqlite_store_runs_in_wal_mode_with_foreign_keys(store: Store) -> None:
    with store.engine.connect() as connection:
        assert connection.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert connection.execute(text("PRAGMA foreign_keys")).scalar() == 1


def test_data_dir_comes_from_the_argument_then_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("VISITDESK_DATA_DIR", str(tmp_path / "from-env"))
    Store.open().close()
    assert (tmp_path / "from-env" / DATABASE_FILE).exists()
    Store.open(data_dir=tmp_path / "from-arg").close()
    assert (tmp_path / "from-arg" / DATABASE_FILE).exists()
    url = f"sqlite:///{tmp_path / 'by-url.sqlite3'}"
    monkeypatch.setenv("VISITDESK_DATABASE_URL", url)
    Store.open(data_dir=tmp_path / "ignored").close()
    assert (tmp_path / "by-url.sqlite3").exists()
    assert not (tmp_path / "ignored").exists()


def test_database_of_a_newer_visitdesk_is_refused_and_left_untouched(data_dir: Path) -> None:
    Store.open(data_dir=data_dir).close()
    path = data_dir / DATABASE_FILE
    with sqlite3.connect(path) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '0099_from_the_future'")
    before = digest(path)
    with pytest.raises(NewerDatabaseError, match="newer version of VisitDesk"):
        Store.open(data_dir=data_dir)
    assert digest(path) == before
    assert not list(data_dir.glob("*.backup-*"))


def test_a_database_that_is_not_visitdesk_s_is_refused(data_dir: Path) -> None:
    data_dir.mkdir(parents=True)
    with sqlite3.connect(data_dir / DATABASE_FILE) as connection:
        connection.execute("CREATE TABLE accounts (id INTEGER)")
    with pytest.raises(StoreError, match="not a VisitDesk database"):
        Store.open(data_dir=data_dir)


def test_a_file_that_is_not_a_database_gives_a_plain_error(data_dir: Path) -> None:
    data_dir.mkdir(parents=True)
    (data_dir / DATABASE_FILE).write_bytes(b"this is a letter, not a database" * 100)
    with pytest.raises(StoreError, match="Cannot open the database"):
        Store.open(data_dir=data_dir)


def test_backup_copies_committed_data_even_from_the_write_ahead_log(example_store: Store) -> None:
    path = example_store.database_file
    assert path is not None
    copy = backup_sqlite(path, reason="test")
    assert copy.parent == path.parent and "backup" in copy.name
    with sqlite3.connect(copy) as connection:
        assert connection.execute("SELECT ref FROM visit").fetchall() == [("sipo-2017-03",)]


@pytest.mark.parametrize("fixture", sorted(FIXTURES.glob("*.sqlite3")), ids=lambda p: p.stem)
def test_every_past_schema_upgrades_keeping_its_visits(fixture: Path, tmp_path: Path) -> None:
    """One database per schema version ever released; each must open in this version."""
    data_dir = tmp_path / "data"
    data_dir.mkdir()
    shutil.copy(fixture, data_dir / DATABASE_FILE)
    store = Store.open(data_dir=data_dir)
    try:
        if fixture.stem != migrate.SCHEMA_HEAD:
            assert store.backup is not None and store.backup.exists()
        with store.engine.connect() as connection:
            assert migrate.current_revision(connection) == migrate.SCHEMA_HEAD
            refs = connection.execute(text("SELECT ref FROM visit")).scalars().all()
            assert "sipo-2017-03" in refs
    finally:
        store.close()


def test_fixture_exists_for_the_current_schema() -> None:
    """The next migration's upgrade test needs the database of the schema before it."""
    assert (FIXTURES / f"{migrate.SCHEMA_HEAD}.sqlite3").exists()
