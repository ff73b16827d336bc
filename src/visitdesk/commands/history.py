"""`visitdesk history REF [--since DATE]`: who changed what in a visit, and when."""

from __future__ import annotations

import argparse
from datetime import date
from typing import TYPE_CHECKING, Any, TextIO

if TYPE_CHECKING:
    from visitdesk.app import Desk


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"“{text}” is not a date: write it as YEAR-MONTH-DAY, e.g. 2026-12-01"
        ) from None


def register(subparsers: argparse._SubParsersAction[Any]) -> None:
    parser = subparsers.add_parser("history", help="who changed what in a visit, and when")
    parser.add_argument("ref", metavar="REF", help="the visit's reference (see `visitdesk visits`)")
    parser.add_argument(
        "--since", metavar="DATE", type=_day, help="only changes from this day on (YYYY-MM-DD)"
    )
    parser.set_defaults(handler=run_history)


def run_history(args: argparse.Namespace, desk: Desk, out: TextIO) -> int:
    visit_id = desk.visits.id_of(args.ref)
    changes = desk.history.visit(visit_id, since=args.since)
    if not changes:
        since = f" since {args.since:%Y-%m-%d}" if args.since else ""
        print(f"No changes to {args.ref} on record{since}.", file=out)
        return 0
    out.writelines(f"{change.sentence}\n" for change in changes)
    return 0
