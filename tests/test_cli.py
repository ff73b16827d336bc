"""The command line as an officer or a script uses it."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from visitdesk.cli import main


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_import_visits_show(
    capsys: pytest.CaptureFixture[str], data_dir: Path, example_path: Path
) -> None:
    d = ("--data-dir", str(data_dir))
    code, out, _ = run(capsys, *d, "import", str(example_path))
    assert code == 0 and "Imported visit sipo-2017-03" in out
    code, out, _ = run(capsys, *d, "visits")
    assert code == 0
    assert out.split() == [
        "sipo-2017-03",
        "2017-03-21",
        "–",
        "2017-03-22",
        "concluded",
        "Visit",
        "of",
        "the",
        "SIPO",
        "China",
        "delegation",
    ]
    code, out, _ = run(capsys, *d, "show", "sipo-2017-03")
    assert code == 0
    lines = out.splitlines()
    assert "Tuesday 21 March 2017" in lines and "Wednesday 22 March 2017" in lines
    assert any("11:00–12:00  Meeting with the Minister for Commerce" in line for line in lines)
    host_side = next(line for line in lines if "Host side: Engr. Khurram" in line)
    # attendees in order of precedence: minister, secretary, chairman
    assert host_side.index("Khurram") < host_side.index("Ranjha") < host_side.index("Rashid")
    assert "1. Dr. HE Zhimin (何志敏), Deputy Commissioner, SIPO (leader)" in out
    assert "Memorandum of Understanding between IPO-Pakistan and SIPO" in out
    assert "next: Formal signature after approval of the Cabinet" in out


def test_reimport_says_it_updated_in_place(
    capsys: pytest.CaptureFixture[str], data_dir: Path, example_path: Path
) -> None:
    run(capsys, "--data-dir", str(data_dir), "import", str(example_path))
    code, out, _ = run(capsys, "--data-dir", str(data_dir), "import", str(example_path))
    assert code == 0 and "Updated visit sipo-2017-03" in out and "in place" in out


def test_export_then_import_elsewhere(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, example_path: Path
) -> None:
    a, b = tmp_path / "a", tmp_path / "b"
    run(capsys, "--data-dir", str(a), "import", str(example_path))
    target = tmp_path / "out" / "sipo.visit.json"
    target.parent.mkdir()
    code, out, _ = run(
        capsys, "--data-dir", str(a), "export", "-o", str(target), "--visit", "sipo-2017-03"
    )
    assert code == 0 and "Exported sipo-2017-03" in out
    assert json.loads(target.read_text(encoding="utf-8"))["visits"][0]["id"] == "sipo-2017-03"
    assert not list(target.parent.glob("*.part"))
    code, _, _ = run(capsys, "--data-dir", str(b), "import", str(target))
    assert code == 0


def test_errors_are_one_plain_message_and_a_non_zero_exit(
    capsys: pytest.CaptureFixture[str], data_dir: Path, tmp_path: Path
) -> None:
    bad = tmp_path / "bad.visit.json"
    bad.write_text('{"format": "visitdesk/1", "visits": [{"id": "x"}]}', encoding="utf-8")
    code, _, err = run(capsys, "--data-dir", str(data_dir), "import", str(bad))
    assert code == 1
    assert "bad.visit.json: not imported" in err and "visits[0].title: is missing" in err
    assert "Traceback" not in err
    code, _, err = run(capsys, "--data-dir", str(data_dir), "show", "nope")
    assert code == 1 and "There is no visit 'nope'" in err
    code, _, err = run(capsys, "--data-dir", str(data_dir), "import", str(tmp_path / "none.json"))
    assert code == 1 and "no such file" in err


def test_several_files_import_independently(
    capsys: pytest.CaptureFixture[str], data_dir: Path, example_path: Path, tmp_path: Path
) -> None:
    bad = tmp_path / "bad.visit.json"
    bad.write_text("{", encoding="utf-8")
    code, out, err = run(capsys, "--data-dir", str(data_dir), "import", str(bad), str(example_path))
    assert code == 1
    assert "Imported visit sipo-2017-03" in out and "1 of 2 files were not imported" in out
    assert "bad.visit.json: not imported" in err


def test_reading_commands_never_load_qt_or_reportlab(data_dir: Path, example_path: Path) -> None:
    probe = (
        "import sys; from visitdesk.cli import main; "
        f"main(['--data-dir', {str(data_dir)!r}, 'import', {str(example_path)!r}]); "
        f"main(['--data-dir', {str(data_dir)!r}, 'visits']); "
        f"main(['--data-dir', {str(data_dir)!r}, 'show', 'sipo-2017-03']); "
        "heavy = [m for m in sys.modules if m.split('.')[0] in ('PySide6', 'reportlab')]; "
        "print('HEAVY', heavy)"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    )
    assert "HEAVY []" in result.stdout
