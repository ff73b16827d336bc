"""From bytes on disk to a JSON value, with the file's own faults put plainly."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from visitdesk.services.exchange.errors import ExchangeFileError, Problem

# A ten-year office exports to about 60 MB; anything far beyond is not a visit file.
MAX_FILE_BYTES = 512 * 1024 * 1024


def read_json(path: Path) -> Any:
    name = path.name
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise ExchangeFileError(
                name,
                [
                    Problem(
                        "",
                        f"the file is {size // 2**20} MB, too "
                        "large to be a VisitDesk exchange file",
                    )
                ],
            )
        raw = path.read_bytes()
    except FileNotFoundError:
        raise ExchangeFileError(str(path), [Problem("", "no such file")]) from None
    except IsADirectoryError:
        raise ExchangeFileError(str(path), [Problem("", "this is a folder, not a file")]) from None
    except PermissionError:
        raise ExchangeFileError(
            str(path), [Problem("", "permission to read it was denied")]
        ) from None
    return parse_json(raw, name)


def parse_json(raw: bytes, name: str) -> Any:
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]  # Notepad on Windows writes a byte-order mark; it is harmless.
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise ExchangeFileError(
            name,
            [
                Problem(
                    "",
                    f"the file is not UTF-8 text (byte "
                    f"{exc.start + 1}, line {line}); save it "
                    "as UTF-8 and try again",
                )
            ],
        ) from None
    if not text.strip():
        raise ExchangeFileError(name, [Problem("", "the file is empty")])
    try:
        return json.loads(text, parse_constant=_reject_constant)
    except json.JSONDecodeError as exc:
        raise ExchangeFileError(
            name,
            [Problem("", f"not valid JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}")],
        ) from None
    except ValueError as exc:
        raise ExchangeFileError(name, [Problem("", f"not valid JSON: {exc}")]) from None
    except RecursionError:
        raise ExchangeFileError(name, [Problem("", "not valid JSON: nested too deeply")]) from None


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a JSON value")
