"""The name cards of seating and signing plans keep every word, and a signing ceremony is drawn
as protocol has it: read from plans drawn alone on a page, as text and as word positions."""

from __future__ import annotations

from pathlib import Path

from reportlab.platypus import SimpleDocTemplate

from tests.briefing_helpers import build_pack, import_document, page_texts, word_boxes
from tests.briefing_visits import DIRECTOR, MINISTER_PORTFOLIO, japan_document
from visitdesk.documents.briefing.seating import SeatingPlan
from visitdesk.documents.briefing.signing import SigningPlan, side
from visitdesk.documents.fonts import register_fonts
from visitdesk.services.briefing import PersonInfo

LONG_KATAKANA = "ムハンマド・アブドゥルアズィーズ・イブン・サルマーン・アール・サウード"


def person(
    ref: str,
    name: str,
    position: str | None = None,
    native_name: str | None = None,
    role: str | None = None,
) -> PersonInfo:
    return PersonInfo(
        ref=ref,
        name=name,
        short_name=name,
        position=position,
        native_name=native_name,
        role=role,
    )


def drawn(flowable: object, path: Path) -> str:
    register_fonts()
    SimpleDocTemplate(str(path)).build([flowable])
    return " ".join(page_texts(path))


def test_no_card_loses_its_name_native_name_or_position(tmp_path: Path) -> None:
    hosts = (
        person("m", "Mr. Jahangir Ahmed Tareen", position=MINISTER_PORTFOLIO),
        person("d", "Ms. Farah Qureshi", position=DIRECTOR),
        person("n", "Mr. Asad Malik"),  # no position at all
    )
    guests = (
        person("s", "HRH Prince Mohammed", native_name=LONG_KATAKANA, position="Commissioner"),
        person("t", "Mr. TANAKA Ichiro", native_name="田中一郎"),
        person("i", "Mr. SATO Kenji", native_name="佐藤健二", role="interpreter"),
    )
    text = drawn(SeatingPlan(hosts, guests, ("Host side", "Guest side")), tmp_path / "plan.pdf")
    # Words wrap inside a card: compare without the line breaks' spaces.
    joined = text.replace(" ", "")
    for piece in (
        MINISTER_PORTFOLIO,
        DIRECTOR,
        "1. Mr. Jahangir Ahmed Tareen",
        "3. Mr. Asad Malik",
        "2. Mr. TANAKA Ichiro",
        LONG_KATAKANA,
        "Interpreter",
    ):
        assert piece.replace(" ", "") in joined, piece
    # The position after a native name that wraps is still printed.
    assert joined.index(LONG_KATAKANA) < joined.index("Commissioner")


def test_the_signing_table_seats_the_guest_on_the_host_s_right(tmp_path: Path) -> None:
    hosts = (
        person("minister", "Mr. Tareen", position="Minister"),
        person("chair", "Ms. Qureshi", position="Chairperson"),
        person("dg", "Mr. Malik", position="Director General"),
    )
    guests = (
        person("yamada", "Mr. YAMADA", position="Commissioner"),
        person("sato", "Mr. SATO", position="Interpreter", role="interpreter"),
        person("suzuki", "Ms. SUZUKI", position="Director"),
        person("tanaka", "Mr. TANAKA"),
    )
    plan = SigningPlan(
        side("Guest side", "JP", guests, guests[0]), side("Host side", "PK", hosts, hosts[1])
    )
    out = tmp_path / "signing.pdf"
    text = drawn(plan, out)
    assert "Audience and press" in text and "Signing table" in text
    words = {word: (x, y) for word, x, y in word_boxes(out, 1)}
    centre = (words["YAMADA"][0] + words["Qureshi"][0]) / 2
    # As the audience sees it: the guest signatory on the left, the host's on the right, each
    # country's flag in front of its signatory (below it on the page).
    assert words["YAMADA"][0] < centre < words["Qureshi"][0]
    assert abs(words["JP"][0] - words["YAMADA"][0]) < 40
    assert abs(words["PK"][0] - words["Qureshi"][0]) < 40
    assert words["JP"][1] > words["YAMADA"][1] and words["PK"][1] > words["Qureshi"][1]
    # The others stand behind (above on the page), each side behind its own signatory, by
    # precedence from the centre outwards; the interpreter at the outer end.
    standing_guests = [words[w] for w in ("SUZUKI", "TANAKA", "SATO")]
    standing_hosts = [words[w] for w in ("Tareen", "Malik")]
    assert all(y < words["YAMADA"][1] for _x, y in standing_guests + standing_hosts)
    assert centre > standing_guests[0][0] > standing_guests[1][0] > standing_guests[2][0]
    assert centre < standing_hosts[0][0] < standing_hosts[1][0]


def test_who_signs_comes_from_the_engagement_else_the_principals(
    data_dir: Path, tmp_path: Path
) -> None:
    document = japan_document()
    import_document(data_dir, document, "japan")
    pages = page_texts(build_pack(data_dir, "jpo-2026", tmp_path / "chosen.pdf"))
    text = " ".join(pages)
    assert "Mr. YAMADA Taro and Ms. Farah Qureshi sign, seated side by side" in text
    signing = document["visits"][0]["engagements"][0]
    del signing["host_signatory"], signing["guest_signatory"]
    import_document(data_dir, document, "japan")
    text = " ".join(page_texts(build_pack(data_dir, "jpo-2026", tmp_path / "default.pdf")))
    # Without a choice the principals sign: the Minister outranks the Chairperson.
    assert "Mr. YAMADA Taro and Mr. Jahangir Ahmed Tareen sign, seated side by side" in text
