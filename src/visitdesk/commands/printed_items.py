"""`visitdesk place-cards REF [--engagement ID] -o FILE.pdf` and `visitdesk badges REF -o
FILE.pdf`: the small printed items of a visit, for the whole visit or one engagement."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from visitdesk.commands.targets import visit_for

if TYPE_CHECKING:
    from visitdesk.app import Desk
    from visitdesk.app.documents import BadgeColours


def register(subparsers: Any) -> None:
    cards = subparsers.add_parser(
        "place-cards",
        help="write a visit's place cards (tent cards) as a PDF",
        description="Write a tent card for everyone taking part in a visit (or in one "
        "engagement): one A4 sheet each, landscape, to fold in half along the dotted line; "
        "the name on both faces in 40-60 pt, the native script beneath. The delegation "
        "first, then the host side, each in order of precedence.",
    )
    badges = subparsers.add_parser(
        "badges",
        help="write a visit's name badges as a PDF",
        description="Write a name badge for everyone taking part in a visit (or in one "
        "engagement): 90 x 55 mm, ten to an A4 sheet with crop marks; the name, native name, "
        "position and organisation under a band that names the category (host, delegation, "
        "interpreter, staff) in its colour.",
    )
    for parser, handler in ((cards, run_cards), (badges, run_badges)):
        parser.add_argument("visit", metavar="REF", help="the visit (see `visitdesk visits`)")
        parser.add_argument(
            "--engagement",
            metavar="ID",
            help="only the attendees of this engagement: its id as in the visit's visitdesk/1 file "
            "(a wrong one is answered with the list)",
        )
        parser.add_argument("-o", "--output", metavar="FILE.pdf", required=True, type=Path)
        parser.set_defaults(handler=handler)
    badges.add_argument(
        "--colour",
        metavar="CATEGORY=#RRGGBB",
        action="append",
        default=[],
        help="another colour for a category's band (host, delegation, interpreter, staff), "
        "instead of the default that follows protocol practice; may be given for each",
    )


def _engagement_id(desk: Desk, visit_id: int, ref: str, visit_ref: str) -> int:
    from visitdesk.app import NotFoundError

    rows = desk.itinerary.rows(visit_id)
    wanted = ref.strip().casefold()
    for row in rows:
        if row.ref.casefold() == wanted:
            return row.id
    known = ", ".join(row.ref for row in rows) or "none yet"
    raise NotFoundError(
        f"The visit {visit_ref} has no engagement {ref!r}. Its engagements are: {known}."
    )


def _colours(given: list[str]) -> BadgeColours | None:
    from visitdesk.app import RefusedError
    from visitdesk.app.documents import BadgeColours

    if not given:
        return None
    changes: dict[str, str] = {}
    for item in given:
        category, sep, colour = item.partition("=")
        if not sep:
            raise RefusedError(
                f"--colour {item!r} names no colour. Write it as CATEGORY=#RRGGBB, e.g. "
                "--colour staff=#2E7D32."
            )
        changes[category] = colour
    try:
        return BadgeColours.of(changes)
    except ValueError as exc:
        raise RefusedError(str(exc)) from None


def _run(args: argparse.Namespace, desk: Desk, out: TextIO, badges: bool) -> int:
    output: Path = args.output
    visit_id = visit_for(desk, args.visit, output)
    engagement = (
        _engagement_id(desk, visit_id, args.engagement, args.visit) if args.engagement else None
    )
    if badges:
        made = desk.documents.save_badges(visit_id, output, engagement, _colours(args.colour))
        count = "1 badge" if made.count == 1 else f"{made.count} badges"
    else:
        made = desk.documents.save_place_cards(visit_id, output, engagement)
        count = "1 place card" if made.count == 1 else f"{made.count} place cards"
    sheets = "1 sheet" if made.pages == 1 else f"{made.pages} sheets"
    scope = f"“{made.title}” of {made.ref}" if made.engagement else made.ref
    print(f"Wrote {count} for {scope} ({sheets} of A4) to {output}", file=out)
    return 0


def run_cards(args: argparse.Namespace, desk: Desk, out: TextIO) -> int:
    return _run(args, desk, out, badges=False)


def run_badges(args: argparse.Namespace, desk: Desk, out: TextIO) -> int:
    return _run(args, desk, out, badges=True)
