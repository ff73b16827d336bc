"""The fast path of `visits`, `show` and a reprinted `press-release`: without SQLAlchemy when
they can.

`cli.main` asks `run_fast` first; None means "not here" (another command, a server URL, a store
still to be made or upgraded, a file that cannot be read this way) and the command runs the
ordinary way, which says what is wrong in its own sentence. What is printed is the same either
way; tests compare the two on the same stores. A release goes this way only when nothing about
it is to be stored (see `app.quick.quick_press_release`).
"""

from __future__ import annotations

import argparse
from typing import TextIO

FAST_COMMANDS = ("visits", "show", "press-release")


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
    if args.command == "press-release" and not args.read_only:
        from pathlib import Path

        from visitdesk.app.quick import quick_press_release
        from visitdesk.commands.press_release import report

        output = Path(args.output)
        printed = quick_press_release(
            args.database_url,
            args.data_dir,
            args.ref,
            output,
            args.format,
            number=args.number,
            on=args.date,
            city=args.city,
            redraft=args.redraft,
        )
        return None if printed is None else report(printed, output, out)
    return None
