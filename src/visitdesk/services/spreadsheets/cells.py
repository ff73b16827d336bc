"""What goes into a cell and what comes out of one.

A cell that begins with `=`, `+`, `-` or `@` is run as a formula by Excel, LibreOffice and
Google Sheets when the file is opened, which lets a name typed into VisitDesk (or into an
exchange file from outside) compute or fetch anything on an officer's PC. Every text cell we
write is checked here.
"""

from __future__ import annotations

import re
from datetime import date, datetime

# Tab and carriage return start formulas too in some spreadsheet programs (OWASP's list).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# XML 1.0 forbids these control characters; openpyxl refuses them rather than dropping them.
_ILLEGAL_IN_XLSX = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
# Excel's limit for one cell; longer text is cut rather than the file refused.
MAX_CELL_CHARS = 32_767

CellValue = str | int | date | None


def starts_like_formula(text: str) -> bool:
    return text.startswith(FORMULA_STARTS)


def csv_text(text: str) -> str:
    """A CSV has no cell types: a leading apostrophe is the one mark every program honours."""
    return "'" + text if starts_like_formula(text) else text


def xlsx_text(text: str) -> str:
    cleaned = _ILLEGAL_IN_XLSX.sub("", text)
    if len(cleaned) > MAX_CELL_CHARS:
        cleaned = cleaned[: MAX_CELL_CHARS - 1] + "…"
    return cleaned


def read_text(value: object) -> str:
    """A cell read from a file as the text an officer sees: `1.0` from Excel reads as `1`."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == datetime.min.time() else str(value)
    if isinstance(value, date):
        return value.isoformat()
    return " ".join(str(value).split())
