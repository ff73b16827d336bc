"""The main window: the visits list, a tab per open visit, the lists of every visit, the menus.

The window can be shown before the store is open (`MainWindow()` then `attach_desk`): this
module imports only Qt, so that the window appears about as fast as a bare Qt window while
SQLAlchemy loads and the database opens on the next turn of the event loop.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QKeyEvent,
    QKeySequence,
    QUndoGroup,
    QUndoStack,
)
from PySide6.QtWidgets import (
    QApplication,
    QMainWindow,
    QTabWidget,
    QWidget,
)

from visitdesk.ui import recent, window_session
from visitdesk.ui.first_paint import OPEN_FALLBACK_MS, Opening, PaintedOnce
from visitdesk.ui.list_tabs import ListTabs
from visitdesk.ui.plain import mnemonic_safe, plain_tooltip
from visitdesk.ui.records_link import RecordsLink
from visitdesk.ui.visit_menu import add_visit_menu, visit_actions

if TYPE_CHECKING:
    from visitdesk.app import Desk
    from visitdesk.app.quick import VisitRow
    from visitdesk.ui.views.engagements_view import EngagementsView
    from visitdesk.ui.views.followups_view import FollowUpsView
    from visitdesk.ui.views.people_view import PeopleView
    from visitdesk.ui.views.visit_view import VisitView
    from visitdesk.ui.views.visits_view import VisitsView


class MainWindow(QMainWindow):
    desk: Desk
    visits_view: VisitsView
    records_ready = Signal()

    def __init__(self, desk: Desk | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("VisitDesk")
        self.setAcceptDrops(True)
        self.undo_group = QUndoGroup(self)
        self._ready = False
        self._early_rows = False  # the visits list was shown before the records were open
        self._pending_visit: int | None = None  # opened from that list before they were
        self._desk_actions: list[QAction] = []

        self.tabs = QTabWidget(self)
        self.tabs.setDocumentMode(True)
        self.tabs.setTabsClosable(True)
        self.tabs.tabCloseRequested.connect(self.close_tab)
        self.tabs.currentChanged.connect(self._tab_changed)
        self.setCentralWidget(self.tabs)
        self._opening = Opening(self)
        self.tabs.addTab(self._opening, "Visits")
        self.tabs.tabBar().setTabButton(0, self.tabs.tabBar().ButtonPosition.RightSide, None)
        self.lists = ListTabs(self)

        self._build_menus()
        self._restore_geometry()
        self.statusBar()
        if desk is not None:
            self.attach_desk(desk)
        else:
            for action in self._desk_actions:
                action.setEnabled(False)

    def open_store_when_shown(self, open_store: Callable[[], None]) -> None:
        """Run `open_store` once the window has been painted, on the next turn of the loop."""
        done: list[bool] = []

        def once() -> None:
            if not done:
                done.append(True)
                open_store()

        self._opening.painted.connect(lambda: QTimer.singleShot(0, once))
        QTimer.singleShot(OPEN_FALLBACK_MS, once)

    def show_first_rows(self, rows: Sequence[VisitRow], when_painted: Callable[[], None]) -> None:
        """The visits list read by the fast first read, shown before the records are open;
        `when_painted` runs on the turn of the event loop after the list is first painted.

        Nothing can change yet (the records' actions stay off until `attach_desk`); a visit
        opened from the list meanwhile opens as soon as the records are there.
        """
        self._put_visits_view(None)
        self.visits_view.new_button.setEnabled(False)
        self.visits_view.show_rows(rows)
        self.visits_view.setFocus()  # typing searches at once, as it does once they are open
        self._early_rows = True
        done: list[bool] = []

        def once() -> None:
            if not done:
                done.append(True)
                when_painted()

        self._list_painted = PaintedOnce(self.visits_view.table.viewport(), self)
        self._list_painted.painted.connect(lambda: QTimer.singleShot(0, once))
        QTimer.singleShot(OPEN_FALLBACK_MS, once)

    def _put_visits_view(self, desk: Desk | None) -> None:
        """The visits list in place of the waiting message."""
        from visitdesk.ui.fonts import register_bundled_fonts
        from visitdesk.ui.views.visits_view import VisitsView

        register_bundled_fonts()
        self.visits_view = VisitsView(desk, self)
        self.visits_view.open_visit.connect(self._open_when_ready)
        self.visits_view.new_visit_requested.connect(self.new_visit)
        current = self.tabs.currentIndex()
        self.tabs.removeTab(0)
        self._opening.deleteLater()
        self.tabs.insertTab(0, self.visits_view, "Visits")
        self.tabs.tabBar().setTabButton(0, self.tabs.tabBar().ButtonPosition.RightSide, None)
        self.tabs.setCurrentIndex(max(current, 0))

    def _open_when_ready(self, visit_id: int) -> None:
        if self._ready:
            self.open_visit(visit_id)
        else:
            self._pending_visit = visit_id

    def attach_desk(self, desk: Desk) -> None:
        """The records are open: the visits list (already shown, or put in place now) reads
        and writes through the desk from now on."""
        self.desk = desk
        self.records = RecordsLink(self, desk, self.records_changed_elsewhere)
        if self._early_rows:
            # Read again, now with the delegations' names that searching also matches (the
            # first read left them out to be painted sooner); what was typed is kept.
            self.visits_view.desk = desk
            self.visits_view.new_button.setEnabled(True)
        else:
            self._put_visits_view(desk)
        for action in self._desk_actions:
            action.setEnabled(True)
        self.visits_view.reload()
        self._ready = True
        if desk.backup is not None:
            self.statusBar().showMessage(
                f"The database was upgraded; a copy of the old one is at {desk.backup}"
            )
        if not self._early_rows:
            self.visits_view.setFocus()  # (shown early, it has had it; the officer may have moved)
        window_session.restore_tabs(self)
        if self._pending_visit is not None:
            self.open_visit(self._pending_visit)
            self._pending_visit = None
        self.records_ready.emit()

    def records_changed_elsewhere(self) -> None:
        """Another VisitDesk saved to the same records: show their work."""
        self.visits_view.reload()
        self.lists.reload(None)
        for view in self.visit_views():
            if not view.reload():  # deleted by the other officer (the view said so)
                self.tabs.removeTab(self.tabs.indexOf(view))
                view.deleteLater()
        self.statusBar().showMessage("Updated with changes saved by another VisitDesk.", 5000)
        from visitdesk.ui.dialogs.editing import SavingDialog

        # An open dialog on a record the other officer changed says so before its Save.
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, SavingDialog) and widget.isVisible():
                widget.look_again(self.desk)

    # Menus ---------------------------------------------------------------------------------

    def _action(
        self,
        text: str,
        slot: object,
        shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
        needs_desk: bool = True,
    ) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(shortcut)
        action.triggered.connect(slot)
        if needs_desk:
            self._desk_actions.append(action)
        return action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        self.visit_actions = visit_actions(self, self.current_visit_view)
        file_menu = bar.addMenu("&File")
        file_menu.addAction(
            self._action("&New visit…", self.new_visit, QKeySequence.StandardKey.New)
        )
        file_menu.addAction(self._action("&Import visitdesk/1 file…", self.import_file, "Ctrl+I"))
        file_menu.addAction(self._action("&Export visits…", self.export_file, "Ctrl+E"))
        file_menu.addAction(self.visit_actions["import_people"])
        file_menu.addSeparator()
        self.recent_menu = file_menu.addMenu("&Recent")
        self.recent_menu.setObjectName("recent_menu")
        self.recent_menu.aboutToShow.connect(lambda: window_session.fill_recent(self))
        window_session.fill_recent(self)
        file_menu.addSeparator()
        file_menu.addAction(self._action("Office &set-up…", self.office_setup))
        file_menu.addSeparator()
        file_menu.addAction(
            self._action("&Quit", self.close, QKeySequence.StandardKey.Quit, needs_desk=False)
        )

        edit_menu = bar.addMenu("&Edit")
        undo = self.undo_group.createUndoAction(self, "&Undo")
        undo.setShortcut(QKeySequence.StandardKey.Undo)
        redo = self.undo_group.createRedoAction(self, "&Redo")
        redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        edit_menu.addAction(undo)
        edit_menu.addAction(redo)
        edit_menu.addSeparator()
        copy = self._action("&Copy", self.copy, QKeySequence.StandardKey.Copy, needs_desk=False)
        copy.setToolTip("Copy the rows selected, with the column headings (Ctrl+C)")
        edit_menu.addAction(copy)
        edit_menu.addSeparator()
        edit_menu.addAction(
            self._action("&Find visits", self.find_visits, QKeySequence.StandardKey.Find)
        )

        view_menu = bar.addMenu("&View")
        view_menu.addAction(self._action("&Visits", self.show_visits, "Ctrl+1"))
        view_menu.addAction(self._action("&Follow-ups", self.show_followups, "Ctrl+2"))
        view_menu.addAction(
            self._action("&Engagements in all visits", self.show_engagements, "Ctrl+3")
        )
        view_menu.addAction(self._action("&People and organisations", self.show_people, "Ctrl+4"))
        view_menu.addAction(
            self._action("Press &releases", lambda: self.lists.press_register(), "Ctrl+5")
        )
        view_menu.addAction(
            self._action("&Gifts register", lambda: self.lists.gifts_register(), "Ctrl+6")
        )
        view_menu.addAction(self._action("&Close tab", self.close_current_tab, "Ctrl+W", False))

        add_visit_menu(bar, self.visit_actions)

    # Navigation ----------------------------------------------------------------------------

    def show_visits(self) -> None:
        self.tabs.setCurrentWidget(self.visits_view)

    def find_visits(self) -> None:
        self.show_visits()
        self.visits_view.search.setFocus()
        self.visits_view.search.selectAll()

    def show_followups(self) -> FollowUpsView:
        return self.lists.followups()

    def current_visit_view(self) -> VisitView | None:
        current = self.tabs.currentWidget()
        # Checked by attribute: importing VisitView would load SQLAlchemy at start-up.
        if current is not None and hasattr(current, "visit_ref"):
            return current  # type: ignore[return-value]
        return None

    def show_engagements(self) -> EngagementsView:
        return self.lists.engagements()

    def show_people(self) -> PeopleView:
        return self.lists.people()

    @property
    def ready(self) -> bool:
        """The records are open (the store attached)."""
        return self._ready

    def open_engagement(self, visit_id: int, engagement_id: int) -> VisitView | None:
        """The visit on its programme, with the engagement selected."""
        view = self.open_visit(visit_id)
        if view is not None:
            view.select_engagement(engagement_id)
        return view

    def open_gift(self, visit_id: int, gift_id: int) -> VisitView | None:
        """The visit on its Gifts tab, with the gift selected."""
        view = self.open_visit(visit_id)
        if view is not None:
            view.select_gift(gift_id)
        return view

    def open_press_release(self, visit_id: int) -> None:
        view = self.open_visit(visit_id)
        if view is not None:
            view.show_section("press-release")

    def visit_views(self) -> list[VisitView]:
        from visitdesk.ui.views.visit_view import VisitView

        return [
            w for i in range(self.tabs.count()) if isinstance(w := self.tabs.widget(i), VisitView)
        ]

    def open_visit(self, visit_id: int) -> VisitView | None:
        from visitdesk.ui.views.visit_view import VisitView

        for view in self.visit_views():
            if view.visit_id == visit_id:
                self.tabs.setCurrentWidget(view)
                return view
        view = VisitView(self.desk, visit_id, self)
        if not view.reload():
            view.deleteLater()
            self.visits_view.reload()
            return None
        self.undo_group.addStack(view.undo_stack)
        view.changed.connect(self.data_changed)
        view.title_changed.connect(lambda title, v=view: self._retitle(v, title))
        index = self.tabs.addTab(view, mnemonic_safe(view.tab_title()))
        self.tabs.setTabToolTip(index, plain_tooltip(view.heading.text()) or "")
        self.tabs.setCurrentIndex(index)
        recent.add_visit(view.visit_ref, view.heading.text())
        return view

    def open_visit_ref(self, ref: str) -> VisitView | None:
        for row in self.visits_view.model.rows():
            if row.ref == ref:
                return self.open_visit(row.id)
        return None

    def _retitle(self, view: QWidget, title: str) -> None:
        index = self.tabs.indexOf(view)
        if index >= 0:
            short = title if len(title) < 40 else title[:38] + "…"
            self.tabs.setTabText(index, mnemonic_safe(short))  # "R&D" shows its &
            self.tabs.setTabToolTip(index, plain_tooltip(title) or "")

    def close_tab(self, index: int) -> None:
        widget = self.tabs.widget(index)
        if widget is None or index == 0:
            return
        may_close = getattr(widget, "may_close", None)
        if may_close is not None and not may_close():
            return  # the officer chose to stay with unsaved text
        self.lists.closed(widget)
        self.tabs.removeTab(index)
        from visitdesk.ui.views.visit_view import VisitView

        if isinstance(widget, VisitView):
            self.undo_group.removeStack(widget.undo_stack)
        widget.deleteLater()

    def close_current_tab(self) -> None:
        self.close_tab(self.tabs.currentIndex())

    def _tab_changed(self, index: int) -> None:
        # A visit's tab carries its undo stack; looked up by attribute so that switching tabs
        # before any visit is open never imports the visit view (and SQLAlchemy with it).
        stack = getattr(self.tabs.widget(index), "undo_stack", None)
        on_visit = hasattr(self.tabs.widget(index), "visit_ref")
        for action in getattr(self, "visit_actions", {}).values():
            action.setEnabled(on_visit)
        if isinstance(stack, QUndoStack):
            self.undo_group.setActiveStack(stack)
        else:
            # Off a visit's tab, Undo works on the window's own stack (follow-ups, imports).
            office = self.findChild(QUndoStack, "office undo")
            self.undo_group.setActiveStack(office)  # type: ignore[arg-type]  # Qt accepts null

    def data_changed(self) -> None:
        """Something was saved: every list that shows it reads it again."""
        self.visits_view.reload()
        self.lists.reload(self.sender())
        for view in self.visit_views():
            if view is not self.sender():
                view.reload()

    def open_initial(self, visit_ref: str | None, view: str | None) -> None:
        """Open what the command line asked for (`--visit`, `--view`)."""
        opened = self.open_visit_ref(visit_ref) if visit_ref else None
        if visit_ref and opened is None:
            self.statusBar().showMessage(f"There is no visit with the reference “{visit_ref}”.")
        if view == "followups":
            self.show_followups()
        elif view == "people":
            self.show_people()
        elif view in ("itinerary", "press-release") and opened is not None:
            opened.show_section(view)
        elif view == "visits":
            self.show_visits()

    # Actions that open dialogs ---------------------------------------------------------------

    def new_visit(self) -> None:
        from visitdesk.ui.dialogs.visit_dialog import create_visit

        visit_id = create_visit(self.desk, self)
        if visit_id is not None:
            self.visits_view.reload()
            self.open_visit(visit_id)

    def office_setup(self) -> None:
        from visitdesk.ui.dialogs.office_dialog import OfficeDialog

        OfficeDialog(self.desk, self).exec()

    def import_file(self) -> None:
        from visitdesk.ui import exchange_actions, file_dialogs

        path, _ = file_dialogs.open_file_name(
            self, "Import visits", "", exchange_actions.FILE_FILTER
        )
        if path and exchange_actions.import_path(self.desk, path, self):
            recent.add_file(path)
            self.data_changed()

    def export_file(self) -> None:
        """From a visit's tab, export that visit; from anywhere else, every visit."""
        from visitdesk.ui import exchange_actions
        from visitdesk.ui.views.visit_view import VisitView

        current = self.tabs.currentWidget()
        refs = [current.visit_ref] if isinstance(current, VisitView) else None
        exchange_actions.export_with_dialog(self.desk, refs, self)

    # Drag and drop -------------------------------------------------------------------------

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802
        urls = event.mimeData().urls()
        if self._ready and urls and all(u.isLocalFile() for u in urls):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802
        from visitdesk.ui import exchange_actions

        paths = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        event.acceptProposedAction()
        imported = [path for path in paths if exchange_actions.import_path(self.desk, path, self)]
        for path in imported:
            recent.add_file(path)
        if imported:
            self.data_changed()

    # Geometry and closing ------------------------------------------------------------------

    def _restore_geometry(self) -> None:
        geometry = QSettings().value("main_window/geometry")
        if isinstance(geometry, QByteArray) and self.restoreGeometry(geometry):
            return
        self.resize(1280, 720)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        for view in self.visit_views():
            if not view.may_close():
                event.ignore()
                return
        QSettings().setValue("main_window/geometry", self.saveGeometry())
        if self._ready:
            window_session.save_tabs(self)
            self.records.stop()
        event.accept()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if (
            event.key() == Qt.Key.Key_Escape
            and self._ready
            and self.tabs.currentWidget() is self.visits_view
        ):
            self.visits_view.search.clear()
            return
        super().keyPressEvent(event)

    # Copying ---------------------------------------------------------------------------------

    def copy(self) -> None:
        """Edit > Copy: the rows selected in a table (with headings), else the text selected."""
        from PySide6.QtWidgets import QTableView

        from visitdesk.ui.table_actions import copy_rows

        focus = QApplication.focusWidget()
        if isinstance(focus, QTableView):
            copy_rows(focus)
            return
        copy_text = getattr(focus, "copy", None)
        if callable(copy_text):
            copy_text()
