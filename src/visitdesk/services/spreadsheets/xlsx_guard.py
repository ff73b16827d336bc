"""Refuse a workbook too large to be a delegation list before openpyxl unpacks it.

An .xlsx is a zip: a 1 MB file can unpack to gigabytes (a 'zip bomb', or a sheet with a
million formatted rows) and take the program down with it. The zip's directory says how
large each part unpacks, and the first sheet's rows can be counted while streaming it, so
both are known in a fraction of a second without unpacking more than a list's worth.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path, PurePosixPath

from visitdesk.services.errors import ServiceError

MAX_UNPACKED_BYTES = 50 * 1024 * 1024
MAX_ROWS = 5000
_CHUNK = 1 << 20
_ROW = re.compile(rb"<(?:\w+:)?row[\s>/]")


def check_workbook_size(path: Path) -> None:
    try:
        with zipfile.ZipFile(path) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
            if unpacked > MAX_UNPACKED_BYTES:
                raise ServiceError(
                    f"{path.name} unpacks to {unpacked // (1024 * 1024):,} MB, far more than "
                    f"a delegation list (at most {MAX_UNPACKED_BYTES // (1024 * 1024)} MB): "
                    "it was not read. Copy the list into a new workbook and import that."
                )
            sheet = _first_sheet(archive)
            if sheet is not None and _count_rows(archive, sheet) > MAX_ROWS:
                raise ServiceError(
                    f"{path.name} has more than {MAX_ROWS:,} rows, more than any delegation "
                    "list: it was not read. Copy the people into a new workbook and import that."
                )
    except zipfile.BadZipFile:
        return  # openpyxl says it better, with the password hint
    except (KeyError, OSError, zipfile.LargeZipFile):
        return


def _first_sheet(archive: zipfile.ZipFile) -> str | None:
    """The part of the workbook's first sheet, as openpyxl would open it."""
    names = set(archive.namelist())
    try:
        workbook = archive.read("xl/workbook.xml")
        rels = archive.read("xl/_rels/workbook.xml.rels")
    except KeyError:
        return None
    first = re.search(rb"<(?:\w+:)?sheet\b[^>]*?\br:id=\"([^\"]+)\"", workbook)
    if first is None:
        return None
    for rel in re.finditer(rb"<Relationship\b[^>]*>", rels):
        tag = rel.group(0)
        if re.search(rb'\bId="' + re.escape(first.group(1)) + rb'"', tag):
            target = re.search(rb'\bTarget="([^"]+)"', tag)
            if target is None:
                return None
            text = target.group(1).decode("utf-8", "replace")
            part = text.lstrip("/") if text.startswith("/") else str(PurePosixPath("xl") / text)
            return part if part in names else None
    return None


def _count_rows(archive: zipfile.ZipFile, part: str) -> int:
    """Rows of the sheet, counted while streaming it; stops as soon as there are too many."""
    count, tail = 0, b""
    with archive.open(part) as stream:
        while chunk := stream.read(_CHUNK):
            data = tail + chunk
            count += len(_ROW.findall(data))
            if count > MAX_ROWS:
                return count
            # A tag cut across two chunks is counted in the next one.
            cut = data.rfind(b"<")
            tail = data[cut:] if cut >= 0 and len(data) - cut < 16 else b""
            if tail:
                count -= len(_ROW.findall(tail))
    return count
