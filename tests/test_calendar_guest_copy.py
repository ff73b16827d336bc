"""A guest's calendar goes to the other side, like a guest copy of the pack: the programme and
the people, never the host's objectives, notes or talking points."""

from __future__ import annotations

from pathlib import Path

from icalendar import Calendar

from tests.briefing_helpers import import_document
from tests.briefing_visits import japan_document
from visitdesk.cli import main


def descriptions(path: Path) -> str:
    calendar = Calendar.from_ical(path.read_bytes())
    return "\n".join(str(event.get("DESCRIPTION", "")) for event in calendar.events)


def test_a_guest_s_calendar_holds_none_of_the_host_s_brief(data_dir: Path, tmp_path: Path) -> None:
    import_document(data_dir, japan_document(), "japan")
    out = tmp_path / "guest.ics"
    assert (
        main(["--data-dir", str(data_dir), "ics", "jpo-2026", "--for", "suzuki", "-o", str(out)])
        == 0
    )
    text = descriptions(out)
    assert "Ms. SUZUKI Hanako (鈴木花子)" in text  # the people are there
    for secret in ("HOST ONLY", "Objectives:", "Talking points:", "Notes:"):
        assert secret not in text, secret
    # A host's calendar keeps them.
    own = tmp_path / "host.ics"
    assert (
        main(["--data-dir", str(data_dir), "ics", "jpo-2026", "--for", "dg", "-o", str(own)]) == 0
    )
    assert "Talking points:" in descriptions(own)
