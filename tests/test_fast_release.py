"""A reprinted press release drawn over plain records (no SQLAlchemy) is the release the ordinary
path prints and stores: the same drafting over the same facts, the same page, and nothing to
store; anything that would store something goes the ordinary way."""

from __future__ import annotations

import io
import sqlite3
import subprocess
import sys
from datetime import date
from pathlib import Path
from typing import Any, cast

import pytest

from tests import release_visits
from visitdesk.cli import build_parser, main, run_command


def _stored(folder: Path, build: Any) -> str:
    from visitdesk.store.database import Store

    visit = build()
    store = Store.open(data_dir=folder)
    with store.transaction() as session:
        session.add(visit)
    store.close()
    return str(visit.ref)


def _dump(folder: Path) -> list[str]:
    connection = sqlite3.connect(folder / "visitdesk.sqlite3")
    try:
        return list(connection.iterdump())
    finally:
        connection.close()


def _ordinary(*argv: str) -> str:
    out = io.StringIO()
    assert run_command(build_parser().parse_args(list(argv)), out, sys.stderr) == 0
    return out.getvalue()


def _text(pdf: Path) -> str:
    done = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, check=True)
    return done.stdout.decode("utf-8")


@pytest.mark.parametrize("build", release_visits.ALL, ids=lambda build: build.__name__)
def test_the_drafting_reads_the_same_facts_from_plain_records(tmp_path: Path, build: Any) -> None:
    """Every visit drafted as of each of its days, and of the day after, from the models and
    from the plain records: the same words."""
    from visitdesk.domain.visit import Visit
    from visitdesk.services.fast_visit import load_plain_office, load_plain_visit
    from visitdesk.services.press_release.draft import draft_press_release
    from visitdesk.services.press_release.record import office_of
    from visitdesk.services.visits import load_visit
    from visitdesk.store.database import Store
    from visitdesk.store.quick import read_connection

    ref = _stored(tmp_path, build)
    connection = read_connection(tmp_path / "visitdesk.sqlite3")
    plain = load_plain_visit(connection, ref)
    plain_office = load_plain_office(connection)
    connection.close()
    assert plain is not None
    store = Store.open(data_dir=tmp_path)
    with store.session() as session:
        visit = load_visit(session, ref)
        office = office_of(session)
        days = [*sorted({e.start.date() for e in visit.engagements}), date(2030, 1, 1), None]
        for day in days:
            slow = draft_press_release(visit, office, day)
            fast = draft_press_release(cast(Visit, plain), cast(Any, plain_office), day)
            assert fast == slow, day
        assert slow.paragraphs
    store.close()


@pytest.mark.parametrize("build", release_visits.ALL, ids=lambda build: build.__name__)
def test_a_reprint_is_the_ordinary_release_and_stores_nothing(tmp_path: Path, build: Any) -> None:
    from visitdesk.app import Desk
    from visitdesk.app.quick import quick_press_release

    ref = _stored(tmp_path, build)
    first = tmp_path / "first.pdf"
    said = _ordinary("--data-dir", str(tmp_path), "press-release", ref, "-o", str(first))
    assert said.startswith("Wrote ") and "(new, drafted)" in said
    stored = _dump(tmp_path)
    fast_pdf = tmp_path / "fast.pdf"
    printed = quick_press_release(None, tmp_path, ref, fast_pdf)
    assert printed is not None
    assert _dump(tmp_path) == stored  # nothing was to be stored, and nothing was
    assert _text(fast_pdf) == _text(first)
    desk = Desk.open(data_dir=tmp_path)
    try:
        again = desk.documents.press_release(desk.visits.id_of(ref), tmp_path / "slow.pdf")
    finally:
        desk.close()
    assert printed.release == again.release  # record, version, letterhead, what was done
    assert _text(tmp_path / "slow.pdf") == _text(fast_pdf)


def test_the_command_says_the_same_and_loads_no_sqlalchemy(
    data_dir: Path, example_path: Path, tmp_path: Path
) -> None:
    d = ["--data-dir", str(data_dir)]
    assert main([*d, "import", str(example_path)]) == 0
    out = tmp_path / "pr.pdf"
    slow = _ordinary(*d, "press-release", "sipo-2017-03", "-o", str(out))
    before = _text(out)
    code = (
        "import sys\n"
        "from visitdesk.cli import main\n"
        f"code = main({[*d, 'press-release', 'sipo-2017-03', '-o', str(out)]!r})\n"
        "print('sqlalchemy' in sys.modules, code)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.splitlines() == [slow.strip(), "False 0"]
    assert slow.strip() == f"Wrote PR No.211 (drafted) for sipo-2017-03 to {out}."
    assert _text(out) == before
    assert "HE Zhimin" in before


def test_whatever_would_be_stored_goes_the_ordinary_way(
    capsys: pytest.CaptureFixture[str], data_dir: Path, example_path: Path, tmp_path: Path
) -> None:
    from visitdesk.app.quick import quick_press_release

    d = ["--data-dir", str(data_dir)]
    assert main([*d, "import", str(example_path)]) == 0
    out = tmp_path / "pr.pdf"
    assert main([*d, "press-release", "sipo-2017-03", "-o", str(out)]) == 0
    ref = "sipo-2017-03"
    # Another number, another date, a city: the register or the record changes.
    assert quick_press_release(None, data_dir, ref, out, number=5) is None
    assert quick_press_release(None, data_dir, ref, out, on=date(2017, 3, 23)) is None
    assert quick_press_release(None, data_dir, ref, out, city="Lahore") is None
    # The visit changed since: the draft is not the stored text.
    connection = sqlite3.connect(data_dir / "visitdesk.sqlite3")
    with connection:
        connection.execute(
            "UPDATE statement SET text = text || ' Both offices agreed.' WHERE for_press"
        )
    connection.close()
    assert quick_press_release(None, data_dir, ref, out) is None
    capsys.readouterr()
    assert main([*d, "press-release", ref, "-o", str(out)]) == 0  # stored the ordinary way
    assert "(drafted)" in capsys.readouterr().out
    assert quick_press_release(None, data_dir, ref, out) is not None
    # A file that cannot be written: the ordinary way says so in its sentence.
    assert quick_press_release(None, data_dir, ref, tmp_path / "no-such" / "pr.pdf") is None
    assert quick_press_release(None, data_dir, "no-such-visit", out) is None


def test_an_edited_release_is_reprinted_as_edited(
    capsys: pytest.CaptureFixture[str], data_dir: Path, example_path: Path, tmp_path: Path
) -> None:
    import dataclasses

    from visitdesk.app import Desk

    d = ["--data-dir", str(data_dir)]
    assert main([*d, "import", str(example_path)]) == 0
    desk = Desk.open(data_dir=data_dir)
    try:
        visit_id = desk.visits.id_of("sipo-2017-03")
        shown = desk.press.draft(visit_id)
        typed = dataclasses.replace(shown.record.data, headline="“Edited by the officer”")
        desk.press.update(shown.record.id, typed, shown.record.version)
    finally:
        desk.close()
    stored = _dump(data_dir)
    capsys.readouterr()
    out = tmp_path / "pr.txt"
    assert main([*d, "press-release", "sipo-2017-03", "-o", str(out)]) == 0
    said = capsys.readouterr().out
    assert "(as saved)" in said and "Kept the edited text" in said
    assert said == _ordinary(*d, "press-release", "sipo-2017-03", "-o", str(out))
    assert "“Edited by the officer”" in out.read_text(encoding="utf-8")
    assert _dump(data_dir) == stored
