"""The engagement dialog asks who signs only for a signing ceremony, offering that side's
attendees."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QComboBox

from tests.briefing_visits import japan_document
from visitdesk.app import Desk
from visitdesk.app.enums import EngagementKind
from visitdesk.app.itinerary import EngagementData
from visitdesk.services.exchange.importer import import_file
from visitdesk.store.database import Store
from visitdesk.ui.dialogs.engagement_dialog import EngagementDialog


def test_signatory_rows_show_for_signing_ceremonies_only(
    qtbot: Any, store: Store, tmp_path: Path
) -> None:
    source = tmp_path / "japan.visit.json"
    source.write_text(json.dumps(japan_document(), ensure_ascii=False), "utf-8")
    import_file(store, source)
    desk = Desk(store)
    visit_id = desk.visits.id_of(desk.visits.list()[0].ref)
    signing = next(r for r in desk.itinerary.rows(visit_id) if r.ref == "signing")
    data = desk.itinerary.load(signing.id).data
    saved: list[EngagementData] = []

    def save(edited: EngagementData) -> bool:
        saved.append(edited)
        return True

    dialog = EngagementDialog(desk, save, data, date(2026, 5, 12), set())
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    host = dialog.findChild(QComboBox, "host_signatory")
    guest = dialog.findChild(QComboBox, "guest_signatory")
    assert host is not None and guest is not None
    assert host.isVisible() and guest.isVisible()
    assert (host.currentText(), guest.currentText()) == ("Ms. Farah Qureshi", "Mr. YAMADA Taro")
    # Only that side's attendees are offered, after the principal by default.
    assert [host.itemText(i) for i in range(host.count())] == [
        "(the side's principal)",
        "Mr. Jahangir Ahmed Tareen",
        "Ms. Farah Qureshi",
        "Mr. Asad Malik",
    ]
    dialog.kind.setCurrentIndex(dialog.kind.findData(EngagementKind.MEAL))
    assert not host.isVisible() and not guest.isVisible()
    dialog.kind.setCurrentIndex(dialog.kind.findData(EngagementKind.SIGNING_CEREMONY))
    assert host.isVisible()
    host.setCurrentIndex(host.findText("Mr. Asad Malik"))
    dialog.accept()
    assert saved and saved[0].host_signatory_id == host.itemData(host.findText("Mr. Asad Malik"))
    assert saved[0].guest_signatory_id == data.guest_signatory_id
