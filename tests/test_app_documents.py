"""A visit's documents through the app layer: bytes to preview, files written whole or not at
all, and what a document records (number, pack version, calendar) kept only with its file."""

from __future__ import annotations

import errno
import io
from collections.abc import Iterator
from pathlib import Path

import pytest
from pypdf import PdfReader

from visitdesk.app import Desk, RefusedError

EXAMPLE = Path(__file__).parent / "fixtures" / "sipo-2017.visit.json"


@pytest.fixture
def desk(tmp_path: Path) -> Iterator[Desk]:
    opened = Desk.open(data_dir=tmp_path / "data")
    opened.exchange.import_file(EXAMPLE)
    yield opened
    opened.close()


def _text(data: bytes) -> str:
    return "\n".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(data)).pages)


def _full_disk(_fd: int) -> None:
    raise OSError(errno.ENOSPC, "No space left on device")


def test_the_release_shown_unsaved_prints_alike_as_pdf_word_and_text(desk: Desk) -> None:
    import dataclasses

    import docx

    shown = desk.press.draft(desk.visits.id_of("sipo-2017-03"))
    typed = dataclasses.replace(shown.record.data, headline="Typed & <b>not</b> saved")
    content = shown.letterhead.content(typed)
    pdf = _text(desk.documents.release(content))
    assert "PR No.211" in pdf and "Typed & <b>not</b> saved" in pdf
    word = docx.Document(io.BytesIO(desk.documents.release(content, "docx")))
    assert any(p.text == "Typed & <b>not</b> saved" for p in word.paragraphs)
    text = desk.documents.release(content, "txt").decode("utf-8")
    assert "Typed & <b>not</b> saved" in text and text.endswith("\n")
    # Nothing was stored by drawing: the saved headline is the draft's.
    assert desk.press.load(shown.record.id).data.headline == shown.record.data.headline


def test_a_release_whose_file_cannot_be_written_takes_no_number(
    desk: Desk, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import json

    document = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    document["visits"][0]["id"] = "sipo-2017-copy"
    del document["visits"][0]["press_releases"]
    copy = tmp_path / "copy.visit.json"
    copy.write_text(json.dumps(document), encoding="utf-8")
    desk.exchange.import_file(copy)
    visit_id = desk.visits.id_of("sipo-2017-copy")
    assert desk.press.release(visit_id) is None
    out = tmp_path / "out"
    out.mkdir()
    monkeypatch.setattr("visitdesk.files.os.fsync", _full_disk)
    with pytest.raises(RefusedError, match="No space left on device"):
        desk.documents.press_release(visit_id, out / "release.docx")
    assert list(out.iterdir()) == []
    assert desk.press.release(visit_id) is None  # not numbered either
    monkeypatch.undo()
    printed = desk.documents.press_release(visit_id, out / "release.docx")
    assert printed.release.created and printed.release.label == "PR No.212"
    assert (out / "release.docx").read_bytes() == printed.data
    with pytest.raises(RefusedError, match=r"x\.pdf: its folder does not exist"):
        desk.documents.save_release(printed.release.content(), tmp_path / "no" / "x.pdf")


def test_the_pack_version_is_recorded_only_with_its_file(
    desk: Desk, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    visit_id = desk.visits.id_of("sipo-2017-03")
    first = desk.documents.briefing_pack(visit_id)
    assert first.data.startswith(b"%PDF") and first.pages >= 4
    target = tmp_path / "pack.pdf"
    monkeypatch.setattr("visitdesk.files.os.fsync", _full_disk)
    with pytest.raises(RefusedError, match="No space left on device"):
        desk.documents.save_briefing_pack(visit_id, target)
    assert not target.exists()
    monkeypatch.undo()
    second = desk.documents.save_briefing_pack(visit_id, target)
    assert second.version == first.version + 1
    assert f"version {second.version}" in _text(target.read_bytes()).casefold()


def test_a_guest_s_pack_is_a_guest_copy_chosen_from_the_visit_s_people(desk: Desk) -> None:
    visit_id = desk.visits.id_of("sipo-2017-03")
    options = desk.documents.options(visit_id)
    assert options.classification == "RESTRICTED"
    guest = next(p for p in options.people if p.side.value == "guest")
    pack = desk.documents.briefing_pack(visit_id, guest.ref)
    assert pack.guest_copy and pack.prepared_for == guest.name
    assert "GUEST COPY" in _text(pack.data).upper()


def test_programme_and_calendar_come_as_bytes_and_files(desk: Desk, tmp_path: Path) -> None:
    visit_id = desk.visits.id_of("sipo-2017-03")
    programme = desk.documents.programme(visit_id)
    assert programme.engagements == 4 and programme.pages == 1
    assert "Dr. HE Zhimin" in _text(programme.data)
    saved = desk.documents.save_programme(visit_id, tmp_path / "programme.pdf")
    assert (tmp_path / "programme.pdf").stat().st_size == len(saved.data)
    calendar = desk.documents.save_calendar(visit_id, tmp_path / "visit.ics")
    assert calendar.events == 4
    assert (tmp_path / "visit.ics").read_bytes().startswith(b"BEGIN:VCALENDAR")
    with pytest.raises(RefusedError, match="is a folder"):
        desk.documents.save_calendar(visit_id, tmp_path)


def test_a_deleted_visit_is_one_sentence_without_command_line_hints(desk: Desk) -> None:
    visit_id = desk.visits.id_of("sipo-2017-03")
    desk.visits.delete(visit_id)
    for call in (
        lambda: desk.documents.programme(visit_id),
        lambda: desk.documents.calendar(visit_id),
        lambda: desk.documents.briefing_pack(visit_id),
        lambda: desk.press.draft(visit_id),
    ):
        with pytest.raises(RefusedError, match="no longer exists") as refused:
            call()
        assert "`visitdesk" not in str(refused.value)
