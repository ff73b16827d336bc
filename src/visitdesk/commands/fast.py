"""The reading commands' fast path: `visits` and `show` without SQLAlchemy when they can.

`cli.main` asks `run_fast` first; None means "not here" (another command, a server URL, a store
still to be made or upgraded, a file that cannot be read this way) and the command runs the
ordinary way, which says what is wrong in its own sentence. What is printed is the same either
way; a test compares the two on the same store.
"""

from __future__ import annotations

import argparse
import sqlite3
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from visitdesk.domain.visit import Visit

FAST_COMMANDS = ("visits", "show")


def run_fast(args: argparse.Namespace, out: TextIO) -> int | None:
    if args.command not in FAST_COMMANDS:
        return None
    from visitdesk.store.quick import current_file, read_connection

    path = current_file(args.database_url, args.data_dir)
    if path is None:
        return None
    try:
        connection = read_connection(path)
    except sqlite3.Error:
        return None
    try:
        return (
            _visits(connection, out) if args.command == "visits" else _show(connection, args, out)
        )
    except (sqlite3.Error, ValueError):
        # Busy past the timeout, damaged, or a value this version does not know: nothing has
        # been printed yet (the text is made whole first), and the ordinary way explains.
        return None
    finally:
        connection.close()


def _show(connection: sqlite3.Connection, args: argparse.Namespace, out: TextIO) -> int | None:
    from typing import cast

    from visitdesk.services.fast_visit import load_plain_visit
    from visitdesk.services.summary import visit_summary

    visit = load_plain_visit(connection, args.ref)
    if visit is None:
        return None  # the ordinary way names the visits that come close
    # The plain record has every attribute the summary reads (a test compares the output).
    out.write(visit_summary(cast("Visit", visit)))
    return 0


def _visits(connection: sqlite3.Connection, out: TextIO) -> int:
    from visitdesk.services.fast_reads import visit_register

    rows = visit_register(connection)
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
