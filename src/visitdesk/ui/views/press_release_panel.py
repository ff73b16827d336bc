"""A visit's press release: the draft in an editor beside a live PDF preview.

The officer edits headline, lead quote and body, sets number, date and city, saves (the record
is then marked edited, so drafting again never silently replaces their words), exports the PDF
or prints it. An unedited draft follows the visit's record each time the tab is opened.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from visitdesk.app import RefusedError
from visitdesk.app.press import MAX_NUMBER, Letterhead, Release, ReleaseContent, ReleaseText
from visitdesk.ui import file_dialogs
from visitdesk.ui.pdf_preview import Build, PdfPreview

if TYPE_CHECKING:
    from visitdesk.app.documents import ReleaseKind
    from visitdesk.ui.views.visit_view import VisitView


NO_RELEASE = (
    "This visit has no press release yet. VisitDesk drafts one from the programme, "
    "statements and outcomes recorded for the visit; you can then edit every word."
)


def _text_box(parent: QWidget, lines: int | None) -> QPlainTextEdit:
    box = QPlainTextEdit(parent)
    box.setTabChangesFocus(True)  # Tab moves on to the next field, as in every form
    if lines is not None:
        box.setFixedHeight(box.fontMetrics().lineSpacing() * lines + 14)
    return box


class PressReleasePanel(QWidget):
    def __init__(self, view: VisitView) -> None:
        super().__init__(view)
        self._view = view
        self._stale = True
        self._filling = False
        self._dirty_text = False
        self._dirty_meta = False
        self._issued = False
        self._release: Release | None = None  # as last loaded or saved: its version
        self._letterhead = Letterhead(office_name="Press Office")
        self._edited = False
        self._sized = False

        self.stack = QStackedWidget(self)
        empty = QWidget(self)
        # Until the release is read (off the GUI thread), say so: not "no release yet".
        self.empty_label = QLabel("Reading the press release…", empty)
        self.empty_label.setWordWrap(True)
        self.draft_button = QPushButton("&Draft the press release", empty)
        self.draft_button.hide()
        self.draft_button.clicked.connect(self.draft)
        empty_layout = QVBoxLayout(empty)
        empty_layout.addWidget(self.empty_label)
        empty_layout.addWidget(self.draft_button, 0, Qt.AlignmentFlag.AlignLeft)
        empty_layout.addStretch(1)

        editor = QWidget(self)
        self.number = QSpinBox(editor)
        self.number.setRange(1, MAX_NUMBER)
        self.date = QDateEdit(editor)
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("d MMMM yyyy")
        self.city = QLineEdit(editor)
        self.topic = QLineEdit(editor)
        self.topic.setMaxLength(300)
        self.topic.setPlaceholderText("The subject after the number, e.g. Draft MoU between …")
        self.headline = _text_box(editor, 3)
        self.lead_quote = _text_box(editor, 3)
        self.attribution = QLineEdit(editor)
        self.body = _text_box(editor, None)
        self.body.setPlaceholderText("Paragraphs are separated by an empty line.")
        # Named for screen readers (and the acceptance stories, which find fields by name).
        for field, name in (
            (self.number, "Number"),
            (self.date, "Date"),
            (self.city, "City"),
            (self.topic, "Topic"),
            (self.headline, "Headline"),
            (self.lead_quote, "Lead quote"),
            (self.attribution, "Said by"),
            (self.body, "Body"),
        ):
            field.setAccessibleName(name)
        form = QFormLayout()
        top = QHBoxLayout()
        top.addWidget(self.number)
        for text, field in (("&Date:", self.date), ("Ci&ty:", self.city)):
            label = QLabel(text, editor)
            label.setBuddy(field)
            top.addWidget(label)
            top.addWidget(field, 1 if field is self.city else 0)
        number_label = QLabel("&Number:", editor)
        number_label.setBuddy(self.number)
        form.addRow(number_label, top)
        form.addRow("T&opic:", self.topic)
        form.addRow("&Headline:", self.headline)
        form.addRow("&Lead quote:", self.lead_quote)
        form.addRow("Said &by:", self.attribution)
        self.state = QLabel(editor)
        self.state.setObjectName("release_state")
        self.state.setWordWrap(True)
        self.save_button = QPushButton("&Save", editor)
        self.save_button.setToolTip("Keep these words and this number and date (Ctrl+S)")
        self.save_button.clicked.connect(self.save)
        self.redraft_button = QPushButton("Draft &again…", editor)
        self.redraft_button.setToolTip("Write the text again from the visit's record")
        self.redraft_button.clicked.connect(self.redraft)
        self.export_button = QPushButton("E&xport PDF…", editor)
        self.export_button.clicked.connect(self.export_pdf)
        self.word_button = QPushButton("Export as &Word…", editor)
        self.word_button.setToolTip("Write a .docx to finish the release in Word or LibreOffice")
        self.word_button.clicked.connect(self.export_word)
        self.print_button = QPushButton("&Print…", editor)
        self.print_button.clicked.connect(self.print_release)
        buttons = QHBoxLayout()
        for button in (self.save_button, self.redraft_button, self.export_button, self.word_button):
            buttons.addWidget(button)
        buttons.addWidget(self.print_button)
        buttons.addStretch(1)
        left = QVBoxLayout(editor)
        left.addLayout(form)
        body_label = QLabel("B&ody:", editor)
        body_label.setBuddy(self.body)
        left.addWidget(body_label)
        left.addWidget(self.body, 1)
        left.addWidget(self.state)
        left.addLayout(buttons)

        self.preview = PdfPreview(self)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(editor)
        self.splitter.addWidget(self.preview)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 1)
        self.stack.addWidget(empty)
        self.stack.addWidget(self.splitter)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)

        for box in (self.headline, self.lead_quote, self.body):
            box.textChanged.connect(self._text_edited)
        self.attribution.textChanged.connect(self._text_edited)
        self.topic.textChanged.connect(self._text_edited)
        self.number.valueChanged.connect(self._meta_edited)
        self.date.dateChanged.connect(self._meta_edited)
        self.city.textChanged.connect(self._meta_edited)
        shortcut = QShortcut(QKeySequence.StandardKey.Save, self)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(self.save)

    # Loading ---------------------------------------------------------------------------------

    def mark_stale(self) -> None:
        """The visit changed: read the release again when next shown (unless being edited)."""
        self._stale = True
        if self.isVisible():
            self.load()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        super().showEvent(event)
        if not self._sized and self.width() > 100:
            # Half and half, once the width is known: the page is read, not glimpsed.
            self._sized = True
            half = self.width() // 2
            self.splitter.setSizes([half, self.width() - half])
        if self._stale:
            self.load()

    def is_dirty(self) -> bool:
        return self._dirty_text or self._dirty_meta

    def load(self) -> None:
        if self.is_dirty():
            return  # never overwrite what the officer is typing
        self._stale = False
        try:
            # An unedited draft is drafted again, so it follows the record.
            release = self._view.desk.press.release(self._view.visit_id)
        except RefusedError as exc:
            QMessageBox.warning(self, "Press release", str(exc))
            return
        if release is None:
            self._release = None
            self.empty_label.setText(NO_RELEASE)
            self.draft_button.show()
            self.stack.setCurrentIndex(0)
            return
        self._show(release)

    def _show(self, release: Release) -> None:
        self._release = release
        self._letterhead = release.letterhead
        self._issued = release.issued
        text = release.record.data
        self._filling = True
        try:
            self.number.setValue(text.number)
            self.date.setDate(QDate(text.date.year, text.date.month, text.date.day))
            self.city.setText(text.city)
            self.topic.setText(text.topic)
            self.headline.setPlainText(text.headline)
            self.lead_quote.setPlainText(text.lead_quote)
            self.attribution.setText(text.attribution)
            self.body.setPlainText(text.body)
        finally:
            self._filling = False
        self._dirty_text = self._dirty_meta = False
        for box in (self.headline, self.lead_quote, self.body):
            box.setReadOnly(self._issued)
        self.attribution.setReadOnly(self._issued)
        self.topic.setReadOnly(self._issued)
        self.redraft_button.setEnabled(not self._issued)
        self._edited = release.edited
        self._update_state()
        self.stack.setCurrentIndex(1)
        self.preview.rebuild_now(self._build_function())

    # Editing ---------------------------------------------------------------------------------

    def _text_edited(self) -> None:
        if not self._filling:
            self._dirty_text = True
            self._changed()

    def _meta_edited(self) -> None:
        if not self._filling:
            self._dirty_meta = True
            self._changed()

    def _changed(self) -> None:
        self._update_state()
        self.preview.request(self._build_function())

    def _update_state(self) -> None:
        if self._issued:
            text = "Issued: the text can no longer change."
        elif self.is_dirty():
            text = "Unsaved changes (Ctrl+S saves them)."
        elif self._edited:
            text = "Saved, with your edits: drafting again will ask before replacing them."
        else:
            text = "Saved. This draft follows the visit's record until you edit it."
        self.state.setText(text)

    def typed(self) -> ReleaseText:
        """What the editor holds now, saved or not."""
        return ReleaseText(
            number=self.number.value(),
            date=self._date(),
            city=self.city.text(),
            topic=self.topic.text(),
            headline=self.headline.toPlainText(),
            lead_quote=self.lead_quote.toPlainText(),
            attribution=self.attribution.text(),
            body=self.body.toPlainText(),
        )

    def content(self) -> ReleaseContent:
        """What the page shows now, saved or not."""
        return self._letterhead.content(self.typed())

    def _date(self) -> date:
        picked = self.date.date()
        return date(picked.year(), picked.month(), picked.day())

    def _build_function(self) -> Build:
        content = self.content()  # taken now, on the GUI thread: the worker sees no widget
        documents = self._view.desk.documents

        def build(path: Path) -> None:
            path.write_bytes(documents.release(content))  # draws only: no store call

        return build

    # Actions ---------------------------------------------------------------------------------

    def draft(self) -> None:
        self._prepare(redraft=False)

    def redraft(self) -> None:
        if self._edited or self._dirty_text:
            answer = QMessageBox.question(
                self,
                "Draft again?",
                "Drafting again replaces the headline, quote and body with a new draft from the "
                "visit's record. Your edited words will be lost. Draft again?",
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        self._dirty_text = self._dirty_meta = False
        self._prepare(redraft=True)

    def _prepare(self, redraft: bool) -> None:
        try:
            self._show(self._view.desk.press.draft(self._view.visit_id, redraft=redraft))
        except RefusedError as exc:
            QMessageBox.warning(self, "Press release", str(exc))

    def save(self) -> bool:
        """Keep the number, date, city and (if changed) the words; False if refused.

        Saved over the version loaded: when another officer saved the release since, both
        versions are shown and the officer keeps theirs or takes the other's (or goes back to
        the editor); what was typed stays in the editor until they choose.
        """
        if self.stack.currentIndex() != 1 or self._release is None:
            return True
        from visitdesk.ui.versioned_save import Outcome, save_over

        typed, record, press = self.typed(), self._release.record, self._view.desk.press
        done = save_over(
            self,
            "Press release",
            lambda version: press.update(record.id, typed, version, opened=record.data),
            record.version,
        )
        if done.outcome is Outcome.TOOK_THEIRS:
            self._dirty_text = self._dirty_meta = False
            self.load()
        saved = done.result
        if saved is None:
            return False  # refused, cancelled, or back to the editor: the text is kept
        self._dirty_text = self._dirty_meta = False
        self._show(saved)
        window = self.window()
        if hasattr(window, "statusBar"):
            window.statusBar().showMessage(f"Press release {saved.label} saved.", 5000)
        return True

    def _saved_first(self) -> bool:
        return not self.is_dirty() or self.save()

    def export_pdf(self) -> None:
        self._export(".pdf", "pdf", "PDF documents (*.pdf)", "The PDF")

    def export_word(self) -> None:
        self._export(".docx", "docx", "Word documents (*.docx)", "The Word document")

    def _export(self, suffix: str, kind: ReleaseKind, file_filter: str, what: str) -> None:
        if not self._saved_first():
            return
        content = self.content()
        name = f"{content.number_label} {self._view.visit_ref}".replace("/", "-").strip()
        target, _ = file_dialogs.save_file_name(
            self, "Export the press release", f"{name}{suffix}", file_filter, recent=True
        )
        if not target:
            return
        path = Path(target)
        if path.suffix.lower() != suffix:
            path = path.with_name(path.name + suffix)
        try:
            self._view.desk.documents.save_release(content, path, kind)
        except RefusedError as exc:
            QMessageBox.warning(self, "Not exported", f"{what} was not exported. {exc}")
            return
        window = self.window()
        if hasattr(window, "statusBar"):
            window.statusBar().showMessage(f"Press release written to {path}", 8000)

    def print_release(self) -> None:
        if not self._saved_first():
            return
        from visitdesk.ui.printing import print_pdf

        path = self.preview.folder() / "print.pdf"
        content = self.content()
        try:
            path.write_bytes(self._view.desk.documents.release(content))
        except OSError as exc:
            QMessageBox.warning(self, "Cannot print", f"The page could not be made: {exc}.")
            return
        print_pdf(path, f"{content.number_label} {content.headline}".strip()[:80], self)

    def may_close(self) -> bool:
        if not self.is_dirty():
            return True
        buttons = QMessageBox.StandardButton
        answer = QMessageBox.question(
            self,
            "Unsaved press release",
            "The press release has changes that are not saved. Save them?",
            buttons.Save | buttons.Discard | buttons.Cancel,
        )
        if answer in (buttons.Save, buttons.Yes):
            return self.save()
        return bool(answer == buttons.Discard)
