"""The visit's page says under its buttons whether the briefing packs printed so far are out
of date: a flight recorded after the last pack makes it so."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from visitdesk.app import Desk
from visitdesk.domain.enums import TravelKind
from visitdesk.domain.models import Visit
from visitdesk.domain.travel import TravelLeg, Traveller
from visitdesk.store.database import Store
from visitdesk.ui.views.visit_view import VisitView


def _open_sipo(qtbot: Any, window: Any) -> VisitView:
    qtbot.keyClicks(window.visits_view.search, "sipo china")
    qtbot.keyClick(window.visits_view.search, Qt.Key.Key_Return)
    view = window.tabs.currentWidget()
    assert isinstance(view, VisitView)
    return view


def test_the_pack_status_line_turns_out_of_date_after_a_flight_is_added(
    qtbot: Any, window: Any, example_store: Store, tmp_path: Path
) -> None:
    view = _open_sipo(qtbot, window)
    label = view.findChild(QLabel, "pack-status")
    assert label is not None and label.isHidden()  # no pack built yet
    desk = Desk(example_store)
    desk.documents.save_briefing_pack(view.visit_id, tmp_path / "pack.pdf")
    assert view.reload()
    assert label.isVisible()
    assert label.text().startswith("Briefing pack version 1 (built ")
    assert label.text().endswith("is up to date.")
    with example_store.transaction() as session:
        visit = session.get(Visit, view.visit_id)
        assert visit is not None
        leg = TravelLeg(kind=TravelKind.ARRIVAL, number="CA 945", arrives=datetime(2017, 3, 20, 7))
        leg.travellers.append(Traveller(person=visit.members[0]))
        visit.travel_legs.append(leg)
    assert view.reload()
    assert label.text().startswith("⚠ Briefing pack version 1 (built ")
    assert "is out of date: the flights and journeys changed since." in label.text()
