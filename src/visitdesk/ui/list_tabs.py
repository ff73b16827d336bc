"""The window's tabs that list records of every visit: follow-ups, engagements, people.

Each is made the first time it is asked for (its module imported then, so that start-up never
loads it nor SQLAlchemy), kept while its tab is open, and read again whenever records change.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol, TypeVar, cast

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QLineEdit, QWidget

if TYPE_CHECKING:
    from visitdesk.ui.main_window import MainWindow
    from visitdesk.ui.views.engagements_view import EngagementsView
    from visitdesk.ui.views.followups_view import FollowUpsView
    from visitdesk.ui.views.gifts_register_view import GiftsRegisterView
    from visitdesk.ui.views.people_view import PeopleView
    from visitdesk.ui.views.press_register_view import PressRegisterView

_V = TypeVar("_V", bound=QWidget)


class _ListView(Protocol):
    def reload(self) -> None: ...


class _SearchableList(_ListView, Protocol):
    search: QLineEdit


class ListTabs:
    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self._open: dict[str, QWidget] = {}  # by name, while their tabs are open

    def _show(self, name: str, title: str, make: Callable[[], _V]) -> tuple[_V, bool]:
        """The tab `name` brought to the front, made by `make` if new (then True)."""
        view = self._open.get(name)
        made = view is None
        if view is None:
            view = self._open[name] = make()
            self.window.tabs.addTab(view, title)
        self.window.tabs.setCurrentWidget(view)
        return cast(_V, view), made

    def _searchable(self, name: str, title: str, make: Callable[[], _V]) -> _V:
        """A list searched as you type: read when made (then on changes), its box focused."""
        view, made = self._show(name, title, make)
        searchable = cast(_SearchableList, view)
        if made:
            searchable.reload()
        searchable.search.setFocus()
        return view

    def followups(self) -> FollowUpsView:
        from visitdesk.ui.views.followups_view import FollowUpsView

        window = self.window

        def make() -> FollowUpsView:
            made = FollowUpsView(window.desk, window)
            made.open_visit.connect(window.open_visit)
            made.changed.connect(window.data_changed)
            return made

        view, _made = self._show("followups", "Follow-ups", make)
        view.reload()  # "overdue" depends on today: read again on every showing
        return view

    def engagements(self) -> EngagementsView:
        from visitdesk.ui.views.engagements_view import EngagementsView

        window = self.window

        def make() -> EngagementsView:
            made = EngagementsView(window.desk, window)
            made.open_engagement.connect(window.open_engagement)
            return made

        return self._searchable("engagements", "Engagements", make)

    def people(self) -> PeopleView:
        from visitdesk.ui.views.people_view import PeopleView

        window = self.window

        def make() -> PeopleView:
            made = PeopleView(window.desk, window)
            made.open_visit.connect(window.open_visit)
            made.changed.connect(window.data_changed)  # a corrected name shows in every visit
            window.undo_group.addStack(made.undo_stack)  # Edit > Undo while the tab is in front
            return made

        return self._searchable("people", "People and organisations", make)

    def view(self, name: str) -> QWidget | None:
        """The list `name` while its tab is open."""
        return self._open.get(name)

    def press_register(self) -> PressRegisterView:
        from visitdesk.ui.views.press_register_view import PressRegisterView

        window = self.window

        def make() -> PressRegisterView:
            made = PressRegisterView(window.desk, window)
            made.open_release.connect(window.open_press_release)
            return made

        view, _made = self._show("press_register", "Press releases", make)
        view.reload()
        view.table.setFocus()
        return view

    def gifts_register(self) -> GiftsRegisterView:
        from visitdesk.ui.views.gifts_register_view import GiftsRegisterView

        window = self.window

        def make() -> GiftsRegisterView:
            made = GiftsRegisterView(window.desk, window)
            made.open_gift.connect(window.open_gift)
            return made

        view, _made = self._show("gifts_register", "Gifts register", make)
        view.reload()
        view.table.setFocus()
        return view

    def closed(self, widget: QWidget) -> None:
        """The tab of `widget` was closed: the next request makes a new one."""
        self._open = {name: view for name, view in self._open.items() if view is not widget}

    def reload(self, sender: QObject | None) -> None:
        """Records changed: every open list reads them again, but the one that changed them."""
        for view in self._open.values():
            if view is not sender:
                cast(_ListView, view).reload()
