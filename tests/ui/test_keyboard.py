"""The keyboard: Tab follows the fields as laid out; the menus' shortcuts do what they say."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QMenu,
    QWidget,
)

from visitdesk.app import Desk
from visitdesk.ui.dialogs.document_options import DocumentOptionsDialog
from visitdesk.ui.dialogs.engagement_dialog import EngagementDialog
from visitdesk.ui.views.visit_view import VisitView


def _walk(qtbot: Any, first: QWidget, known: list[QWidget], presses: int = 60) -> list[QWidget]:
    """Press Tab from `first` and note each field reached, until focus comes back to it."""
    first.window().activateWindow()
    first.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is first)
    reached: list[QWidget] = []
    for _ in range(presses):
        focus = raw = QApplication.focusWidget()
        # A date edit or a combo box may hand focus to an inner editor: name the field.
        while focus is not None and focus not in known:
            focus = focus.parentWidget()
        assert focus is not None, f"Tab left the fields for {raw!r} after {reached}"
        if not reached or reached[-1] is not focus:
            if focus is first and reached:
                return reached
            reached.append(focus)
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    raise AssertionError(f"Tab never came back to the first field: {reached}")


def _in_screen_order(widgets: list[QWidget], dialog: QWidget) -> bool:
    tops = [w.mapTo(dialog, w.rect().topLeft()).y() for w in widgets]
    return tops == sorted(tops)


def test_tab_visits_the_engagement_dialog_s_fields_in_visual_order(qtbot, store):
    dialog = EngagementDialog(Desk(store), lambda _d: True, None, date(2017, 3, 21), set())
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    form = [
        dialog.title_edit, dialog.kind, dialog.start, dialog.end, dialog.venue, dialog.city,
        dialog.zone, dialog.organisation, dialog.objectives, dialog.points, dialog.notes,
    ]  # fmt: skip
    assert _in_screen_order(form, dialog)
    box = dialog.findChild(QDialogButtonBox)
    assert box is not None
    # The box's buttons as they stand on screen, left to right (the order depends on the style).
    box_buttons = sorted(box.buttons(), key=lambda b: b.mapTo(dialog, b.rect().topLeft()).x())
    # Each moment is its date then its time; each side its search, its list, then Remove.
    fields = [
        dialog.title_edit, dialog.kind,
        dialog.start.day.edit, dialog.start.time, dialog.end.day.edit, dialog.end.time,
        dialog.venue, dialog.city, dialog.zone, dialog.organisation, dialog.objectives,
        dialog.points, dialog.notes,
    ]  # fmt: skip
    expected = [
        *fields,
        dialog.hosts.search, dialog.hosts.list, dialog.hosts.remove_button,
        dialog.guests.search, dialog.guests.list, dialog.guests.remove_button,
        *box_buttons,
    ]  # fmt: skip
    assert _walk(qtbot, dialog.title_edit, expected) == expected


def test_tab_in_the_briefing_options_goes_down_the_form(qtbot, window):
    view = window.open_visit_ref("sipo-2017-03")
    assert view is not None
    from visitdesk.ui.visit_documents import _people

    dialog = DocumentOptionsDialog("Briefing pack", _people(view), 1, "RESTRICTED", view)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    box = dialog.findChild(QDialogButtonBox)
    assert box is not None
    box_buttons = sorted(box.buttons(), key=lambda b: b.mapTo(dialog, b.rect().topLeft()).x())
    assert dialog.classification is not None
    # The checked radio button is the group's one Tab stop; arrows move between the two.
    expected = [dialog.one, dialog.person, dialog.classification, *box_buttons]
    assert _walk(qtbot, dialog.one, expected) == expected


def test_menu_shortcuts_open_the_visit_s_documents(qtbot, window, monkeypatch):
    opened: list[str] = []

    def refuse(self: QDialog) -> int:
        opened.append(self.windowTitle())
        return int(QDialog.DialogCode.Rejected)

    monkeypatch.setattr(DocumentOptionsDialog, "exec", refuse)
    view = window.open_visit_ref("sipo-2017-03")
    assert isinstance(view, VisitView)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    actions = window.visit_actions
    assert actions["briefing_pack"].shortcut().toString() == "Ctrl+B"
    assert actions["calendar"].shortcut().toString() == "Ctrl+Shift+C"
    qtbot.keyClick(view, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(
        view, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    assert opened == ["Briefing pack", "Export to a calendar"]
    # Every action in the menus that an officer uses often says its shortcut there.
    shortcuts = {
        a.text().replace("&", ""): a.shortcut().toString()
        for menu in window.menuBar().findChildren(QMenu)
        for a in menu.actions()
        if not a.isSeparator()
    }
    for name in ("New visit…", "Briefing pack…", "Import a delegation list…", "Undo"):
        assert shortcuts.get(name), f"{name} has no shortcut"


def test_tab_in_the_visit_dialog_follows_the_form_not_the_order_of_the_code(qtbot, store):
    from visitdesk.ui.dialogs.visit_dialog import VisitDialog

    dialog = VisitDialog(Desk(store), lambda _d: True, None)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    form = [
        dialog.title_edit, dialog.start, dialog.end, dialog.guest, dialog.new_guest,
        dialog.host, dialog.new_host, dialog.direction, dialog.status, dialog.classification,
        dialog.city, dialog.country, dialog.zone, dialog.description, dialog.notes,
    ]  # fmt: skip
    assert _in_screen_order(form, dialog)
    box = dialog.findChild(QDialogButtonBox)
    assert box is not None
    box_buttons = sorted(box.buttons(), key=lambda b: b.mapTo(dialog, b.rect().topLeft()).x())
    expected = [*form, *box_buttons]
    assert _walk(qtbot, dialog.title_edit, expected) == expected


def test_every_alt_letter_on_a_visit_s_page_does_one_thing(qtbot, window):
    """A letter shared by two buttons or tabs only moves the focus between them (Qt's rule for
    a clash), so Alt+G would never press "Programme…" while a tab is called "Gifts". The buttons
    above the tabs carry none: each is in the Visit menu, most with a shortcut."""
    from PySide6.QtWidgets import QAbstractButton, QTabWidget

    view = window.open_visit_ref("sipo-2017-03")
    assert isinstance(view, VisitView)
    sections = view.findChildren(QTabWidget)[0]
    clashes: dict[str, dict[str, list[str]]] = {}
    for shown in range(sections.count()):
        sections.setCurrentIndex(shown)
        texts = [b.text() for b in view.findChildren(QAbstractButton) if b.isVisibleTo(view)]
        texts += [sections.tabText(i) for i in range(sections.count())]
        letters: dict[str, list[str]] = {}
        for text in texts:
            marked = text.replace("&&", "")
            if "&" in marked:
                letter = marked[marked.index("&") + 1].casefold()
                letters.setdefault(letter, []).append(text.replace("&", ""))
        tab = sections.tabText(shown).replace("&", "")
        clashes[tab] = {k: v for k, v in letters.items() if len(v) > 1}
    assert not any(clashes.values()), {k: v for k, v in clashes.items() if v}
