"""Native names are set by their language everywhere, as the pack's briefs set them: Japanese in
the Japanese font (not the Chinese forms of the fallback), Urdu in Nastaliq. Checked on the
caterer's page, a meal's table notes and the programme at a glance; also the host-side list."""

from __future__ import annotations

from pathlib import Path

from pypdf import PdfReader

from tests.briefing_helpers import build_pack, import_document, page_texts
from tests.briefing_visits import japan_document
from visitdesk.cli import main


def fonts_drawing(path: Path, page: int) -> set[str]:
    """The fonts that draw visible text on a page (0-based), by their base names."""
    found: set[str] = set()

    def visit(text: str, _cm: object, _tm: object, font: object, _size: object) -> None:
        if isinstance(font, dict) and text.strip():
            found.add(str(font.get("/BaseFont", "")).split("+")[-1])

    PdfReader(path).pages[page].extract_text(visitor_text=visit)
    return found


def test_kitchen_notes_keep_the_japanese_and_urdu_fonts(data_dir: Path, tmp_path: Path) -> None:
    document = japan_document()
    for person in document["people"]:
        if person["id"] == "chair":  # an Urdu native name at the lunch table, with a note
            person["dietary"] = "Halal"
    import_document(data_dir, document, "japan")
    pack = build_pack(data_dir, "jpo-2026", tmp_path / "pack.pdf")
    pages = page_texts(pack)
    caterer = next(
        n
        for n, text in enumerate(pages)
        if "Dietary and medical notes for the caterer" in text and "Notes for the kitchen" in text
    )
    table = next(n for n, text in enumerate(pages) if "At the table: dietary" in text)
    for page in (caterer, table):
        fonts = fonts_drawing(pack, page)
        assert "NotoNastaliqUrdu-Regular" in fonts, (page, fonts)
        assert "NotoNaskhArabic-Regular" not in fonts, (page, fonts)
        assert "DroidSansFallback" not in fonts, (page, fonts)


def test_host_side_list_has_no_empty_role_column(data_dir: Path, tmp_path: Path) -> None:
    """No one on the host side has a role: the list says so by having no Role column."""
    import_document(data_dir, japan_document(), "japan")
    pages = page_texts(build_pack(data_dir, "jpo-2026", tmp_path / "pack.pdf"))
    hosts = next(text for text in pages if "Host-side participants Name" in text)
    listed = hosts.split("Host-side participants", 1)[1]
    assert listed.startswith(" Name Position 1. Mr. Jahangir Ahmed Tareen")


def test_programme_at_a_glance_sets_names_in_their_own_script(
    data_dir: Path, tmp_path: Path
) -> None:
    import_document(data_dir, japan_document(), "japan")
    out = tmp_path / "programme.pdf"
    assert main(["--data-dir", str(data_dir), "programme", "jpo-2026", "-o", str(out)]) == 0
    fonts = fonts_drawing(out, 0)
    assert "NotoNastaliqUrdu-Regular" in fonts, fonts
    assert "NotoNaskhArabic-Regular" not in fonts, fonts
    assert "DroidSansFallback" not in fonts, fonts
