"""Administrators add and remove officers themselves, without the IT login.

PostgreSQL's way: two SECURITY DEFINER functions owned by the login `server init` ran as (it
may create roles), which only the administrators' group may EXECUTE. Each checks its arguments
itself, whichever client calls it (a login name is a strict pattern, a role one of three), and
builds its statements with format(%I, %L), never by pasting text. They touch only VisitDesk's
officers: a login that exists but is in none of the three groups (the IT login, `postgres`,
another application's) is refused, and an administrator cannot remove their own login.
`roles.add_officer` / `remove_officer` call them, so the IT login takes the same way.
"""

from __future__ import annotations

from sqlalchemy import Connection

from visitdesk.store.server.roles import ADMINISTRATORS, GROUPS, OFFICERS, READERS

ADD, REMOVE = "visitdesk_add_officer", "visitdesk_remove_officer"
# SQLSTATE of a refusal these functions explain in their message (invalid_parameter_value).
REFUSED = "22023"

_CHECKS = f"""
    IF login IS NULL OR login !~ '^[a-z_][a-z0-9_]{{0,62}}$' THEN
        RAISE EXCEPTION USING ERRCODE = '{REFUSED}', MESSAGE = format(
            '“%s” cannot be a login: use lower-case letters, digits and _ only, starting with '
            'a letter, at most 63 characters (e.g. “akhan”).', left(coalesce(login, ''), 80));
    END IF;
    IF login LIKE 'pg\\_%' OR login LIKE 'visitdesk\\_%' THEN
        RAISE EXCEPTION USING ERRCODE = '{REFUSED}', MESSAGE = format(
            '“%s” cannot be a login: names starting with pg_ or visitdesk_ are the server''s '
            'and VisitDesk''s own.', login);
    END IF;
    SELECT r.oid, r.rolsuper OR r.rolcreaterole OR r.rolbypassrls OR r.rolreplication
        INTO found, powerful FROM pg_roles r WHERE r.rolname = login;
    is_officer := found IS NOT NULL AND NOT powerful AND EXISTS (
        SELECT 1 FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid
        WHERE m.member = found AND g.rolname IN ('{READERS}', '{OFFICERS}', '{ADMINISTRATORS}'));
"""

_GROUP_OF = " ".join(f"WHEN '{role}' THEN '{group}'" for role, group in GROUPS.items())
_DEFINER = "LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp"

ADD_SQL = f"""
CREATE OR REPLACE FUNCTION {ADD}(login text, full_name text, role text, password_hash text)
RETURNS boolean {_DEFINER} AS $body$
DECLARE
    found oid;
    powerful boolean;
    is_officer boolean;
    target text := CASE role {_GROUP_OF} END;
    name text := btrim(regexp_replace(coalesce(full_name, ''), '\\s+', ' ', 'g'));
    other text;
BEGIN
    {_CHECKS}
    IF target IS NULL THEN
        RAISE EXCEPTION USING ERRCODE = '{REFUSED}', MESSAGE = format(
            '“%s” is not a role: choose reader, officer or admin.', left(coalesce(role, ''), 40));
    END IF;
    IF name = '' OR length(name) > 200 THEN
        RAISE EXCEPTION USING ERRCODE = '{REFUSED}', MESSAGE =
            'Give the officer''s full name (at most 200 characters), e.g. “Ms. Khan”.';
    END IF;
    IF found IS NOT NULL AND NOT is_officer THEN
        RAISE EXCEPTION USING ERRCODE = '{REFUSED}', MESSAGE = format(
            'The server already has a login “%s” that is not a VisitDesk officer; VisitDesk '
            'will not change it. Choose another login.', login);
    END IF;
    -- A password as the server keeps it (SCRAM, made by the client), never in clear text.
    IF password_hash IS NOT NULL AND password_hash NOT LIKE 'SCRAM-SHA-256$%' THEN
        RAISE EXCEPTION USING ERRCODE = '{REFUSED}', MESSAGE =
            'The password must come as the server keeps it (SCRAM-SHA-256); VisitDesk makes it.';
    END IF;
    IF found IS NULL THEN
        IF password_hash IS NULL THEN
            RAISE EXCEPTION USING ERRCODE = '{REFUSED}', MESSAGE = format(
                'A new officer needs a password: none was given for “%s”.', login);
        END IF;
        EXECUTE format('CREATE ROLE %I LOGIN INHERIT PASSWORD %L', login, password_hash);
    ELSIF password_hash IS NOT NULL THEN
        EXECUTE format('ALTER ROLE %I PASSWORD %L', login, password_hash);
    END IF;
    FOREACH other IN ARRAY ARRAY['{READERS}', '{OFFICERS}', '{ADMINISTRATORS}'] LOOP
        IF other <> target THEN
            EXECUTE format('REVOKE %I FROM %I', other, login);
        END IF;
    END LOOP;
    EXECUTE format('GRANT %I TO %I', target, login);
    EXECUTE format('COMMENT ON ROLE %I IS %L', login, name);
    RETURN found IS NULL;
END
$body$
"""

REMOVE_SQL = f"""
CREATE OR REPLACE FUNCTION {REMOVE}(login text) RETURNS text {_DEFINER} AS $body$
DECLARE
    found oid;
    powerful boolean;
    is_officer boolean;
    name text;
BEGIN
    {_CHECKS}
    IF NOT coalesce(is_officer, false) THEN
        RAISE EXCEPTION USING ERRCODE = '{REFUSED}', MESSAGE = format(
            'There is no VisitDesk officer “%s” on this server (`visitdesk server officers` '
            'lists them).', login);
    END IF;
    IF login = session_user THEN
        RAISE EXCEPTION USING ERRCODE = '{REFUSED}', MESSAGE =
            'You cannot remove your own login: another administrator (or IT) can.';
    END IF;
    name := coalesce(shobj_description(found, 'pg_authid'), login);
    EXECUTE format('DROP ROLE %I', login);
    RETURN name;
END
$body$
"""


def install(connection: Connection) -> None:
    """(Re)create both functions, runnable by the administrators' group alone."""
    run = connection.exec_driver_sql
    for sql, signature in (
        (ADD_SQL, f"{ADD}(text, text, text, text)"),
        (REMOVE_SQL, f"{REMOVE}(text)"),
    ):
        run(sql.replace("%", "%%"))  # the driver reads % as its placeholders: doubled
        run(f"REVOKE ALL ON FUNCTION {signature} FROM PUBLIC")
        run(f"GRANT EXECUTE ON FUNCTION {signature} TO {ADMINISTRATORS}")
