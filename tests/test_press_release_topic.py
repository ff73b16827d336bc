"""The topic after the number (`PR No.211 Draft MoU between …`), drafted, edited and printed."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader

from visitdesk.cli import main
from visitdesk.domain.enums import OutcomeKind, OutcomeStatus
from visitdesk.services.press_release.record import edit_release, prepare_release
from visitdesk.services.visits import load_visit
from visitdesk.store.database import Store


def drafted_topic(store: Store) -> str | None:
    with store.transaction() as session:
        return prepare_release(
            session, load_visit(session, "sipo-2017-03"), redraft=True
        ).release.topic


def test_an_initialled_mou_is_a_draft_mou(example_store: Store) -> None:
    assert drafted_topic(example_store) == "Draft MoU between IPO-Pakistan and SIPO"


def test_a_signed_agreement_is_no_longer_a_draft(example_store: Store) -> None:
    with example_store.transaction() as session:
        mou = next(
            o
            for o in load_visit(session, "sipo-2017-03").outcomes
            if o.kind is OutcomeKind.AGREEMENT
        )
        mou.status = OutcomeStatus.SIGNED
    assert drafted_topic(example_store) == "MoU between IPO-Pakistan and SIPO"


def test_without_an_agreement_the_visit_is_the_topic(example_store: Store) -> None:
    with example_store.transaction() as session:
        visit = load_visit(session, "sipo-2017-03")
        for outcome in [o for o in visit.outcomes if o.kind is OutcomeKind.AGREEMENT]:
            visit.outcomes.remove(outcome)
    assert drafted_topic(example_store) == "Visit of the SIPO China delegation"


def test_an_edited_topic_is_kept_and_printed_literally(
    example_store: Store, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    topic = "Patents & designs <b>talks</b> with 中国"
    with example_store.transaction() as session:
        release = prepare_release(session, load_visit(session, "sipo-2017-03")).release
        assert edit_release(release, topic=topic) and release.edited
    data_dir = str(example_store.database_file.parent)  # type: ignore[union-attr]
    example_store.close()
    text_file, pdf_file = tmp_path / "pr.txt", tmp_path / "pr.pdf"
    assert (
        main(
            [
                "--data-dir",
                data_dir,
                "press-release",
                "sipo-2017-03",
                "-o",
                str(text_file),
                "--format",
                "txt",
            ]
        )
        == 0
    )
    assert main(["--data-dir", data_dir, "press-release", "sipo-2017-03", "-o", str(pdf_file)]) == 0
    capsys.readouterr()
    assert f"PR No.211 {topic}" in text_file.read_text(encoding="utf-8").splitlines()
    page = PdfReader(pdf_file).pages[0].extract_text()
    assert "Patents & designs <b>talks</b> with" in page
    assert page.index("PR No.211") < page.index("Patents & designs") < page.index("“Intellectual")
