"""`visitdesk`: with no sub-command it opens the window; with one it runs the command.

The command line never imports Qt, and reportlab only inside the commands that make PDFs.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence
from typing import TextIO

from visitdesk import __version__
from visitdesk.app.places import DATA_DIR_ENV, DATABASE_URL_ENV
from visitdesk.commands import COMMAND_MODULES

# sysexits.h's EX_TEMPFAIL: the database was busy, the same command may work in a moment.
EXIT_BUSY = 75
GUI_VIEWS = ("visits", "itinerary", "followups", "press-release", "people")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="visitdesk",
        description="Plan, brief and report on the visits of foreign delegations. "
        "With no command, opens the VisitDesk window.",
    )
    parser.add_argument("--version", action="version", version=f"VisitDesk {__version__}")
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        help=f"folder of the database (default: ${DATA_DIR_ENV} or your user data folder)",
    )
    parser.add_argument(
        "--database-url",
        metavar="URL",
        help=f"an SQLAlchemy URL, e.g. a shared PostgreSQL server (or ${DATABASE_URL_ENV})",
    )
    parser.add_argument(
        "--read-only",
        action="store_true",
        help="open the records for browsing, searching, printing and exporting only",
    )
    parser.add_argument(
        "--start-empty",
        action="store_true",
        help="when the records file that was in the folder is missing, begin with empty records",
    )
    gui = parser.add_argument_group("window options")
    gui.add_argument(
        "--screenshot", metavar="FILE.png", help="open the window offscreen, save a picture, quit"
    )
    gui.add_argument("--visit", metavar="REF", help="the visit to open in the window")
    gui.add_argument("--view", choices=GUI_VIEWS, help="the view to open in the window")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name != name:
                raise
            continue  # a command still being built is simply not offered
        module.register(subparsers)
    return parser


# Commands that put records into a new folder; every other one reads what is there.
CREATING = ("import", "import-people")


def _no_such_folder(args: argparse.Namespace) -> str | None:
    """A --data-dir that does not exist, for a command that only reads: a typing mistake,
    never a reason to make an empty records folder there."""
    from pathlib import Path

    named = getattr(args, "data_dir", None)
    if not named or args.database_url or args.command in CREATING:
        return None
    folder = Path(named).expanduser()
    if folder.exists():
        return None
    return (
        f"There is no folder {folder}, so there are no VisitDesk records there. Check the "
        "folder's name; `visitdesk --data-dir FOLDER import FILE` makes records in a new one."
    )


def run_command(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from visitdesk.app import (
        BusyError,
        Desk,
        MissingRecordsError,
        NotFoundError,
        OpenError,
        RefusedError,
    )

    if getattr(args, "opens_itself", False):
        # `visitdesk server …` opens the server itself: its backup comes before any upgrade.
        try:
            done: int = args.handler(args, out)
            return done
        except RefusedError as exc:
            print(f"visitdesk: {exc}", file=err)
            return 1
    missing = _no_such_folder(args)
    if missing is not None:
        print(f"visitdesk: {missing}", file=err)
        return 3
    try:
        desk = Desk.open(
            args.database_url,
            args.data_dir,
            read_only=args.read_only,
            start_empty=args.start_empty,
        )
    except MissingRecordsError as exc:
        hint = (
            f" To restore it, copy {exc.backups[0]} to {exc.path}."
            if exc.backups
            else " Put the file back if you have a copy of it."
        )
        print(
            f"visitdesk: {exc}{hint} To begin with empty records there, run the command "
            "again with --start-empty.",
            file=err,
        )
        return 3
    except OpenError as exc:
        print(f"visitdesk: {exc}", file=err)
        return 3
    try:
        if desk.backup is not None:
            print(f"Backed up the database before upgrading it: {desk.backup}", file=err)
        handler = args.handler
        result: int = handler(args, desk, out)
        return result
    except BusyError as exc:
        print(f"visitdesk: {exc}", file=err)
        return EXIT_BUSY
    except NotFoundError as exc:
        print(f"visitdesk: {_where_to_look(str(exc))}", file=err)
        return 1
    except RefusedError as exc:
        print(f"visitdesk: {exc}", file=err)
        return 1
    except Exception as exc:
        from visitdesk.app.translate import refusal

        # What the app layer has not turned into a sentence yet (a handler that still calls
        # the services itself): the same translation, here.
        refused = refusal(exc)
        if refused is not None:
            print(f"visitdesk: {refused}", file=err)
            return EXIT_BUSY if isinstance(refused, BusyError) else 1
        # A defect of ours: the officer gets one sentence, the details go to a log for support.
        log = write_crash_log(exc)
        print(
            f"visitdesk: something went wrong inside VisitDesk ({type(exc).__name__}); "
            f"nothing was changed. Details for support: {log}",
            file=err,
        )
        return 70
    finally:
        desk.close()


def write_crash_log(exc: BaseException) -> str:
    import tempfile
    import traceback
    from datetime import datetime

    text = "".join(traceback.format_exception(exc))
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    try:
        with tempfile.NamedTemporaryFile(
            "w", prefix=f"visitdesk-error-{stamp}-", suffix=".log", delete=False, encoding="utf-8"
        ) as handle:
            handle.write(text)
        return handle.name
    except OSError:
        return "(could not be written)"


def _where_to_look(sentence: str) -> str:
    """A mistyped visit reference: the command line says which command lists the visits (the
    window needs no such hint, so the app's sentence has none)."""
    if sentence.startswith("There is no visit") and "visitdesk visits" not in sentence:
        return f"{sentence} `visitdesk visits` lists the visits."
    return sentence


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.command is None:
        return gui(args)
    try:
        # Reading a current SQLite store needs no SQLAlchemy: `visits` answers in a tenth of the
        # time. Anything the fast path does not handle runs the ordinary way.
        from visitdesk.commands.fast import run_fast

        fast = run_fast(args, sys.stdout)
        if fast is not None:
            return fast
        return run_command(args, sys.stdout, sys.stderr)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0


def gui(args: argparse.Namespace) -> int:
    from visitdesk.ui.app import run

    return run(args)


def gui_main() -> int:
    """Entry point of the windowed launcher (no console window on Windows)."""
    return main()
