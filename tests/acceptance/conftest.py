"""Fixtures for the acceptance stories: an empty store in a real main window, driven as an
officer drives it (menus, buttons, keys), with settings and message boxes kept apart."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QSettings, Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QMenu, QMessageBox, QWidget

from visitdesk.app import Desk
from visitdesk.store.database import Store
from visitdesk.ui.main_window import MainWindow
from visitdesk.ui.refcounts import pin_singletons

pin_singletons()  # as the app does at start (see ui/refcounts.py)


@pytest.fixture(autouse=True)
def _typing_at_a_steady_pace(qapp: QApplication) -> Iterator[None]:
    """A drop-down list finds an entry by the letters typed within the keyboard interval
    (0.4 s); on a loaded test machine qtbot's letters can come further apart than a person's,
    and "Interpreter" would be searched as "I", then "n"..."""
    before = QApplication.keyboardInputInterval()
    QApplication.setKeyboardInputInterval(10_000)
    yield
    QApplication.setKeyboardInputInterval(before)


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
    """Recent files, open tabs and the last folder live in QSettings: never the developer's."""
    QCoreApplication.setOrganizationName("VisitDeskAcceptance")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(
        QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "settings")
    )


@pytest.fixture
def messages(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    """Every static message box shown (title, text); questions are answered Yes."""
    shown: list[tuple[str, str]] = []

    def record(answer: Any) -> Callable[..., Any]:
        def show(_parent: Any, title: str, text: str, *args: Any, **kwargs: Any) -> Any:
            shown.append((title, text))
            return answer

        return show

    ok = QMessageBox.StandardButton.Ok
    monkeypatch.setattr(QMessageBox, "warning", record(ok))
    monkeypatch.setattr(QMessageBox, "critical", record(ok))
    monkeypatch.setattr(QMessageBox, "information", record(ok))
    monkeypatch.setattr(QMessageBox, "question", record(QMessageBox.StandardButton.Yes))
    return shown


def open_window(qtbot: Any, store: Store) -> MainWindow:
    """The main window on `store` at the size of an office laptop, as the officer sees it."""
    main = MainWindow(Desk(store))
    qtbot.addWidget(main)
    main.resize(1366, 768)
    main.show()
    qtbot.waitExposed(main)
    return main


@pytest.fixture
def window(qtbot: Any, tmp_path: Path, messages: list[Any]) -> Iterator[MainWindow]:
    """The window on an empty store of its own, as a new office first sees it."""
    store = Store.open(data_dir=tmp_path / "empty-store")
    yield open_window(qtbot, store)
    store.close()


@pytest.fixture
def empty_window(qtbot: Any, store: Store, messages: list[Any]) -> Iterator[MainWindow]:
    """The window on an empty store: no office, no visit, nobody."""
    yield open_window(qtbot, store)


def menu_action(window: QWidget, *path: str) -> QAction:
    """The menu entry reached by its visible texts, e.g. ("File", "Recent")."""

    def shown(text: str) -> str:
        return text.replace("&&", "\0").replace("&", "").replace("\0", "&")

    actions = window.menuBar().actions()  # type: ignore[attr-defined]
    found: QAction | None = None
    for step in path:
        found = next((a for a in actions if shown(a.text()) == step), None)
        assert found is not None, f"no menu entry {step!r} in {[shown(a.text()) for a in actions]}"
        menu = found.menu()
        if isinstance(menu, QMenu):
            menu.aboutToShow.emit()  # as when the officer opens it: it fills itself then
            actions = menu.actions()
    assert found is not None
    return found


def shown_text(text: str) -> str:
    """What Qt draws for a tab or menu title: a single & is a mnemonic and vanishes."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def when_shown(find: Callable[[], QWidget | None], act: Callable[[QWidget], None]) -> list[QWidget]:
    """Run `act` on the first widget `find` returns once it is on screen (a modal dialog or a
    popup menu that blocks the test's own line until it is closed). Returns what was found."""
    seen: list[QWidget] = []
    timer = QTimer(QApplication.instance())  # lives until it has acted

    def poll() -> None:
        widget = find()
        if widget is not None and widget.isVisible():
            timer.stop()
            timer.deleteLater()
            seen.append(widget)
            act(widget)

    timer.timeout.connect(poll)
    timer.start(20)
    return seen


def modal(name: str) -> Callable[[], QWidget | None]:
    def find() -> QWidget | None:
        widget = QApplication.activeModalWidget()
        return widget if widget is not None and widget.objectName() == name else None

    return find


def popup() -> QWidget | None:
    return QApplication.activePopupWidget()
