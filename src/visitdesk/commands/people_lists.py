"""`visitdesk import-people` and `visitdesk export-list`: delegation lists in and out of Excel."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

if TYPE_CHECKING:
    # Only for annotations: importing the store loads SQLAlchemy, which `--help` never needs.
    from visitdesk.app import Desk


LISTS = ("delegation", "arrivals", "rooming", "car-plan", "followups", "gifts")


def register(subparsers: Any) -> None:
    importer = subparsers.add_parser(
        "import-people",
        help="add the people of a spreadsheet (.xlsx or .csv) to a visit",
        description="Columns are matched by their headings (Name, Title/Position, Organisation, "
        "Honorific, Native name, Email, Phone, Dietary, Precedence, Ref). People already "
        "stored are matched, not duplicated. Every row is checked first: if one has an error, "
        "nothing is imported. A corrected list (a new position, e-mail...) is printed field by "
        "field as 'Change ROW:FIELD'; fields stored empty are filled, corrections are applied "
        "only with --apply-changes. "
        "People of the visit the list no longer names are listed; --remove-missing takes "
        "them off the visit.",
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
    importer.add_argument(
        "--apply-changes",
        nargs="?",
        const="all",
        metavar="ROW:FIELD,...",
        help="apply the corrections the list makes to people already stored: all of them, "
        "none (not even additions), or only those named, e.g. 3:position,5:email (as the "
        "preview prints them)",
    )
    importer.add_argument(
        "--remove-missing",
        action="store_true",
        help="take the people of the visit on that side whom the list does not name off it",
    )
    importer.set_defaults(handler=run_import)

    exporter = subparsers.add_parser(
        "export-list",
        help="write a visit's delegation, arrivals, rooming, car plan, follow-ups or gifts list "
        "as .xlsx or .csv",
        description="delegation: the members with their details (re-importable); arrivals: the "
        "journeys for the airport and the transport company (flight, time, terminal, who is on "
        "it, who receives them, baggage, car); rooming: the rooms for each hotel (type, "
        "check-in and check-out, who pays, requests); car-plan: each movement's cars and who "
        "sits where, for the transport company; none has internal references; followups: the "
        "outcomes still open; gifts: the gifts given and received, with their deposit.",
    )
    exporter.add_argument("visit", metavar="REF", help="the visit")
    exporter.add_argument("--list", dest="kind", choices=LISTS, required=True)
    exporter.add_argument("-o", "--output", metavar="FILE.xlsx|FILE.csv", required=True, type=Path)
    exporter.set_defaults(handler=run_export)


def run_import(args: argparse.Namespace, desk: Desk, out: TextIO) -> int:
    from visitdesk.app import RefusedError
    from visitdesk.app.enums import Side

    visit_id = _visit_id(desk, args.visit)
    plan = desk.lists.plan(args.file, visit_id, Side(args.side))
    for line in plan.lines:
        print(line, file=out)
    additions = {c.key for c in plan.changes if not c.old}
    accepted = _accepted(args.apply_changes, {c.key for c in plan.changes}, additions)
    if args.preview and not plan.error_rows:
        print("Preview only: nothing was imported.", file=out)
        return 0
    if isinstance(accepted, str):
        raise RefusedError(accepted)
    remove = {p.person_id for p in plan.missing} if args.remove_missing else set()
    done = desk.lists.apply(plan, accepted, remove)
    print(f"Imported: {done.summary}.", file=out)
    left = len(plan.changes) - done.changed
    if left:
        print(
            f"Not applied: {left} of the list's changes (add --apply-changes to apply them).",
            file=out,
        )
    if plan.missing and not remove:
        print(
            f"Still on the visit: {len(plan.missing)} not in the list "
            "(add --remove-missing to take them off).",
            file=out,
        )
    return 0


def _visit_id(desk: Desk, ref: str) -> int:
    return desk.visits.id_of(ref)  # its refusal names close matches, or how to list them


def _accepted(
    option: str | None, offered: set[tuple[int, str]], additions: set[tuple[int, str]]
) -> set[tuple[int, str]] | str:
    """The changes chosen with --apply-changes, or a sentence saying what is wrong.

    Without the option only additions (a field stored empty) are made, as always: a
    correction replaces what an officer may have curated, so it is applied only when asked.
    """
    if option is None:
        return additions
    if option.strip().casefold() in ("all", "none"):
        return offered if option.strip().casefold() == "all" else set()
    chosen: set[tuple[int, str]] = set()
    for item in (i.strip() for i in option.split(",") if i.strip()):
        row, _, attr = item.partition(":")
        key = (int(row), attr.strip().casefold()) if row.strip().isdigit() else None
        if key is None or key not in offered:
            return (
                f"The list makes no change {item!r}: name changes as the preview prints them, "
                "e.g. --apply-changes 3:position,5:email, or give --apply-changes alone for all."
            )
        chosen.add(key)
    return chosen


def run_export(args: argparse.Namespace, desk: Desk, out: TextIO) -> int:
    from visitdesk.app.lists import EmptyDelegationError, ListKind

    output: Path = args.output
    kind = ListKind(args.kind)
    visit_id = _visit_id(desk, args.visit)
    try:
        made = desk.lists.export_to(visit_id, kind, output)
    except EmptyDelegationError as exc:
        raise EmptyDelegationError(
            f"{exc} `visitdesk import-people` adds them from a spreadsheet."
        ) from exc
    rows = "1 row" if made.rows == 1 else f"{made.rows} rows"
    named = made.title.lower()
    if not named.endswith(" list"):  # "Rooming list" is already one
        named += " list"
    print(f"Wrote the {named} ({rows}) to {output}", file=out)
    return 0
