"""`visitdesk gifts [--year YYYY] [--person REF] [-o FILE.xlsx]`: the office-wide gifts
register, every visit's gifts given and received, those awaiting their deposit marked."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

if TYPE_CHECKING:
    # Only for annotations: importing the app loads SQLAlchemy, which `--help` never needs.
    from visitdesk.app import Desk


def _year(text: str) -> int:
    if not (text.isdigit() and len(text) == 4):
        raise argparse.ArgumentTypeError(f"{text!r} is not a year; write it as YYYY, e.g. 2017")
    return int(text)


def register(subparsers: argparse._SubParsersAction[Any]) -> None:
    parser = subparsers.add_parser(
        "gifts",
        help="list the gifts register of every visit (given and received, and their deposit)",
        description="List the gifts given and received on every visit, newest first: date, "
        "visit, who gave what to whom, its estimated value, and for a gift received by an "
        "official its deposit; a gift still awaiting its deposit or decision is marked.",
    )
    parser.add_argument("--year", type=_year, metavar="YYYY", help="only the gifts of YYYY")
    parser.add_argument(
        "--person", metavar="REF", help="only the gifts this person gave or received"
    )
    parser.add_argument(
        "-o",
        "--output",
        metavar="FILE.xlsx|FILE.csv",
        type=Path,
        help="write the register as a spreadsheet instead of printing it",
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace, desk: Desk, out: TextIO) -> int:
    person = desk.gifts.person_id(args.person) if args.person else None
    if args.output is not None:
        made = desk.gifts.export_register_to(args.output, args.year, person)
        count = "1 gift" if made.rows == 1 else f"{made.rows} gifts"
        print(f"Wrote the gifts register ({count}) to {args.output}", file=out)
        return 0
    rows = desk.gifts.register(args.year, person)
    if not rows:
        where = f" of {args.year}" if args.year else ""
        whose = f" given or received by {args.person}" if args.person else ""
        print(f"The register holds no gifts{where}{whose}.", file=out)
        return 0
    header = ("Date", "Visit", "Given/received", "From", "To", "Gift", "Value")
    table = [
        (
            f"{r.given_on:%Y-%m-%d}" if r.given_on else f"{r.year} (no date)",
            r.visit_ref,
            r.direction.label.lower(),
            r.giver or "-",
            r.receiver or "-",
            _one_line(r.description),
            f"{r.estimated_value:,} {r.currency or ''}".rstrip() if r.estimated_value else "-",
        )
        for r in rows
    ]
    widths = [max(_columns(row[i]) for row in [header, *table]) for i in range(len(header) - 1)]
    for row, gift in zip([header, *table], [None, *rows], strict=True):
        cells = [cell + " " * (w - _columns(cell)) for cell, w in zip(row, widths, strict=False)]
        out.write("  ".join([*cells, row[-1]]).rstrip() + "\n")
        if gift is not None and (gift.warning or gift.decision is not None):
            out.write("    " + _deposit(gift) + "\n")
    waiting = sum(1 for r in rows if r.warning)
    gifts = "1 gift" if len(rows) == 1 else f"{len(rows)} gifts"
    out.write(f"{gifts}; {waiting} {'awaits its' if waiting == 1 else 'await their'} deposit.\n")
    return 0


def _deposit(gift: Any) -> str:
    """`Deposited on 2017-03-27, TK/2017/0412, assessed 52,000` or the warning."""
    if gift.warning:
        return f"AWAITS: {gift.warning}."
    parts = [gift.decision.label]
    if gift.reported_on:
        parts.append(f"reported {gift.reported_on:%Y-%m-%d}")
    if gift.deposited_on:
        parts.append(f"deposited {gift.deposited_on:%Y-%m-%d}")
    if gift.deposit_reference:
        parts.append(f"reference {gift.deposit_reference}")
    if gift.assessed_value is not None:
        parts.append(f"assessed {gift.assessed_value:,}")
    return ", ".join(parts) + "."


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _columns(text: str) -> int:
    """How many terminal columns `text` takes: Chinese, Japanese and Korean letters take two."""
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)
