"""`visitdesk import FILE...` and `visitdesk export -o FILE [--visit REF]`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

if TYPE_CHECKING:
    # Only for annotations: importing the store loads SQLAlchemy, which `--help` never needs.
    from visitdesk.app import Desk


def register(subparsers: argparse._SubParsersAction[Any]) -> None:
    parser = subparsers.add_parser(
        "import",
        help="import visitdesk/1 files (each all or nothing)",
        description="Import visits from visitdesk/1 exchange files. Each file is imported whole "
        "or not at all; a visit already in the store is updated in place.",
    )
    parser.add_argument("files", nargs="+", type=Path, metavar="FILE")
    parser.add_argument(
        "--renumber-releases",
        action="store_true",
        help="give a press release whose number is already used in its year the next free one",
    )
    parser.set_defaults(handler=run_import)

    parser = subparsers.add_parser(
        "export",
        help="export visits to a visitdesk/1 file",
        description="Export every visit, or the visits named, to a visitdesk/1 exchange file.",
    )
    parser.add_argument("-o", "--output", required=True, type=Path, metavar="FILE")
    parser.add_argument(
        "--visit",
        action="append",
        metavar="REF",
        help="a visit to export (repeat for several; default: all)",
    )
    parser.set_defaults(handler=run_export)


def run_import(args: argparse.Namespace, desk: Desk, out: TextIO) -> int:
    from visitdesk.app import RefusedError
    from visitdesk.app.exchange import ReleaseNumbersTakenError

    failed = 0
    for path in args.files:
        try:
            print(desk.exchange.import_file(path, args.renumber_releases).summary, file=out)
        except RefusedError as exc:
            text = str(exc)
            if isinstance(exc, ReleaseNumbersTakenError):
                text += (
                    "\nTo give these press releases the next free numbers of their year, run "
                    f"`visitdesk import --renumber-releases {path}`."
                )
            if len(args.files) == 1:
                if text == str(exc):
                    raise  # its kind stands: a busy database exits 75
                raise RefusedError(text) from exc
            failed += 1
            # Each file stands alone: report this one and go on with the next.
            print(f"visitdesk: {text}", file=sys.stderr)
    if failed:
        print(f"{failed} of {len(args.files)} files were not imported; the others were.", file=out)
        return 1
    return 0


def run_export(args: argparse.Namespace, desk: Desk, out: TextIO) -> int:
    exported = desk.exchange.export(args.output, args.visit)
    what = ", ".join(args.visit) if args.visit else "all visits"
    print(f"Exported {what} to {args.output} ({exported.size:,} bytes).", file=out)
    return 0
