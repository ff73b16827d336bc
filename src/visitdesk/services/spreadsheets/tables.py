"""Reading and writing one table (a heading row and data rows) as `.xlsx` or `.csv`."""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from visitdesk.services.errors import ServiceError
from visitdesk.services.spreadsheets.cells import (
    FORMULA_STARTS,
    CellValue,
    csv_text,
    read_text,
    starts_like_formula,
    xlsx_text,
)

FORMATS = (".xlsx", ".csv")


@dataclass(frozen=True, slots=True)
class SheetRow:
    number: int  # as the spreadsheet program shows it, so an officer can find the row
    cells: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Sheet:
    headings: tuple[str, ...]
    rows: tuple[SheetRow, ...]


def file_format(path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix in FORMATS:
        return suffix
    if suffix in (".xls", ".ods", ".numbers"):
        raise ServiceError(
            f"{path.name} is a {suffix} file. Open it in your spreadsheet program, save it as "
            "an Excel workbook (.xlsx) or CSV (.csv), and use that file."
        )
    raise ServiceError(f"{path.name} is not a spreadsheet: use an .xlsx or a .csv file.")


def read_sheet(path: Path) -> Sheet:
    """The first sheet of a workbook or a CSV; the first non-empty row holds the headings."""
    if not path.is_file():
        raise ServiceError(f"There is no file {path}.")
    raw = _read_xlsx(path) if file_format(path) == ".xlsx" else _read_csv(path)
    numbered = [(n, cells) for n, cells in raw if any(cells)]
    if not numbered:
        raise ServiceError(f"{path.name} is empty: it has no heading row and no people.")
    (_, headings), *rows = numbered
    width = len(headings)
    return Sheet(
        headings=tuple(headings),
        rows=tuple(SheetRow(n, tuple((cells + [""] * width)[:width])) for n, cells in rows),
    )


def _read_xlsx(path: Path) -> list[tuple[int, list[str]]]:
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        raise ServiceError(
            f"{path.name} could not be read as an Excel workbook ({exc}). If it is protected "
            "by a password, save an unprotected copy; otherwise save it again as .xlsx."
        ) from exc
    try:
        sheet = workbook.worksheets[0]
        return [
            (number, [read_text(v) for v in values])
            for number, values in enumerate(sheet.iter_rows(values_only=True), start=1)
        ]
    finally:
        workbook.close()


def _read_csv(path: Path) -> list[tuple[int, list[str]]]:
    data = path.read_bytes()
    # Excel on an office PC saves "CSV" in the Windows code page, "CSV UTF-8" with a BOM.
    for encoding in ("utf-8-sig", "cp1252", "latin-1"):
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    # The delimiter is judged from the heading row alone: csv.Sniffer also guesses quoting,
    # and gets it wrong on cells that hold quotes (`=HYPERLINK("…")`).
    first_line = text.split("\n", 1)[0]
    delimiter = max(",;\t", key=first_line.count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        # Numbered by record, as a spreadsheet program shows them, not by line.
        return [
            (number, [_unprotect(read_text(v)) for v in values])
            for number, values in enumerate(reader, start=1)
        ]
    except csv.Error as exc:
        raise ServiceError(f"{path.name} is not a readable CSV file: {exc}.") from exc


def _unprotect(text: str) -> str:
    """Undo the apostrophe our own CSV exports put before `+92…`, so a round trip is exact."""
    if text.startswith("'") and text[1:].startswith(FORMULA_STARTS):
        return text[1:]
    return text


def write_sheet(
    path: Path, title: str, headings: Sequence[str], rows: Sequence[Sequence[CellValue]]
) -> None:
    if file_format(path) == ".xlsx":
        _write_xlsx(path, title, headings, rows)
    else:
        _write_csv(path, headings, rows)


def _write_csv(path: Path, headings: Sequence[str], rows: Sequence[Sequence[CellValue]]) -> None:
    # The BOM makes Excel read the file as UTF-8: names in Chinese or Urdu stay readable.
    with path.open("w", encoding="utf-8-sig", newline="") as stream:
        writer = csv.writer(stream)
        writer.writerow([csv_text(h) for h in headings])
        for row in rows:
            writer.writerow([_csv_cell(v) for v in row])


def _csv_cell(value: CellValue) -> str:
    if value is None:
        return ""
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, int):
        return str(value)
    return csv_text(value)


def _write_xlsx(
    path: Path, title: str, headings: Sequence[str], rows: Sequence[Sequence[CellValue]]
) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    workbook = Workbook()
    sheet: Any = workbook.active
    sheet.title = title[:31]
    widths = [len(h) for h in headings]
    table: list[list[CellValue]] = [list(headings), *[list(row) for row in rows]]
    for r, values in enumerate(table, start=1):
        for c, value in enumerate(values, start=1):
            cell = sheet.cell(row=r, column=c)
            if isinstance(value, str):
                text = xlsx_text(value)
                cell.value = text
                # Typed as text, so a leading `=` is never a formula; the quote prefix keeps
                # it text even after the cell is edited in Excel.
                cell.data_type = "s"
                if starts_like_formula(text):
                    cell.quotePrefix = True
                widths[c - 1] = max(widths[c - 1], min(len(text), 60))
            elif isinstance(value, date):
                cell.value = value
                cell.number_format = "DD MMM YYYY"
                widths[c - 1] = max(widths[c - 1], 11)
            else:
                cell.value = value
            cell.alignment = Alignment(vertical="top", wrap_text=True)
    for c in range(1, len(headings) + 1):
        sheet.cell(row=1, column=c).font = Font(bold=True)
    for c, width in enumerate(widths, start=1):
        sheet.column_dimensions[sheet.cell(row=1, column=c).column_letter].width = width + 2
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = sheet.dimensions
    sheet.print_title_rows = "1:1"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    workbook.save(path)
