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

from visitdesk import files
from visitdesk.services.errors import ServiceError
from visitdesk.services.spreadsheets.cells import (
    FORMULA_STARTS,
    CellValue,
    csv_text,
    read_text,
    starts_like_formula,
    xlsx_text,
)
from visitdesk.services.spreadsheets.encodings import decode_text
from visitdesk.services.spreadsheets.xlsx_guard import (
    MAX_ROWS,
    MAX_UNPACKED_BYTES,
    check_workbook_size,
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
    encoding: str | None = None  # of a CSV, as an officer reads it
    notes: tuple[str, ...] = ()  # what reading did that the officer should know


@dataclass(frozen=True, slots=True)
class _Merged:
    column: int  # 0-based
    first_row: int
    last_row: int
    value: str


@dataclass
class _Raw:
    rows: list[tuple[int, list[str]]]
    encoding: str | None = None
    merged: list[_Merged] | None = None


LINE_POINTS = 18  # the height of one line of a multi-line cell, in points


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
    numbered = [(n, cells) for n, cells in raw.rows if any(cells)]
    if not numbered:
        raise ServiceError(f"{path.name} is empty: it has no heading row and no people.")
    (heading_row, headings), *rows = numbered
    width = len(headings)
    notes = []
    for merged in raw.merged or []:
        if merged.first_row <= heading_row or merged.column >= width:
            continue
        heading = headings[merged.column] or f"column {merged.column + 1}"
        notes.append(
            f"{heading} is merged over rows {merged.first_row}–{merged.last_row}: each of "
            f"those rows gets “{merged.value}”."
        )
    return Sheet(
        headings=tuple(headings),
        rows=tuple(SheetRow(n, tuple((cells + [""] * width)[:width])) for n, cells in rows),
        encoding=raw.encoding,
        notes=tuple(notes),
    )


def _read_xlsx(path: Path) -> _Raw:
    from openpyxl import load_workbook

    check_workbook_size(path)  # before anything is unpacked
    try:
        # Not read-only: only a full load knows merged cells; the size check keeps it small.
        workbook = load_workbook(path, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        raise ServiceError(
            f"{path.name} could not be read as an Excel workbook ({exc}). If it is protected "
            "by a password, save an unprotected copy; otherwise save it again as .xlsx."
        ) from exc
    try:
        sheet = workbook.worksheets[0]
        rows = [
            (number, [read_text(v) for v in values])
            for number, values in enumerate(sheet.iter_rows(values_only=True), start=1)
        ]
        return _Raw(rows, merged=_fill_merged(sheet, rows))
    finally:
        workbook.close()


def _fill_merged(sheet: Any, rows: list[tuple[int, list[str]]]) -> list[_Merged]:
    """Give every cell of a merged range the range's value, as the officer sees it on screen.

    An embassy merges 'Organisation' down the rows of its people; openpyxl gives the value to
    the first cell only, which would leave the others without an organisation.
    """
    found: list[_Merged] = []
    by_number = dict(rows)
    for cell_range in sheet.merged_cells.ranges:
        top = by_number.get(cell_range.min_row)
        if top is None or cell_range.min_col - 1 >= len(top):
            continue
        value = top[cell_range.min_col - 1]
        if not value:
            continue
        for number in range(cell_range.min_row, cell_range.max_row + 1):
            cells = by_number.get(number)
            if cells is None:
                continue
            for column in range(cell_range.min_col - 1, min(cell_range.max_col, len(cells))):
                cells[column] = value
        if cell_range.max_row > cell_range.min_row:
            for column in range(cell_range.min_col - 1, cell_range.max_col):
                found.append(_Merged(column, cell_range.min_row, cell_range.max_row, value))
    return sorted(found, key=lambda m: (m.first_row, m.column))


def _read_csv(path: Path) -> _Raw:
    if path.stat().st_size > MAX_UNPACKED_BYTES:
        raise ServiceError(
            f"{path.name} is larger than any delegation list (at most "
            f"{MAX_UNPACKED_BYTES // (1024 * 1024)} MB): it was not read."
        )
    # Excel saves "CSV" in the PC's code page (cp932 in Japan), "CSV UTF-8" with a BOM and
    # "Unicode text" as UTF-16 with tabs.
    decoded = decode_text(path.read_bytes(), path.name)
    text = decoded.text
    # The delimiter is judged from the heading row alone: csv.Sniffer also guesses quoting,
    # and gets it wrong on cells that hold quotes (`=HYPERLINK("…")`).
    first_line = text.split("\n", 1)[0]
    delimiter = max(",;\t", key=first_line.count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        # Numbered by record, as a spreadsheet program shows them, not by line.
        rows = [
            (number, [_unprotect(read_text(v)) for v in values])
            for number, values in enumerate(reader, start=1)
        ]
    except csv.Error as exc:
        raise ServiceError(f"{path.name} is not a readable CSV file: {exc}.") from exc
    if len(rows) > MAX_ROWS + 1:
        raise ServiceError(
            f"{path.name} has more than {MAX_ROWS:,} rows, more than any delegation list: "
            "nothing was imported."
        )
    return _Raw(rows, encoding=decoded.encoding)


def _unprotect(text: str) -> str:
    """Undo the apostrophe our own CSV exports put before `+92…`, so a round trip is exact."""
    if text.startswith("'") and text[1:].startswith(FORMULA_STARTS):
        return text[1:]
    return text


def write_sheet(
    path: Path, title: str, headings: Sequence[str], rows: Sequence[Sequence[CellValue]]
) -> None:
    kind = file_format(path)
    # Whole or not at all: a full disk never leaves a 0-byte list under the real name.
    with files.replacing(path) as temporary:
        if kind == ".xlsx":
            _write_xlsx(temporary, title, headings, rows)
        else:
            _write_csv(temporary, headings, rows)


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


def _lines(value: CellValue, width: int) -> int:
    """How many lines a wrapped text cell takes in a column `width` characters wide."""
    if not isinstance(value, str):
        return 1
    return sum(max(1, -(-len(line) // max(width, 1))) for line in value.split("\n"))


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
    # One style object for every cell: made per cell, openpyxl compares each new one with
    # those it has (a register of 5,000 rows took 45 s instead of a few).
    top = Alignment(vertical="top", wrap_text=True)
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
            cell.alignment = top
    for c in range(1, len(headings) + 1):
        sheet.cell(row=1, column=c).font = Font(bold=True)
    for c, width in enumerate(widths, start=1):
        sheet.column_dimensions[sheet.cell(row=1, column=c).column_letter].width = width + 2
    # Spreadsheet programs do not grow a row for a cell of several lines (the travellers of
    # one flight): without a height, the printed list shows the first name only.
    for r, values in enumerate(table, start=1):
        lines = max((_lines(v, widths[c] + 2) for c, v in enumerate(values)), default=1)
        if lines > 1:
            # 18 points a line, not Excel's Latin 15: a line with 김민준 or عمر (fallback fonts,
            # taller) overflowed a 15-point line and LibreOffice cut the last traveller in half.
            sheet.row_dimensions[r].height = LINE_POINTS * min(lines, 20)
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = sheet.dimensions
    sheet.print_title_rows = "1:1"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    workbook.save(path)
