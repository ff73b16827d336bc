"""`visitdesk press-release REF -o FILE`: draft (or reprint) a visit's release: PDF, Word, text."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from visitdesk.commands.targets import visit_for

if TYPE_CHECKING:
    # Only for annotations: importing the store loads SQLAlchemy, which `--help` never needs.
    from visitdesk.app import Desk
    from visitdesk.app.documents import PrintedRelease


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not a date; write it as YYYY-MM-DD, e.g. 2017-03-22"
        ) from None


def _number(text: str) -> int:
    try:
        return int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not a number; give the register number alone, e.g. 212"
        ) from None


def register(subparsers: argparse._SubParsersAction[Any]) -> None:
    parser = subparsers.add_parser(
        "press-release",
        help="draft a visit's press release and write it as a PDF or plain text",
        description="Draft the visit's press release from its record (or reprint the saved "
        "one, keeping an officer's edits) and write it to FILE.",
    )
    parser.add_argument("ref", metavar="REF", help="the visit's reference (see `visitdesk visits`)")
    parser.add_argument("-o", "--output", metavar="FILE", required=True, help="the file to write")
    parser.add_argument(
        "--number", type=_number, metavar="N", help="register number (default: the next free one)"
    )
    parser.add_argument(
        "--date", type=_date, metavar="YYYY-MM-DD", help="date of the release (dateline)"
    )
    parser.add_argument("--city", metavar="CITY", help="city of the dateline")
    parser.add_argument(
        "--redraft",
        action="store_true",
        help="draft the text again from the visit's record, replacing an edited release",
    )
    parser.add_argument(
        "--format",
        choices=("pdf", "docx", "txt"),
        help="pdf; docx to finish the release in Word; txt for pasting into an email "
        "(default: from FILE's extension, else pdf)",
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace, desk: Desk, out: TextIO) -> int:
    output = Path(args.output)
    printed = desk.documents.press_release(
        visit_for(desk, args.ref, output),
        output,
        args.format,
        number=args.number,
        on=args.date,
        city=args.city,
        redraft=args.redraft,
    )
    return report(printed, output, out)


def report(printed: PrintedRelease, output: Path, out: TextIO) -> int:
    """What the command says it wrote (the fast path, `commands.fast`, says the same)."""
    release = printed.release
    state = "new, drafted" if release.created else "drafted" if release.drafted else "as saved"
    print(f"Wrote {release.label} ({state}) for {release.visit_ref} to {output}.", file=out)
    if release.kept_edits:
        print(
            "Kept the edited text of this release. To draft it again from the visit's record "
            "(your edits will be lost), add --redraft.",
            file=out,
        )
    return 0
