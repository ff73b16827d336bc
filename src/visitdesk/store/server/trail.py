"""The audit trail and change notices on PostgreSQL, written by the server itself.

One trigger per audited table (store/trail.py says which) runs `visitdesk_audit()` after every
inserted, changed or deleted row: it writes the row's changed columns into `audit_entry` under
the login that is signed in (`session_user`, which neither SET ROLE nor a client can change)
and NOTIFYs `visitdesk_changes` with the table, the record, its visit, who and when (the
server's clock), delivered when the transaction commits. The function runs with its owner's
rights (SECURITY DEFINER), so officers need no right on the trail but reading it, and cannot
write or erase it themselves.
"""

from __future__ import annotations

from sqlalchemy import Connection

from visitdesk.store.trail import CHANNEL, Audited, audited_tables

FUNCTION = "visitdesk_audit"

FUNCTION_SQL = f"""
CREATE OR REPLACE FUNCTION {FUNCTION}() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $body$
DECLARE
    old_row jsonb := CASE WHEN TG_OP <> 'INSERT' THEN to_jsonb(OLD) END;
    new_row jsonb := CASE WHEN TG_OP <> 'DELETE' THEN to_jsonb(NEW) END;
    one_row jsonb := coalesce(new_row, old_row);
    diff jsonb := '{{}}'::jsonb;
    key text;
    visit integer;
    officer text;
    record integer := (one_row ->> 'id')::integer;
    at timestamp := now() AT TIME ZONE 'UTC';
    position integer;
BEGIN
    -- Pictures are kept as a digest: the trail says that a photo changed, not its bytes.
    FOR position IN 3 .. TG_NARGS - 1 LOOP
        key := TG_ARGV[position];
        IF old_row ? key AND old_row ->> key IS NOT NULL THEN
            old_row := jsonb_set(old_row, ARRAY[key], to_jsonb('md5:' || md5(old_row ->> key)));
        END IF;
        IF new_row ? key AND new_row ->> key IS NOT NULL THEN
            new_row := jsonb_set(new_row, ARRAY[key], to_jsonb('md5:' || md5(new_row ->> key)));
        END IF;
    END LOOP;
    one_row := coalesce(new_row, old_row);
    FOR key IN SELECT jsonb_object_keys(one_row) LOOP
        IF TG_OP <> 'UPDATE' OR (old_row -> key) IS DISTINCT FROM (new_row -> key) THEN
            diff := diff || jsonb_build_object(
                key, jsonb_build_array(old_row -> key, new_row -> key));
        END IF;
    END LOOP;
    IF diff = '{{}}'::jsonb THEN
        RETURN NULL;  -- an UPDATE that changed nothing is no change
    END IF;
    IF TG_ARGV[0] = 'self' THEN
        visit := record;
    ELSIF TG_ARGV[0] = 'column' THEN
        visit := (one_row ->> 'visit_id')::integer;
    ELSIF TG_ARGV[0] = 'parent' THEN
        EXECUTE 'SELECT visit_id FROM ' || quote_ident(TG_ARGV[1]) || ' WHERE id = $1'
            INTO visit USING (one_row ->> TG_ARGV[2])::integer;
    END IF;
    -- The officer's name is the login's comment (visitdesk server add-officer --name).
    SELECT shobj_description(r.oid, 'pg_authid') INTO officer
        FROM pg_roles r WHERE r.rolname = session_user;
    INSERT INTO audit_entry (at, login, name, table_name, record_id, visit_id, action, changes)
    VALUES (at, session_user, coalesce(officer, session_user), TG_TABLE_NAME, record, visit,
            lower(TG_OP), diff::text);
    PERFORM pg_notify('{CHANNEL}', json_build_object(
        'table', TG_TABLE_NAME, 'id', record, 'visit', visit, 'action', lower(TG_OP),
        'login', session_user, 'by', coalesce(officer, session_user),
        'at', extract(epoch FROM clock_timestamp()))::text);
    RETURN NULL;
END
$body$
"""


STAMP = "visitdesk_stamp"
# The name on a versioned record (what a refused stale save names) is the login's, too.
STAMP_SQL = f"""
CREATE OR REPLACE FUNCTION {STAMP}() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $body$
BEGIN
    SELECT coalesce(shobj_description(r.oid, 'pg_authid'), session_user) INTO NEW.changed_by
        FROM pg_roles r WHERE r.rolname = session_user;
    NEW.changed_by := left(coalesce(NEW.changed_by, session_user), 100);
    RETURN NEW;
END
$body$
"""


def trigger_name(table: str) -> str:
    return f"{FUNCTION}_{table}"[:63]


def _trigger_sql(audited: Audited) -> list[str]:
    args = [audited.visit_by, audited.parent_table or "", audited.parent_column or ""]
    args += audited.binary
    quoted = ", ".join("'" + a.replace("'", "''") + "'" for a in args)
    name, table = trigger_name(audited.table), audited.table
    statements = [
        f'DROP TRIGGER IF EXISTS "{name}" ON "{table}"',
        f'CREATE TRIGGER "{name}" AFTER INSERT OR UPDATE OR DELETE ON "{table}" '
        f"FOR EACH ROW EXECUTE FUNCTION {FUNCTION}({quoted})",
    ]
    if "changed_by" in audited.columns:
        stamp = f"{STAMP}_{table}"[:63]
        statements += [
            f'DROP TRIGGER IF EXISTS "{stamp}" ON "{table}"',
            f'CREATE TRIGGER "{stamp}" BEFORE INSERT OR UPDATE ON "{table}" '
            f"FOR EACH ROW EXECUTE FUNCTION {STAMP}()",
        ]
    return statements


def install(connection: Connection) -> tuple[str, ...]:
    """(Re)create the trail's function and a trigger on every audited table; their names."""
    connection.exec_driver_sql(FUNCTION_SQL)
    connection.exec_driver_sql(STAMP_SQL)
    tables = audited_tables(connection)
    for audited in tables:
        for statement in _trigger_sql(audited):
            connection.exec_driver_sql(statement)
    return tuple(a.table for a in tables)


def uninstall(connection: Connection) -> None:
    for audited in audited_tables(connection):
        for name in (trigger_name(audited.table), f"{STAMP}_{audited.table}"[:63]):
            connection.exec_driver_sql(f'DROP TRIGGER IF EXISTS "{name}" ON "{audited.table}"')
    connection.exec_driver_sql(f"DROP FUNCTION IF EXISTS {FUNCTION}()")
    connection.exec_driver_sql(f"DROP FUNCTION IF EXISTS {STAMP}()")
