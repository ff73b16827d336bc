"""Every export is whole or absent: a full disk leaves nothing under the real name (never a
0-byte list, calendar or visit file that looks like a good one), and an older file stays."""

from __future__ import annotations

import errno
from pathlib import Path
from typing import Any

import pytest

from visitdesk import files
from visitdesk.cli import main
from visitdesk.store.database import Store


def _full_disk(_fd: int) -> None:
    raise OSError(errno.ENOSPC, "No space left on device")


@pytest.mark.parametrize(
    ("command", "name"),
    [
        (["export", "--visit", "sipo-2017-03", "-o"], "visits.visit.json"),
        (["ics", "sipo-2017-03", "-o"], "programme.ics"),
        (["export-list", "sipo-2017-03", "--list", "delegation", "-o"], "delegation.xlsx"),
        (["export-list", "sipo-2017-03", "--list", "delegation", "-o"], "delegation.csv"),
        (["press-release", "sipo-2017-03", "--format", "txt", "-o"], "release.txt"),
    ],
)
def test_a_full_disk_leaves_nothing_under_the_real_name_and_says_so(
    example_store: Store,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    command: list[str],
    name: str,
) -> None:
    path = example_store.database_file
    assert path is not None
    example_store.close()
    out = tmp_path / "out"
    out.mkdir()
    monkeypatch.setattr("visitdesk.files.os.fsync", _full_disk)
    code = main(["--data-dir", str(path.parent), *command, str(out / name)])
    said = capsys.readouterr().err
    assert code == 1, said
    assert "No space left on device" in said and "Traceback" not in said
    assert list(out.iterdir()) == []  # no file under its name, no temporary left behind


def test_a_failed_rewrite_keeps_the_older_file(tmp_path: Path, monkeypatch: Any) -> None:
    target = tmp_path / "programme.ics"
    target.write_bytes(b"the calendar sent yesterday")
    monkeypatch.setattr("visitdesk.files.os.fsync", _full_disk)
    with pytest.raises(OSError, match="No space"):
        files.write_bytes(target, b"BEGIN:VCALENDAR")
    assert target.read_bytes() == b"the calendar sent yesterday"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["programme.ics"]
