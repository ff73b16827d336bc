"""A release is written as of its date: what lies after it is announced, never reported.

Drafted on each day of a three-day visit (and before, and after it), the same record gives
different tenses; statements and outcomes of later engagements stay out.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from sqlalchemy import select

from tests.release_visits import MAY_6, japanese_visit, silent_visit
from visitdesk.domain.models import Office
from visitdesk.services.press_release import draft_press_release
from visitdesk.services.visits import load_visit
from visitdesk.store.database import Store

DAY_2 = MAY_6 + timedelta(days=1)
DAY_3 = MAY_6 + timedelta(days=2)


def test_day_one_announces_the_signing_and_the_site_visit() -> None:
    draft = draft_press_release(japanese_visit(), on=MAY_6)
    body = draft.body
    assert draft.paragraphs[0].startswith(
        "This was said by Federal Minister for Economic Affairs, Mr. Ahmad Ali Khan during a "
        "courtesy call by a four-member Japanese delegation led by H.E. Mr. SUZUKI Ichiro, "
        "President of the Japan International Cooperation Agency (JICA)."
    )
    assert "Mr. Suzuki said that JICA would continue to support the water sector" in body
    assert draft.paragraphs[-1] == (
        "The delegation will attend the signing of the Grant Agreement for the Karachi Water "
        "Supply Project at the Ministry of Economic Affairs on May 7 and visit the Karachi Water "
        "and Sewerage Corporation on May 8."
    )
    # Nothing of the signing day is reported: not the signature, the offer, the directives,
    # nor what the Minister said there.
    for later in ("was signed", "offered", "directed", "clean water", "ratified", "visited"):
        assert later not in body, later
    assert draft.topic == "Visit of the JICA delegation"


def test_day_two_reports_the_signing_and_announces_the_site_visit() -> None:
    draft = draft_press_release(japanese_visit(), on=DAY_2)
    body = draft.body
    # Done today is "today": "later today" announces what lies ahead, never what was done.
    assert "Later today" not in body
    assert "on May 6." in draft.paragraphs[0]  # the courtesy call is dated: it was yesterday
    assert (
        "Today, the Grant Agreement for the Karachi Water Supply Project was signed at a "
        "ceremony at the Ministry of Economic Affairs. Speaking on the occasion, the Federal "
        "Minister said that the grant would bring clean water to two million people. It will "
        "be ratified by the Federal Cabinet." in body
    )
    assert draft.paragraphs[-1] == (
        "The delegation will visit the Karachi Water and Sewerage Corporation on May 8."
    )
    assert "expected to be signed" not in body
    assert draft.topic == "Grant Agreement for the Karachi Water Supply Project"


def test_day_three_and_after_report_the_whole_visit() -> None:
    for day in (DAY_3, DAY_3 + timedelta(days=5)):
        draft = draft_press_release(japanese_visit(), on=day)
        assert " will visit" not in draft.body and "will attend" not in draft.body
        assert "Later, on May 7, the Grant Agreement" in draft.body
        assert draft.paragraphs[-1] == (
            "During the three-day visit in Islamabad and Karachi, the delegation called on the "
            "Federal Minister and visited the Karachi Water and Sewerage Corporation."
        )


def test_the_release_time_puts_the_afternoon_ahead() -> None:
    """Issued at noon on day one, the 13:00 luncheon is announced for later today."""
    at_noon = draft_press_release(japanese_visit(), on=MAY_6, at=time(12, 0))
    assert (
        "The delegation will attend a luncheon hosted by the Secretary Economic Affairs, Dr. "
        "Kazim Niaz, later today" not in at_noon.body
    )  # the Secretary was named in the first paragraph: now by surname
    assert "later today" in at_noon.body
    assert "will attend a luncheon hosted by Dr. Niaz" in at_noon.body
    at_five = draft_press_release(japanese_visit(), on=datetime(2024, 5, 6, 17, 0))
    assert "luncheon" not in at_five.body.split("will", 1)[-1]
    assert "later today" not in at_five.body
    # Before the courtesy call, there is nothing to report yet: the visit is announced.
    at_nine = draft_press_release(japanese_visit(), on=MAY_6, at=time(9, 0))
    assert at_nine.lead_quote is None
    assert at_nine.paragraphs[0].startswith(
        "A four-member Japanese delegation led by H.E. Mr. SUZUKI Ichiro, President of the "
        "Japan International Cooperation Agency, arrives in Islamabad today on a three-day "
        "visit."
    )
    assert "will call on the Federal Minister for Economic Affairs, Mr. Ahmad Ali Khan" in (
        at_nine.body
    )


def test_before_the_visit_everything_is_announced() -> None:
    draft = draft_press_release(silent_visit(), on=date(2026, 4, 13))
    assert draft.paragraphs == [
        "Chinese academics led by Prof. LI Wei, Vice-President of Tsinghua University, will "
        "visit Islamabad from April 14 to 15.",
        "The delegation will meet the Chairman of the Higher Education Commission, Dr. Mukhtar "
        "Ahmed Mukhtar, on April 14, and visit the National University of Sciences and "
        "Technology on April 15. The Memorandum of Understanding on faculty exchange is "
        "expected to be signed on April 14.",
    ]
    assert draft.topic == "Visit of Tsinghua University academics"


def test_an_outcome_is_told_as_it_stood_on_the_release_date() -> None:
    """The grant agreement was drafted three weeks before and signed on day two: a release of
    day one dated after the drafting does not call it signed."""
    visit = japanese_visit()
    grant = visit.outcomes[0]
    grant.engagement = visit.engagements[0]  # recorded against the courtesy call
    day_one = draft_press_release(visit, on=MAY_6).body
    assert "The Grant Agreement for the Karachi Water Supply Project has been drafted." in day_one
    assert "ratified" not in day_one  # the next step belongs to the signed agreement
    day_two = draft_press_release(visit, on=DAY_2).body
    assert "The Grant Agreement for the Karachi Water Supply Project was signed." in day_two


def test_an_outcome_recorded_days_later_is_told_from_its_engagement() -> None:
    """Officers record outcomes after the event: the history's first date is the day it was
    typed. The signing on day two is still reported by a release of day two."""
    visit = japanese_visit()
    grant = visit.outcomes[0]
    for change in grant.history:
        change.changed_on = date(2024, 5, 20)
    grant.history = grant.history[-1:]  # recorded once, as signed, two weeks later
    assert "was signed at a ceremony at the Ministry" in draft_press_release(visit, on=DAY_2).body
    assert "was signed" not in draft_press_release(visit, on=MAY_6).body


def test_the_example_redrafted_with_each_date(example_store: Store) -> None:
    with example_store.session() as session:
        visit = load_visit(session, "sipo-2017-03")
        office = session.scalars(select(Office)).first()
        before = draft_press_release(visit, office, date(2017, 3, 20))
        day_one = draft_press_release(visit, office, date(2017, 3, 21))
        day_two = draft_press_release(visit, office, date(2017, 3, 22))
    assert "will visit Islamabad from March 21 to 22" in before.body
    assert "initialled" not in before.body
    # Day one: the MoU initialled that day, the Minister's meeting and NUST still ahead.
    assert "The Memorandum of Understanding between IPO-Pakistan and SIPO was initialled." in (
        day_one.body
    )
    assert day_one.lead_quote is None and "WIPO" not in day_one.body
    assert "Master's" not in day_one.body
    assert day_one.paragraphs[-1] == (
        "On March 22, the delegation will meet the Minister for Commerce, Engr. Khurram Dastgir "
        "Khan, and visit the National University of Sciences and Technology."
    )
    # Day two: all reported, nothing announced.
    assert "will visit" not in day_two.body and "will meet" not in day_two.body
    assert "Earlier, on March 21, the delegation visited IPO-Pakistan" in day_two.body


def test_an_agreement_told_with_its_day_takes_the_simple_past() -> None:
    """`Later, on May 7, … has been drafted` is not English: a dated clause takes the past."""
    visit = japanese_visit()
    grant = visit.outcomes[0]
    grant.history = grant.history[:1]  # still only drafted when the ceremony was held
    grant.status = grant.history[0].status
    body = draft_press_release(visit, on=DAY_3).body
    assert "Later, on May 7, the Grant Agreement for the Karachi Water Supply Project was " in body
    assert "has been drafted" not in body
