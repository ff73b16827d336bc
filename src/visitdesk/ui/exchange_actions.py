"""Import and export of `visitdesk/1` files from the window, through the lead's exchange service.

The service is imported when first used: if it is missing from a build, the officer is told so
in a dialog and the rest of the window keeps working.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QMessageBox, QWidget

from visitdesk import files
from visitdesk.app import Desk
from visitdesk.domain.errors import DomainError
from visitdesk.services.errors import ServiceError
from visitdesk.store.errors import StoreError
from visitdesk.ui import file_dialogs

FILE_FILTER = "VisitDesk exchange files (*.visit.json *.json);;All files (*)"


def _unavailable(parent: QWidget, what: str) -> None:
    QMessageBox.warning(parent, "VisitDesk", f"{what} is not available in this copy of VisitDesk.")


def import_with_dialog(desk: Desk, parent: QWidget) -> bool:
    path, _ = file_dialogs.open_file_name(parent, "Import visits", "", FILE_FILTER)
    return bool(path) and import_path(desk, path, parent)


def import_path(desk: Desk, path: str, parent: QWidget) -> bool:
    """Import one file, all or nothing; say what came in or, in plain words, why nothing did."""
    try:
        from visitdesk.services import import_undo
    except ImportError:
        _unavailable(parent, "Importing files")
        return False
    from visitdesk.services.exchange.errors import ReleaseNumberTakenError
    from visitdesk.ui.undo import current_stack, push_done

    name = Path(path).name
    renumber = False
    while True:
        try:
            document = import_undo.read_document(Path(path))
            with desk.store.transaction() as session:
                report, undo = import_undo.import_undoably(
                    session, document, name, renumber_releases=renumber
                )
            break
        except ReleaseNumberTakenError as exc:
            if renumber or not _ask_renumber(parent, exc):
                QMessageBox.warning(parent, "Nothing was imported", _named(name, str(exc)))
                return False
            renumber = True
        except (ServiceError, DomainError, StoreError) as exc:
            # The file's problems already name the file; others are given its name here.
            QMessageBox.warning(parent, "Nothing was imported", _named(name, str(exc)))
            return False
        except OSError as exc:
            QMessageBox.warning(
                parent, "Nothing was imported", f"Cannot read {name}: {exc.strerror or exc}"
            )
            return False
    window = parent.window()

    def after() -> None:
        refresh = getattr(window, "data_changed", None)
        if callable(refresh):
            refresh()

    # Undo takes the whole file back: the visits it created go, those it updated are restored.
    push_done(
        current_stack(parent),
        desk,
        undo.label(),
        lambda s: import_undo.redo_import(s, undo),
        lambda s: import_undo.undo_import(s, undo),
        after,
        parent,
    )
    QMessageBox.information(
        parent,
        "Imported",
        f"{_named(name, _describe(report))}\n\nEdit ▸ Undo takes the whole file back.",
    )
    return True


def _named(name: str, text: str) -> str:
    """The text with the file's name in front, once (reports and problems may name it)."""
    return text if text.startswith(name) else f"{name}: {text}"


def _ask_renumber(parent: QWidget, exc: Exception) -> bool:
    """Numbers start again every year; offer to give the clashing releases free numbers."""
    problems = "\n".join(str(p) for p in getattr(exc, "problems", []))
    answer = QMessageBox.question(
        parent,
        "Press release numbers already used",
        f"{problems}\n\nImport the file and give these press releases the next free "
        "numbers of their year?",
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes


def _describe(report: object) -> str:
    summary = getattr(report, "summary", None)
    if callable(summary):
        return str(summary())
    text = str(report)
    return text if text and not text.startswith("<") else "the file was imported."


def export_with_dialog(desk: Desk, visit_refs: list[str] | None, parent: QWidget) -> bool:
    try:
        from visitdesk.services.exchange.exporter import export_document
    except ImportError:
        _unavailable(parent, "Exporting files")
        return False
    suggested = (
        f"{visit_refs[0]}.visit.json"
        if visit_refs and len(visit_refs) == 1
        else ("visits.visit.json")
    )
    path, _ = file_dialogs.save_file_name(parent, "Export visits", suggested, FILE_FILTER, True)
    if not path:
        return False
    try:
        with desk.store.session() as session:
            text = export_document(session, visit_refs)
        files.write_text(Path(path), text, encoding="utf-8")
    except (ServiceError, DomainError, StoreError) as exc:
        QMessageBox.warning(parent, "Nothing was exported", str(exc))
        return False
    except OSError as exc:
        QMessageBox.warning(
            parent, "Nothing was exported", f"Cannot write {path}: {exc.strerror or exc}"
        )
        return False
    return True
