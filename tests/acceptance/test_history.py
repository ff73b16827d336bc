"""Who changed what: Visit ▸ History… names the officer, the time and the change."""

from __future__ import annotations

import dataclasses
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QTableView, QTableWidget

from tests.acceptance.conftest import menu_action
from visitdesk.app import Desk
from visitdesk.app.visits import VisitDetails
from visitdesk.ui.main_window import MainWindow


def test_the_visit_s_history_names_who_changed_what(
    qtbot: Any, tmp_path: Path, messages: list[Any]
) -> None:
    colleague = Desk.open(data_dir=tmp_path, user="bmalik")
    made = colleague.visits.create(
        VisitDetails("Visit of the KIPO delegation", date(2026, 5, 11), date(2026, 5, 13))
    )
    colleague.visits.update(made.id, dataclasses.replace(made.data, city="Lahore"), made.version)
    colleague.close()

    main = MainWindow(Desk.open(data_dir=tmp_path, user="akhan"))
    qtbot.addWidget(main)
    main.resize(1366, 768)
    main.show()
    qtbot.waitExposed(main)
    first = main.tabs.widget(0)
    table = first.findChild(QTableView) if first is not None else None
    assert table is not None
    table.setFocus()
    table.selectRow(0)
    qtbot.keyClick(table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: main.tabs.count() == 2)

    menu_action(main, "Visit", "History…").trigger()

    def shown() -> QTableWidget | None:
        for widget in QApplication.topLevelWidgets():
            if widget.objectName() == "historyDialog" and widget.isVisible():
                return widget.findChild(QTableWidget, "historyTable")
        return None

    qtbot.waitUntil(lambda: shown() is not None and shown().rowCount() >= 2)  # type: ignore[union-attr]
    history = shown()
    assert history is not None
    rows = [
        [item.text() for c in range(3) if (item := history.item(r, c)) is not None]
        for r in range(history.rowCount())
    ]
    text = " ".join(" ".join(r) for r in rows)
    assert "bmalik" in text
    assert "Lahore" in text  # the change itself, newest first
    assert "Lahore" in " ".join(rows[0])
