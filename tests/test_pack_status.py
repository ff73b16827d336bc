"""A change to a flight, a room or a car after a briefing pack was built marks the packs
printed so far as out of date, in `visitdesk show` (both paths) and through the app; a new
pack is up to date again; bookkeeping (a calendar sent out) does not count."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
from sqlalchemy import select

from tests.briefing_helpers import build_pack
from tests.logistics_visits import add_logistics
from tests.test_fast_reads import ordinary
from visitdesk.app import Desk
from visitdesk.cli import main
from visitdesk.domain.cars import CarPassenger
from visitdesk.domain.enums import CarSeat
from visitdesk.domain.lodging import HotelRoom
from visitdesk.domain.travel import TravelLeg
from visitdesk.store.database import Store


def _show(capsys: pytest.CaptureFixture[str], data_dir: Path) -> str:
    capsys.readouterr()
    assert main(["--data-dir", str(data_dir), "show", "jpo-2026"]) == 0
    fast = capsys.readouterr().out
    assert fast == ordinary("--data-dir", str(data_dir), "show", "jpo-2026")
    return fast


def _pack_line(shown: str) -> str:
    return next(line for line in shown.splitlines() if "Briefing pack version" in line)


def _edit(data_dir: Path, change: str) -> None:
    store = Store.open(data_dir=data_dir)
    try:
        with store.transaction() as session:
            if change == "flight":
                leg = session.scalars(select(TravelLeg).where(TravelLeg.number == "EK 612")).one()
                leg.arrives = datetime(2026, 5, 12, 9, 55)  # the flight is late
            elif change == "room":
                room = session.scalars(
                    select(HotelRoom).where(HotelRoom.room_number == "610")
                ).one()
                room.room_number = "612"
            elif change == "seat":
                seat = session.scalars(
                    select(CarPassenger).where(CarPassenger.seat == CarSeat.REAR_LEFT)
                ).first()
                assert seat is not None
                seat.seat = CarSeat.REAR_MIDDLE
    finally:
        store.close()


def test_a_changed_flight_puts_the_pack_out_of_date_until_it_is_built_again(
    capsys: pytest.CaptureFixture[str], data_dir: Path, tmp_path: Path
) -> None:
    add_logistics(data_dir)
    assert "Briefing pack version" not in _show(capsys, data_dir)  # none built yet
    build_pack(data_dir, "jpo-2026", tmp_path / "one.pdf")
    line = _pack_line(_show(capsys, data_dir))
    assert line.startswith("Briefing pack version 1 (built ") and line.endswith("is up to date.")

    _edit(data_dir, "flight")
    line = _pack_line(_show(capsys, data_dir))
    assert line.startswith("! Briefing pack version 1 (built ")
    assert line.endswith(
        "is out of date: the flights and journeys changed since. Build the pack again before "
        "it is handed out."
    )
    desk = Desk.open(data_dir=data_dir)
    try:
        visit_id = desk.visits.id_of("jpo-2026")
        status = desk.documents.pack_status(visit_id)
        assert status is not None and status.out_of_date and status.version == 1
        assert status.changed == ("the flights and journeys",)
    finally:
        desk.close()

    build_pack(data_dir, "jpo-2026", tmp_path / "two.pdf", "--for", "suzuki")  # a guest copy
    assert _pack_line(_show(capsys, data_dir)).endswith("is up to date.")
    assert "Briefing pack version 2" in _show(capsys, data_dir)


def test_a_room_or_a_seat_changed_counts_and_a_calendar_sent_out_does_not(
    capsys: pytest.CaptureFixture[str], data_dir: Path, tmp_path: Path
) -> None:
    add_logistics(data_dir)
    build_pack(data_dir, "jpo-2026", tmp_path / "one.pdf")
    build_pack(data_dir, "jpo-2026", tmp_path / "two.pdf")
    d = ("--data-dir", str(data_dir))
    assert main([*d, "ics", "jpo-2026", "-o", str(tmp_path / "programme.ics")]) == 0
    assert _pack_line(_show(capsys, data_dir)).endswith("is up to date.")
    _edit(data_dir, "seat")
    _edit(data_dir, "room")
    line = _pack_line(_show(capsys, data_dir))
    assert "Briefing pack version 2 (built " in line
    assert "and those before it are out of date: the hotels and rooms and the car plans " in line


def test_show_of_a_visit_with_logistics_and_a_pack_stays_on_the_fast_path(
    data_dir: Path, tmp_path: Path
) -> None:
    import subprocess
    import sys

    add_logistics(data_dir)
    build_pack(data_dir, "jpo-2026", tmp_path / "one.pdf")
    _edit(data_dir, "flight")
    code = (
        "import sys\n"
        "from visitdesk.cli import main\n"
        f"code = main(['--data-dir', {str(data_dir)!r}, 'show', 'jpo-2026'])\n"
        "print('sqlalchemy' in sys.modules, code)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.splitlines()[-1] == "False 0"
    assert "is out of date: the flights and journeys changed since" in done.stdout
