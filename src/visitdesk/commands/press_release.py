"""`visitdesk press-release REF -o FILE`: draft (or reprint) a visit's release: PDF, Word, text."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from visitdesk import files

if TYPE_CHECKING:
    # Only for annotations: importing the store loads SQLAlchemy, which `--help` never needs.
    from visitdesk.app import Desk


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
    from visitdesk.documents.release_content import release_content
    from visitdesk.services.press_release.record import office_of, prepare_release
    from visitdesk.services.visits import load_visit

    output = Path(args.output)
    by_suffix = {".txt": "txt", ".docx": "docx"}
    kind = args.format or by_suffix.get(output.suffix.lower(), "pdf")
    with desk.store.transaction() as session:
        visit = load_visit(session, args.ref)
        prepared = prepare_release(
            session,
            visit,
            number=args.number,
            on=args.date,
            city=args.city,
            redraft=args.redraft,
        )
        host = visit.host_organisation
        content = release_content(
            prepared.release, office_of(session), host.name if host is not None else None
        )
        # Written inside the transaction: a release whose file could not be written is not
        # numbered either, so the register never gains a number nobody saw.
        if kind == "txt":
            from visitdesk.documents.press_release_txt import press_release_text

            files.write_text(output, press_release_text(content), encoding="utf-8")
        elif kind == "docx":
            from visitdesk.documents.press_release_docx import build_press_release_docx

            build_press_release_docx(content, output)
        else:
            from visitdesk.documents.press_release_pdf import build_press_release_pdf

            build_press_release_pdf(content, output)
    state = "new, drafted" if prepared.created else "drafted" if prepared.drafted else "as saved"
    print(f"Wrote {content.number_label} ({state}) for {visit.ref} to {output}.", file=out)
    if prepared.kept_edits:
        print(
            "Kept the edited text of this release. To draft it again from the visit's record "
            "(your edits will be lost), add --redraft.",
            file=out,
        )
    return 0
