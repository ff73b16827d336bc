"""GUI fixtures: the main window on a store in a temporary folder, settings kept apart."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QSettings, Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from visitdesk.app import Desk
from visitdesk.store.database import Store
from visitdesk.ui.main_window import MainWindow
from visitdesk.ui.refcounts import pin_singletons

# As the app does at start: shiboken6 6.12 on Python 3.11 under-counts None (see refcounts.py).
pin_singletons()


@pytest.fixture(autouse=True)
def _no_poller_outlives_its_test(qapp: QApplication) -> Iterator[None]:
    """A test waiting for a dialog polls with a timer on the application; one whose dialog never
    came would otherwise keep polling and answer the next test's dialog of that title."""
    yield
    for timer in qapp.findChildren(QTimer, options=Qt.FindChildOption.FindDirectChildrenOnly):
        timer.stop()
        timer.deleteLater()


@pytest.fixture(autouse=True)
def _isolated_settings(tmp_path: Path) -> None:
    """Window geometry is remembered in QSettings: never in the developer's own."""
    QCoreApplication.setOrganizationName("VisitDeskTests")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(
        QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "settings")
    )


@pytest.fixture
def messages(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    """Every message box shown (title, text); questions are answered Yes / Discard."""
    shown: list[tuple[str, str]] = []

    def record(kind: str, answer: Any) -> Callable[..., Any]:
        def show(_parent: Any, title: str, text: str, *args: Any, **kwargs: Any) -> Any:
            shown.append((title, text))
            return answer

        return show

    yes = QMessageBox.StandardButton.Yes
    monkeypatch.setattr(QMessageBox, "warning", record("warning", QMessageBox.StandardButton.Ok))
    monkeypatch.setattr(QMessageBox, "critical", record("critical", QMessageBox.StandardButton.Ok))
    monkeypatch.setattr(QMessageBox, "information", record("info", QMessageBox.StandardButton.Ok))
    monkeypatch.setattr(QMessageBox, "question", record("question", yes))
    return shown


@pytest.fixture
def window(qtbot: Any, example_store: Store, messages: list[Any]) -> Iterator[MainWindow]:
    main = MainWindow(Desk(example_store))
    qtbot.addWidget(main)
    main.resize(1366, 768)
    main.show()
    yield main


@pytest.fixture
def empty_window(qtbot: Any, store: Store, messages: list[Any]) -> MainWindow:
    main = MainWindow(Desk(store))
    qtbot.addWidget(main)
    main.show()
    return main


@pytest.fixture
def fill_dialog(monkeypatch: pytest.MonkeyPatch) -> Callable[..., list[QDialog]]:
    """Replace a dialog class's exec by `fill(dialog)` then OK, as an officer would."""

    def patch(cls: type[QDialog], fill: Callable[[Any], None]) -> list[QDialog]:
        opened: list[QDialog] = []

        def exec_(self: QDialog) -> int:
            opened.append(self)
            fill(self)
            self.accept()
            return int(self.result())

        monkeypatch.setattr(cls, "exec", exec_)
        return opened

    return patch
