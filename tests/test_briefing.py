"""The briefing pack as an officer gets it from `visitdesk briefing-pack`, read from the PDF."""

from __future__ import annotations

import base64
import io
import json
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from visitdesk.cli import main
from visitdesk.domain.models import Engagement, Person
from visitdesk.store.database import Store

VISIT = "sipo-2017-03"
HOSTILE = "<b>bold?</b> &amp; R&D </para> 😀 "
LONG = "The cooperation in patent examination continues. " * 100  # 5,000 characters


def photo_png(size: tuple[int, int] = (900, 1200)) -> str:
    """A real picture, larger than the pack needs, so that scaling it down is observable."""
    from PIL import Image

    image = Image.new("RGB", size, (180, 140, 120))
    out = io.BytesIO()
    image.save(out, "PNG")
    return base64.b64encode(out.getvalue()).decode()


def rich_document(example_path: Path) -> dict[str, Any]:
    """The example with Japanese and Urdu names, an interpreter, a photo, hostile text, and an
    earlier visit between IPO-Pakistan and SIPO (the history of the relationship)."""
    doc: dict[str, Any] = json.loads(example_path.read_text(encoding="utf-8"))
    doc["people"][0].update(
        bio=HOSTILE + LONG,
        dietary="No pork & no alcohol",
        medical="Allergic to penicillin",
        photo={"media_type": "image/png", "data": photo_png()},
    )
    doc["people"] += [
        {
            "id": "suzuki",
            "honorific": "Mr.",
            "given_name": "Ichiro",
            "family_name": "Suzuki",
            "family_name_first": True,
            "native_name": "鈴木一郎",
            "position": "Interpreter",
            "organisation": "sipo",
            "precedence": 9,
        },
        {
            "id": "imran",
            "honorific": "Mr.",
            "given_name": "Imran",
            "family_name": "Khan",
            "native_name": "عمران خان",
            "position": "Deputy Director",
            "organisation": "ipo",
            "precedence": 4,
        },
    ]
    visit = doc["visits"][0]
    visit["delegation"]["members"].append({"person": "suzuki", "role": "interpreter"})
    visit["host_participants"] = ["imran"]
    talks = visit["engagements"][0]
    talks["guest_attendees"].append("suzuki")
    talks["host_attendees"].append("imran")
    talks["talking_points"] = ["ہم تعاون کو خوش آمدید کہتے ہیں", HOSTILE, LONG]
    earlier = {
        "id": "sipo-2015",
        "title": "Earlier visit of SIPO",
        "direction": "incoming",
        "host_organisation": "ipo",
        "guest_organisation": "sipo",
        "city": "Islamabad",
        "start_date": "2015-05-11",
        "end_date": "2015-05-12",
        "status": "concluded",
        "delegation": {"leader": "he-zhimin", "members": ["he-zhimin"]},
        "engagements": [
            {
                "id": "first-talks",
                "kind": "office_visit",
                "title": "First talks on patent cooperation",
                "start": "2015-05-11T10:00",
                "end": "2015-05-11T11:00",
                "venue": "IPO-Pakistan Head Office",
                "city": "Islamabad",
                "organisation": "ipo",
                "host_attendees": ["rashid"],
                "guest_attendees": ["he-zhimin"],
            }
        ],
        "outcomes": [
            {
                "engagement": "first-talks",
                "kind": "decision",
                "title": "Exchange examiners for training",
                "status": "done",
            }
        ],
    }
    doc["visits"].append(earlier)
    return doc


@pytest.fixture
def rich_store(store: Store, example_path: Path, tmp_path: Path) -> Store:
    from visitdesk.services.exchange.importer import import_file

    source = tmp_path / "rich.visit.json"
    source.write_text(json.dumps(rich_document(example_path), ensure_ascii=False), "utf-8")
    import_file(store, source)
    return store


def build(data_dir: Path, out: Path, *extra: str, capsys: Any = None) -> int:
    return main(["--data-dir", str(data_dir), "briefing-pack", VISIT, "-o", str(out), *extra])


def pages_of(path: Path) -> list[str]:
    return [page.extract_text() or "" for page in PdfReader(path).pages]


def flat(text: str) -> str:
    return " ".join(text.split())


def brief_page(pages: list[str], title: str) -> str:
    """The text of the brief titled `title`, up to the next one (briefs share pages)."""
    text = flat(" ".join(pages))
    parts = re.split(r"(?=ENGAGEMENT \d+ OF \d+ ·)", text)
    for part in parts[1:]:
        head = part[: 200 + len(title)]
        if title in head:
            return part
    raise AssertionError(f"no brief for {title!r}")


def outline_titles(path: Path) -> list[Any]:
    def walk(items: list[Any]) -> list[Any]:
        return [walk(item) if isinstance(item, list) else item.title for item in items]

    return walk(PdfReader(path).outline)


@pytest.fixture
def example_pack(example_store: Store, data_dir: Path, tmp_path: Path) -> Path:
    example_store.close()
    out = tmp_path / "pack.pdf"
    assert build(data_dir, out) == 0
    return out


def test_every_engagement_has_a_brief_with_its_time_and_venue(example_pack: Path) -> None:
    pages = pages_of(example_pack)
    expected = {
        "Talks at IPO-Pakistan and initialling of the draft MoU": (
            "Tuesday 21 March 2017, 10:00–12:30",
            "IPO-Pakistan Head Office, Islamabad",
        ),
        "Visit to COMSATS": ("15:00–16:30", "COMSATS University, Park Road, Islamabad"),
        "Meeting with the Minister for Commerce": (
            "Wednesday 22 March 2017, 11:00–12:00",
            "Ministry of Commerce, Block A, Pak Secretariat, Islamabad",
        ),
        "Visit to NUST": ("15:00–16:30", "NUST H-12 Campus, Islamabad"),
    }
    for title, (when, where) in expected.items():
        brief = brief_page(pages, title)
        assert when in brief and where in brief, title
    glance = flat(next(p for p in pages if "Time Engagement Venue Host side Guest side" in p))
    assert glance.index("Day 1 · Tuesday 21 March 2017") < glance.index("10:00–12:30")
    assert glance.index("Day 2 · Wednesday 22 March 2017") < glance.index("11:00–12:00")


def test_every_page_carries_the_marking_top_and_bottom_and_page_n_of_m(example_pack: Path) -> None:
    pages = pages_of(example_pack)
    total = len(pages)
    assert total >= 8
    for number, text in enumerate(pages, start=1):
        lines = [line.strip() for line in text.splitlines() if line.strip()]
        assert f"Page {number} of {total}" in lines, number
        assert lines.count("RESTRICTED") >= 2, number
        assert "Visit of the SIPO China delegation" in text, number


def test_cover_says_for_whom_date_version_and_classification(example_pack: Path) -> None:
    cover = flat(pages_of(example_pack)[0])
    for fact in (
        "BRIEFING PACK",
        "Visit of the SIPO China delegation",
        "Intellectual Property Organization of Pakistan",
        "Islamabad, 21–22 March 2017",
        "Prepared for All principals of the visit",
        "Full pack: all 4 engagements of the programme",
        "Version 1",
        "Classification RESTRICTED",
    ):
        assert fact in cover, fact


def test_bookmarks_and_contents_point_to_every_part(example_pack: Path) -> None:
    assert outline_titles(example_pack) == [
        "Contents",
        "Programme at a glance",
        ["Day 1 · Tuesday 21 March 2017", "Day 2 · Wednesday 22 March 2017"],
        "Engagement briefs",
        [
            "1. Talks at IPO-Pakistan and initialling of the draft MoU",
            "2. Visit to COMSATS",
            "3. Meeting with the Minister for Commerce",
            "4. Visit to NUST",
        ],
        "The delegation",
        ["Host-side participants"],
        "Follow-ups",
    ]
    reader = PdfReader(example_pack)
    pages = pages_of(example_pack)
    contents = flat(pages[1])
    for item in reader.outline:
        if isinstance(item, list) or item.title == "Contents":
            continue
        index = reader.get_destination_page_number(item)
        title = str(item.title)
        assert index is not None
        # The contents line gives the page the bookmark goes to, and that page shows the title.
        assert re.search(re.escape(title) + rf" {index + 1}\b", contents), title
        if title == "Engagement briefs":  # no heading of its own: the first brief's page
            assert "ENGAGEMENT 1 OF 4" in pages[index]
        else:
            assert title in flat(pages[index])


def test_attendees_are_listed_in_order_of_precedence(
    example_store: Store, data_dir: Path, tmp_path: Path
) -> None:
    with example_store.transaction() as session:
        # Recorded order stays Khan, Ranjha, Rashid; precedence now puts Rashid before Ranjha.
        ranjha = session.scalar(select(Person).where(Person.ref == "ranjha"))
        assert ranjha is not None
        ranjha.precedence = 7
    example_store.close()
    out = tmp_path / "pack.pdf"
    assert build(data_dir, out) == 0
    brief = brief_page(pages_of(out), "Meeting with the Minister for Commerce")
    host = brief[brief.index("Host side (3)") : brief.index("Guest side (2)")]
    order = [host.index(n) for n in ("Khurram Dastgir Khan", "Shahid Rashid", "Azmat Ali Ranjha")]
    assert order == sorted(order)
    guest = brief[brief.index("Guest side (2)") :]
    assert guest.index("Dr. HE Zhimin") < guest.index("Mr. ZHANG Wei")


def test_a_personal_pack_holds_exactly_that_person_s_engagements(
    example_store: Store, data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    example_store.close()
    out = tmp_path / "rashid.pdf"
    assert build(data_dir, out, "--for", "rashid") == 0
    assert "personal pack of Mr. Shahid Rashid" in capsys.readouterr().out
    pages = pages_of(out)
    briefs = outline_titles(out)[4]
    assert briefs == [
        "1. Talks at IPO-Pakistan and initialling of the draft MoU",
        "2. Meeting with the Minister for Commerce",
    ]
    text = flat(" ".join(pages))
    assert "Visit to COMSATS" not in text and "Visit to NUST" not in text
    cover = flat(pages[0])
    assert "Prepared for Mr. Shahid Rashid, Chairman" in cover
    assert "Personal pack: only the 2 engagements that Mr. Shahid Rashid attends" in cover
    # The running header names the reader and the version in full on every page.
    assert all("Personal pack · Mr. Rashid · version 1" in flat(page) for page in pages)


def test_each_build_raises_the_version_and_a_failed_one_does_not(
    example_store: Store, data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    example_store.close()
    out = tmp_path / "pack.pdf"
    assert build(data_dir, out) == 0
    assert build(data_dir, out, "--for", "nobody") == 1
    assert "There is no person 'nobody'." in capsys.readouterr().err
    assert build(data_dir, out, "--classification", "SECRET") == 0
    assert "version 2" in capsys.readouterr().out
    pages = pages_of(out)
    assert "Version 2" in flat(pages[0])
    for text in pages:
        assert [line.strip() for line in text.splitlines()].count("SECRET") >= 2
        assert "RESTRICTED" not in text


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (["--classification", "   "], "The classification is empty."),
        (["--classification", "X" * 61], "at most 60"),
        (["--for", "he-zhimin", "--classification", "A\nB"], None),
    ],
)
def test_classification_is_checked(
    example_store: Store,
    data_dir: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    extra: list[str],
    message: str | None,
) -> None:
    example_store.close()
    out = tmp_path / "pack.pdf"
    code = build(data_dir, out, *extra)
    if message is None:  # a line break in the marking is folded into one line
        assert code == 0
        assert "A B" in pages_of(out)[1]
    else:
        assert code == 1
        assert message in capsys.readouterr().err
        assert not out.exists()


def test_plain_errors_for_what_an_officer_can_get_wrong(
    example_store: Store, data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    example_store.close()
    args = ["--data-dir", str(data_dir), "briefing-pack"]
    assert main([*args, "nope", "-o", str(tmp_path / "x.pdf")]) == 1
    assert main([*args, VISIT, "-o", str(tmp_path / "missing" / "x.pdf")]) == 1
    assert main([*args, VISIT, "-o", str(tmp_path)]) == 1
    err = capsys.readouterr().err
    assert "There is no visit 'nope'." in err
    assert "does not exist" in err and "is a folder" in err
    assert "Traceback" not in err


def test_missing_parts_leave_no_empty_heading(example_pack: Path) -> None:
    pages = pages_of(example_pack)
    comsats = brief_page(pages, "Visit to COMSATS")
    for heading in ("Objectives", "Talking points", "Host side", "Background", "Seating plan"):
        assert heading not in comsats, heading
    talks = brief_page(pages, "Meeting with the Minister for Commerce")
    assert "Talking points 1. Pakistan would like to learn from China" in talks
    assert "2. Use of information technology" in talks
    assert "Seating plan" in talks  # a meeting across a table, both sides present


def test_names_in_chinese_japanese_and_urdu_and_hostile_text(
    rich_store: Store, data_dir: Path, tmp_path: Path
) -> None:
    with rich_store.transaction() as session:
        nust = session.scalar(select(Engagement).where(Engagement.ref == "nust-visit"))
        assert nust is not None
        nust.objectives = HOSTILE + LONG
        nust.title = "Visit to NUST <i>&</i> " + "x" * 600  # longer than any heading
    rich_store.close()
    out = tmp_path / "rich.pdf"
    assert build(data_dir, out) == 0
    text = flat(" ".join(pages_of(out)))
    for name in ("何志敏", "张伟", "鈴木一郎", "国家知识产权局"):
        assert name in text, name
    assert "<b>bold?</b> &amp; R&D </para>" in text
    assert "Visit to NUST <i>&</i>" in text
    assert "Dietary: No pork & no alcohol" in text
    # Three 5,000-character fields (bio, talking point, objectives) print whole, across pages
    # (a page's running header may fall inside a sentence, hence the margin).
    assert text.count("The cooperation in patent examination continues.") >= 290
    if shutil.which("pdftotext") is None:
        pytest.skip("needs poppler-utils (pdftotext) for right-to-left extraction")
    logical = subprocess.run(
        ["pdftotext", str(out), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "عمران خان" in logical
    assert "ہم تعاون کو خوش آمدید کہتے ہیں" in logical


def test_background_history_seating_and_interpreter(
    rich_store: Store, data_dir: Path, tmp_path: Path
) -> None:
    rich_store.close()
    out = tmp_path / "rich.pdf"
    assert build(data_dir, out) == 0
    pages = pages_of(out)
    talks = brief_page(pages, "Talks at IPO-Pakistan and initialling of the draft MoU")
    assert "Background: the relationship so far" in talks
    assert "11 May 2015 · First talks on patent cooperation (Office visit)" in talks
    assert "Decision — Exchange examiners for training (Done)." in talks
    assert "Seating plan" in talks and "Interpreter" in talks
    # COMSATS is an organisation SIPO never met before: no background.
    assert "Background" not in brief_page(pages, "Visit to COMSATS")


def test_delegation_with_photo_scaled_down_and_host_side(
    rich_store: Store, data_dir: Path, tmp_path: Path
) -> None:
    rich_store.close()
    out = tmp_path / "rich.pdf"
    assert build(data_dir, out) == 0
    reader = PdfReader(out)
    start = next(
        i
        for i, p in enumerate(reader.pages)
        if "Members in order of precedence" in p.extract_text()
    )
    page = reader.pages[start]
    text = flat(" ".join(p.extract_text() for p in reader.pages[start:]))
    assert text.index("1. Dr. HE Zhimin") < text.index("2. Mr. ZHANG Wei")
    assert text.index("2. Mr. ZHANG Wei") < text.index("3. Mr. SUZUKI Ichiro")
    assert "何志敏" in text and "Medical: Allergic to penicillin" in text
    images = list(page.images)
    assert len(images) == 1
    picture = images[0].image
    assert picture is not None
    width, height = picture.size
    assert max(width, height) <= 320  # the 900×1200 photo was scaled before embedding
    assert "Host-side participants" in text and "Mr. Imran Khan" in text


def test_progress_is_reported_up_to_the_end(example_store: Store, tmp_path: Path) -> None:
    from visitdesk.documents.briefing import build_briefing_pack

    seen: list[tuple[int, int]] = []
    with example_store.transaction() as session:
        result = build_briefing_pack(
            session, VISIT, tmp_path / "p.pdf", progress=lambda d, t: seen.append((d, t))
        )
    assert result.pages == len(PdfReader(tmp_path / "p.pdf").pages)
    assert seen[-1] == (100, 100)
    done = [d for d, _ in seen]
    assert done == sorted(done) and len(done) > 10
