"""`visitdesk programme REF -o FILE.pdf`: the programme at a glance, to print or e-mail."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from visitdesk.commands.targets import visit_for

if TYPE_CHECKING:
    # Only for annotations: importing the store loads SQLAlchemy, which `--help` never needs.
    from visitdesk.app import Desk


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "programme",
        help="write a visit's programme at a glance as a PDF",
        description="Write the programme of a visit on A4: a heading per day, then each "
        "engagement with its time, venue and city, and every attendee of both sides.",
    )
    parser.add_argument("visit", metavar="REF", help="the visit (see `visitdesk visits`)")
    parser.add_argument("-o", "--output", metavar="FILE.pdf", required=True, type=Path)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace, desk: Desk, out: TextIO) -> int:
    output: Path = args.output
    made = desk.documents.save_programme(visit_for(desk, args.visit, output), output)
    pages = "1 page" if made.pages == 1 else f"{made.pages} pages"
    engagements = "1 engagement" if made.engagements == 1 else f"{made.engagements} engagements"
    print(f"Wrote the programme of {made.ref} ({engagements}, {pages}) to {output}", file=out)
    return 0
