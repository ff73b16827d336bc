"""The Visit menu: documents and lists of the visit whose tab is in front.

Only Qt here: the menu is built with the window, before SQLAlchemy loads; the actions import
`visit_documents` when first used.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenuBar, QWidget

# key, menu text, function of `visit_documents`, its extra argument, shortcut
_SPECS: tuple[tuple[str, str, str, str | None, str | None], ...] = (
    ("briefing_pack", "&Briefing pack…", "briefing_pack", None, "Ctrl+B"),
    ("programme", "&Programme at a glance…", "programme", None, "Ctrl+Shift+P"),
    ("calendar", "Export to a &calendar…", "export_calendar", None, "Ctrl+Shift+C"),
    ("place_cards", "Pl&ace cards…", "place_cards", None, None),
    ("badges", "&Name badges…", "badges", None, None),
    ("list_delegation", "&Delegation list…", "export_list", "delegation", None),
    ("list_arrivals", "&Arrivals list…", "export_list", "arrivals", None),
    ("list_rooming", "&Rooming list…", "export_list", "rooming", None),
    ("list_car_plan", "&Car plan…", "export_list", "car-plan", None),
    ("list_followups", "&Follow-ups list…", "export_list", "followups", None),
    ("list_gifts", "&Gifts list…", "export_list", "gifts", None),
    ("import_people", "Import a &delegation list…", "import_people", None, "Ctrl+Shift+I"),
    ("history", "&History…", "history", None, "Ctrl+H"),
)


def visit_actions(
    window: QWidget, current_view: Callable[[], QWidget | None]
) -> dict[str, QAction]:
    """The actions, off until a visit's tab is in front (the window turns them on)."""

    def on_visit(name: str, argument: str | None) -> Callable[[], None]:
        def run() -> None:
            view = current_view()
            if view is None:
                return
            from visitdesk.ui import visit_documents

            function = getattr(visit_documents, name)
            if argument is None:
                function(view)
            else:
                function(view, argument)

        return run

    actions: dict[str, QAction] = {}
    for key, text, name, argument, shortcut in _SPECS:
        action = QAction(text, window)
        if shortcut is not None:
            action.setShortcut(shortcut)
        action.triggered.connect(on_visit(name, argument))
        action.setEnabled(False)
        actions[key] = action
    return actions


def add_visit_menu(bar: QMenuBar, actions: dict[str, QAction]) -> None:
    menu = bar.addMenu("Vis&it")
    menu.addAction(actions["briefing_pack"])
    menu.addAction(actions["programme"])
    menu.addAction(actions["calendar"])
    menu.addAction(actions["place_cards"])
    menu.addAction(actions["badges"])
    lists = menu.addMenu("Export a &list")
    for key in (
        "list_delegation",
        "list_arrivals",
        "list_rooming",
        "list_car_plan",
        "list_followups",
        "list_gifts",
    ):
        lists.addAction(actions[key])
    menu.addSeparator()
    menu.addAction(actions["import_people"])
    menu.addSeparator()
    menu.addAction(actions["history"])
