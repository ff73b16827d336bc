"""The store's file meets an office: a newer or foreign file, a failed upgrade, a full disk, a
read-only folder, a network share, a second VisitDesk holding the lock."""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from tests.conftest import FIXTURE_EXAMPLE
from visitdesk.store import backup as backup_module
from visitdesk.store import filesystem, migrate
from visitdesk.store.database import Store
from visitdesk.store.errors import NewerDatabaseError, ReadOnlyStoreError, StoreError
from visitdesk.store.location import DATABASE_FILE

FIXTURES = Path(__file__).parent / "fixtures" / "schemas"
OLDEST = FIXTURES / "0001_initial.sqlite3"


def digest(folder: Path) -> dict[str, str]:
    """Every file of the folder and its content: nothing may appear, vanish or change."""
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir())}


def rollback_journal_database(path: Path, revision: str | None) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with sqlite3.connect(path) as connection:
        connection.execute("PRAGMA journal_mode=DELETE")
        connection.execute("CREATE TABLE letters (body TEXT)")
        if revision is not None:
            connection.execute("CREATE TABLE alembic_version (version_num VARCHAR(32))")
            connection.execute("INSERT INTO alembic_version VALUES (?)", (revision,))
    connection.close()


@pytest.mark.parametrize(
    ("revision", "error", "said"),
    [
        ("0099_from_the_future", NewerDatabaseError, "newer version of VisitDesk"),
        (None, StoreError, "not a VisitDesk database"),
    ],
)
def test_a_newer_or_foreign_database_keeps_every_byte_and_gets_no_wal(
    data_dir: Path, revision: str | None, error: type[Exception], said: str
) -> None:
    rollback_journal_database(data_dir / DATABASE_FILE, revision)
    before = digest(data_dir)
    with pytest.raises(error, match=said):
        Store.open(data_dir=data_dir)
    assert digest(data_dir) == before  # no -wal, no -shm, header bytes 18-19 unchanged


@pytest.fixture
def failing_migration(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The bundled migrations plus one more that fails after the earlier ones succeeded."""
    scripts = tmp_path / "migrations"
    shutil.copytree(Path(migrate.__file__).parent / "migrations", scripts)
    (scripts / "versions" / "9999_fails.py").write_text(
        "from alembic import op\n"
        "revision = '9999_fails'\n"
        f"down_revision = {migrate.SCHEMA_HEAD!r}\n"
        "branch_labels = None\ndepends_on = None\n"
        "def upgrade():\n"
        "    op.execute('CREATE TABLE half_done (a INTEGER)')\n"
        "    raise RuntimeError('the disk went away')\n"
        "def downgrade():\n    pass\n",
        encoding="utf-8",
    )
    real_config = migrate.alembic_config

    def config() -> Any:
        made = real_config()
        made.set_main_option("script_location", str(scripts))
        return made

    monkeypatch.setattr(migrate, "alembic_config", config)
    monkeypatch.setattr(migrate, "SCHEMA_HEAD", "9999_fails")


def schema_of(path: Path) -> list[tuple[str, str]]:
    with sqlite3.connect(path) as connection:
        rows = connection.execute(
            "SELECT name, sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY name"
        ).fetchall()
        version = connection.execute("SELECT version_num FROM alembic_version").fetchall()
    connection.close()
    return [*rows, ("version", str(version))]


@pytest.mark.usefixtures("failing_migration")
def test_an_upgrade_that_fails_part_way_leaves_the_database_as_it_was_with_one_backup(
    data_dir: Path,
) -> None:
    data_dir.mkdir(parents=True)
    database = data_dir / DATABASE_FILE
    shutil.copy(OLDEST, database)
    before = schema_of(database)
    for _attempt in range(2):
        with pytest.raises(StoreError, match="could not upgrade this database") as caught:
            Store.open(data_dir=data_dir)
        assert "Nothing was changed" in str(caught.value)
        assert "the disk went away" in str(caught.value)
        assert schema_of(database) == before  # the steps that had succeeded are undone too
    backups = list(data_dir.glob("*.backup-*"))
    assert len(backups) == 1, backups  # a second failed start writes no second backup
    assert schema_of(backups[0]) == before


class _FullDisk:
    """sqlite3 as the backup module uses it, on a disk that fills up half-way through a copy."""

    Error = sqlite3.Error
    DatabaseError = sqlite3.DatabaseError
    OperationalError = sqlite3.OperationalError

    @staticmethod
    def connect(target: Any, **kwargs: Any) -> Any:
        real = sqlite3.connect(target, **kwargs)
        if kwargs.get("uri"):
            return _Source(real)
        return real


class _Source:
    def __init__(self, real: sqlite3.Connection) -> None:
        self.real = real

    def backup(self, dest: sqlite3.Connection) -> None:
        dest.execute("CREATE TABLE started (a)")
        dest.commit()
        raise sqlite3.OperationalError("database or disk is full")

    def close(self) -> None:
        self.real.close()


def test_a_full_disk_leaves_no_file_named_like_a_backup_and_says_so(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data_dir.mkdir(parents=True)
    database = data_dir / DATABASE_FILE
    shutil.copy(OLDEST, database)
    before = schema_of(database)
    monkeypatch.setattr(backup_module, "sqlite3", _FullDisk)
    with pytest.raises(StoreError, match="could not write a backup") as caught:
        Store.open(data_dir=data_dir)
    assert "database or disk is full" in str(caught.value)
    assert "the database was not changed" in str(caught.value)
    assert sorted(p.name for p in data_dir.iterdir()) == [DATABASE_FILE]
    assert schema_of(database) == before


def test_the_mount_table_tells_a_network_share(tmp_path: Path) -> None:
    mounts = tmp_path / "mounts"
    mounts.write_text(
        "/dev/sda1 / ext4 rw 0 0\n"
        "//server/office /mnt/office cifs rw 0 0\n"
        "server:/export /mnt/nfs\\040share nfs4 rw 0 0\n",
        encoding="utf-8",
    )
    assert filesystem._mount_type(Path("/mnt/office/visits/a.sqlite3"), mounts) == "cifs"
    assert filesystem._mount_type(Path("/mnt/nfs share/a.sqlite3"), mounts) == "nfs4"
    assert filesystem._mount_type(Path("/mnt/officer/a.sqlite3"), mounts) == "ext4"
    assert filesystem.is_unc_path(r"\\server\share\VisitDesk\visitdesk.sqlite3")
    assert not filesystem.is_unc_path(r"C:\Users\officer\AppData\Local\VisitDesk")


def test_on_a_network_share_the_store_uses_the_rollback_journal(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("visitdesk.store.database.is_network_path", lambda _path: True)
    store = Store.open(data_dir=data_dir)
    try:
        with store.engine.connect() as connection:
            assert connection.execute(text("PRAGMA journal_mode")).scalar() == "delete"
        assert store.journal_mode == "DELETE"
    finally:
        store.close()
    assert not (data_dir / f"{DATABASE_FILE}-wal").exists()


@pytest.fixture
def read_only_copy(example_store: Store) -> Iterator[Path]:
    """The example store in a folder made read-only, readable by everyone."""
    source = example_store.database_file
    assert source is not None
    example_store.close()
    folder = Path(tempfile.mkdtemp(prefix="visitdesk-ro-"))
    for name in (DATABASE_FILE, f"{DATABASE_FILE}-wal", f"{DATABASE_FILE}-shm"):
        if (source.parent / name).exists():
            shutil.copy(source.parent / name, folder / name)
    (folder / DATABASE_FILE).chmod(0o444)
    folder.chmod(0o555)
    yield folder
    folder.chmod(0o755)
    shutil.rmtree(folder)


def _read_only_command(argv: list[str]) -> list[str]:
    """The command, run so that the read-only folder really is read-only to it.

    root passes every permission check through its capabilities CAP_DAC_OVERRIDE and
    CAP_DAC_READ_SEARCH; without them (util-linux's setpriv drops them from the child alone)
    it is held to the folder's mode like its owner. No mount is needed, so this works in a
    chroot too. Anyone else has the chmod already.
    """
    if os.geteuid() != 0:
        return argv
    return ["setpriv", "--bounding-set=-dac_override,-dac_read_search", "--", *argv]


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")
def test_a_read_only_folder_lists_and_shows_its_visits_and_refuses_edits_in_a_sentence(
    read_only_copy: Path,
) -> None:
    before = digest(read_only_copy)
    env = {**os.environ, "VISITDESK_DATA_DIR": str(read_only_copy)}

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        argv = [sys.executable, "-m", "visitdesk", *args]
        return subprocess.run(
            _read_only_command(argv),
            capture_output=True,
            text=True,
            env=env,
            check=False,
        )

    listed = run("visits")
    assert listed.returncode == 0, listed.stderr
    assert "sipo-2017-03" in listed.stdout
    shown = run("show", "sipo-2017-03")
    assert shown.returncode == 0, shown.stderr
    imported = run("import", str(FIXTURE_EXAMPLE))
    assert imported.returncode == 1
    assert "open for reading only" in imported.stderr
    assert "Traceback" not in imported.stderr
    assert digest(read_only_copy) == before


def test_a_read_only_store_refuses_a_change_with_a_sentence(
    example_store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = example_store.database_file
    assert path is not None
    example_store.close()
    monkeypatch.setattr("visitdesk.store.database.can_write", lambda _path: False)
    store = Store.open(data_dir=path.parent)
    try:
        assert store.read_only
        with store.session() as session:
            assert session.execute(text("SELECT ref FROM visit")).scalars().all() == [
                "sipo-2017-03"
            ]
        with (
            pytest.raises(ReadOnlyStoreError, match="open for reading only"),
            store.transaction() as session,
        ):
            session.execute(text("UPDATE visit SET title = 'changed'"))
    finally:
        store.close()


def test_a_command_that_waits_too_long_for_a_lock_says_so_and_exits_75(
    example_store: Store, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from visitdesk.cli import main

    path = example_store.database_file
    assert path is not None
    example_store.close()
    monkeypatch.setattr("visitdesk.store.engine.BUSY_TIMEOUT_MS", 200)
    monkeypatch.setattr("visitdesk.app.desk.BUSY_ATTEMPTS", 2)
    holder = sqlite3.connect(path)
    holder.execute("BEGIN IMMEDIATE")
    holder.execute("UPDATE visit SET title = title")
    release = threading.Timer(5.0, holder.rollback)
    release.start()
    try:
        code = main(["--data-dir", str(path.parent), "import", str(FIXTURE_EXAMPLE)])
    finally:
        release.cancel()
        holder.rollback()
        holder.close()
    said = capsys.readouterr().err
    assert code == 75, said
    assert "The database is busy" in said and "Nothing was changed" in said
    time.sleep(0)


@pytest.mark.parametrize("accident", ["replaced", "deleted"])
def test_a_file_replaced_or_deleted_under_a_running_store_is_never_written(
    example_store: Store, tmp_path: Path, accident: str
) -> None:
    path = example_store.database_file
    assert path is not None
    with example_store.session() as session:  # the window has read from it
        session.execute(text("SELECT count(*) FROM visit")).scalar()
    restored = tmp_path / "restored.sqlite3"
    with sqlite3.connect(path) as source, sqlite3.connect(restored) as copy:
        source.backup(copy)
    source.close()
    copy.close()
    if accident == "replaced":
        restored.replace(path)  # what a sync tool or a restore does
        before = digest(path.parent)
    else:
        path.unlink()
    with (
        pytest.raises(
            StoreError, match=f"was {'replaced' if accident == 'replaced' else 'deleted'}"
        ),
        example_store.transaction() as session,
    ):
        session.execute(text("UPDATE visit SET title = 'typed by the officer'"))
    if accident == "replaced":
        assert digest(path.parent) == before
        with sqlite3.connect(path) as check:
            assert check.execute("PRAGMA integrity_check").fetchone() == ("ok",)
            assert check.execute("SELECT title FROM visit").fetchone() != ("typed by the officer",)
        check.close()
    else:
        assert not path.exists()


def test_a_file_replaced_under_a_watched_store_is_not_damaged_by_the_old_wal(
    tmp_path: Path,
) -> None:
    """A sync tool puts another copy in place while the window has unsaved-to-disk WAL
    frames: the next program to open the new file must find it whole."""
    from datetime import date

    from visitdesk.app import Desk
    from visitdesk.app.visits import VisitDetails

    folder = tmp_path / "synced"
    desk = Desk.open(data_dir=folder)
    watch = desk.watch()
    assert watch is not None
    watch.look()  # the window's first look: the watch is on the file as opened
    path = desk.database_file
    assert path is not None
    other = tmp_path / "other.sqlite3"
    with sqlite3.connect(path) as source, sqlite3.connect(other) as copy:
        source.backup(copy)  # the copy a colleague's PC had, before today's work
    source.close()
    copy.close()
    for n in range(40):  # today's work, in the WAL
        desk.visits.create(
            VisitDetails(f"Visit {n} " + "x" * 200, date(2026, 5, 1), date(2026, 5, 2))
        )
    other.replace(path)  # the sync tool
    _changed, gone = watch.look()
    assert gone is not None and "replaced by another file" in gone
    desk.close()
    with sqlite3.connect(path) as check:
        assert check.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert check.execute("SELECT count(*) FROM visit").fetchone() == (0,)
    check.close()
