"""An officer imports releases of two years and finds them in the register of press releases.

Numbers start again every January: PR No.211 of 2017 and PR No.211 of 2026 are both kept; a
third file reusing 211 in 2017 is offered renumbering, and the register shows all three.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, TypeVar

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QLabel,
    QTableView,
    QTabWidget,
    QWidget,
)

from tests.acceptance.conftest import open_window
from visitdesk.store.database import Store
from visitdesk.ui.main_window import MainWindow
from visitdesk.ui.refcounts import pin_singletons

pin_singletons()


@pytest.fixture
def window(qtbot: Any, store: Store, messages: list[Any]) -> MainWindow:
    return open_window(qtbot, store)


def visit_file(tmp_path: Path, example_path: Path, ref: str, title: str, release: Any) -> Path:
    doc = json.loads(example_path.read_text(encoding="utf-8"))
    doc["visits"][0].update(id=ref, title=title, press_releases=[release])
    path = tmp_path / f"{ref}.visit.json"
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    return path


def menu_action(window: MainWindow, menu: str, text: str) -> Any:
    for top in window.menuBar().actions():
        if top.text().replace("&", "") == menu:
            for action in top.menu().actions():  # type: ignore[attr-defined]
                if action.text().replace("&", "") == text:
                    return action
    raise AssertionError(f"no menu item {menu} > {text}")


def import_through_menu(window: MainWindow, monkeypatch: pytest.MonkeyPatch, path: Path) -> None:
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    menu_action(window, "File", "Import visitdesk/1 file…").trigger()


_W = TypeVar("_W", bound=QWidget)


def child(parent: QWidget, kind: type[_W], name: str | None = None) -> _W:
    found = parent.findChild(kind, name) if name else parent.findChild(kind)
    assert found is not None, f"no {kind.__name__} {name or ''} shown"
    return found


def cells(table: QTableView) -> list[list[str]]:
    model = table.model()
    return [
        [str(model.index(r, c).data()) for c in range(model.columnCount())]
        for r in range(model.rowCount())
    ]


def test_register_of_two_years(
    qtbot: Any,
    window: MainWindow,
    messages: list[tuple[str, str]],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    example_path: Path,
) -> None:
    qtbot.waitUntil(lambda: window.findChild(QTableView) is not None)
    import_through_menu(window, monkeypatch, example_path)
    korean = visit_file(
        tmp_path,
        example_path,
        "kipo-2026",
        "Visit of the KIPO delegation",
        {"number": 211, "date": "2026-04-14", "topic": "특허 심사 협력 (KIPO)"},
    )
    import_through_menu(window, monkeypatch, korean)
    assert messages[-1][0] == "Imported"
    clash = visit_file(
        tmp_path,
        example_path,
        "jpo-2017",
        "Visit of the JPO delegation",
        {"number": 211, "date": "2017-11-02", "topic": "日本国特許庁との協議"},
    )
    import_through_menu(window, monkeypatch, clash)
    question, answer = messages[-2], messages[-1]
    assert question[0] == "Press release numbers already used"
    assert "visits[0].press_releases[0].number" in question[1]
    assert "211 of 2017 is already used by visit 'sipo-2017-03'" in question[1]
    assert answer[0] == "Imported" and "from 211 to 212" in answer[1]

    menu_action(window, "View", "Press releases").trigger()
    register = window.tabs.currentWidget()
    assert register is not None
    assert window.tabs.tabText(window.tabs.currentIndex()) == "Press releases"
    table = child(register, QTableView)
    assert table.accessibleName() == "Press releases"
    rows = cells(table)
    assert [r[0] for r in rows] == ["PR No.211", "PR No.212", "PR No.211"]
    assert rows[1][1:] == [
        "2 Nov 2017",
        "日本国特許庁との協議",
        "Visit of the JPO delegation",
        "Draft",
    ]
    assert rows[2][2] == "특허 심사 협력 (KIPO)"
    summary = child(register, QLabel, "register_summary")
    assert summary.text() == "3 press releases: 0 issued, 3 drafts."

    year = child(register, QComboBox)
    assert year.accessibleName() == "Year"
    qtbot.keyClicks(year, "2026")
    assert summary.text() == "1 press release in 2026: 0 issued, 1 draft."
    assert cells(table) == [
        [
            "PR No.211",
            "14 Apr 2026",
            "특허 심사 협력 (KIPO)",
            "Visit of the KIPO delegation",
            "Draft",
        ]
    ]
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Return)
    visit = window.tabs.currentWidget()
    assert visit is not None
    assert window.tabs.tabText(window.tabs.currentIndex()) == "Visit of the KIPO delegation"
    sections = child(visit, QTabWidget)
    assert sections.tabText(sections.currentIndex()).replace("&", "") == "Press release"
