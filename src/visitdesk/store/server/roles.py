"""The office's three group roles, what each may do (GRANTs), and the officers' logins.

readers see and print; officers also edit; administrators also set the office up and delete
visits. Each officer is a PostgreSQL login in one group, with their full name as the login's
comment (the trail writes it beside every change). The server itself refuses what a group may
not do; the app layer only turns its "permission denied" into a sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import Connection, text

from visitdesk.store.errors import StoreError
from visitdesk.store.trail import TRAIL_TABLE

READERS, OFFICERS, ADMINISTRATORS = (
    "visitdesk_readers",
    "visitdesk_officers",
    "visitdesk_administrators",
)
GROUPS = {"reader": READERS, "officer": OFFICERS, "admin": ADMINISTRATORS}
ROLE_OF_GROUP = {group: role for role, group in GROUPS.items()}
# Written only by VisitDesk's migrations (the owner) and the server's trail trigger.
OWNER_ONLY = ("alembic_version", TRAIL_TABLE)
ADMIN_ONLY_TABLES = ("office",)
# Printing a briefing pack numbers it, exporting a calendar marks its events sent: a reader
# who may print must be able to write these few columns and nothing else.
READER_COLUMNS = {
    "visit": ("briefing_pack_version", "version", "changed_at", "changed_by"),
    "engagement": ("published", "sequence", "version", "changed_at", "changed_by"),
}
LOGIN = re.compile(r"[a-z_][a-z0-9_]{0,62}")


@dataclass(frozen=True)
class Officer:
    login: str
    name: str
    role: str  # reader, officer, admin


def _quoted(identifier: str) -> str:
    return '"' + identifier.replace('"', '""') + '"'


def check_login(login: str) -> str:
    if not LOGIN.fullmatch(login):
        raise StoreError(
            f"“{login}” cannot be a login: use lower-case letters, digits and _ only, starting "
            "with a letter, at most 63 characters (e.g. “akhan”)."
        )
    if login.startswith(("pg_", "visitdesk_")):
        raise StoreError(
            f"“{login}” cannot be a login: names starting with pg_ or visitdesk_ "
            "are the server's and VisitDesk's own."
        )
    return login


def create_groups(connection: Connection) -> None:
    """The three groups (no login), each holding the rights of the one before it."""
    for group in (READERS, OFFICERS, ADMINISTRATORS):
        exists = connection.execute(
            text("SELECT 1 FROM pg_roles WHERE rolname = :name"), {"name": group}
        ).scalar()
        if not exists:
            connection.exec_driver_sql(f"CREATE ROLE {group} NOLOGIN")
    connection.exec_driver_sql(f"GRANT {READERS} TO {OFFICERS}")
    connection.exec_driver_sql(f"GRANT {OFFICERS} TO {ADMINISTRATORS}")


def grant(connection: Connection, database: str) -> None:
    """What each group may do in this database; run again after every upgrade (new tables)."""
    db = _quoted(database)
    run = connection.exec_driver_sql
    # Nobody but the three groups (and the owner) may even connect.
    run(f"REVOKE ALL ON DATABASE {db} FROM PUBLIC")
    run(f"GRANT CONNECT, TEMPORARY ON DATABASE {db} TO {READERS}")
    run("REVOKE CREATE ON SCHEMA public FROM PUBLIC")
    run(f"GRANT USAGE ON SCHEMA public TO {READERS}")
    run(f"REVOKE ALL ON ALL TABLES IN SCHEMA public FROM {READERS}, {OFFICERS}, {ADMINISTRATORS}")
    run(f"GRANT SELECT ON ALL TABLES IN SCHEMA public TO {READERS}")
    for table, columns in READER_COLUMNS.items():
        run(f"GRANT UPDATE ({', '.join(columns)}) ON {table} TO {READERS}")
    run(f"GRANT INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {OFFICERS}")
    for table in (*OWNER_ONLY, *ADMIN_ONLY_TABLES):
        run(f"REVOKE INSERT, UPDATE, DELETE ON {table} FROM {OFFICERS}")
    run(f"REVOKE DELETE ON visit FROM {OFFICERS}")
    for table in ADMIN_ONLY_TABLES:
        run(f"GRANT INSERT, UPDATE, DELETE ON {table} TO {ADMINISTRATORS}")
    run(f"GRANT DELETE ON visit TO {ADMINISTRATORS}")
    run(f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {OFFICERS}")


def officers(connection: Connection) -> tuple[Officer, ...]:
    rows = connection.execute(
        text(
            "SELECT r.rolname, coalesce(shobj_description(r.oid, 'pg_authid'), r.rolname), "
            "g.rolname FROM pg_roles r JOIN pg_auth_members m ON m.member = r.oid "
            "JOIN pg_roles g ON g.oid = m.roleid WHERE r.rolcanlogin AND g.rolname IN "
            "(:readers, :officers, :admins) ORDER BY r.rolname"
        ),
        {"readers": READERS, "officers": OFFICERS, "admins": ADMINISTRATORS},
    ).all()
    return tuple(Officer(login, name, ROLE_OF_GROUP[group]) for login, name, group in rows)


def add_officer(
    connection: Connection, login: str, name: str, role: str, password_hash: str | None
) -> bool:
    """Create the login in its group (or move an existing officer); True when it is new."""
    check_login(login)
    group = GROUPS.get(role)
    if group is None:
        raise StoreError(f"“{role}” is not a role: choose reader, officer or admin.")
    name = " ".join(name.split())
    if not name or len(name) > 200:
        raise StoreError("Give the officer's full name (at most 200 characters), e.g. “Ms. Khan”.")
    exists = connection.execute(
        text("SELECT rolsuper FROM pg_roles WHERE rolname = :name"), {"name": login}
    ).first()
    known = {o.login for o in officers(connection)}
    if exists is not None and login not in known:
        raise StoreError(
            f"The server already has a login “{login}” that is not a VisitDesk officer; "
            "VisitDesk will not change it. Choose another login."
        )
    if exists is None and password_hash is None:
        raise StoreError(f"A new officer needs a password: none was given for “{login}”.")
    # The server's own function does it (store/server/officer_admin.py): it checks all this
    # again for any client, and only administrators (and the IT login) may run it.
    created = connection.execute(
        text("SELECT visitdesk_add_officer(:login, :name, :role, :hash)"),
        {"login": login, "name": name, "role": role, "hash": password_hash},
    ).scalar()
    return bool(created)


def remove_officer(connection: Connection, login: str) -> Officer:
    check_login(login)
    found = next((o for o in officers(connection) if o.login == login), None)
    if found is None:
        raise StoreError(
            f"There is no VisitDesk officer “{login}” on this server "
            "(`visitdesk server officers` lists them)."
        )
    connection.execute(text("SELECT visitdesk_remove_officer(:login)"), {"login": login})
    return found


def password_hash(connection: Connection, login: str, password: str) -> str:
    """The password as the server keeps it (SCRAM), made here: it never travels in clear text,
    nor lands in the server's statement log."""
    if not password:
        raise StoreError("The password is empty: give the officer a password.")
    driver = connection.connection.driver_connection
    pgconn = getattr(driver, "pgconn", None)
    if pgconn is None:
        raise StoreError("Managing officers needs the psycopg driver (postgresql+psycopg://…).")
    hashed: bytes = pgconn.encrypt_password(
        password.encode("utf-8"), login.encode("utf-8"), b"scram-sha-256"
    )
    return hashed.decode("ascii")
