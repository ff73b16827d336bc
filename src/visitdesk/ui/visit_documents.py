"""What an officer takes out of a visit, and brings into it: briefing pack, programme at a
glance, calendar, lists, and a delegation list from a spreadsheet. Each action works on the
visit of a `VisitView`.

The documents are made by the app layer (`desk.documents`), as the command line makes them;
its refusals are shown as they are written (plain sentences); nothing here raises to the event
loop.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QMessageBox, QWidget

from visitdesk.app import RefusedError
from visitdesk.app.documents import ParticipantRow
from visitdesk.app.lists import ListKind
from visitdesk.ui import file_dialogs, recent
from visitdesk.ui.dialogs.document_options import DocumentOptionsDialog

if TYPE_CHECKING:
    from visitdesk.ui.briefing_job import BriefingJob
    from visitdesk.ui.dialogs.pdf_viewer import PdfViewerDialog
    from visitdesk.ui.views.visit_view import VisitView

LIST_TITLES = {
    ListKind.DELEGATION: "Delegation list",
    ListKind.ARRIVALS: "Arrivals list",
    ListKind.ROOMING: "Rooming list",
    ListKind.FOLLOWUPS: "Follow-ups list",
    ListKind.CAR_PLAN: "Car plan",
    ListKind.GIFTS: "Gifts list",
}
SHEET_FILTER = "Excel workbook (*.xlsx);;CSV, comma-separated (*.csv)"


def _status(view: QWidget, text: str) -> None:
    window = view.window()
    status = getattr(window, "statusBar", None)
    if callable(status):
        status().showMessage(text, 10_000)


def _people(view: VisitView) -> list[ParticipantRow]:
    return list(view.desk.documents.options(view.visit_id).people)


# Names Windows keeps for devices, with any extension: "con.ics" cannot be saved.
_RESERVED = frozenset(
    {"con", "prn", "aux", "nul"} | {f"{d}{n}" for d in ("com", "lpt") for n in range(1, 10)}
)


def _safe_name(text: str) -> str:
    """A file name Windows accepts: no reserved characters or device names, no trailing dot."""
    name = "".join("-" if c in '/\\:*?"<>|' or ord(c) < 32 else c for c in text)
    name = name.strip().rstrip(". ") or "visit"
    if name.split(".", 1)[0].strip().casefold() in _RESERVED:
        name = f"visit-{name}"
    return name


# Briefing pack ---------------------------------------------------------------------------


def briefing_pack(view: VisitView, person_id: int | None = None) -> BriefingJob | None:
    """Ask whole visit or one person and the marking, then build on the worker and preview."""
    from visitdesk.ui.briefing_job import BriefingJob, PackRequest

    running: BriefingJob | None = getattr(view, "briefing_job", None)
    if running is not None:
        running.progress.raise_()
        return running
    try:
        options = view.desk.documents.options(view.visit_id)
    except RefusedError as exc:
        QMessageBox.warning(view, "Briefing pack", str(exc))
        return None
    dialog = DocumentOptionsDialog(
        "Briefing pack", list(options.people), person_id, options.classification, view
    )
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    request = PackRequest(
        view.visit_id,
        view.visit_ref,
        view.heading.text(),
        dialog.person_ref(),
        dialog.person_name(),
        dialog.marking(),
    )
    job = BriefingJob(view.desk, request, view)
    view.briefing_job = job

    def finished(_shown: bool) -> None:
        view.briefing_job = None
        view.pack_finished(job)

    job.done.connect(finished)
    return job


# Calendar --------------------------------------------------------------------------------


def export_calendar(view: VisitView, person_id: int | None = None) -> Path | None:
    """The programme (or one person's part) as an .ics file for Outlook and the others."""
    try:
        people = _people(view)
    except RefusedError as exc:
        QMessageBox.warning(view, "Calendar", str(exc))
        return None
    dialog = DocumentOptionsDialog("Export to a calendar", people, person_id, None, view)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    person_ref = dialog.person_ref()
    name = _safe_name(f"{view.visit_ref} {person_ref}" if person_ref else view.visit_ref)
    target, _ = file_dialogs.save_file_name(
        view, "Export to a calendar", f"{name}.ics", "iCalendar files (*.ics)"
    )
    if not target:
        return None
    path = Path(target)
    if path.suffix.lower() != ".ics":
        path = path.with_name(path.name + ".ics")
    try:
        # Recorded only once the file is written: then its events count as sent out.
        export = view.desk.documents.save_calendar(view.visit_id, path, person_ref)
    except RefusedError as exc:
        QMessageBox.warning(view, "Calendar not exported", str(exc))
        return None
    recent.add_file(path)
    events = "1 event" if export.events == 1 else f"{export.events} events"
    _status(view, f"Wrote {events} of {export.description} ({export.time_zone}) to {path}")
    return path


# Lists -----------------------------------------------------------------------------------


def export_list(view: VisitView, which: ListKind | str) -> Path | None:
    """A list the office hands to others, as .xlsx or .csv."""
    kind = ListKind(which)
    title = LIST_TITLES[kind]
    suggested = _safe_name(f"{view.visit_ref} {title.lower()}") + ".xlsx"
    target, chosen = file_dialogs.save_file_name(
        view, f"Export the {title.lower()}", suggested, SHEET_FILTER
    )
    if not target:
        return None
    path = Path(target)
    if path.suffix.lower() not in (".xlsx", ".csv"):
        path = path.with_name(path.name + (".csv" if "csv" in chosen.lower() else ".xlsx"))
    try:
        made = view.desk.lists.export_to(view.visit_id, kind, path)
    except RefusedError as exc:
        QMessageBox.warning(
            view,
            "List not exported",
            # Windows refuses to replace a workbook Excel has open.
            f"{exc} If the file is open in Excel, close it and export again."
            if "denied" in str(exc) or "another process" in str(exc)
            else str(exc),
        )
        return None
    recent.add_file(path)
    rows = "1 row" if made.rows == 1 else f"{made.rows} rows"
    _status(view, f"Wrote the {title.lower()} ({rows}) to {path}")
    return path


# Importing people --------------------------------------------------------------------------


def import_people(view: VisitView) -> bool:
    """Choose a delegation list and import it (`people_import_dialog.import_people`)."""
    from visitdesk.ui.dialogs.people_import_dialog import import_people as run_import

    target, _ = file_dialogs.open_file_name(
        view,
        "Import a delegation list",
        "",
        "Spreadsheets (*.xlsx *.csv);;All files (*)",
    )
    if not target:
        return False
    path = Path(target)
    done = run_import(view, path)
    if done is None:
        return False
    recent.add_file(path)
    view.people_imported()
    _status(view, f"Imported {path.name}: {done.summary}.")
    return True


# Programme at a glance ---------------------------------------------------------------------


def programme(view: VisitView) -> PdfViewerDialog | None:
    """The programme on A4, previewed with Save as PDF and Print."""
    import tempfile

    from PySide6.QtCore import Qt

    from visitdesk.ui.dialogs.pdf_viewer import PdfViewerDialog

    try:
        made = view.desk.documents.programme(view.visit_id)
    except RefusedError as exc:
        QMessageBox.warning(view, "Programme", str(exc))
        return None
    folder = tempfile.TemporaryDirectory(prefix="visitdesk-programme-")
    name = f"Programme {_safe_name(made.ref)}.pdf"
    path = Path(folder.name) / name
    try:
        path.write_bytes(made.data)
    except OSError as exc:
        QMessageBox.warning(view, "Programme", f"The programme could not be shown: {exc}.")
        folder.cleanup()
        return None
    pages = "1 page" if made.pages == 1 else f"{made.pages} pages"
    engagements = "1 engagement" if made.engagements == 1 else f"{made.engagements} engagements"
    viewer = PdfViewerDialog(
        path,
        f"Programme at a glance: {made.title}",
        name,
        f"{engagements}, {pages}, A4.",
        folder,
        view,
    )
    viewer.setObjectName("programme_preview")
    viewer.setWindowModality(Qt.WindowModality.NonModal)
    viewer.show()
    view.programme_viewer = viewer
    return viewer


# Place cards and name badges ---------------------------------------------------------------


def place_cards(view: VisitView) -> PdfViewerDialog | None:
    """Tent cards for the whole visit or one engagement, previewed with Save as PDF and Print."""
    return _printed_items(view, badges=False)


def badges(view: VisitView) -> PdfViewerDialog | None:
    """Name badges, ten to an A4 sheet, for the whole visit or one engagement, previewed."""
    return _printed_items(view, badges=True)


def _printed_items(view: VisitView, badges: bool) -> PdfViewerDialog | None:
    import tempfile

    from visitdesk.ui.dialogs.pdf_viewer import PdfViewerDialog
    from visitdesk.ui.dialogs.printed_scope import PrintedScopeDialog

    what = "Name badges" if badges else "Place cards"
    try:
        rows = view.desk.itinerary.rows(view.visit_id)
    except RefusedError as exc:
        QMessageBox.warning(view, what, str(exc))
        return None
    selected = view.itinerary.current()
    suggested = selected.id if selected is not None else None
    dialog = PrintedScopeDialog(what, [(r.id, r.start, r.title) for r in rows], suggested, view)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    engagement_id = dialog.engagement_id()
    try:
        if badges:
            made = view.desk.documents.badges(view.visit_id, engagement_id)
        else:
            made = view.desk.documents.place_cards(view.visit_id, engagement_id)
    except RefusedError as exc:
        QMessageBox.warning(view, what, str(exc))
        return None
    folder = tempfile.TemporaryDirectory(prefix="visitdesk-printed-")
    name = _safe_name(f"{what} {made.ref}") + ".pdf"
    path = Path(folder.name) / name
    try:
        path.write_bytes(made.data)
    except OSError as exc:
        QMessageBox.warning(view, what, f"The {what.lower()} could not be shown: {exc}.")
        folder.cleanup()
        return None
    sheets = "1 sheet" if made.pages == 1 else f"{made.pages} sheets"
    if badges:
        count = "1 badge" if made.count == 1 else f"{made.count} badges"
        summary = f"{count} of 90 × 55 mm on {sheets} of A4: cut along the marks."
    else:
        count = "1 place card" if made.count == 1 else f"{made.count} place cards"
        summary = f"{count}, one A4 sheet each: print landscape, fold along the dotted line."
    viewer = PdfViewerDialog(path, f"{what}: {made.title}", name, summary, folder, view)
    viewer.setObjectName("badges_preview" if badges else "place_cards_preview")
    viewer.setWindowModality(Qt.WindowModality.NonModal)
    viewer.show()
    view.printed_viewer = viewer
    return viewer


# History -------------------------------------------------------------------------------------


def history(view: VisitView) -> None:
    """Every change to the visit, newest first: who, when, what (Visit ▸ History…)."""
    from visitdesk.ui.history_view import HistoryDialog

    dialog = HistoryDialog(
        view.desk,
        f"the visit “{view.heading.text()}”",
        lambda: view.desk.history.visit(view.visit_id),
        view,
    )
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
