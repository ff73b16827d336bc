"""The reading commands' fast path: `visits` and `show` without SQLAlchemy when they can.

`cli.main` asks `run_fast` first; None means "not here" (another command, a server URL, a store
still to be made or upgraded, a file that cannot be read this way) and the command runs the
ordinary way, which says what is wrong in its own sentence. What is printed is the same either
way; a test compares the two on the same store.
"""

from __future__ import annotations

import argparse
from typing import TextIO

FAST_COMMANDS = ("visits", "show")


def run_fast(args: argparse.Namespace, out: TextIO) -> int | None:
    if args.command == "visits":
        from visitdesk.app.quick import quick_visit_list
        from visitdesk.commands.visits import print_visit_list

        rows = quick_visit_list(args.database_url, args.data_dir)
        return None if rows is None else print_visit_list(rows, out)
    if args.command == "show":
        from visitdesk.app.quick import quick_summary

        text = quick_summary(args.database_url, args.data_dir, args.ref)
        if text is None:
            return None
        out.write(text)
        return 0
    return None
