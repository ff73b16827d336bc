"""`visitdesk server …`: the IT officer's commands for an office's shared PostgreSQL server.

    visitdesk server init --database-url URL [--backup-dir DIR] [--without-backup]
    visitdesk server add-officer LOGIN --name "Full name" --role reader|officer|admin
    visitdesk server remove-officer LOGIN
    visitdesk server officers

They open the server themselves (no Desk): `init` backs the database up before it migrates.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from pathlib import Path
from typing import Any, TextIO

ROLES = ("reader", "officer", "admin")


def register(subparsers: argparse._SubParsersAction[Any]) -> None:
    parser = subparsers.add_parser(
        "server", help="set up a shared PostgreSQL server and its officers (for IT)"
    )
    actions = parser.add_subparsers(dest="server_command", metavar="ACTION", required=True)

    def action(name: str, help_text: str) -> argparse.ArgumentParser:
        sub: argparse.ArgumentParser = actions.add_parser(name, help=help_text)
        # Also accepted after the action; SUPPRESS keeps the one given before `server`.
        sub.add_argument(
            "--database-url", metavar="URL", default=argparse.SUPPRESS,
            help="the server's database: for init, as the login that owns it and may create "
            "roles; for officers, as that login or an administrator's",
        )  # fmt: skip
        sub.set_defaults(opens_itself=True)
        return sub

    init = action("init", "create or upgrade the schema (pg_dump first) and the three roles")
    init.add_argument(
        "--backup-dir", metavar="DIR", default=".", help="where the pg_dump goes (default: here)"
    )
    init.add_argument(
        "--without-backup", action="store_true", help="upgrade without pg_dump (backed up else)"
    )
    init.set_defaults(handler=run_init)

    add = action("add-officer", "create an officer's login, or change their name, role, password")
    add.add_argument("login", metavar="LOGIN", help="the login, e.g. akhan")
    add.add_argument("--name", required=True, help='the full name the trail shows, "Ms. Khan"')
    add.add_argument("--role", required=True, choices=ROLES, help="what the officer may do")
    add.add_argument(
        "--password-stdin", action="store_true", help="read the password from standard input"
    )
    add.add_argument(
        "--keep-password", action="store_true", help="an existing officer keeps their password"
    )
    add.set_defaults(handler=run_add_officer)

    remove = action("remove-officer", "drop an officer's login (their history stays)")
    remove.add_argument("login", metavar="LOGIN")
    remove.set_defaults(handler=run_remove_officer)

    listing = action("officers", "list the officers, their names and roles")
    listing.set_defaults(handler=run_officers)


def _database_url(args: argparse.Namespace) -> str:
    from visitdesk.app import RefusedError
    from visitdesk.app.places import DATABASE_URL_ENV

    url = getattr(args, "database_url", None) or os.environ.get(DATABASE_URL_ENV)
    if not url:
        raise RefusedError(
            "Name the server: --database-url postgresql+psycopg://LOGIN@HOST/DATABASE "
            f"(or set {DATABASE_URL_ENV})."
        )
    return str(url)


def run_init(args: argparse.Namespace, out: TextIO) -> int:
    from visitdesk.app import server

    done = server.init(_database_url(args), Path(args.backup_dir), args.without_backup)
    if done.backup is not None:
        print(f"Backed up the database before upgrading it: {done.backup}", file=out)
    if done.created:
        print("Created VisitDesk's tables on the server.", file=out)
    elif done.upgraded_from is not None:
        print(f"Upgraded the database from schema {done.upgraded_from}.", file=out)
    else:
        print("The database was already at this version's schema.", file=out)
    print(
        f"The audit trail covers {len(done.audited)} tables; the roles visitdesk_readers, "
        "visitdesk_officers and visitdesk_administrators have their rights. Next: "
        '`visitdesk server add-officer LOGIN --name "Full name" --role admin`; from then on '
        "that administrator adds and removes officers with their own login.",
        file=out,
    )
    return 0


def _password(args: argparse.Namespace, login: str) -> str | None:
    from visitdesk.app import RefusedError

    if args.keep_password:
        return None
    if args.password_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    if not sys.stdin.isatty():
        raise RefusedError("No terminal to ask the password on: use --password-stdin.")
    first = getpass.getpass(f"Password for {login}: ")
    if getpass.getpass("The same password again: ") != first:
        raise RefusedError("The two passwords differ; nothing was changed.")
    return first


def run_add_officer(args: argparse.Namespace, out: TextIO) -> int:
    from visitdesk.app import server

    url = _database_url(args)
    created = server.add_officer(url, args.login, args.name, args.role, _password(args, args.login))
    what = "Added" if created else "Updated"
    name = " ".join(args.name.split())  # as the server keeps it
    print(f"{what} {name} as {args.role} (login {args.login}).", file=out)
    return 0


def run_remove_officer(args: argparse.Namespace, out: TextIO) -> int:
    from visitdesk.app import server

    gone = server.remove_officer(_database_url(args), args.login)
    print(
        f"Removed the login {gone.login} ({gone.name}); their changes stay in the history.",
        file=out,
    )
    return 0


def run_officers(args: argparse.Namespace, out: TextIO) -> int:
    from visitdesk.app import server

    found = server.officers(_database_url(args))
    if not found:
        print("No officers yet: `visitdesk server add-officer` adds one.", file=out)
        return 0
    width = max(len(o.login) for o in found)
    out.writelines(f"{o.login:<{width}}  {o.role:<7}  {o.name}\n" for o in found)
    return 0
