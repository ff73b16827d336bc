"""The reading commands' fast path (no SQLAlchemy) prints what the ordinary path prints, and
the window's first visits list is the one it reads through the store."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests import release_visits
from visitdesk.cli import build_parser, main, run_command


def office(path: Path) -> Path:
    """Visits of several delegations: names in four scripts, hostile text, two visits on the
    same first day (ordered by their reference), every status."""
    visits = []
    cases = [
        ("jpo-2019", "特許庁の訪問 <b>&amp;</b> “JPO”", "2019-05-13", "2019-05-15", "concluded"),
        (
            "kipo-2019",
            "Visit of the KIPO delegation\ttabbed",
            "2019-05-13",
            "2019-05-13",
            "planned",
        ),
        ("mot-2024", "وفد وزارت تجارت کا دورہ", "2024-01-02", "2024-01-09", "confirmed"),
        ("x-" + "long" * 20, "A" * 300, "2001-01-01", "2001-01-02", "cancelled"),
    ]
    for ref, title, start, end, status in cases:
        visits.append(
            {
                "id": ref,
                "title": title,
                "direction": "incoming",
                "city": "Islamabad",
                "country": "PK",
                "start_date": start,
                "end_date": end,
                "status": status,
                "engagements": [],
            }
        )
    document = {"format": "visitdesk/1", "organisations": [], "people": [], "visits": visits}
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    return path


def ordinary(*argv: str) -> str:
    """What the command prints through the Store and SQLAlchemy."""
    out = io.StringIO()
    assert run_command(build_parser().parse_args(list(argv)), out, sys.stderr) == 0
    return out.getvalue()


def test_visits_prints_the_same_either_way(
    capsys: pytest.CaptureFixture[str], data_dir: Path, example_path: Path, tmp_path: Path
) -> None:
    d = ("--data-dir", str(data_dir))
    assert main([*d, "import", str(example_path)]) == 0
    assert main([*d, "import", str(office(tmp_path / "office.visit.json"))]) == 0
    capsys.readouterr()
    assert main([*d, "visits"]) == 0
    fast = capsys.readouterr().out
    assert fast == ordinary(*d, "visits")
    lines = fast.splitlines()
    assert len(lines) == 5
    assert lines[0].startswith("mot-2024") and "وفد وزارت تجارت کا دورہ" in lines[0]
    # Same first day: by reference, as the ordinary query orders them.
    assert lines[1].startswith("jpo-2019") and lines[2].startswith("kipo-2019")
    assert "特許庁の訪問 <b>&amp;</b> “JPO”" in lines[1]


def test_an_empty_store_says_so_either_way(
    capsys: pytest.CaptureFixture[str], data_dir: Path
) -> None:
    d = ("--data-dir", str(data_dir))
    data_dir.mkdir()  # an empty folder of the office's choosing
    assert main([*d, "visits"]) == 0  # made here, the ordinary way
    made = capsys.readouterr().out
    assert main([*d, "visits"]) == 0  # now current: the fast way
    assert (
        capsys.readouterr().out
        == made
        == "No visits yet. Import one with `visitdesk import FILE`.\n"
    )


def test_visits_on_a_current_store_loads_no_sqlalchemy(data_dir: Path, example_path: Path) -> None:
    assert main(["--data-dir", str(data_dir), "import", str(example_path)]) == 0
    code = (
        "import sys\n"
        "from visitdesk.cli import main\n"
        f"code = main(['--data-dir', {str(data_dir)!r}, 'visits'])\n"
        "print('sqlalchemy' in sys.modules, 'alembic' in sys.modules, code)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.splitlines()[-1] == "False False 0"
    assert "sipo-2017-03" in done.stdout


def test_the_first_visits_list_is_the_one_the_window_reads(
    data_dir: Path, example_path: Path, tmp_path: Path
) -> None:
    from visitdesk.services.fast_reads import visit_rows
    from visitdesk.services.search import visit_rows as ordinary_rows
    from visitdesk.store.database import Store
    from visitdesk.store.quick import current_file, read_connection

    d = ("--data-dir", str(data_dir))
    assert main([*d, "import", str(example_path)]) == 0
    assert main([*d, "import", str(office(tmp_path / "office.visit.json"))]) == 0
    path = current_file(None, data_dir)
    assert path is not None
    connection = read_connection(path)
    fast = visit_rows(connection)
    light = visit_rows(connection, delegations=False)
    connection.close()
    store = Store.open(data_dir=data_dir)
    with store.session() as session:
        assert fast == ordinary_rows(session)
    store.close()
    # Same first day: the one made last first, as the ordinary query orders them.
    assert [r.ref for r in fast][:3] == ["mot-2024", "kipo-2019", "jpo-2019"]
    sipo = next(r for r in fast if r.ref == "sipo-2017-03")
    assert "zhimin" in sipo.haystack and "何志敏" in sipo.haystack
    # The window's first read leaves the delegates' names out of the search text only.
    assert [r._replace(haystack="") for r in light] == [r._replace(haystack="") for r in fast]
    assert "zhimin" not in next(r for r in light if r.ref == "sipo-2017-03").haystack


def test_no_fast_path_for_a_store_to_make_or_upgrade(tmp_path: Path) -> None:
    from visitdesk.store.quick import current_file

    assert current_file(None, tmp_path / "nothing-yet") is None
    (tmp_path / "junk").mkdir()
    (tmp_path / "junk" / "visitdesk.sqlite3").write_bytes(b"not a database at all")
    assert current_file(None, tmp_path / "junk") is None
    assert current_file("sqlite:///" + str(tmp_path / "x.sqlite3"), None) is None


def _fast_and_ordinary_show(
    capsys: pytest.CaptureFixture[str], data_dir: Path, ref: str
) -> tuple[str, str]:
    d = ("--data-dir", str(data_dir))
    capsys.readouterr()
    assert main([*d, "show", ref]) == 0
    return capsys.readouterr().out, ordinary(*d, "show", ref)


@pytest.mark.parametrize("build", release_visits.ALL, ids=lambda build: build.__name__)
def test_show_prints_the_same_either_way(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, build: Any
) -> None:
    """Visits of Japanese, Korean, Saudi, Emirati and Pakistani delegations: outcomes with
    owners and due dates, attendees on both sides, roles, time zones of other cities."""
    from visitdesk.store.database import Store

    visit = build()
    ref = visit.ref
    store = Store.open(data_dir=tmp_path)
    with store.transaction() as session:
        session.add(visit)
    store.close()
    fast, slow = _fast_and_ordinary_show(capsys, tmp_path, ref)
    assert fast == slow
    assert ref in fast.splitlines()[0]


def test_show_of_the_example_with_its_press_release(
    capsys: pytest.CaptureFixture[str], data_dir: Path, example_path: Path, tmp_path: Path
) -> None:
    d = ("--data-dir", str(data_dir))
    assert main([*d, "import", str(example_path)]) == 0
    assert main([*d, "press-release", "sipo-2017-03", "-o", str(tmp_path / "pr.pdf")]) == 0
    fast, slow = _fast_and_ordinary_show(capsys, data_dir, "sipo-2017-03")
    assert fast == slow
    assert "Press releases" in fast and "1. Dr. HE Zhimin (何志敏)" in fast


def test_show_of_an_unknown_visit_suggests_the_close_ones(
    capsys: pytest.CaptureFixture[str], data_dir: Path, example_path: Path
) -> None:
    d = ("--data-dir", str(data_dir))
    assert main([*d, "import", str(example_path)]) == 0
    capsys.readouterr()
    assert main([*d, "show", "sipo-2017-3"]) == 1
    assert "Did you mean sipo-2017-03?" in capsys.readouterr().err


def test_a_value_the_fast_path_cannot_read_goes_the_ordinary_way(
    capsys: pytest.CaptureFixture[str], data_dir: Path, example_path: Path
) -> None:
    """A status no member names (written by hand, or by a newer version): the command still
    answers with one sentence from the ordinary path, not a traceback from the fast one."""
    import sqlite3

    d = ("--data-dir", str(data_dir))
    assert main([*d, "import", str(example_path)]) == 0
    with sqlite3.connect(data_dir / "visitdesk.sqlite3") as connection:
        connection.execute("UPDATE visit SET status = 'postponed'")
    connection.close()
    capsys.readouterr()
    code = main([*d, "visits"])
    captured = capsys.readouterr()
    assert code != 0 and captured.out == ""
    assert captured.err.startswith("visitdesk: ") and "Traceback" not in captured.err
