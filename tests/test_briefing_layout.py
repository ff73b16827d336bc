"""What the pack's pages hold and how they are filled: dietary notes at every meal and on one
page for the caterer, every attendee in the programme, headers that fit, briefs sharing pages
with the contents still pointing at the right page."""

from __future__ import annotations

import re
from pathlib import Path

from pypdf import PdfReader

from tests.briefing_helpers import build_pack, import_document, page_texts
from tests.briefing_visits import japan_document
from visitdesk.store.database import Store


def test_a_meal_s_brief_and_the_caterer_s_page_carry_the_dietary_notes(
    data_dir: Path, tmp_path: Path
) -> None:
    import_document(data_dir, japan_document(), "japan")
    pages = page_texts(build_pack(data_dir, "jpo-2026", tmp_path / "pack.pdf"))
    text = " ".join(pages)
    lunch = text[text.index("Working lunch hosted by the Chairperson When") :]
    lunch = lunch[: lunch.index("ENGAGEMENT 3 OF 3")]
    table = lunch[lunch.index("At the table: dietary and medical notes") :]
    # Everyone at this table with a note, guests first: the food allergy, not the penicillin.
    assert re.search(
        r"Mr\. YAMADA Taro .*Dietary: No raw fish Medical: Severe peanut allergy.*"
        r"Mr\. Asad Malik .*Dietary: Halal only",
        table,
    )
    assert "penicillin" not in table and "Vegetarian" not in table  # the Minister is not there
    caterer = [p for p in pages if "Dietary and medical notes for the caterer" in p][-1]
    order = [caterer.index(n) for n in ("YAMADA Taro", "Jahangir Ahmed Tareen", "Asad Malik")]
    assert order == sorted(order)  # the delegation, then the host side, by precedence
    assert "Dietary: Vegetarian" in caterer and "penicillin" not in caterer
    # The caterer's page is a page of its own.
    assert caterer.count("Dietary:") == 3 and "ENGAGEMENT" not in caterer


def test_everyone_attending_is_named_in_the_programme_at_a_glance(
    data_dir: Path, tmp_path: Path
) -> None:
    document = japan_document()
    extra = [
        {"id": f"member-{n}", "honorific": "Mr.", "given_name": f"Member{n}",
         "family_name": f"Delegate{n}", "organisation": "jpo", "precedence": 10 + n}
        for n in range(1, 9)
    ]  # fmt: skip
    document["people"] += extra
    talks = document["visits"][0]["engagements"][2]
    talks["guest_attendees"] += [p["id"] for p in extra]
    import_document(data_dir, document, "japan")
    pages = page_texts(build_pack(data_dir, "jpo-2026", tmp_path / "pack.pdf"))
    glance = next(p for p in pages if "Programme at a glance Day 1" in p)
    assert "more" not in glance
    for n in range(1, 9):
        assert f"Mr. Delegate{n}" in glance


def test_headers_fit_whole_on_every_page(data_dir: Path, tmp_path: Path) -> None:
    document = japan_document()
    long_title = (
        "Official visit of the Japan Patent Office delegation on cooperation in patent "
        "examination, trademark registration and the enforcement of intellectual property"
    )
    document["visits"][0]["title"] = long_title
    import_document(data_dir, document, "japan")
    pages = page_texts(build_pack(data_dir, "jpo-2026", tmp_path / "pack.pdf", "--for", "dg"))
    for page in pages[1:]:
        # Wrapped if need be, but whole: the title and whose pack it is.
        assert long_title in page
        assert "Personal pack · Mr. Malik · version 1" in page


def test_short_briefs_share_pages_and_the_contents_still_point_right(
    example_store: Store, data_dir: Path, tmp_path: Path
) -> None:
    example_store.close()
    out = build_pack(data_dir, "sipo-2017-03", tmp_path / "pack.pdf")
    pages = page_texts(out)
    starts = [n for n, p in enumerate(pages) for _ in re.findall(r"ENGAGEMENT \d OF 4", p)]
    assert len(starts) == 4 and len(set(starts)) < 4  # at least two briefs on one page
    reader = PdfReader(out)
    contents = pages[1]
    briefs = next(item for item in reader.outline if isinstance(item, list) and len(item) == 4)
    for number, item in enumerate(briefs, start=1):
        assert not isinstance(item, list)
        index = reader.get_destination_page_number(item)
        assert index is not None
        assert re.search(re.escape(str(item.title)) + rf" {index + 1}\b", contents)
        assert f"ENGAGEMENT {number} OF 4" in pages[index]
