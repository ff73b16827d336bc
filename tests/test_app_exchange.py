"""visitdesk/1 files through the app layer: one text for a file's problems in the window and
on the command line, an import taken back whole, an export written whole or not at all."""

from __future__ import annotations

import errno
import json
from pathlib import Path
from typing import Any

import pytest

from visitdesk.app import Desk, RefusedError
from visitdesk.app.exchange import ReleaseNumbersTakenError
from visitdesk.cli import main

EXAMPLE = Path(__file__).parent / "fixtures" / "sipo-2017.visit.json"


def _window_says(qtbot: Any, desk: Desk, path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    from PySide6.QtWidgets import QMessageBox, QWidget

    from visitdesk.ui.exchange_actions import import_path

    said: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a: said.append(text))
    monkeypatch.setattr(
        QMessageBox, "question", lambda *a: QMessageBox.StandardButton.No
    )  # keep the numbers: the file is refused
    parent = QWidget()
    qtbot.addWidget(parent)
    assert not import_path(desk, str(path), parent)
    (text,) = said
    return text


@pytest.mark.parametrize("content", ['{"format": "visitdesk/1", "visits": [{"id": 5}]}', "{no"])
def test_a_broken_file_is_told_in_the_same_words_in_the_window_and_the_cli(
    qtbot: Any,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    content: str,
) -> None:
    bad = tmp_path / "broken.visit.json"
    bad.write_text(content, encoding="utf-8")
    desk = Desk.open(data_dir=tmp_path / "data")
    try:
        window = _window_says(qtbot, desk, bad, monkeypatch)
    finally:
        desk.close()
    assert main(["--data-dir", str(tmp_path / "data"), "import", str(bad)]) == 1
    cli = capsys.readouterr().err
    assert cli == f"visitdesk: {window}\n"
    # The file is named once, at the start, never twice ("broken.visit.json: broken…").
    assert window.startswith("broken.visit.json: not imported") and window.count("broken") == 1


def test_a_taken_release_number_offers_each_front_end_its_own_way_out(
    qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    document = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    document["visits"][0]["id"] = "sipo-2017-copy"
    copy = tmp_path / "copy.visit.json"
    copy.write_text(json.dumps(document), encoding="utf-8")
    desk = Desk.open(data_dir=tmp_path / "data")
    try:
        desk.exchange.import_file(EXAMPLE)
        with pytest.raises(ReleaseNumbersTakenError) as refused:
            desk.exchange.import_file(copy)
        assert "211 of 2017 is already used" in str(refused.value)
        window = _window_says(qtbot, desk, copy, monkeypatch)
        assert "visitdesk import" not in window  # no command line in the window
        imported = desk.exchange.import_file(copy, renumber_releases=True)
        assert "Renumbered the press release" in imported.summary
        register = desk.press.register(2017)
        assert [e.number for e in register.entries] == [211, 212]
        desk.exchange.undo_import(imported)
        assert [e.number for e in desk.press.register(2017).entries] == [211]
        desk.exchange.redo_import(imported)
        assert len(desk.press.register(2017).entries) == 2
    finally:
        desk.close()
    desk = Desk.open(data_dir=tmp_path / "cli")
    desk.exchange.import_file(EXAMPLE)
    desk.close()
    assert main(["--data-dir", str(tmp_path / "cli"), "import", str(copy)]) == 1
    assert "visitdesk import --renumber-releases" in capsys.readouterr().err


def test_a_preview_names_what_an_import_would_change_and_writes_nothing(tmp_path: Path) -> None:
    desk = Desk.open(data_dir=tmp_path)
    try:
        fresh = desk.exchange.preview(EXAMPLE)
        assert fresh.new_visits == ("sipo-2017-03",) and fresh.updated_visits == ()
        assert fresh.new_people == 5 and fresh.updated_people == ()
        assert desk.visits.list() == ()
        desk.exchange.import_file(EXAMPLE)
        again = desk.exchange.preview(EXAMPLE)
        assert again.updated_visits == ("sipo-2017-03",) and again.new_people == 0
        assert ("Mr. Shahid Rashid", "Mr. Shahid Rashid") in again.updated_people
        assert len(again.updated_people) == 5
    finally:
        desk.close()


def test_a_failed_export_writes_nothing_and_keeps_the_older_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    desk = Desk.open(data_dir=tmp_path / "data")
    try:
        desk.exchange.import_file(EXAMPLE)
        target = tmp_path / "visits.visit.json"
        target.write_text("yesterday's export", encoding="utf-8")

        def full_disk(_fd: int) -> None:
            raise OSError(errno.ENOSPC, "No space left on device")

        monkeypatch.setattr("visitdesk.files.os.fsync", full_disk)
        with pytest.raises(RefusedError, match="No space left on device") as refused:
            desk.exchange.export(target)
        assert str(target) in str(refused.value) and ".part" not in str(refused.value)
        assert target.read_text(encoding="utf-8") == "yesterday's export"
        assert sorted(p.name for p in tmp_path.iterdir()) == ["data", "visits.visit.json"]
        monkeypatch.undo()
        with pytest.raises(RefusedError, match="its folder does not exist"):
            desk.exchange.export(tmp_path / "missing" / "visits.visit.json")
        exported = desk.exchange.export(target)
        assert exported.size == target.stat().st_size
        assert json.loads(target.read_text(encoding="utf-8"))["format"] == "visitdesk/1"
    finally:
        desk.close()


def test_the_window_asks_before_a_file_renames_someone_already_in_the_records(
    qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QMessageBox, QWidget

    from visitdesk.ui.exchange_actions import import_path

    document = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    document["visits"] = []
    rashid = next(p for p in document["people"] if p["id"] == "rashid")
    rashid.update(given_name="Rashid", family_name="Ali")
    other = tmp_path / "other-office.visit.json"
    other.write_text(json.dumps(document), encoding="utf-8")
    desk = Desk.open(data_dir=tmp_path / "data")
    try:
        desk.exchange.import_file(EXAMPLE)
        asked: list[str] = []

        def answer_no(_p: Any, _title: str, text: str, *a: Any) -> Any:
            asked.append(text)
            return QMessageBox.StandardButton.No

        monkeypatch.setattr(QMessageBox, "question", answer_no)
        parent = QWidget()
        qtbot.addWidget(parent)
        assert not import_path(desk, str(other), parent)
        (question,) = asked
        assert "Mr. Shahid Rashid → Mr. Rashid Ali" in question
        # Still his name: nothing of the file was imported.
        assert ("Mr. Shahid Rashid", "Mr. Rashid Ali") in desk.exchange.preview(
            other
        ).updated_people
    finally:
        desk.close()
