"""The History view (ui/history_view.py, for the lead to wire into the window): a visit's
changes newest first, each with its time, the officer's name and what changed, as plain text."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from pytestqt.qtbot import QtBot

from tests.server_helpers import VISIT
from visitdesk.app import Desk
from visitdesk.services.exchange.importer import import_file
from visitdesk.store.database import Store
from visitdesk.ui.history_view import HistoryDialog


def test_the_history_view_shows_the_newest_change_first_under_its_officers_name(
    qtbot: QtBot, data_dir: Path, example_path: Path
) -> None:
    store = Store.open(data_dir=data_dir)
    import_file(store, example_path)
    store.close()
    desk = Desk.open(data_dir=data_dir, user="Ms. <b>Khan</b> & Co")
    try:
        visit_id = desk.visits.id_of(VISIT)
        opened = desk.visits.details(visit_id)
        desk.visits.update(
            visit_id, dataclasses.replace(opened.data, title="R&D <i>talks</i>"), opened.version
        )
        dialog = HistoryDialog(desk, "the visit", lambda: desk.history.visit(visit_id))
        qtbot.addWidget(dialog)
        table = dialog.table
        cell = table.item(0, 2)
        assert cell is not None and table.item(0, 1) is not None
        assert table.item(0, 1).text() == "Ms. <b>Khan</b> & Co"  # type: ignore[union-attr]
        assert cell.text() == (
            "Changed the title of this visit from “Visit of the SIPO China delegation” to "
            "“R&D <i>talks</i>”."
        )
        assert table.rowCount() == len(desk.history.visit(visit_id))
        assert dialog.note.text().endswith("changes on record, newest first.")
        assert dialog.windowTitle() == "History of the visit"
    finally:
        desk.close()
