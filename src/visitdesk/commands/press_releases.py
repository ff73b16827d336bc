"""`visitdesk press-releases [--year YYYY]`: the office's register of press releases."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any, TextIO

if TYPE_CHECKING:
    # Only for annotations: importing the store loads SQLAlchemy, which `--help` never needs.
    from visitdesk.app import Desk


def _year(text: str) -> int:
    if not (text.isdigit() and len(text) == 4):
        raise argparse.ArgumentTypeError(f"{text!r} is not a year; write it as YYYY, e.g. 2017")
    return int(text)


def register(subparsers: argparse._SubParsersAction[Any]) -> None:
    parser = subparsers.add_parser(
        "press-releases",
        help="list the register of press releases (numbers start again every year)",
        description="List the office's press releases: number, date, topic, visit, and whether "
        "each is a draft or issued.",
    )
    parser.add_argument("--year", type=_year, metavar="YYYY", help="only the releases of YYYY")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace, desk: Desk, out: TextIO) -> int:
    register = desk.press.register(args.year)
    entries = register.entries
    if not entries:
        where = f" of {args.year}" if args.year else ""
        print(
            f"The register holds no press releases{where}. Draft one with "
            "`visitdesk press-release REF -o FILE`.",
            file=out,
        )
        return 0
    rows = [
        (
            register.label(e),
            f"{e.date:%Y-%m-%d}",
            e.topic or "(no topic)",
            e.visit_ref,
            e.status.label.lower(),
        )
        for e in entries
    ]
    header = ("Number", "Date", "Topic", "Visit", "State")
    widths = [max(_columns(r[i]) for r in [header, *rows]) for i in range(4)]
    for row in [header, *rows]:
        cells = [cell + " " * (w - _columns(cell)) for cell, w in zip(row, widths, strict=False)]
        out.write("  ".join([*cells, row[4]]).rstrip() + "\n")
    return 0


def _columns(text: str) -> int:
    """How many terminal columns `text` takes: Chinese, Japanese and Korean letters take two."""
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)
