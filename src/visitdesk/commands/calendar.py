"""`visitdesk ics REF -o FILE.ics [--for PERSON]`: a visit's programme for Outlook and the rest."""

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
        "ics",
        help="export a visit's programme as an iCalendar (.ics) file",
        description="Write one calendar event per engagement, each in its own time zone (the "
        "visit's unless the engagement has one). Exporting again updates the events already "
        "imported instead of adding copies, and removes those of deleted engagements.",
    )
    parser.add_argument("visit", metavar="REF", help="the visit")
    parser.add_argument("-o", "--output", metavar="FILE.ics", required=True, type=Path)
    parser.add_argument(
        "--for",
        dest="person",
        metavar="PERSON_REF",
        help="only the engagements this person attends",
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace, desk: Desk, out: TextIO) -> int:
    output: Path = args.output
    # The engagements count as sent out only once the file is written.
    export = desk.documents.save_calendar(visit_for(desk, args.visit, output), output, args.person)
    events = "1 event" if export.events == 1 else f"{export.events} events"
    cancelled = f" and {export.cancelled} cancelled" if export.cancelled else ""
    print(
        f"Wrote {events}{cancelled} of {export.description} ({export.time_zone}) to {output}",
        file=out,
    )
    return 0
