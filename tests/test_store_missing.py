"""Records deleted between two starts are never silently replaced by an empty store."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from visitdesk.app import Desk, MissingRecordsError
from visitdesk.app.visits import VisitDetails
from visitdesk.cli import main


def records_with_a_visit(folder: Path) -> Path:
    desk = Desk.open(data_dir=folder)
    title = "Visit of the KIPO delegation"
    desk.visits.create(VisitDetails(title, date(2026, 5, 11), date(2026, 5, 13)))
    path = desk.database_file
    desk.close()
    assert path is not None
    # A backup as the upgrade step writes them, from before the file went missing.
    backup = folder / "visitdesk.backup-20261201-090000-before-upgrade-from-0006.sqlite3"
    shutil.copy(path, backup)
    return path


def test_a_deleted_file_is_refused_not_recreated_empty(tmp_path: Path) -> None:
    path = records_with_a_visit(tmp_path)
    path.unlink()
    with pytest.raises(MissingRecordsError, match="is missing") as refused:
        Desk.open(data_dir=tmp_path)
    assert not path.exists()  # nothing created in its place
    assert refused.value.backups[0].name.startswith("visitdesk.backup-")
    assert "newest backup is visitdesk.backup-20261201" in str(refused.value)


def test_the_newest_backup_is_restored_whole(tmp_path: Path) -> None:
    path = records_with_a_visit(tmp_path)
    path.unlink()
    with pytest.raises(MissingRecordsError) as refused:
        Desk.open(data_dir=tmp_path)
    Desk.restore_backup(refused.value.backups[0], refused.value.path)
    desk = Desk.open(data_dir=tmp_path)
    assert [v.title for v in desk.visits.list()] == ["Visit of the KIPO delegation"]
    desk.close()


def test_beginning_again_on_purpose_makes_empty_records(tmp_path: Path) -> None:
    path = records_with_a_visit(tmp_path)
    path.unlink()
    desk = Desk.open(data_dir=tmp_path, start_empty=True)
    assert desk.visits.list() == ()
    desk.close()


def test_a_first_start_in_a_new_folder_still_creates_records(tmp_path: Path) -> None:
    desk = Desk.open(data_dir=tmp_path / "new")
    assert desk.visits.list() == ()
    desk.close()


def test_the_command_line_says_how_to_restore(tmp_path: Path, capsys: Any) -> None:
    path = records_with_a_visit(tmp_path)
    path.unlink()
    assert main(["--data-dir", str(tmp_path), "visits"]) == 3
    err = capsys.readouterr().err
    assert "is missing" in err and f"copy {tmp_path}" in err and "--start-empty" in err
    assert not path.exists()
    assert main(["--data-dir", str(tmp_path), "--start-empty", "visits"]) == 0


def test_a_daily_copy_is_kept_once_a_day_for_a_week_and_offered_when_the_file_is_gone(
    tmp_path: Path,
) -> None:
    from datetime import datetime, timedelta

    from visitdesk.store.daily import daily_backup

    desk = Desk.open(data_dir=tmp_path)
    desk.visits.create(
        VisitDetails("Visit of the JPO delegation", date(2026, 5, 11), date(2026, 5, 13))
    )
    path = desk.database_file
    assert path is not None
    first = desk.keep_daily_backup()
    assert first is not None and first.exists()
    assert desk.keep_daily_backup() is None  # one a day
    desk.close()
    start = datetime(2030, 1, 1, 9, 0)  # days after the first copy, one a day
    for day in range(1, 10):  # nine more days, each with a change to copy
        again = Desk.open(data_dir=tmp_path)
        again.visits.create(VisitDetails(f"Visit {day}", date(2026, 5, 11), date(2026, 5, 13)))
        again.close()
        assert daily_backup(path, start + timedelta(days=day)) is not None
    assert len(list(tmp_path.glob("visitdesk.backup-*-daily*.sqlite3"))) == 7  # a week kept
    path.unlink()
    with pytest.raises(MissingRecordsError) as refused:
        Desk.open(data_dir=tmp_path)
    Desk.restore_backup(refused.value.backups[0], path)
    back = Desk.open(data_dir=tmp_path)
    assert "Visit 9" in [v.title for v in back.visits.list()]  # the newest copy came back
    back.close()
