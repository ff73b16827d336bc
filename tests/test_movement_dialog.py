"""The movement dialog fits the officer's screen whatever the journeys are called."""

from __future__ import annotations

from datetime import date
from typing import Any

from visitdesk.app.cars import LinkChoice
from visitdesk.ui.dialogs.cars_dialog import MovementDialog


def test_a_journey_with_a_300_character_carrier_keeps_the_save_button_on_the_screen(
    qtbot: Any,
) -> None:
    carrier = ("Emirates & <b>Long</b> Carrier Name طيران الإمارات " * 8)[:300]
    label = f"Arrival {carrier} EK 612 Dubai (DXB) → Islamabad (ISB)"
    links = ((LinkChoice(1, "Talks at the Ministry"),), (LinkChoice(7, label),))
    dialog = MovementDialog(lambda *a: True, None, date(2027, 4, 12), links)
    qtbot.addWidget(dialog)
    journey = dialog.findChild(type(dialog.journey), "For the journey")
    assert journey is not None and journey.itemText(1) == label  # offered whole, as typed
    # Without a window manager to shrink it, a dialog wider than 1366 px hides its Save.
    assert dialog.minimumSizeHint().width() <= 1366
    assert dialog.sizeHint().width() <= 1366
