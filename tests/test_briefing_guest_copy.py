"""A personal pack for a member of the delegation is a guest copy: the programme, venues,
logistics and people, never the host's preparation. A host's personal pack keeps only the
follow-ups that concern its reader."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.briefing_helpers import build_pack, import_document, page_texts, strings_in
from tests.briefing_visits import japan_document
from visitdesk.store.database import Store


def host_only_strings(document: dict[str, Any]) -> list[str]:
    """Everything of a visit that only the host side may read, as the file holds it."""
    found: list[str] = [p["bio"] for p in document["people"] if p.get("bio")]
    for visit in document["visits"]:
        found += [visit["notes"]] if visit.get("notes") else []
        for engagement in visit["engagements"]:
            for key in ("objectives", "notes"):
                if engagement.get(key):
                    found.append(engagement[key])
            found += engagement.get("talking_points", [])
        for outcome in visit.get("outcomes", []):
            found += [outcome[k] for k in ("title", "description", "next_step") if outcome.get(k)]
        found += [s["text"] for s in visit.get("statements", [])]
    return found


@pytest.fixture
def japan(data_dir: Path) -> Path:
    import_document(data_dir, japan_document(), "japan")
    return data_dir


def test_a_guest_copy_holds_none_of_the_host_s_brief(
    japan: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    document = japan_document()
    pages = page_texts(build_pack(japan, "jpo-2026", tmp_path / "guest.pdf", "--for", "suzuki"))
    assert "Wrote the guest copy for Ms. SUZUKI Hanako, version 1" in capsys.readouterr().out
    text = " ".join(pages)
    secret = host_only_strings(document)
    # Every piece of host-only text in the file carries the mark, so none escapes the search.
    assert sorted(secret) == sorted(set(strings_in(document, "HOST ONLY")))
    assert "HOST ONLY" not in text
    for heading in ("Objectives", "Talking points", "Background", "Outcomes so far", "Follow-ups"):
        assert heading not in text, heading
    # Others' biographies and health are not the reader's; her own details are.
    for other in ("No raw fish", "peanut", "Vegetarian", "Halal only", "Dietary and medical"):
        assert other not in text, other
    assert "Medical: Allergic to penicillin" in text
    # Marked on its cover and on every page's running header.
    assert "GUEST COPY" in pages[0]
    assert (
        "Prepared for Ms. SUZUKI Hanako, Director, International Cooperation Department"
        in (pages[0])
    )
    assert all("GUEST COPY · Ms. SUZUKI Hanako · version 1" in page for page in pages)
    # What a guest needs is all there: the programme, venues, people and the seating.
    for fact in (
        "Signing of the MoU on patent examination",
        "Jinnah Hall, Ministry of Commerce",
        "Serena Hotel",
        "Ms. Farah Qureshi",
        "Signing ceremony",
        "Seating plan",
    ):
        assert fact in text, fact


def test_the_example_s_guest_copy_leaks_nothing_either(
    example_store: Store, example_path: Path, data_dir: Path, tmp_path: Path
) -> None:
    example_store.close()
    document = json.loads(example_path.read_text("utf-8"))
    text = " ".join(
        page_texts(
            build_pack(data_dir, "sipo-2017-03", tmp_path / "g.pdf", "--for", "sipo-member-2")
        )
    )
    secret = host_only_strings(document)
    assert secret
    for piece in secret:
        # Texts wrap across lines: compare the first words, which a leak would carry.
        assert " ".join(piece.split()[:6]) not in text, piece


def test_a_host_s_personal_pack_has_only_the_follow_ups_that_concern_its_reader(
    japan: Path, tmp_path: Path
) -> None:
    pages = page_texts(build_pack(japan, "jpo-2026", tmp_path / "dg.pdf", "--for", "dg"))
    text = " ".join(pages)
    assert "GUEST COPY" not in text
    assert "Personal pack · Mr. Malik · version 1" in pages[1]
    followups = text[text.rindex("Follow-ups") :]
    # Owned by the reader, and agreed at an engagement the reader attends; not the Minister's.
    assert "send the examiner list" in followups
    assert "MoU on patent examination" in followups
    assert "brief the Cabinet" not in followups
    # The host's brief is the reader's to read.
    assert "HOST ONLY objective: have the MoU signed" in text
