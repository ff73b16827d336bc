"""Import and export of `visitdesk/1` files from the window, through the app layer
(`desk.exchange`): the same flows, and the same sentences, as `visitdesk import` and `export`."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QMessageBox, QWidget

from visitdesk.app import Desk, RefusedError
from visitdesk.ui import file_dialogs

FILE_FILTER = "VisitDesk exchange files (*.visit.json *.json);;All files (*)"


def import_with_dialog(desk: Desk, parent: QWidget) -> bool:
    path, _ = file_dialogs.open_file_name(parent, "Import visits", "", FILE_FILTER)
    return bool(path) and import_path(desk, path, parent)


def import_path(desk: Desk, path: str, parent: QWidget) -> bool:
    """Import one file, all or nothing; say what came in or, in plain words, why nothing did.

    The app's sentence is shown as it is: the command line prints the same one.
    """
    from visitdesk.app.exchange import Imported, ReleaseNumbersTakenError
    from visitdesk.ui.undo import current_stack, push_call_done

    try:
        preview = desk.exchange.preview(Path(path))
    except RefusedError as exc:
        QMessageBox.warning(parent, "Nothing was imported", str(exc))
        return False
    if not _renames_accepted(parent, preview.file_name, preview.updated_people):
        return False
    renumber = False
    while True:
        try:
            imported: Imported = desk.exchange.import_file(Path(path), renumber)
            break
        except ReleaseNumbersTakenError as exc:
            if renumber or not _ask_renumber(parent, exc):
                QMessageBox.warning(parent, "Nothing was imported", str(exc))
                return False
            renumber = True
        except RefusedError as exc:
            QMessageBox.warning(parent, "Nothing was imported", str(exc))
            return False
    window = parent.window()

    def after() -> None:
        refresh = getattr(window, "data_changed", None)
        if callable(refresh):
            refresh()

    # Undo takes the whole file back: the visits it created go, those it updated are restored.
    push_call_done(
        current_stack(parent),
        imported.label,
        lambda: desk.exchange.redo_import(imported),
        lambda: desk.exchange.undo_import(imported),
        after,
        parent,
    )
    QMessageBox.information(
        parent, "Imported", f"{imported.summary}\n\nEdit ▸ Undo takes the whole file back."
    )
    return True


def _renames_accepted(parent: QWidget, name: str, people: tuple[tuple[str, str], ...]) -> bool:
    """A file names people by reference: one already used here for someone else renames them.
    Ask before that happens (the same reference may well be the same person, renamed)."""
    renamed = [(now, then) for now, then in people if now != then]
    if not renamed:
        return True
    lines = "\n".join(f"  {now} → {then}" for now, then in renamed[:12])
    more = f"\n  … and {len(renamed) - 12} more" if len(renamed) > 12 else ""
    answer = QMessageBox.question(
        parent,
        "People renamed by the file",
        f"{name} gives other names to people already in the records:\n{lines}{more}\n\n"
        "Import it and rename them? (Edit ▸ Undo takes the whole file back.)",
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes


def _ask_renumber(parent: QWidget, exc: RefusedError) -> bool:
    """Numbers start again every year; offer to give the clashing releases free numbers."""
    problems = "\n".join(getattr(exc, "problems", ()))
    answer = QMessageBox.question(
        parent,
        "Press release numbers already used",
        f"{problems}\n\nImport the file and give these press releases the next free "
        "numbers of their year?",
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes


def export_with_dialog(desk: Desk, visit_refs: list[str] | None, parent: QWidget) -> bool:
    suggested = (
        f"{visit_refs[0]}.visit.json"
        if visit_refs and len(visit_refs) == 1
        else ("visits.visit.json")
    )
    path, _ = file_dialogs.save_file_name(parent, "Export visits", suggested, FILE_FILTER, True)
    if not path:
        return False
    try:
        desk.exchange.export(Path(path), visit_refs)
    except RefusedError as exc:
        QMessageBox.warning(parent, "Nothing was exported", str(exc))
        return False
    return True
