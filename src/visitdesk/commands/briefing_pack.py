"""`visitdesk briefing-pack REF -o FILE.pdf [--for PERSON_REF] [--classification TEXT]`."""

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
        "briefing-pack",
        help="write a visit's briefing pack as a PDF",
        description="Write the briefing pack of a visit: cover, contents, programme at a glance, "
        "a brief per engagement, the delegation and the follow-ups, marked with the "
        "classification on every page. Each pack built gets the next version number.",
    )
    parser.add_argument("visit", metavar="REF", help="the visit")
    parser.add_argument("-o", "--output", metavar="FILE.pdf", required=True, type=Path)
    parser.add_argument(
        "--for",
        dest="person",
        metavar="PERSON_REF",
        help="a personal pack: only the engagements this person attends; for a member of the "
        "delegation a guest copy, without the host's objectives, talking points and background",
    )
    parser.add_argument(
        "--classification",
        metavar="TEXT",
        help="the marking on every page (default: the office's, usually RESTRICTED)",
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace, desk: Desk, out: TextIO) -> int:
    output: Path = args.output
    # The new version is recorded only once the file is written.
    result = desk.documents.save_briefing_pack(
        visit_for(desk, args.visit, output),
        output,
        person_ref=args.person,
        classification=args.classification,
    )
    if result.guest_copy:
        whose = f"guest copy for {result.prepared_for}"
    elif result.prepared_for:
        whose = f"personal pack of {result.prepared_for}"
    else:
        whose = "briefing pack"
    pages = "1 page" if result.pages == 1 else f"{result.pages} pages"
    print(
        f"Wrote the {whose}, version {result.version} ({pages}, {result.classification}) "
        f"to {output}",
        file=out,
    )
    if result.withheld:
        points = "1 talking point" if result.withheld == 1 else f"{result.withheld} talking points"
        print(
            f"It leaves out {points} classified above {result.withheld_above}, which your role "
            "may not read (the pack says so where they would be).",
            file=out,
        )
    return 0
