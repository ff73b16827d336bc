"""Briefs above a visit's classification on the shared server: the server itself (row-level
security) keeps a talking point above the visit's level from a reader, for any client, and a
reader's pack says what it leaves out; an officer's pack holds it, marked."""

from __future__ import annotations

import dataclasses
import subprocess
from pathlib import Path

import pytest
from sqlalchemy import create_engine, make_url, text

from tests import server_helpers
from tests.server_helpers import VISIT, SignIn, as_login, new_login
from visitdesk.app import Desk, RefusedError, server
from visitdesk.app.enums import Level
from visitdesk.cli import main

pytestmark = [pytest.mark.postgresql, pytest.mark.slow]

empty_database = server_helpers.empty_database
office_url = server_helpers.office_url
logins = server_helpers.logins
sign_in = server_helpers.sign_in

SECRET_POINT = "Our fallback: accept the draft MoU text of 12 March if pressed."
SEEN_POINT = "Use of information technology for better enforcement of IPRs."


def mark_a_point_secret(officer: Desk) -> None:
    """The officer adds a Secret talking point to the engagement that has talking points."""
    visit_id = officer.visits.id_of(VISIT)
    for row in officer.itinerary.rows(visit_id):
        opened = officer.itinerary.load(row.id)
        if opened.data.talking_points:
            data = dataclasses.replace(
                opened.data,
                talking_points=(*opened.data.talking_points, SECRET_POINT),
                talking_point_levels=(*(None,) * len(opened.data.talking_points), Level.SECRET),
            )
            officer.itinerary.update(row.id, data, opened.version)
            return
    raise AssertionError("the example visit has no talking points")


def pdf_text(data: bytes, tmp_path: Path, name: str) -> str:
    path = tmp_path / f"{name}.pdf"
    path.write_bytes(data)
    done = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True)
    return " ".join(done.stdout.split())


def plain_sql(url: str, statement: str) -> list[tuple[object, ...]]:
    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            return [tuple(row) for row in connection.execute(text(statement))]
    finally:
        engine.dispose()


def test_a_reader_login_cannot_read_a_secret_talking_point_by_plain_sql(
    sign_in: SignIn, office_url: str, logins: list[str]
) -> None:
    mark_a_point_secret(sign_in("officer", "Ms. Aisha Khan"))
    reader = new_login(logins)
    server.add_officer(office_url, reader, "Mr. Lee Min-ho", "reader", "pw")
    officer = new_login(logins)
    server.add_officer(office_url, officer, "Ms. Sana Mir", "officer", "pw")
    query = "SELECT text FROM talking_point ORDER BY id"
    as_reader = [t for (t,) in plain_sql(as_login(office_url, reader), query)]
    as_officer = [t for (t,) in plain_sql(as_login(office_url, officer), query)]
    assert SECRET_POINT in as_officer and SEEN_POINT in as_officer
    assert SEEN_POINT in as_reader and SECRET_POINT not in as_reader
    assert len(as_reader) == len(as_officer) - 1
    # Nor through its history, nor by asking for it by its level.
    trail = "SELECT changes FROM audit_entry WHERE table_name = 'talking_point'"
    assert any(SECRET_POINT in str(c) for (c,) in plain_sql(as_login(office_url, officer), trail))
    assert not any(
        SECRET_POINT in str(c) for (c,) in plain_sql(as_login(office_url, reader), trail)
    )
    assert (
        plain_sql(
            as_login(office_url, reader), "SELECT id FROM talking_point WHERE level = 'secret'"
        )
        == []
    )
    # psql itself, as the reader: the server, not VisitDesk, holds the line.
    libpq = make_url(as_login(office_url, reader)).set(drivername="postgresql")
    psql = subprocess.run(
        ["psql", libpq.render_as_string(hide_password=False), "-Atc",
         "SELECT count(*) FROM talking_point WHERE text LIKE '%fallback%'"],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    assert psql.stdout.strip() == "0"
    # The server counts what it hides from the reader, without the text.
    counted = plain_sql(
        as_login(office_url, reader),
        "SELECT sum(hidden) FROM visitdesk_hidden_talking_points("
        f"(SELECT id FROM visit WHERE ref = '{VISIT}'))",
    )
    assert counted == [(1,)]


def test_a_readers_pack_leaves_the_point_out_and_says_so_an_officers_has_it(
    sign_in: SignIn, tmp_path: Path
) -> None:
    officer = sign_in("officer", "Ms. Aisha Khan")
    mark_a_point_secret(officer)
    reader = sign_in("reader", "Mr. Lee Min-ho")

    theirs = reader.documents.briefing_pack(reader.visits.id_of(VISIT))
    printed = pdf_text(theirs.data, tmp_path, "reader")
    assert SECRET_POINT not in printed and "fallback" not in printed
    assert SEEN_POINT in printed
    assert "1 talking point classified above Restricted is not shown to your role." in printed
    assert "It leaves out 1 talking point classified above Restricted" in printed
    assert (theirs.withheld, theirs.withheld_above) == (1, "Restricted")
    assert theirs.classification == "RESTRICTED"

    mine = officer.documents.briefing_pack(officer.visits.id_of(VISIT))
    printed = pdf_text(mine.data, tmp_path, "officer")
    assert f"(SECRET) {SECRET_POINT}" in printed
    assert "not shown to your role" not in printed
    assert (mine.withheld, mine.classification) == (0, "SECRET")


def test_a_visit_classified_secret_shows_its_points_to_its_readers(
    sign_in: SignIn, tmp_path: Path
) -> None:
    officer = sign_in("officer", "Ms. Aisha Khan")
    mark_a_point_secret(officer)
    visit_id = officer.visits.id_of(VISIT)
    opened = officer.visits.details(visit_id)
    officer.visits.update(
        visit_id, dataclasses.replace(opened.data, classification=Level.SECRET), opened.version
    )
    reader = sign_in("reader", "Mr. Lee Min-ho")
    pack = reader.documents.briefing_pack(visit_id)
    assert SECRET_POINT in pdf_text(pack.data, tmp_path, "reader")
    assert pack.withheld == 0


def test_a_readers_export_is_refused_rather_than_written_incomplete(
    sign_in: SignIn, tmp_path: Path
) -> None:
    mark_a_point_secret(sign_in("officer", "Ms. Aisha Khan"))
    reader = sign_in("reader", "Mr. Lee Min-ho")
    target = tmp_path / "visit.json"
    with pytest.raises(RefusedError) as refused:
        reader.exchange.export(target, [VISIT])
    assert "1 talking point" in str(refused.value)
    assert "an officer" in str(refused.value)
    assert not target.exists()


def test_the_cli_pack_of_a_reader_says_what_it_left_out(
    sign_in: SignIn, office_url: str, logins: list[str], tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    mark_a_point_secret(sign_in("officer", "Ms. Aisha Khan"))
    reader = new_login(logins)
    server.add_officer(office_url, reader, "Mr. Lee Min-ho", "reader", "pw")
    out = tmp_path / "pack.pdf"
    url = as_login(office_url, reader)
    assert main(["--database-url", url, "briefing-pack", VISIT, "-o", str(out)]) == 0
    said = " ".join(capsys.readouterr().out.split())
    assert "It leaves out 1 talking point classified above Restricted" in said


def test_a_readers_calendar_says_what_it_leaves_out(sign_in: SignIn) -> None:
    mark_a_point_secret(sign_in("officer", "Ms. Aisha Khan"))
    reader = sign_in("reader", "Mr. Lee Min-ho")
    calendar = reader.documents.calendar(reader.visits.id_of(VISIT))
    unfolded = calendar.data.decode("utf-8").replace("\r\n ", "").replace("\\n", " ")
    unfolded = unfolded.replace("\\,", ",")
    assert "fallback" not in unfolded
    assert "(1 talking point classified above Restricted is not shown to your role.)" in unfolded
