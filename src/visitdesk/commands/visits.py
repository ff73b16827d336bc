"""`visitdesk visits` and `visitdesk show REF`: reading commands, kept fast."""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, TextIO

if TYPE_CHECKING:
    # Only for annotations: the app layer loads SQLAlchemy, which `--help` never needs.
    from visitdesk.app import Desk


def register(subparsers: argparse._SubParsersAction[Any]) -> None:
    parser = subparsers.add_parser("visits", help="list the visits, newest first")
    parser.set_defaults(handler=run_visits)
    parser = subparsers.add_parser("show", help="show one visit as a readable summary")
    parser.add_argument("ref", metavar="REF", help="the visit's reference (see `visitdesk visits`)")
    parser.set_defaults(handler=run_show)


def run_visits(args: argparse.Namespace, desk: Desk, out: TextIO) -> int:
    return print_visit_list(desk.visits.list(), out)


def print_visit_list(rows: Sequence[Any], out: TextIO) -> int:
    """The visits, one a line (also printed by the fast path, commands/fast.py)."""
    if not rows:
        print("No visits yet. Import one with `visitdesk import FILE`.", file=out)
        return 0
    width = max(len(r.ref) for r in rows)
    out.writelines(
        f"{r.ref:<{width}}  {r.start_date:%Y-%m-%d} – {r.end_date:%Y-%m-%d}  "
        f"{r.status.label.lower():<11}  {r.title}\n"
        for r in rows
    )
    return 0


def run_show(args: argparse.Namespace, desk: Desk, out: TextIO) -> int:
    out.write(desk.visits.summary(args.ref))
    return 0
