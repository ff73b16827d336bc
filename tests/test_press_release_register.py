"""The register of press releases: numbers start again every year, as they do in real offices."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from visitdesk.cli import main
from visitdesk.services.exchange.errors import ReleaseNumberTakenError
from visitdesk.services.exchange.importer import import_file
from visitdesk.store.database import Store


def visit_file(tmp_path: Path, example_path: Path, ref: str, release: dict[str, Any]) -> Path:
    """The example with its visit renamed `ref`, holding one release `release`."""
    doc = json.loads(example_path.read_text(encoding="utf-8"))
    doc["visits"][0]["id"] = ref
    doc["visits"][0]["title"] = f"Visit {ref}"
    doc["visits"][0]["press_releases"] = [release]
    path = tmp_path / f"{ref}.visit.json"
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    return path


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_a_2026_release_may_have_the_number_of_a_2017_one(
    example_store: Store, tmp_path: Path, example_path: Path
) -> None:
    path = visit_file(tmp_path, example_path, "kipo-2026", {"number": 211, "date": "2026-04-14"})
    report = import_file(example_store, path)
    assert "kipo-2026" in report.created_visits


def test_a_number_taken_in_its_year_names_the_place_and_the_way_to_renumber(
    example_store: Store, tmp_path: Path, example_path: Path
) -> None:
    path = visit_file(
        tmp_path, example_path, "jpo-2017", {"number": 211, "date": "2017-11-02", "body": "x"}
    )
    with pytest.raises(ReleaseNumberTakenError) as caught:
        import_file(example_store, path)
    message = str(caught.value)
    assert "visits[0].press_releases[0].number: press release number 211 of 2017" in message
    assert "already used by visit 'sipo-2017-03'" in message
    assert "--renumber-releases" in message and "next free number of 2017 (212)" in message
    report = import_file(example_store, path, renumber_releases=True)
    assert "from 211 to 212" in str(report)


def test_register_lists_each_year_and_import_renumbers_on_request(
    capsys: pytest.CaptureFixture[str], data_dir: Path, tmp_path: Path, example_path: Path
) -> None:
    d = ["--data-dir", str(data_dir)]
    assert run(capsys, *d, "import", str(example_path))[0] == 0
    later = visit_file(
        tmp_path,
        example_path,
        "kipo-2026",
        {"number": 211, "date": "2026-04-14", "topic": "한국 특허청 방문", "status": "issued"},
    )
    clash = visit_file(tmp_path, example_path, "jpo-2017", {"number": 211, "date": "2017-11-02"})
    assert run(capsys, *d, "import", str(later))[0] == 0
    code, _, err = run(capsys, *d, "import", str(clash))
    assert code == 1 and "211 of 2017 is already used" in err
    code, out, _ = run(capsys, *d, "import", "--renumber-releases", str(clash))
    assert code == 0 and "from 211 to 212" in out

    code, out, _ = run(capsys, *d, "press-releases")
    lines = out.splitlines()
    assert lines[0].split() == ["Number", "Date", "Topic", "Visit", "State"]
    assert [line[:9] for line in lines[1:]] == ["PR No.211", "PR No.212", "PR No.211"]
    assert "2017-03-22" in lines[1] and "sipo-2017-03" in lines[1] and lines[1].endswith("draft")
    assert "PR No.212" in lines[2] and "jpo-2017" in lines[2]
    assert (
        "한국 특허청 방문" in lines[3] and "kipo-2026" in lines[3] and lines[3].endswith("issued")
    )

    code, out, _ = run(capsys, *d, "press-releases", "--year", "2026")
    assert code == 0 and len(out.splitlines()) == 2 and "kipo-2026" in out
    code, out, _ = run(capsys, *d, "press-releases", "--year", "2019")
    assert "no press releases of 2019" in out
