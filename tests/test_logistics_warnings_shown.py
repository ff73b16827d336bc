"""The logistics warnings where the officer reads the programme's: `visitdesk show` (the fast
path and the ordinary one alike), the window's list under the programme (`desk.itinerary`),
and the row of the engagement concerned."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
from sqlalchemy import delete, select

from tests.logistics_visits import add_logistics
from tests.test_fast_reads import ordinary
from visitdesk.app import Desk
from visitdesk.cli import main
from visitdesk.domain.cars import Movement, MovementCar
from visitdesk.domain.lodging import HotelRoom
from visitdesk.domain.models import Person, Visit
from visitdesk.domain.travel import TravelLeg
from visitdesk.store.database import Store

LATE = (
    "“Signing of the MoU on patent examination” starts (12 May 2026 11:00) before Mr. TANAKA "
    "Ichiro's flight EK 612 lands (12 May 2026 11:30)."
)
CAR = (
    "Car LEA-1234 is booked for “Signing of the MoU on patent examination” and “Hotel to the "
    "museum” at the same time (12 May 2026 10:30)."
)
ROOM = "Ms. LI Na has no room for the nights of 12–13 May 2026."


def _show(capsys: pytest.CaptureFixture[str], data_dir: Path) -> str:
    capsys.readouterr()
    assert main(["--data-dir", str(data_dir), "show", "jpo-2026"]) == 0
    fast = capsys.readouterr().out
    assert fast == ordinary("--data-dir", str(data_dir), "show", "jpo-2026")
    return fast


def _go_wrong(data_dir: Path) -> None:
    """A late flight, a car given to two movements at once, a delegate's room taken away."""
    store = Store.open(data_dir=data_dir)
    try:
        with store.transaction() as session:
            leg = session.scalars(select(TravelLeg).where(TravelLeg.number == "EK 612")).one()
            leg.arrives = datetime(2026, 5, 12, 11, 30)
            visit = session.scalars(select(Visit).where(Visit.ref == "jpo-2026")).one()
            museum = Movement(
                title="Hotel to the museum",
                departs=datetime(2026, 5, 12, 10, 30),
                arrives=datetime(2026, 5, 12, 11, 0),
            )
            museum.cars.append(MovementCar(registration="LEA 1234", driver="Someone"))
            visit.movements.append(museum)
            li = session.scalars(select(Person).where(Person.ref == "li")).one()
            session.execute(delete(HotelRoom).where(HotelRoom.person_id == li.id))
    finally:
        store.close()


def test_show_and_the_window_list_the_logistics_warnings_with_the_programme_s(
    capsys: pytest.CaptureFixture[str], data_dir: Path
) -> None:
    add_logistics(data_dir)
    clean = _show(capsys, data_dir)
    assert "Warnings" not in clean
    _go_wrong(data_dir)
    shown = _show(capsys, data_dir)
    warnings = shown[shown.index("Warnings") :]
    for sentence in (LATE, CAR, ROOM):
        assert f"  ! {sentence}" in warnings, sentence
    desk = Desk.open(data_dir=data_dir)
    try:
        visit_id = desk.visits.id_of("jpo-2026")
        assert set(desk.itinerary.warnings(visit_id)) == {LATE, CAR, ROOM}
        rows = {row.ref: row for row in desk.itinerary.rows(visit_id)}
        assert set(rows["signing"].warnings) == {LATE, CAR}
        assert rows["talks"].warnings == ()
    finally:
        desk.close()
