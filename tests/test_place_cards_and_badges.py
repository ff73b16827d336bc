"""Place cards and name badges: what each sheet says (every name, native names in their
scripts, positions, organisations, band words), in which order, upright on both faces of a tent,
nothing cut; the app's refusals; the two commands, which write nothing when they fail."""

from __future__ import annotations

import re
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from pypdf import PdfReader

from tests.printed_visits import HOSTILE, LONG_NAME, NAMES, NATIVE, write_visit
from visitdesk.app import Desk, RefusedError
from visitdesk.app.documents import BadgeCategory, BadgeColours
from visitdesk.cli import main
from visitdesk.documents.printed_items import badges, place_cards
from visitdesk.services.printed_items import PrintedPerson

CONTROLS = "\u202a\u202b\u202c\u202d\u202e\u200e\u200f"


def poppler(*args: str) -> str:
    if shutil.which("pdftotext") is None:
        pytest.fail("these tests read PDFs with poppler's pdftotext: install poppler-utils")
    out = subprocess.run(["pdftotext", *args], capture_output=True, text=True, check=True)
    # poppler marks right-to-left runs with embedding controls; the text itself is logical.
    return "".join(c for c in out.stdout if c not in CONTROLS)


def page_texts(path: Path) -> list[str]:
    pages = len(PdfReader(path).pages)
    return [
        " ".join(poppler("-f", str(n), "-l", str(n), str(path), "-").split())
        for n in range(1, pages + 1)
    ]


Box = tuple[str, float, float, float, float]  # word, x0, y0 (from the top), x1, y1


def word_boxes(path: Path, page: int) -> list[Box]:
    html = poppler("-bbox", "-f", str(page), "-l", str(page), str(path), "-")
    pattern = (
        r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>'
    )
    return [
        (word, float(x0), float(y0), float(x1), float(y1))
        for x0, y0, x1, y1, word in re.findall(pattern, html)
    ]


@pytest.fixture
def desk(tmp_path: Path) -> Iterator[Desk]:
    opened = Desk.open(data_dir=tmp_path / "records", user="akhan")
    opened.exchange.import_file(write_visit(tmp_path / "trade.visit.json"))
    yield opened
    opened.close()


def _visit(desk: Desk) -> int:
    return desk.visits.id_of("trade-2026")


def _engagement(desk: Desk, ref: str) -> int:
    return next(r.id for r in desk.itinerary.rows(_visit(desk)) if r.ref == ref)


# Place cards ---------------------------------------------------------------------------------


def test_a_card_a_sheet_in_order_of_precedence_each_name_on_both_faces(
    desk: Desk, tmp_path: Path
) -> None:
    target = tmp_path / "cards.pdf"
    made = desk.documents.save_place_cards(_visit(desk), target)
    assert (made.count, made.pages, made.engagement) == (10, 10, False)
    reader = PdfReader(target)
    for page in reader.pages:  # A4 landscape
        assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == (842, 595)
    texts = page_texts(target)
    assert len(texts) == len(NAMES)
    for text, name in zip(texts, NAMES, strict=True):
        flat_name = " ".join(name.split())
        assert text.count(flat_name) == 2, (name, text)
        native = NATIVE.get(name)
        if native is None:  # a person without a native name: the name alone, twice
            assert text == f"{flat_name} {flat_name}"
        else:
            assert text.count(native) == 2, (native, text)


def test_the_upper_face_is_turned_so_it_reads_upright_once_folded(
    desk: Desk, tmp_path: Path
) -> None:
    target = tmp_path / "cards.pdf"
    desk.documents.save_place_cards(_visit(desk), target)
    height = 595.0
    # Mr. Ahmed Ranjha, 9th: on the lower face the words run left to right; on the upper face
    # (turned 180°) the same words run right to left across the page.
    words = [w for w in word_boxes(target, 9) if w[0] in ("Mr.", "Ahmed", "Ranjha")]
    lower = [w for w in words if w[2] > height / 2]
    upper = [w for w in words if w[4] < height / 2]
    assert [w[0] for w in sorted(lower, key=lambda w: w[1])] == ["Mr.", "Ahmed", "Ranjha"]
    assert [w[0] for w in sorted(upper, key=lambda w: w[1])] == ["Ranjha", "Ahmed", "Mr."]


def test_a_very_long_name_wraps_at_40_pt_or_more_and_stays_on_its_face(
    desk: Desk, tmp_path: Path
) -> None:
    target = tmp_path / "cards.pdf"
    desk.documents.save_place_cards(_visit(desk), target)
    width, height = 842.0, 595.0
    boxes = word_boxes(target, 2)
    assert " ".join(w[0] for w in boxes if w[2] > height / 2) == LONG_NAME
    for word, x0, y0, x1, y1 in boxes:
        assert x0 > 20 and x1 < width - 20, word  # never cut at the sides
        # Each word wholly on one face, clear of the fold and of the sheet's edges.
        assert (y1 < height / 2 - 5 and y0 > 10) or (y0 > height / 2 + 5 and y1 < height - 10)
    block = place_cards.face(desk_person(desk, LONG_NAME))
    assert block.scale * place_cards.NAME.size >= 40


def desk_person(desk: Desk, name: str) -> PrintedPerson:
    from visitdesk.services.printed_items import printed_set

    printed = desk.read(lambda s: printed_set(s, _visit(desk)))
    return next(p for p in printed.people if p.name == " ".join(name.split()))


def test_an_ordinary_name_is_set_at_60_pt_on_one_line(desk: Desk) -> None:
    block = place_cards.face(desk_person(desk, "Dr. KIM Min-jun"))
    assert block.scale == 1.0 and place_cards.NAME.size == 60
    assert [line.text for line, _style, _gap in block.lines] == ["Dr. KIM Min-jun", "김민준"]


def test_one_engagement_gives_its_attendees_as_its_seating_plan_numbers_them(
    desk: Desk, tmp_path: Path
) -> None:
    target = tmp_path / "talks.pdf"
    made = desk.documents.save_place_cards(
        _visit(desk), target, engagement_id=_engagement(desk, "talks")
    )
    assert (made.count, made.title, made.engagement) == (
        5,
        "Talks at the Ministry of Commerce",
        True,
    )
    # The delegation (leader first) then the hosts, each by precedence, whatever order the
    # attendees were entered in.
    expected = ["H.E. Mr. WANG Li", "Dr. KIM Min-jun", "Ms. CHEN Mei"]
    expected += ["Engr. Khurram Dastgir Khan", "Mr. Ahmed Ranjha"]
    texts = page_texts(target)
    assert [[n for n in NAMES if n in text] for text in texts] == [[n] for n in expected]


def test_hostile_text_is_printed_as_typed(desk: Desk, tmp_path: Path) -> None:
    cards = tmp_path / "cards.pdf"
    desk.documents.save_place_cards(_visit(desk), cards)
    assert page_texts(cards)[6] == f"{HOSTILE} {HOSTILE}"
    sheet = tmp_path / "badges.pdf"
    desk.documents.save_badges(_visit(desk), sheet)
    text = page_texts(sheet)[0]
    assert HOSTILE in text and "<i>Adviser</i> & more" in text


def test_nobody_to_print_is_refused_in_a_sentence(desk: Desk) -> None:
    with pytest.raises(RefusedError) as refused:
        desk.documents.place_cards(_visit(desk), _engagement(desk, "empty"))
    assert str(refused.value) == (
        "Nobody takes part in the engagement “Wreath laying” yet, so there are no place cards "
        "to print. Add the delegation or the attendees first."
    )


# Badges ----------------------------------------------------------------------------------------


def test_badges_ten_a_sheet_each_with_its_band_name_native_name_position_organisation(
    desk: Desk, tmp_path: Path
) -> None:
    target = tmp_path / "badges.pdf"
    made = desk.documents.save_badges(_visit(desk), target)
    assert (made.count, made.pages) == (10, 1)
    text = page_texts(target)[0]
    for name in NAMES:
        assert " ".join(name.split()) in " ".join(text.split()) or name == LONG_NAME, name
    for native in NATIVE.values():
        assert native in text
    for line in (
        "Vice Minister of Commerce",
        "Ministry of Commerce of the People's Republic of China (MOFCOM)",
        "Korea Trade-Investment Promotion Agency (KOTRA)",
        "Embassy of Japan",
        "Federal Minister for Commerce",
        "Ministry of Commerce (MoC)",
        "Security Officer",
    ):
        assert line in text, line
    # A member without an organisation gets none: not the delegation's country (China here),
    # a guess that is wrong for an observer from elsewhere.
    assert desk_person(desk, HOSTILE).organisation is None
    # The band words, read from the top left across then down, as the badges are laid out.
    bands = [w for w in word_boxes(target, 1) if w[0].isupper() and len(w[0]) > 3]
    bands.sort(key=lambda w: (round(w[2]), w[1]))
    words = [w[0] for w in bands if w[0] in {c.value.upper() for c in BadgeCategory}]
    assert words == ["DELEGATION"] * 5 + ["INTERPRETER", "DELEGATION", "HOST", "HOST", "STAFF"]


def test_the_name_is_the_largest_text_on_a_badge(desk: Desk) -> None:
    person = desk_person(desk, "Ms. SUZUKI Hanako")
    block = badges.badge_block(person, 200, 100)
    sizes = [style.size for _line, style, _gap in block.lines]
    assert sizes[0] == max(sizes) and sizes.count(sizes[0]) == 1


def _pixel(ppm: bytes, x: int, y: int) -> tuple[int, int, int]:
    """The colour at (x, y) of a binary PPM as pdftoppm writes it."""
    header = re.match(rb"P6\s+(\d+)\s+(\d+)\s+255\s", ppm)
    assert header is not None
    width = int(header.group(1))
    offset = header.end() + 3 * (y * width + x)
    return ppm[offset], ppm[offset + 1], ppm[offset + 2]


def test_band_colours_are_a_setting_with_protocol_defaults(desk: Desk, tmp_path: Path) -> None:
    target = tmp_path / "badges.pdf"
    colours = BadgeColours.of({BadgeCategory.STAFF: "#ff8800"})
    desk.documents.save_badges(_visit(desk), target, colours=colours)
    prefix = tmp_path / "sheet"
    subprocess.run(["pdftoppm", "-r", "72", str(target), str(prefix)], check=True)
    ppm = next(tmp_path.glob("sheet*.ppm")).read_bytes()
    # 72 dpi: one pixel a point. The bands are 11 mm across the top of each 90 x 55 mm badge,
    # from 15 mm in and 11 mm up; sample 3 mm under a band's top, clear of its word.
    mm = 72 / 25.4

    def band(row: int, column: int) -> tuple[int, int, int]:
        x = 15 * mm + column * 90 * mm + 5 * mm
        y = 11 * mm + row * 55 * mm + 3 * mm  # from the top of the page
        return _pixel(ppm, round(x), round(y))

    def near(a: tuple[int, int, int], hexa: str) -> bool:
        b = tuple(int(hexa[i : i + 2], 16) for i in (1, 3, 5))
        return all(abs(p - q) <= 3 for p, q in zip(a, b, strict=True))

    assert near(band(0, 0), "#B3262E")  # the delegation, by default
    assert near(band(2, 1), "#6A3D9A")  # the interpreter
    assert near(band(3, 1), "#1F4E9E")  # the host
    assert near(band(4, 1), "#FF8800")  # staff, in the colour asked for
    with pytest.raises(RefusedError, match="'orange' is not a colour"):
        desk.documents.badges(_visit(desk), colours=BadgeColours({BadgeCategory.HOST: "orange"}))


def test_more_than_ten_people_take_a_second_sheet(desk: Desk) -> None:
    from visitdesk.services.printed_items import PrintedSet, printed_set

    printed = desk.read(lambda s: printed_set(s, _visit(desk)))
    eleven = PrintedSet("v", "Visit", None, (*printed.people, printed.people[0]))
    data, pages = badges.badges_pdf(eleven, BadgeColours())
    assert pages == 2 and data.startswith(b"%PDF")


# The commands ----------------------------------------------------------------------------------


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_the_commands_write_cards_and_badges(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    d = ("--data-dir", str(tmp_path / "data"))
    run(capsys, *d, "import", str(write_visit(tmp_path / "trade.visit.json")))
    cards = tmp_path / "cards.pdf"
    code, out, err = run(
        capsys, *d, "place-cards", "trade-2026", "--engagement", "talks", "-o", str(cards)
    )
    assert code == 0, err
    assert out.strip() == (
        "Wrote 5 place cards for “Talks at the Ministry of Commerce” of trade-2026 "
        f"(5 sheets of A4) to {cards}"
    )
    sheet = tmp_path / "badges.pdf"
    code, out, err = run(capsys, *d, "badges", "trade-2026", "-o", str(sheet))
    assert code == 0, err
    assert out.strip() == f"Wrote 10 badges for trade-2026 (1 sheet of A4) to {sheet}"
    assert "H.E. Mr. WANG Li" in page_texts(sheet)[0]


def test_a_failing_command_says_why_in_a_sentence_and_writes_nothing(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    d = ("--data-dir", str(tmp_path / "data"))
    run(capsys, *d, "import", str(write_visit(tmp_path / "trade.visit.json")))
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    target = str(out_dir / "cards.pdf")
    failures = [
        (("place-cards", "nope", "-o", target), "There is no visit 'nope'"),
        (
            ("place-cards", "trade-2026", "--engagement", "dinner", "-o", target),
            "The visit trade-2026 has no engagement 'dinner'. Its engagements are: talks, empty.",
        ),
        (
            ("place-cards", "trade-2026", "--engagement", "empty", "-o", target),
            "Nobody takes part in the engagement “Wreath laying” yet",
        ),
        (
            ("badges", "trade-2026", "--colour", "staff=orange", "-o", target),
            "'orange' is not a colour. Give it as #RRGGBB",
        ),
        (
            ("badges", "trade-2026", "--colour", "guards=#112233", "-o", target),
            "There is no badge category 'guards'; the categories are host, delegation, "
            "interpreter, staff.",
        ),
        (("badges", "trade-2026", "-o", str(out_dir / "missing" / "b.pdf")), "does not exist"),
    ]
    for args, sentence in failures:
        code, out, err = run(capsys, *d, *args)
        assert code != 0 and sentence in err and out == "", (args, err)
        assert err.count("\n") == 1 and "Traceback" not in err
    assert list(out_dir.rglob("*")) == []

    older = out_dir / "cards.pdf"
    older.write_bytes(b"the cards printed yesterday")

    def broken(*args: object) -> None:
        raise RuntimeError("the disk filled up")

    monkeypatch.setattr(place_cards, "_draw_card", broken)
    code, _out, err = run(capsys, *d, "place-cards", "trade-2026", "-o", str(older))
    assert code != 0 and "RuntimeError" in err
    assert older.read_bytes() == b"the cards printed yesterday"
    assert [p.name for p in out_dir.iterdir()] == ["cards.pdf"]  # no .part left behind
