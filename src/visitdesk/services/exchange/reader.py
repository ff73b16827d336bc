"""From bytes on disk to a JSON value, with the file's own faults put plainly."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from visitdesk.services.exchange.errors import ExchangeFileError, Problem
from visitdesk.services.exchange.limits import INT_MAX, INT_MIN

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
    repeated: list[_KeyedObject] = []
    huge_numbers = False

    def keyed(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        obj = dict(pairs)
        if len(obj) == len(pairs):
            return obj
        marked = _KeyedObject.from_pairs(pairs)
        repeated.append(marked)
        return marked

    try:
        try:
            value = json.loads(text, parse_constant=_reject_constant, object_pairs_hook=keyed)
        except ValueError as exc:
            if "integer string conversion" not in str(exc):
                raise
            # A number of thousands of digits: parse again, keeping such numbers as their digits
            # so that the problem can be reported at its place (rare, so the slow way).
            huge_numbers = True
            value = json.loads(
                text,
                parse_constant=_reject_constant,
                object_pairs_hook=keyed,
                parse_int=_bounded_int,
            )
    except json.JSONDecodeError as exc:
        raise ExchangeFileError(
            name,
            [Problem("", f"not valid JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}")],
        ) from None
    except ValueError as exc:
        raise ExchangeFileError(name, [Problem("", f"not valid JSON: {exc}")]) from None
    except RecursionError:
        raise ExchangeFileError(name, [Problem("", "not valid JSON: nested too deeply")]) from None
    # Only an escape can put a NUL or half a surrogate pair into the text of valid UTF-8 JSON,
    # so the document is walked only when the file holds one (or a repeated key, or a huge number).
    if repeated or huge_numbers or _SUSPECT_ESCAPE.search(text):
        try:
            problems = value_problems(value)
        except RecursionError:
            raise ExchangeFileError(
                name, [Problem("", "not valid JSON: nested too deeply")]
            ) from None
        if problems:
            raise ExchangeFileError(name, problems)
    return value


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a JSON value")


_SUSPECT_ESCAPE = re.compile(r"\\u(?:0000|[dD][89a-fA-F])")


class _TooLarge:
    """A number beyond what every store holds, kept as its digits until its place is known."""

    __slots__ = ("digits",)

    def __init__(self, digits: str) -> None:
        self.digits = digits

    def describe(self) -> str:
        digits = self.digits
        shown = digits if len(digits) <= 24 else f"{digits[:12]}… ({len(digits)} digits)"
        return f"the number {shown} is outside what VisitDesk keeps ({INT_MIN:,} to {INT_MAX:,})"


def _bounded_int(digits: str) -> int | _TooLarge:
    # Checked on the digits, before int(): Python itself refuses 4,300 digits or more.
    if len(digits.lstrip("-")) > 10:
        return _TooLarge(digits)
    number = int(digits)
    return number if INT_MIN <= number <= INT_MAX else _TooLarge(digits)


class _KeyedObject(dict[str, Any]):
    """A JSON object that remembers the keys it was given more than once."""

    __slots__ = ("repeated",)

    repeated: list[str]

    @classmethod
    def from_pairs(cls, pairs: list[tuple[str, Any]]) -> _KeyedObject:
        obj = cls(pairs)
        # A repeated key is ambiguous (which one did the sender mean?), so it is refused.
        obj.repeated = [] if len(obj) == len(pairs) else _repeated_keys(pairs)
        return obj


def _repeated_keys(pairs: list[tuple[str, Any]]) -> list[str]:
    seen: set[str] = set()
    repeated: list[str] = []
    for key, _ in pairs:
        if key in seen and key not in repeated:
            repeated.append(key)
        seen.add(key)
    return repeated


def _text_problem(text: str) -> str | None:
    if "\x00" in text:
        return "the text holds a NUL character (\\u0000), which no store can keep; remove it"
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return (
            "the text holds half of a surrogate pair (a broken \\uD8xx escape); "
            "save the file again from a program that writes UTF-8"
        )
    return None


def value_problems(value: Any, path: str = "") -> list[Problem]:
    """Every text, number and key of the document that a store could not keep, with its place."""
    problems: list[Problem] = []
    stack: list[tuple[str, Any]] = [(path, value)]
    while stack:
        where, item = stack.pop()
        if isinstance(item, str):
            message = _text_problem(item)
            if message:
                problems.append(Problem(where, message))
        elif isinstance(item, _TooLarge):
            problems.append(Problem(where, item.describe()))
        elif isinstance(item, float):
            if item != item or item in (float("inf"), float("-inf")):
                problems.append(Problem(where, "the number is too large to be kept"))
        elif isinstance(item, dict):
            for key in getattr(item, "repeated", ()):
                place = "" if where else " at the top of the file"
                problems.append(
                    Problem(where, f'the key "{key}" is given more than once{place}; keep one')
                )
            for key, child in item.items():
                message = _text_problem(key)
                if message:
                    problems.append(Problem(where, f"a key: {message}"))
                    continue
                stack.append((f"{where}.{key}" if where else key, child))
        elif isinstance(item, list):
            stack.extend((f"{where}[{index}]", child) for index, child in enumerate(item))
    problems.sort(key=lambda problem: problem.path)
    return problems
