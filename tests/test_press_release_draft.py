"""Drafting reads well for any visit: the example, one engagement, ten over three cities, no
quotes, a joint statement with no speaker, a delegation with no leader."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, timedelta

from sqlalchemy import select

from visitdesk.domain.engagement import Attendee, Engagement
from visitdesk.domain.enums import (
    EngagementKind,
    OrganisationKind,
    OutcomeKind,
    OutcomeStatus,
    Side,
    StatementRole,
    StatementStyle,
)
from visitdesk.domain.models import Office
from visitdesk.domain.organisation import Organisation
from visitdesk.domain.outcome import Outcome
from visitdesk.domain.person import Person
from visitdesk.domain.statement import Statement
from visitdesk.domain.visit import Visit
from visitdesk.services.press_release import PressReleaseDraft, draft_press_release
from visitdesk.services.visits import load_visit
from visitdesk.store.database import Store


def person(ref: str, family: str, given: str, honorific: str = "Mr.", **kw: object) -> Person:
    return Person(ref=ref, family_name=family, given_name=given, honorific=honorific, **kw)


def org(ref: str, name: str, short: str | None = None, kind=OrganisationKind.MINISTRY):
    return Organisation(ref=ref, name=name, short_name=short, kind=kind)


def engagement(
    ref: str,
    day: date,
    kind: EngagementKind,
    org: Organisation | None,
    city: str = "Islamabad",
    hosts: Sequence[Person] = (),
    guests: Sequence[Person] = (),
    title: str | None = None,
) -> Engagement:
    start = datetime.combine(day, datetime.min.time()) + timedelta(hours=10)
    e = Engagement(
        ref=ref,
        kind=kind,
        title=title or f"Meeting {ref}",
        start=start,
        end=start + timedelta(hours=1),
        city=city,
        organisation=org,
    )
    for p in hosts:
        e.attendees.append(Attendee(person=p, side=Side.HOST))
    for p in guests:
        e.attendees.append(Attendee(person=p, side=Side.GUEST))
    return e


def said(
    e: Engagement | None,
    who: Person | None,
    text: str,
    *,
    role=StatementRole.NONE,
    style=StatementStyle.REPORTED,
    press: bool = True,
) -> Statement:
    return Statement(engagement=e, speaker=who, text=text, role=role, style=style, for_press=press)


def base_visit(**kw: object) -> tuple[Visit, dict[str, Person], dict[str, Organisation]]:
    orgs = {
        "mofa": org("mofa", "Ministry of Foreign Affairs", "MoFA"),
        "jica": org(
            "jica",
            "Japan International Cooperation Agency",
            "JICA",
            OrganisationKind.GOVERNMENT_AGENCY,
        ),
    }
    people = {
        "minister": person(
            "minister",
            "Ahmed",
            "Sara",
            "Ms.",
            position="Foreign Minister",
            organisation=orgs["mofa"],
            precedence=1,
        ),
        "secretary": person(
            "secretary",
            "Malik",
            "Tariq",
            position="Foreign Secretary",
            organisation=orgs["mofa"],
            precedence=2,
        ),
        "leader": person(
            "leader",
            "Tanaka",
            "Hiroshi",
            "H.E.",
            family_name_first=True,
            position="President",
            organisation=orgs["jica"],
            precedence=1,
        ),
    }
    fields: dict[str, object] = {
        "leader": people["leader"],
        "delegation_description": "Japanese delegation",
        "end_date": date(2024, 5, 6),
    }
    fields.update(kw)
    visit = Visit(
        ref="jica-2024",
        title="Visit of the JICA delegation",
        start_date=date(2024, 5, 6),
        city="Islamabad",
        guest_organisation=orgs["jica"],
        **fields,
    )
    return visit, people, orgs


def visit_with_talks(**kw: object) -> tuple[Visit, dict[str, Person], Engagement]:
    """`base_visit(**kw)` with one meeting at the ministry: the minister receives the leader."""
    visit, people, orgs = base_visit(**kw)
    talks = engagement(
        "talks",
        visit.start_date,
        EngagementKind.MINISTRY_MEETING,
        orgs["mofa"],
        hosts=[people["minister"]],
        guests=[people["leader"]],
    )
    visit.engagements.append(talks)
    return visit, people, talks


def test_example_holds_every_fact_of_the_seed(example_store: Store) -> None:
    with example_store.session() as session:
        visit = load_visit(session, "sipo-2017-03")
        draft = draft_press_release(visit, session.scalars(select(Office)).first())
    assert draft.headline is not None and "agreed on text of draft MoU" in draft.headline
    assert draft.headline.startswith("“") and draft.headline.endswith("”")
    assert draft.lead_quote is not None and "stance on major WIPO issues" in draft.lead_quote
    assert draft.lead_quote_attribution == "Engr. Khurram Dastgir Khan"
    assert (draft.date, draft.city) == (date(2017, 3, 22), "Islamabad")
    first = draft.paragraphs[0]
    # Who said it, with position; the delegation and its leader with position; in a meeting.
    assert first.startswith("This was said by Minister for Commerce, Engr. Khurram Dastgir Khan")
    assert "in a meeting with a high level Chinese delegation led by Dr. HE Zhimin, " in first
    assert "Deputy Commissioner of the State Intellectual Property Office (SIPO)." in first
    # The others present, in order of precedence, with positions.
    assert first.index("Secretary Commerce Mr. Azmat Ali Ranjha") < first.index(
        "Chairman of the Intellectual Property Organization of Pakistan (IPO-Pakistan) Mr. Shahid "
        "Rashid"
    )
    assert "were also present in the meeting." in first
    body = draft.body
    # Further statements, reported, in the order recorded, by short reference after the first.
    order = [
        "Pakistan would like to learn from the experience of China",
        "Dr. He said that the visit of the delegation of SIPO was very fruitful",
        "Mr. Rashid said that during the discussion",
    ]
    assert [body.index(s) for s in order] == sorted(body.index(s) for s in order)
    assert "The Minister said that Pakistan" in body
    # Outcomes: the offer and the directives as sentences with one subject each.
    assert "SIPO offered a two-year Master's in Law programme to IPO-Pakistan employees." in body
    assert (
        "The Minister directed Mr. Ranjha to consult SIPO in advance of WIPO meetings so that "
        "both take a single stance on major WIPO issues." in body
    )
    assert (
        "The Minister further instructed Mr. Rashid to work on high priority cooperation in "
        "patent examination" in body
    )
    assert "following direction" not in body and "offer was also made" not in body
    # The MoU initialled the day before, with its next step told as the seed tells it.
    assert (
        "Earlier, on March 21, the delegation visited IPO-Pakistan, where the Memorandum of "
        "Understanding between IPO-Pakistan and SIPO was initialled. It will be formally signed "
        "after approval of the Cabinet." in body
    )
    assert "The next step is" not in body
    summary = draft.paragraphs[-1]
    assert summary == (
        "During the two-day visit, the delegation held meetings with IPO-Pakistan and the "
        "Ministry of Commerce, and visited COMSATS University Islamabad and the National "
        "University of Sciences and Technology."
    )
    # Full names once, then short references; abbreviations only where used again.
    assert body.count("Engr. Khurram Dastgir Khan") == 1
    assert body.count("Mr. Azmat Ali Ranjha") == 1
    assert body.count("HE Zhimin") == 1
    assert "(NUST)" not in body and "(COMSATS)" not in body and "(MoC)" not in body


def test_internal_statements_and_dropped_outcomes_never_reach_the_press() -> None:
    visit, people, e = visit_with_talks()
    visit.statements += [
        said(
            e,
            people["minister"],
            "Japan is our partner of choice.",
            role=StatementRole.LEAD_QUOTE,
            style=StatementStyle.DIRECT,
        ),
        said(e, people["minister"], "Their offer is far too low.", press=False),
        said(
            e, people["leader"], "We are glad to be here.", role=StatementRole.HEADLINE, press=False
        ),
    ]
    dropped = Outcome(
        kind=OutcomeKind.AGREEMENT,
        title="Secret loan agreement",
        status=OutcomeStatus.DROPPED,
        engagement=e,
    )
    visit.outcomes.append(dropped)
    draft = draft_press_release(visit)
    text = _all_text(draft)
    assert "far too low" not in text
    assert "glad to be here" not in text  # a headline not for the press is no headline
    assert "Secret loan" not in text
    assert draft.lead_quote == "Japan is our partner of choice."
    assert draft.headline == "Visit of the JICA delegation"


def test_one_engagement_no_quotes_reads_as_a_reception() -> None:
    visit, people, orgs = base_visit()
    e = engagement(
        "call",
        visit.start_date,
        EngagementKind.COURTESY_CALL,
        orgs["mofa"],
        hosts=[people["secretary"], people["minister"]],
        guests=[people["leader"]],
    )
    visit.engagements.append(e)
    draft = draft_press_release(visit)
    assert draft.lead_quote is None and draft.lead_quote_attribution is None
    first = draft.paragraphs[0]
    # A courtesy call is told as one, on the person called on.
    assert first == (
        "A Japanese delegation led by H.E. TANAKA Hiroshi, President of the Japan International "
        "Cooperation Agency, called on the Foreign Minister, Ms. Sara Ahmed. Foreign Secretary "
        "Mr. Tariq Malik was also present on the occasion."
    )
    assert "During the" not in draft.body  # one engagement: no programme summary to give
    assert all(p.strip() for p in draft.paragraphs)


def test_joint_statement_without_a_speaker() -> None:
    visit, _, e = visit_with_talks()
    visit.statements += [
        said(
            e,
            None,
            "Both countries will double trade by 2030",
            role=StatementRole.HEADLINE,
            style=StatementStyle.DIRECT,
        ),
        said(e, None, "the two sides will meet again in Tokyo in the autumn."),
    ]
    draft = draft_press_release(visit)
    assert draft.headline == "“Both countries will double trade by 2030”"
    assert draft.paragraphs[0].startswith("This was stated jointly by the two sides in a meeting")
    assert "In a joint statement, the two sides said that the two sides will meet again" in (
        draft.body
    )
    assert "None" not in _all_text(draft)


def test_delegation_without_a_leader_or_description() -> None:
    visit, people, e = visit_with_talks(leader=None, delegation_description=None)
    visit.statements.append(
        said(
            e,
            people["minister"],
            "Japan is a friend.",
            role=StatementRole.LEAD_QUOTE,
            style=StatementStyle.DIRECT,
        )
    )
    draft = draft_press_release(visit)
    first = draft.paragraphs[0]
    assert "with a delegation of the Japan International Cooperation Agency." in first
    assert "led by" not in first


def test_ten_engagements_over_three_cities() -> None:
    visit, people, _ = base_visit(end_date=date(2024, 5, 10))
    cities = ["Islamabad", "Lahore", "Karachi"]
    universities = [
        org(f"u{i}", f"University {i}", f"U{i}", OrganisationKind.UNIVERSITY) for i in range(4)
    ]
    agencies = [
        org(f"a{i}", f"Agency {i}", f"A{i}", OrganisationKind.GOVERNMENT_AGENCY) for i in range(6)
    ]
    for i in range(10):
        kind = EngagementKind.UNIVERSITY_VISIT if i % 3 == 2 else EngagementKind.MINISTRY_MEETING
        where = universities[i // 3] if kind is EngagementKind.UNIVERSITY_VISIT else agencies[i % 6]
        day = visit.start_date + timedelta(days=i // 2)
        e = engagement(
            f"e{i}",
            day,
            kind,
            where,
            city=cities[i % 3],
            hosts=[people["secretary"]],
            guests=[people["leader"]],
            title=f"Visit to {where.short_name}",
        )
        visit.engagements.append(e)
    e4 = visit.engagements[4]
    visit.statements.append(
        said(
            visit.engagements[1],
            people["leader"],
            "Pakistan is a priority.",
            role=StatementRole.LEAD_QUOTE,
            style=StatementStyle.DIRECT,
        )
    )
    visit.statements.append(said(e4, people["secretary"], "the talks in Karachi were productive."))
    visit.outcomes.append(
        Outcome(
            kind=OutcomeKind.AGREEMENT,
            title="Port cooperation agreement",
            status=OutcomeStatus.SIGNED,
            engagement=visit.engagements[7],
        )
    )
    # Drafted without a date: of the day of the lead quote, when the rest lies ahead.
    early = draft_press_release(visit)
    assert early.date == date(2024, 5, 6)
    assert "talks in Karachi" not in early.body  # said on May 8
    assert "was signed" not in early.body
    assert "The port cooperation agreement is expected to be signed on May 9." in early.body
    assert "On May 7, the delegation will meet Mr. Malik and visit the University 0." in early.body
    # Drafted after the visit, everything is told in the past.
    draft = draft_press_release(visit, on=date(2024, 5, 12))
    body = draft.body
    first = draft.paragraphs[0]
    assert first.startswith(
        "This was said by H.E. TANAKA Hiroshi, President of the Japan International"
    )
    assert (
        "leading a Japanese delegation, in a meeting with the Foreign Secretary, Mr. Tariq Malik"
        in first
    )
    assert first.count("TANAKA") == 1
    assert "During the meeting at the Agency 4 (A4) on May 8, Mr. Malik said that the talks" in body
    assert "Later, on May 9, the delegation held talks at the Agency 1 (A1), where the port" in body
    assert "will" not in body
    summary = draft.paragraphs[-1]
    assert summary.startswith("During the five-day visit in Islamabad, Lahore and Karachi")
    for short in ("A0", "A1", "A3", "A4", "U0", "U1", "U2"):
        assert summary.count(f"{short}") <= 1, short  # each organisation named once
    assert "(U0)" not in body  # never used again: not introduced


def _all_text(draft: PressReleaseDraft) -> str:
    parts = [draft.headline, draft.lead_quote, draft.lead_quote_attribution, draft.body]
    return "\n".join(p for p in parts if p)


def test_a_visit_with_nothing_recorded_yet_still_gives_a_sentence() -> None:
    visit, _, _ = base_visit()
    draft = draft_press_release(visit)
    assert draft.headline == "Visit of the JICA delegation"
    assert draft.paragraphs == [
        "A Japanese delegation led by H.E. TANAKA Hiroshi, President of the Japan International "
        "Cooperation Agency, visited Islamabad on May 6."
    ]
