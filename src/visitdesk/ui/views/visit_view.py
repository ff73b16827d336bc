"""One visit: its details on top; programme, delegation, statements and outcomes below."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import suppress
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMenu,
    QMessageBox,
    QPushButton,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from visitdesk.app import Desk, NotFoundError
from visitdesk.app.text import short_date
from visitdesk.ui.undo import Call, push_call
from visitdesk.ui.views.cars_panel import CarsPanel
from visitdesk.ui.views.delegation_panel import DelegationPanel
from visitdesk.ui.views.gifts_panel import GiftsPanel
from visitdesk.ui.views.itinerary_panel import ItineraryPanel
from visitdesk.ui.views.records_panel import OutcomesPanel, StatementsPanel
from visitdesk.ui.views.travel_panel import TravelPanel

if TYPE_CHECKING:
    from visitdesk.ui.briefing_job import BriefingJob
    from visitdesk.ui.dialogs.pdf_viewer import PdfViewerDialog
    from visitdesk.ui.views.press_release_panel import PressReleasePanel


class VisitView(QWidget):
    changed = Signal()
    title_changed = Signal(str)

    def __init__(self, desk: Desk, visit_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk, self.visit_id = desk, visit_id
        self.visit_ref = ""
        self._title = ""
        self.undo_stack = QUndoStack(self)

        self.heading = QLabel(self)
        self.heading.setObjectName("visit-heading")
        self.heading.setStyleSheet("font-size: 15pt; font-weight: bold;")
        self.heading.setWordWrap(True)
        self.details = QLabel(self)
        self.details.setObjectName("visit-details")
        self.details.setWordWrap(True)
        for label in (self.heading, self.details):
            label.setTextFormat(label.textFormat().PlainText)  # typed text is never markup
        edit = QPushButton("Ed&it details…", self)
        edit.setToolTip("Title, dates, organisations, status and notes of the visit")
        edit.clicked.connect(self.edit_details)
        top = QHBoxLayout()
        text = QVBoxLayout()
        text.addWidget(self.heading)
        text.addWidget(self.details)
        top.addLayout(text, 1)
        top.addWidget(edit)
        self.briefing_job: BriefingJob | None = None
        self.last_pack: BriefingJob | None = None
        self.programme_viewer: PdfViewerDialog | None = None
        self.printed_viewer: PdfViewerDialog | None = None  # place cards or badges
        documents = self._document_buttons()
        # Whether the packs printed so far still say what the records say.
        self.pack_status = QLabel(self)
        self.pack_status.setObjectName("pack-status")
        self.pack_status.setWordWrap(True)
        self.pack_status.setTextFormat(self.pack_status.textFormat().PlainText)
        self.pack_status.hide()

        self.sections = QTabWidget(self)
        self.itinerary = ItineraryPanel(self)
        self.delegation = DelegationPanel(self)
        self.statements = StatementsPanel(self)
        self.outcomes = OutcomesPanel(self)
        self.travel = TravelPanel(self)
        self.cars = CarsPanel(self)
        self.gifts = GiftsPanel(self)
        self.sections.addTab(self.itinerary, "Pr&ogramme")
        self.sections.addTab(self.delegation, "Dele&gation")
        self.sections.addTab(self.statements, "&Statements")
        self.sections.addTab(self.outcomes, "Outco&mes")
        self.sections.addTab(self.travel, "&Travel and hotels")
        self.sections.addTab(self.cars, "&Cars")
        self.sections.addTab(self.gifts, "Gi&fts")
        # The press release tab imports reportlab and QtPdf: built when first chosen.
        self.press_release: PressReleasePanel | None = None
        self._release_holder = QWidget(self)
        QVBoxLayout(self._release_holder).setContentsMargins(0, 0, 0, 0)
        self.sections.addTab(self._release_holder, "&Press release")
        self.sections.currentChanged.connect(self._section_changed)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(documents)
        layout.addWidget(self.pack_status)
        layout.addWidget(self.sections, 1)

    def _document_buttons(self) -> QHBoxLayout:
        """Briefing pack, calendar, lists and importing people: one row under the details."""
        from visitdesk.ui import visit_documents as docs

        row = QHBoxLayout()
        self.pack_button = QPushButton("Briefing pack…", self)
        self.pack_button.setToolTip(
            "Build the briefing pack of the visit or of one person (Ctrl+B)"
        )
        self.pack_button.clicked.connect(lambda: docs.briefing_pack(self))
        self.programme_button = QPushButton("Programme…", self)
        self.programme_button.setToolTip(
            "The programme at a glance on A4, every attendee named: preview, save, print "
            "(Ctrl+Shift+P)"
        )
        self.programme_button.clicked.connect(lambda: docs.programme(self))
        self.calendar_button = QPushButton("Calendar…", self)
        self.calendar_button.setToolTip(
            "Export the programme, or one person's part, for Outlook and other calendars"
        )
        self.calendar_button.clicked.connect(lambda: docs.export_calendar(self))
        self.cards_button = QPushButton("Place cards…", self)
        self.cards_button.setObjectName("place_cards_button")
        self.cards_button.setToolTip(
            "Tent cards, one A4 sheet a person, for the visit or one engagement: preview, print"
        )
        self.cards_button.clicked.connect(lambda: docs.place_cards(self))
        self.badges_button = QPushButton("Name badges…", self)
        self.badges_button.setObjectName("badges_button")
        self.badges_button.setToolTip(
            "Name badges with a colour band per category, ten to an A4 sheet: preview, print"
        )
        self.badges_button.clicked.connect(lambda: docs.badges(self))
        self.lists_button = QToolButton(self)
        # No mnemonic: Alt+T is the Travel and hotels tab; the same lists are in Visit ▸
        # Export a list (Alt+I).
        self.lists_button.setText("Lists")
        self.lists_button.setToolTip("Spreadsheets to hand to others (.xlsx or .csv)")
        self.lists_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.lists_button)
        for kind, title in docs.LIST_TITLES.items():
            action = menu.addAction(f"{title}…")
            # A def, not a partial: Qt would pass `checked` on as a third argument.
            action.triggered.connect(self._list_exporter(kind))
        self.lists_button.setMenu(menu)
        self.import_button = QPushButton("Import people…", self)
        self.import_button.setToolTip("Add people from a delegation list in .xlsx or .csv")
        self.import_button.clicked.connect(lambda: docs.import_people(self))
        for widget in (
            self.pack_button,
            self.programme_button,
            self.calendar_button,
            self.cards_button,
            self.badges_button,
            self.lists_button,
        ):
            row.addWidget(widget)
        row.addWidget(self.import_button)
        row.addStretch(1)
        return row

    def _list_exporter(self, kind: str) -> Callable[[], None]:
        def export() -> None:
            from visitdesk.ui.visit_documents import export_list

            export_list(self, kind)

        return export

    def pack_finished(self, job: BriefingJob) -> None:
        """A pack was built (or not, or cancelled): its preview, if any, stays reachable."""
        self.last_pack = job
        with suppress(NotFoundError):  # the visit went meanwhile: the next reload closes it
            self._show_pack_status()

    def _show_pack_status(self) -> None:
        status = self.desk.documents.pack_status(self.visit_id)
        if status is None:
            self.pack_status.hide()
            return
        self.pack_status.setText(("⚠ " if status.out_of_date else "") + status.sentence)
        self.pack_status.setStyleSheet("color: #8a1c00;" if status.out_of_date else "color: gray;")
        self.pack_status.show()

    def people_imported(self) -> None:
        # The import is on the undo stack above the earlier steps, so it is undone before
        # any of them restores the delegation it replaced: nothing needs forgetting.
        self._after_edit()

    def tab_title(self) -> str:
        return self._title if len(self._title) < 40 else self._title[:38] + "…"

    def reload(self) -> bool:
        """Read the visit again; False when it no longer exists (it is then closed)."""
        try:
            head = self.desk.visits.heading(self.visit_id)
            for panel in (
                self.itinerary,
                self.delegation,
                self.statements,
                self.outcomes,
                self.travel,
                self.cars,
                self.gifts,
            ):
                panel.refresh()
            self._show_pack_status()
        except NotFoundError as exc:
            QMessageBox.information(self, "Visit not found", str(exc))
            return False
        self.visit_ref = head.ref
        if head.title != self._title:
            self._title = head.title
            self.title_changed.emit(head.title)
        self.heading.setText(head.title)
        dates = (
            short_date(head.start_date)
            if head.start_date == head.end_date
            else f"{short_date(head.start_date)} – {short_date(head.end_date)}"
        )
        parts = [
            dates,
            head.status.label,
            f"Guests: {head.guest}" if head.guest else "",
            f"Host: {head.host}" if head.host else "",
            head.city,
            f"Times in {head.time_zone}",
        ]
        self.details.setText("  ·  ".join(p for p in parts if p))
        self.delegation.description.setText(head.delegation_description)
        self.delegation.description.setVisible(bool(head.delegation_description))
        if self.press_release is not None:
            self.press_release.mark_stale()
        return True

    def _section_changed(self, index: int) -> None:
        if self.sections.widget(index) is self._release_holder:
            self.press_release_panel()

    def press_release_panel(self) -> PressReleasePanel:
        """The press release tab's editor, made on first use."""
        if self.press_release is None:
            from visitdesk.ui.views.press_release_panel import PressReleasePanel

            self.press_release = PressReleasePanel(self)
            layout = self._release_holder.layout()
            assert layout is not None
            layout.addWidget(self.press_release)
        return self.press_release

    def delegation_ids(self) -> set[int]:
        return set(self.desk.visits.delegation_ids(self.visit_id))

    def push_call(self, text: str, do: Call, undo: Call) -> bool:
        """Save an edit now (app calls) and make it undoable; see `ui/undo.push_call`."""
        return push_call(self.undo_stack, text, do, undo, self._after_edit, self)

    def _after_edit(self) -> None:
        if self.reload():
            self.changed.emit()

    def show_section(self, name: str) -> None:
        if name == "itinerary":
            self.sections.setCurrentWidget(self.itinerary)
        elif name == "press-release":
            self.sections.setCurrentWidget(self._release_holder)

    def select_engagement(self, engagement_id: int) -> None:
        from visitdesk.ui.widgets import select_id

        self.sections.setCurrentWidget(self.itinerary)
        select_id(self.itinerary.table, self.itinerary.proxy, engagement_id)

    def select_gift(self, gift_id: int) -> None:
        from visitdesk.ui.widgets import select_id

        self.sections.setCurrentWidget(self.gifts)
        select_id(self.gifts.table, self.gifts.proxy, gift_id)

    def edit_details(self) -> None:
        from visitdesk.ui.dialogs.visit_dialog import edit_visit

        edit_visit(self)

    def may_close(self) -> bool:
        # Every other edit is saved when accepted; only the press release editor holds text.
        return self.press_release is None or self.press_release.may_close()
