"""`visitdesk visits` and `visitdesk show`: the app layer's sentences, the CLI's own hints."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from visitdesk.app import Desk
from visitdesk.app.visits import VisitDetails
from visitdesk.cli import main


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_visits_lists_newest_first_and_show_names_close_references(
    capsys: pytest.CaptureFixture[str], data_dir: Path
) -> None:
    d = ("--data-dir", str(data_dir))
    # A folder that does not exist is a typing mistake: said, and nothing made there.
    code, _, err = run(capsys, *d, "visits")
    assert code == 3 and f"There is no folder {data_dir}" in err and not data_dir.exists()
    data_dir.mkdir()
    code, out, _ = run(capsys, *d, "visits")
    assert code == 0 and out == "No visits yet. Import one with `visitdesk import FILE`.\n"
    desk = Desk.open(data_dir=data_dir)
    jpo = desk.visits.create(
        VisitDetails("Visit of the JPO delegation 特許庁", date(2026, 3, 9), date(2026, 3, 11))
    ).data.ref
    desk.visits.create(VisitDetails("وفد المنظمة العربية", date(2025, 11, 2), date(2025, 11, 2)))
    desk.close()
    code, out, _ = run(capsys, *d, "visits")
    lines = out.splitlines()
    assert code == 0 and len(lines) == 2
    assert lines[0].startswith(jpo) and lines[0].endswith(
        "planned      Visit of the JPO delegation 特許庁"
    )
    assert lines[1].endswith("وفد المنظمة العربية")
    code, out, _ = run(capsys, *d, "show", jpo)
    assert code == 0 and "Visit of the JPO delegation 特許庁" in out
    code, _, err = run(capsys, *d, "show", jpo[:-1])
    assert code == 1
    assert err == (
        f"visitdesk: There is no visit {jpo[:-1]!r}. Did you mean {jpo}? "
        "`visitdesk visits` lists the visits.\n"
    )


@pytest.mark.parametrize(
    "command",
    [
        ("show",),
        ("history",),
        ("programme", "-o", "out.pdf"),
        ("press-release", "-o", "out.pdf"),
        ("briefing-pack", "-o", "out.pdf"),
    ],
    ids=lambda c: c[0],
)
def test_every_command_given_a_mistyped_visit_says_where_the_visits_are_listed(
    capsys: pytest.CaptureFixture[str], data_dir: Path, tmp_path: Path, command: tuple[str, ...]
) -> None:
    Desk.open(data_dir=data_dir).close()
    args = [a if a != "out.pdf" else str(tmp_path / a) for a in command[1:]]
    code, _, err = run(capsys, "--data-dir", str(data_dir), command[0], "NOPE", *args)
    assert code == 1
    assert err == "visitdesk: There is no visit 'NOPE'. `visitdesk visits` lists the visits.\n"
    assert not (tmp_path / "out.pdf").exists()
