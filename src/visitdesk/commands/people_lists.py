"""`visitdesk import-people` and `visitdesk export-list`: delegation lists in and out of Excel."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

if TYPE_CHECKING:
    # Only for annotations: importing the store loads SQLAlchemy, which `--help` never needs.
    from visitdesk.store.database import Store


LISTS = ("delegation", "arrivals", "followups")


def register(subparsers: Any) -> None:
    importer = subparsers.add_parser(
        "import-people",
        help="add the people of a spreadsheet (.xlsx or .csv) to a visit",
        description="Columns are matched by their headings (Name, Title/Position, Organisation, "
        "Honorific, Native name, Email, Phone, Dietary, Precedence, Ref). People already "
        "stored are matched, not duplicated. Every row is checked first: if one has an error, "
        "nothing is imported.",
    )
    importer.add_argument("file", metavar="FILE", type=Path, help="an .xlsx or .csv file")
    importer.add_argument("--visit", metavar="REF", required=True, help="the visit they join")
    importer.add_argument(
        "--side",
        choices=("guest", "host"),
        default="guest",
        help="guest: the delegation (default); host: the host side's participants",
    )
    importer.add_argument(
        "--preview", action="store_true", help="only show what would be imported; change nothing"
    )
    importer.set_defaults(handler=run_import)

    exporter = subparsers.add_parser(
        "export-list",
        help="write a visit's delegation, arrivals or follow-ups list as .xlsx or .csv",
        description="delegation: the members with their details (re-importable); arrivals: for "
        "the transport company and the hotel, without internal references; followups: the "
        "outcomes still open.",
    )
    exporter.add_argument("visit", metavar="REF", help="the visit")
    exporter.add_argument("--list", dest="kind", choices=LISTS, required=True)
    exporter.add_argument("-o", "--output", metavar="FILE.xlsx|FILE.csv", required=True, type=Path)
    exporter.set_defaults(handler=run_export)


def run_import(args: argparse.Namespace, store: Store, out: TextIO) -> int:
    from visitdesk.domain.enums import Side
    from visitdesk.services.spreadsheets.people_import import (
        apply_people_import,
        plan_people_import,
    )

    with store.transaction() as session:
        preview = plan_people_import(session, args.file, args.visit, Side(args.side))
        for line in preview.lines():
            print(line, file=out)
        if args.preview and not preview.error_rows:
            # Planning only reads, so leaving the transaction stores nothing.
            print("Preview only: nothing was imported.", file=out)
            return 0
        apply_people_import(session, preview)
        joined = sum(1 for r in preview.rows if r.joins)
        new = sum(1 for r in preview.rows if r.person is None)
        print(f"Imported: {joined} joined the visit, {new} of them new to VisitDesk.", file=out)
    return 0


def run_export(args: argparse.Namespace, store: Store, out: TextIO) -> int:
    from visitdesk.services.spreadsheets.lists import ListKind, build_list
    from visitdesk.services.spreadsheets.tables import file_format, write_sheet

    output: Path = args.output
    file_format(output)  # refuse a wrong extension before any work
    with store.session() as session:
        table = build_list(session, args.visit, ListKind(args.kind))
    write_sheet(output, table.title, table.headings, table.rows)
    rows = "1 row" if len(table.rows) == 1 else f"{len(table.rows)} rows"
    print(f"Wrote the {table.title.lower()} list ({rows}) to {output}", file=out)
    return 0
