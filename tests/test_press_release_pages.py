"""A release of two pages reads as the press expects: `-more-`, `Page N of M`, the contact last."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from pypdf import PdfReader

from visitdesk.documents.press_release_pdf import press_release_pdf
from visitdesk.documents.release_content import ReleaseContent

PARAGRAPHS = [
    "Minister for Industries Mr. Sajid Hussain received the delegation of the Korean "
    "Intellectual Property Office led by Commissioner 김용래 at the Ministry on April 14, 2026. "
    "The two sides reviewed their cooperation in patent examination since 2019.",
    "The delegation will visit the Lahore office on April 15, where it will meet 鈴木 一郎 of "
    "the Japan Patent Office. The joint statement in Urdu: پاکستان اور کوریا کے درمیان تعاون",
    "Both offices will exchange examiners for six months and train them together.",
]


def release(paragraphs: list[str]) -> ReleaseContent:
    return ReleaseContent(
        office_name="Intellectual Property Organization of Pakistan",
        number_label="PR No.17",
        dateline="Islamabad: April 14, 2026",
        topic="Patent examination with KIPO",
        headline="Pakistan and Korea to deepen cooperation in patent examination",
        paragraphs=paragraphs,
        office_city="Islamabad",
        media_contact="Ms. Hina Baig, Press Wing\n+92 51 111 476 111\npress@ipo.gov.pk",
    )


def pages(path: Path) -> list[list[str]]:
    return [
        [line.strip() for line in (page.extract_text() or "").splitlines() if line.strip()]
        for page in PdfReader(path).pages
    ]


def test_two_pages_say_more_and_page_n_of_m(tmp_path: Path) -> None:
    out = tmp_path / "long.pdf"
    out.write_bytes(press_release_pdf(release(PARAGRAPHS * 6)))
    first, second = pages(out)
    assert "-more-" in first and "Page 1 of 2" in first
    assert "-more-" not in second and "Page 2 of 2" in second
    assert "PR No.17" in second  # a loose second page still names its release
    # The contact follows the end mark, once, on the last page.
    assert second.index("*****") < second.index(
        "Media contact: Ms. Hina Baig, Press Wing, +92 51 111 476 111, press@ipo.gov.pk"
    )
    assert not any("Media contact" in line for line in first)


def test_one_page_has_no_page_number_and_no_more(tmp_path: Path) -> None:
    out = tmp_path / "short.pdf"
    out.write_bytes(press_release_pdf(release(PARAGRAPHS)))
    (only,) = pages(out)
    assert not any("Page" in line or "-more-" in line for line in only)
    assert only[-1].startswith("Media contact: Ms. Hina Baig")
    assert only[-2] == "*****"


def test_no_contact_line_without_a_contact(tmp_path: Path) -> None:
    out = tmp_path / "bare.pdf"
    out.write_bytes(press_release_pdf(replace(release(PARAGRAPHS), media_contact=" \n ")))
    (only,) = pages(out)
    assert only[-1] == "*****"
