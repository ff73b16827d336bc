"""Releases of visits the drafting was not tuned on read as a press officer writes them.

Articles, second mentions, abbreviations, offers and directives are decided by rule from the
record; these tests read the sentences of four made-up visits and the rules themselves.
"""

from __future__ import annotations

from datetime import date, time

import pytest

from tests.release_visits import (
    DAY_2,
    engagement,
    japanese_visit,
    lahore_visit,
    saudi_visit,
    seoul_visit,
    silent_visit,
    uae_visit,
)
from visitdesk.domain.enums import EngagementKind, OrganisationKind, Side
from visitdesk.services.press_release import draft_press_release
from visitdesk.services.press_release.grammar import (
    indefinite,
    is_plural,
    join,
    takes_article,
    with_indefinite,
)


def test_japanese_signing_offers_and_directives_read_as_sentences() -> None:
    body = draft_press_release(japanese_visit(), on=date(2024, 5, 9)).body
    assert (
        "JICA offered training for twenty engineers to the Karachi Water and Sewerage "
        "Corporation." in body
    )
    # An instruction is a direction; a noun phrase is what to work on; no list of `directions`.
    assert (
        "The Federal Minister directed Dr. Niaz to prepare a plan for the second phase of the "
        "project by June. He further instructed Dr. Niaz to work on regular progress reviews "
        "with JICA." in body
    )
    assert "following direction" not in body and ":" not in body
    # Family-name-first guests: in full with the family name in capitals once, then `Mr. Suzuki`.
    assert body.count("SUZUKI Ichiro") == 1
    assert "Mr. Suzuki said that JICA would continue" in body
    assert "H.E. Mr. Suzuki" not in body  # the style of rank is not repeated
    # The Minister once in full, then by the title of his office.
    assert body.count("Mr. Ahmad Ali Khan") == 1
    assert "Speaking on the occasion, the Federal Minister said that the grant" in body


def test_outgoing_visit_to_seoul() -> None:
    draft = draft_press_release(seoul_visit(), on=date(2025, 10, 16))
    first = draft.paragraphs[0]
    assert first == (
        "This was said by Mr. Tanveer Rana, Minister for Commerce, leading a Pakistani "
        "delegation, in a meeting with the Commissioner of the Korean Intellectual Property "
        "Office (KIPO), Mr. KIM Yong-rae, on October 14. Dr. PARK Ji-woo, Director General, "
        "International Cooperation, KIPO, was also present in the meeting."
    )
    assert draft.city == "Seoul"
    body = draft.body
    assert "Mr. Kim said that KIPO was ready to share its experience" in body
    assert "The two sides agreed on an exchange of patent examiners in 2026." in body
    # A university named after its city takes no article; an office does.
    assert draft.paragraphs[-1] == (
        "During the two-day visit, the delegation held meetings with KIPO and visited Seoul "
        "National University."
    )
    assert "(SNU)" not in body and "the Seoul National" not in body


def test_one_engagement_saudi_visit_with_an_arabic_name() -> None:
    draft = draft_press_release(saudi_visit())
    assert draft.paragraphs == [
        "A delegation of the Saudi Authority for Intellectual Property led by its Chief "
        "Executive Officer, H.E. Dr. Abdulaziz bin Mohammed Al-Swailem, called on the Minister "
        "for Commerce, Mr. Jam Kamal.",
        "Dr. Al-Swailem said that Saudi Arabia valued its long partnership with Pakistan.",
    ]
    assert "(SAIP)" not in draft.body  # never used again, so never introduced
    assert draft.date == date(2026, 2, 3)


def test_visit_with_no_statements() -> None:
    draft = draft_press_release(silent_visit(), on=date(2026, 4, 20))
    assert draft.headline == "Visit of Tsinghua University academics"
    assert draft.lead_quote is None
    assert draft.paragraphs == [
        "Chairman of the Higher Education Commission (HEC), Dr. Mukhtar Ahmed Mukhtar received "
        "Chinese academics led by Prof. LI Wei, Vice-President of Tsinghua University, on April "
        "14. Ms. Ayesha Shah, Director General, Academics, HEC, was also present in the meeting.",
        "The Memorandum of Understanding on faculty exchange was signed. Tsinghua University "
        "offered scholarships for ten PhD students. Summer school places for 30 students were "
        "also offered.",
        "During the two-day visit, the delegation held meetings with HEC and visited the "
        "National University of Sciences and Technology.",
    ]


def test_agreement_pronouns_and_one_subject_for_what_was_agreed() -> None:
    """A woman Minister is `she`; plural agreements take plural verbs; decisions and actions
    share one subject; the afternoon press conference is ahead of a noon release."""
    draft = draft_press_release(uae_visit(), on=date(2026, 6, 1), at=time(12, 0))
    assert draft.paragraphs[0] == (
        "Minister of State for Commerce, Ms. Zartaj Bukhari received a UAE trade delegation led "
        "by H.E. Abdulla bin Touq Al Mansoori, Minister of Economy, Department of Economic "
        "Development. Joint Secretary of the Ministry of Commerce Ahmed Raza was also present "
        "in the meeting."
    )
    body = draft.body
    assert (
        "Ms. Bukhari said that Pakistan welcomes investment from the UAE. She added that the two "
        "countries would set up a joint business council." in body
    )
    assert (
        "The agreements on trade and customs cooperation have been drafted. They will be vetted "
        "by the Ministry of Law. Technical assistance was also offered to the Board of "
        "Investment. Ms. Bukhari directed Raza to ensure early conclusion of the investment "
        "treaty. She further instructed Raza to finalise the draft within a month. The two "
        "sides also decided to hold the next session in Abu Dhabi and agreed on a joint working "
        "group on logistics." in body
    )
    assert draft.paragraphs[-1] == "The delegation will address a press conference later today."
    assert "ready to invest" not in body
    evening = draft_press_release(uae_visit(), on=date(2026, 6, 1)).body
    assert "At a joint press conference later in the day, Al Mansoori said, “The UAE is ready" in (
        evening
    )


def test_plural_delegation_agrees_with_its_verb() -> None:
    visit = silent_visit()
    draft = draft_press_release(visit, on=visit.start_date, at=time(8, 0))
    assert draft.paragraphs[0] == (
        "Chinese academics led by Prof. LI Wei, Vice-President of Tsinghua University, arrive "
        "in Islamabad today on a two-day visit."
    )
    visit.delegation_description = "university delegation"
    draft = draft_press_release(visit, on=visit.start_date, at=time(8, 0))
    assert draft.paragraphs[0].startswith("A university delegation led by Prof. LI Wei")
    assert "Tsinghua University, arrives in Islamabad today on a two-day visit." in draft.body


def test_korean_business_delegation_in_lahore() -> None:
    draft = draft_press_release(lahore_visit(), on=date(2026, 9, 10))
    body = draft.body
    # A unique office named first in a longer title: `the Governor` after the first mention.
    assert "The Governor said that the province would give Korean firms" in body
    assert "Sardar Haider" not in body
    # The owner of a direction takes the article of a title in object position.
    assert (
        "The Governor directed the President of the Lahore Chamber of Commerce and Industry "
        "(LCCI), Mr. Kashif Butt, to set up a facilitation desk for Korean investors." in body
    )
    # An engagement of no particular kind is told by its title, the same day as `in the day`.
    assert (
        "Later in the day, the delegation attended a business roundtable at the LCCI. Speaking "
        "on the occasion, Mr. Butt said that the LCCI would send a trade mission" in body
    )
    assert (
        "Later, on September 9, the delegation visited the University of the Punjab (PU), where "
        "the MoU on a Korean language centre was signed." in body
    )
    assert "KOTRA offered ten scholarships to PU students." in body
    assert draft.paragraphs[-1] == (
        "During the two-day visit, the delegation called on the Governor and visited PU."
    )
    assert draft.topic == "MoU on a Korean language centre"


def test_second_mentions_are_the_same_for_everyone() -> None:
    """Everyone named twice is named in full once; the full form never comes back."""
    visit = japanese_visit()
    body = draft_press_release(visit, on=DAY_2).body
    for person in {id(p): p for e in visit.engagements for p in e.attendee_people}.values():
        assert body.count(person.display_name) <= 1, person.display_name


@pytest.mark.parametrize(
    ("word", "article"),
    [
        ("MoU", "an"),
        ("NGO", "an"),
        ("UN", "a"),
        ("university", "a"),
        ("hour-long", "an"),
        ("one-year", "a"),
        ("8-week", "an"),
        ("two-year", "a"),
        ("exchange", "an"),
        ("European", "a"),
        ("IT", "an"),
    ],
)
def test_a_or_an_by_sound(word: str, article: str) -> None:
    assert indefinite(word) == article


@pytest.mark.parametrize(
    ("name", "kind", "the"),
    [
        ("Ministry of Commerce", OrganisationKind.MINISTRY, True),
        ("National University of Sciences and Technology", OrganisationKind.UNIVERSITY, True),
        ("Japan International Cooperation Agency", OrganisationKind.GOVERNMENT_AGENCY, True),
        ("Saudi Authority for Intellectual Property", OrganisationKind.GOVERNMENT_AGENCY, True),
        ("Embassy of Japan", OrganisationKind.EMBASSY, True),
        ("IPO-Pakistan", OrganisationKind.GOVERNMENT_AGENCY, False),
        ("NUST", OrganisationKind.UNIVERSITY, False),
        ("COMSATS University Islamabad", OrganisationKind.UNIVERSITY, False),
        ("Seoul National University", OrganisationKind.UNIVERSITY, False),
        ("Toyota Motor Corporation", OrganisationKind.COMPANY, False),
        ("The World Bank", OrganisationKind.INTERNATIONAL_ORGANISATION, False),
    ],
)
def test_organisations_take_the_article_their_name_takes(
    name: str, kind: OrganisationKind, the: bool
) -> None:
    assert takes_article(name, kind) is the


def test_noun_phrases_take_their_article_and_number() -> None:
    assert with_indefinite("two-year Master's in Law programme") == (
        "a two-year Master's in Law programme"
    )
    assert with_indefinite("scholarships for ten PhD students") == (
        "scholarships for ten PhD students"
    )
    assert with_indefinite("training for twenty engineers") == "training for twenty engineers"
    assert with_indefinite("exchange of patent examiners") == "an exchange of patent examiners"
    assert is_plural("summer school places for 30 students")
    assert not is_plural("analysis of the patent backlog")
    assert not is_plural("Memorandum of Understanding on faculty exchange")
    assert not is_plural("Japanese business and trade delegation")
    assert is_plural("Agreements on trade and customs cooperation")
    assert not is_plural("delegation of Japanese parliamentarians")


def test_lists_are_joined_with_commas_and_and() -> None:
    assert join(["COMSATS"]) == "COMSATS"
    assert join(["COMSATS", "NUST"]) == "COMSATS and NUST"
    assert join(["COMSATS", "NUST", "the HEC"]) == "COMSATS, NUST and the HEC"
    assert join(["the Chairman, Mr. Rashid", "NUST"]) == "the Chairman, Mr. Rashid, and NUST"


def test_a_summary_that_would_only_repeat_the_lead_is_left_out() -> None:
    visit = saudi_visit()
    visit.statements.clear()
    call = visit.engagements[0]
    dinner = engagement(
        "dinner",
        call.start.date(),
        20,
        EngagementKind.MEAL,
        None,
        "Dinner in honour of the delegation",
        [a.person for a in call.attendees if a.side is Side.HOST],
    )
    visit.engagements.append(dinner)
    draft = draft_press_release(visit, on=date(2026, 2, 4))
    called = [p for p in draft.paragraphs if "called on" in p]
    assert len(called) == 1, draft.paragraphs  # told once, in the lead


def test_a_prince_is_named_again_by_title_and_given_name() -> None:
    visit = saudi_visit()
    leader = visit.leader
    assert leader is not None
    leader.honorific, leader.given_name, leader.family_name = "HRH Prince", "Faisal", "Al Saud"
    draft = draft_press_release(visit)
    assert "HRH Prince Faisal Al Saud" in draft.paragraphs[0]
    assert draft.paragraphs[1].startswith("Prince Faisal said that")
