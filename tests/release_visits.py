"""Visits the release drafting has never been tuned on, built in memory for its tests.

A Japanese delegation over three days with a courtesy call, a luncheon, a signing ceremony and
a site visit; an outgoing visit to Seoul; a one-engagement Saudi visit with an Arabic name; a
university delegation with no statements. `python -m tests.release_visits DIR` puts them in a
store in DIR, to print them with `visitdesk --data-dir DIR press-release REF`.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from datetime import date, datetime, timedelta

from visitdesk.domain.enums import (
    EngagementKind,
    OrganisationKind,
    OutcomeKind,
    OutcomeStatus,
    Side,
    StatementRole,
    StatementStyle,
    VisitDirection,
)
from visitdesk.domain.models import (
    Attendee,
    Engagement,
    Organisation,
    Outcome,
    Person,
    Statement,
    StatusChange,
    Visit,
)

MAY_6 = date(2024, 5, 6)
DAY_2 = date(2024, 5, 7)


def person(
    ref: str,
    family: str,
    given: str,
    honorific: str,
    position: str,
    organisation: Organisation,
    precedence: int,
    *,
    family_first: bool = False,
    native: str | None = None,
) -> Person:
    return Person(
        ref=ref,
        family_name=family,
        given_name=given,
        honorific=honorific,
        position=position,
        organisation=organisation,
        precedence=precedence,
        family_name_first=family_first,
        native_name=native,
    )


def org(ref: str, name: str, short: str | None, kind: OrganisationKind) -> Organisation:
    return Organisation(ref=ref, name=name, short_name=short, kind=kind)


def engagement(
    ref: str,
    day: date,
    hour: int,
    kind: EngagementKind,
    organisation: Organisation | None,
    title: str,
    hosts: Sequence[Person] = (),
    guests: Sequence[Person] = (),
    city: str = "Islamabad",
) -> Engagement:
    start = datetime.combine(day, datetime.min.time()) + timedelta(hours=hour)
    e = Engagement(
        ref=ref,
        kind=kind,
        title=title,
        start=start,
        end=start + timedelta(hours=1),
        city=city,
        organisation=organisation,
    )
    e.attendees += [Attendee(person=p, side=Side.HOST) for p in hosts]
    e.attendees += [Attendee(person=p, side=Side.GUEST) for p in guests]
    return e


def said(
    e: Engagement,
    who: Person | None,
    text: str,
    role: StatementRole = StatementRole.NONE,
    style: StatementStyle = StatementStyle.REPORTED,
) -> Statement:
    return Statement(engagement=e, speaker=who, text=text, role=role, style=style, for_press=True)


def outcome(
    e: Engagement | None,
    kind: OutcomeKind,
    title: str,
    history: Sequence[tuple[OutcomeStatus, date]],
    *,
    owner: Person | None = None,
    next_step: str | None = None,
) -> Outcome:
    made = Outcome(
        engagement=e,
        kind=kind,
        title=title,
        status=history[-1][0],
        owner=owner,
        next_step=next_step,
    )
    made.history += [StatusChange(status=s, changed_on=d) for s, d in history]
    return made


def japanese_visit() -> Visit:
    """JICA over three days: courtesy call and luncheon, signing ceremony, site visit."""
    moea = org("moea", "Ministry of Economic Affairs", "MoEA", OrganisationKind.MINISTRY)
    jica = org(
        "jica",
        "Japan International Cooperation Agency",
        "JICA",
        OrganisationKind.GOVERNMENT_AGENCY,
    )
    kwsc = org(
        "kwsc",
        "Karachi Water and Sewerage Corporation",
        "KWSC",
        OrganisationKind.GOVERNMENT_AGENCY,
    )
    minister = person(
        "ahmad-khan", "Khan", "Ahmad Ali", "Mr.", "Federal Minister for Economic Affairs", moea, 1
    )
    secretary = person("niaz", "Niaz", "Kazim", "Dr.", "Secretary Economic Affairs", moea, 2)
    suzuki = person(
        "suzuki",
        "Suzuki",
        "Ichiro",
        "H.E. Mr.",
        "President",
        jica,
        1,
        family_first=True,
        native="鈴木一郎",
    )
    yamada = person(
        "yamada",
        "YAMADA",
        "Hanako",
        "Ms.",
        "Director, South Asia Department",
        jica,
        2,
        family_first=True,
        native="山田花子",
    )
    guests = [suzuki, yamada]
    call = engagement(
        "call",
        MAY_6,
        10,
        EngagementKind.COURTESY_CALL,
        moea,
        "Courtesy call on the Minister",
        [minister, secretary],
        guests,
    )
    lunch = engagement(
        "lunch",
        MAY_6,
        13,
        EngagementKind.MEAL,
        moea,
        "Luncheon hosted by the Secretary",
        [secretary],
        guests,
    )
    signing = engagement(
        "signing",
        MAY_6 + timedelta(days=1),
        11,
        EngagementKind.SIGNING_CEREMONY,
        moea,
        "Signing of the grant agreement",
        [minister, secretary],
        guests,
    )
    site = engagement(
        "site",
        MAY_6 + timedelta(days=2),
        10,
        EngagementKind.SITE_VISIT,
        kwsc,
        "Visit to the KWSC pumping station",
        [],
        guests,
        city="Karachi",
    )
    visit = Visit(
        ref="jica-2024",
        title="Visit of the JICA delegation",
        direction=VisitDirection.INCOMING,
        start_date=MAY_6,
        end_date=MAY_6 + timedelta(days=2),
        city="Islamabad",
        guest_organisation=jica,
        host_organisation=moea,
        delegation_description="four-member Japanese delegation",
        leader=suzuki,
    )
    visit.engagements += [call, lunch, signing, site]
    visit.statements += [
        said(
            call,
            minister,
            "Japan has been a steadfast partner in Pakistan's development.",
            StatementRole.LEAD_QUOTE,
            StatementStyle.DIRECT,
        ),
        said(call, suzuki, "JICA would continue to support the water sector in Pakistan."),
        said(signing, minister, "the grant would bring clean water to two million people."),
    ]
    visit.outcomes += [
        outcome(
            signing,
            OutcomeKind.AGREEMENT,
            "Grant Agreement for the Karachi Water Supply Project",
            [
                (OutcomeStatus.DRAFTED, MAY_6 - timedelta(days=20)),
                (OutcomeStatus.SIGNED, MAY_6 + timedelta(days=1)),
            ],
            next_step="Ratification by the Federal Cabinet",
        ),
        outcome(
            signing,
            OutcomeKind.OFFER,
            "Training for twenty engineers offered by JICA to the Karachi Water and Sewerage "
            "Corporation",
            [(OutcomeStatus.OPEN, MAY_6 + timedelta(days=1))],
        ),
        outcome(
            signing,
            OutcomeKind.DIRECTIVE,
            "Prepare a plan for the second phase of the project by June",
            [(OutcomeStatus.OPEN, MAY_6 + timedelta(days=1))],
            owner=secretary,
        ),
        outcome(
            signing,
            OutcomeKind.DIRECTIVE,
            "Regular progress reviews with JICA",
            [(OutcomeStatus.OPEN, MAY_6 + timedelta(days=1))],
            owner=secretary,
        ),
    ]
    return visit


def seoul_visit() -> Visit:
    """An outgoing visit: our Minister leads a delegation to Seoul, hosted by KIPO."""
    moc = org("moc", "Ministry of Commerce", "MoC", OrganisationKind.MINISTRY)
    kipo = org(
        "kipo", "Korean Intellectual Property Office", "KIPO", OrganisationKind.GOVERNMENT_AGENCY
    )
    snu = org("snu", "Seoul National University", "SNU", OrganisationKind.UNIVERSITY)
    minister = person("rana", "Rana", "Tanveer", "Mr.", "Minister for Commerce", moc, 1)
    kim = person(
        "kim",
        "KIM",
        "Yong-rae",
        "Mr.",
        "Commissioner",
        kipo,
        1,
        family_first=True,
        native="김용래",
    )
    park = person(
        "park",
        "Park",
        "Ji-woo",
        "Dr.",
        "Director General, International Cooperation",
        kipo,
        2,
        family_first=True,
        native="박지우",
    )
    start = date(2025, 10, 14)
    talks = engagement(
        "kipo-talks",
        start,
        10,
        EngagementKind.OFFICE_VISIT,
        kipo,
        "Talks at KIPO",
        [kim, park],
        [minister],
        city="Seoul",
    )
    snu_visit = engagement(
        "snu",
        start + timedelta(days=1),
        14,
        EngagementKind.UNIVERSITY_VISIT,
        snu,
        "Visit to SNU",
        [],
        [minister],
        city="Seoul",
    )
    visit = Visit(
        ref="seoul-2025",
        title="Visit of the Minister for Commerce to Korea",
        direction=VisitDirection.OUTGOING,
        start_date=start,
        end_date=start + timedelta(days=1),
        city="Seoul",
        host_organisation=kipo,
        guest_organisation=moc,
        delegation_description="Pakistani delegation",
        leader=minister,
    )
    visit.engagements += [talks, snu_visit]
    visit.statements += [
        said(
            talks,
            minister,
            "Pakistan wants to learn from Korea's patent examination system.",
            StatementRole.LEAD_QUOTE,
            StatementStyle.DIRECT,
        ),
        said(talks, kim, "KIPO was ready to share its experience of examination by AI."),
    ]
    visit.outcomes.append(
        outcome(
            talks,
            OutcomeKind.ACTION,
            "Exchange of patent examiners in 2026",
            [(OutcomeStatus.OPEN, start)],
        )
    )
    return visit


def saudi_visit() -> Visit:
    """One courtesy call, an Arabic name, one statement."""
    moc = org("moc", "Ministry of Commerce", "MoC", OrganisationKind.MINISTRY)
    saip = org(
        "saip",
        "Saudi Authority for Intellectual Property",
        "SAIP",
        OrganisationKind.GOVERNMENT_AGENCY,
    )
    minister = person("jam", "Kamal", "Jam", "Mr.", "Minister for Commerce", moc, 1)
    swailem = person(
        "swailem",
        "Al-Swailem",
        "Abdulaziz bin Mohammed",
        "H.E. Dr.",
        "Chief Executive Officer",
        saip,
        1,
        native="عبدالعزيز بن محمد السويلم",
    )
    day = date(2026, 2, 3)
    call = engagement(
        "call",
        day,
        11,
        EngagementKind.COURTESY_CALL,
        moc,
        "Courtesy call on the Minister",
        [minister],
        [swailem],
    )
    visit = Visit(
        ref="saip-2026",
        title="Visit of the SAIP Chief Executive",
        start_date=day,
        end_date=day,
        city="Islamabad",
        guest_organisation=saip,
        leader=swailem,
    )
    visit.engagements.append(call)
    visit.statements.append(
        said(call, swailem, "Saudi Arabia valued its long partnership with Pakistan.")
    )
    return visit


def silent_visit() -> Visit:
    """Chinese academics at the HEC and NUST: nothing said for the press, an MoU signed."""
    hec = org("hec", "Higher Education Commission", "HEC", OrganisationKind.GOVERNMENT_AGENCY)
    nust = org(
        "nust",
        "National University of Sciences and Technology",
        "NUST",
        OrganisationKind.UNIVERSITY,
    )
    tsinghua = org("thu", "Tsinghua University", None, OrganisationKind.UNIVERSITY)
    chairman = person("mukhtar", "Mukhtar", "Mukhtar Ahmed", "Dr.", "Chairman", hec, 1)
    director = person("shah", "Shah", "Ayesha", "Ms.", "Director General, Academics", hec, 2)
    li = person(
        "li",
        "Li",
        "Wei",
        "Prof.",
        "Vice-President",
        tsinghua,
        1,
        family_first=True,
        native="李伟",
    )
    day = date(2026, 4, 14)
    meeting = engagement(
        "hec",
        day,
        10,
        EngagementKind.MINISTRY_MEETING,
        hec,
        "Meeting at the HEC",
        [chairman, director],
        [li],
    )
    campus = engagement(
        "nust",
        day + timedelta(days=1),
        10,
        EngagementKind.UNIVERSITY_VISIT,
        nust,
        "Visit to NUST",
        [],
        [li],
    )
    visit = Visit(
        ref="thu-2026",
        title="Visit of Tsinghua University academics",
        start_date=day,
        end_date=day + timedelta(days=1),
        city="Islamabad",
        guest_organisation=tsinghua,
        delegation_description="Chinese academics",
        leader=li,
    )
    visit.engagements += [meeting, campus]
    visit.outcomes += [
        outcome(
            meeting,
            OutcomeKind.AGREEMENT,
            "Memorandum of Understanding on faculty exchange",
            [(OutcomeStatus.SIGNED, day)],
        ),
        outcome(
            meeting,
            OutcomeKind.OFFER,
            "Scholarships for ten PhD students offered by Tsinghua University",
            [(OutcomeStatus.OPEN, day)],
        ),
        outcome(
            meeting,
            OutcomeKind.OFFER,
            "Summer school places for 30 students",
            [(OutcomeStatus.OPEN, day)],
        ),
    ]
    return visit


def uae_visit() -> Visit:
    """One day: talks with a woman Minister, then a press conference in the afternoon; a
    plural agreement, an unnamed offerer, a person without honorific, decisions and actions."""
    moc = org("moc", "Ministry of Commerce", None, OrganisationKind.MINISTRY)
    ded = org(
        "ded", "Department of Economic Development", "DED", OrganisationKind.GOVERNMENT_AGENCY
    )
    minister = person(
        "bukhari", "Bukhari", "Zartaj", "Ms.", "Minister of State for Commerce", moc, 1
    )
    raza = Person(
        ref="raza",
        family_name="Raza",
        given_name="Ahmed",
        position="Joint Secretary",
        organisation=moc,
        precedence=3,
    )
    guest = person(
        "mansoori",
        "Al Mansoori",
        "Abdulla bin Touq",
        "H.E.",
        "Minister of Economy",
        ded,
        1,
        native="عبدالله بن طوق المري",
    )
    day = date(2026, 6, 1)
    talks = engagement(
        "talks", day, 10, EngagementKind.MINISTRY_MEETING, moc, "Talks", [minister, raza], [guest]
    )
    press = engagement(
        "press",
        day,
        15,
        EngagementKind.PRESS_EVENT,
        None,
        "Joint press stakeout",
        [minister],
        [guest],
    )
    visit = Visit(
        ref="uae-2026",
        title="Visit of the UAE Minister of Economy",
        start_date=day,
        end_date=day,
        city="Islamabad",
        guest_organisation=ded,
        leader=guest,
        delegation_description="UAE trade delegation",
    )
    visit.engagements += [talks, press]
    visit.statements += [
        said(talks, minister, "Pakistan welcomes investment from the UAE."),
        said(talks, minister, "the two countries would set up a joint business council."),
        said(press, guest, "«The UAE is ready to invest»", style=StatementStyle.DIRECT),
    ]
    visit.outcomes += [
        outcome(
            talks,
            OutcomeKind.AGREEMENT,
            "Agreements on trade and customs cooperation",
            [(OutcomeStatus.DRAFTED, day)],
            next_step="Vetting by the Ministry of Law",
        ),
        outcome(
            talks,
            OutcomeKind.OFFER,
            "Technical assistance offered to the Board of Investment",
            [(OutcomeStatus.OPEN, day)],
        ),
        outcome(
            talks,
            OutcomeKind.DIRECTIVE,
            "Ensure early conclusion of the investment treaty",
            [(OutcomeStatus.OPEN, day)],
            owner=raza,
        ),
        outcome(
            talks,
            OutcomeKind.DIRECTIVE,
            "Finalise the draft within a month",
            [(OutcomeStatus.OPEN, day)],
            owner=raza,
        ),
        outcome(
            talks,
            OutcomeKind.DECISION,
            "Hold the next session in Abu Dhabi",
            [(OutcomeStatus.OPEN, day)],
        ),
        outcome(
            None,
            OutcomeKind.ACTION,
            "Joint working group on logistics",
            [(OutcomeStatus.OPEN, day)],
        ),
    ]
    return visit


def lahore_visit() -> Visit:
    """A Korean business delegation in Lahore: a Governor, a chamber, a dinner, a university."""
    gov = org("gov", "Governor House Punjab", None, OrganisationKind.OTHER)
    pu = org("pu", "University of the Punjab", "PU", OrganisationKind.UNIVERSITY)
    lcci = org("lcci", "Lahore Chamber of Commerce and Industry", "LCCI", OrganisationKind.OTHER)
    kotra = org(
        "kotra",
        "Korea Trade-Investment Promotion Agency",
        "KOTRA",
        OrganisationKind.GOVERNMENT_AGENCY,
    )
    governor = person("haider", "Haider", "Saleem", "Sardar", "Governor Punjab", gov, 1)
    vc = person("khalid", "Khalid", "Mahmood", "Prof. Dr.", "Vice-Chancellor", pu, 2)
    butt = person("butt", "Butt", "Kashif", "Mr.", "President", lcci, 3)
    lee = person(
        "lee",
        "LEE",
        "Jae-won",
        "Mr.",
        "Chief Executive Officer",
        kotra,
        1,
        family_first=True,
        native="이재원",
    )
    choi = person(
        "choi",
        "Choi",
        "Min-seo",
        "Ms.",
        "Director General, South Asia",
        kotra,
        2,
        family_first=True,
        native="최민서",
    )
    day, next_day = date(2026, 9, 8), date(2026, 9, 9)
    guests = [lee, choi]
    call = engagement(
        "call",
        day,
        10,
        EngagementKind.COURTESY_CALL,
        gov,
        "Call on the Governor",
        [governor],
        guests,
        city="Lahore",
    )
    roundtable = engagement(
        "lcci",
        day,
        15,
        EngagementKind.OTHER,
        lcci,
        "Business roundtable at the LCCI",
        [butt],
        guests,
        city="Lahore",
    )
    dinner = engagement(
        "dinner",
        day,
        20,
        EngagementKind.MEAL,
        gov,
        "Dinner hosted by the Governor",
        [governor],
        guests,
        city="Lahore",
    )
    campus = engagement(
        "pu",
        next_day,
        11,
        EngagementKind.UNIVERSITY_VISIT,
        pu,
        "Visit to PU",
        [vc],
        guests,
        city="Lahore",
    )
    visit = Visit(
        ref="kotra-2026",
        title="KOTRA delegation in Lahore",
        start_date=day,
        end_date=next_day,
        city="Lahore",
        guest_organisation=kotra,
        leader=lee,
        delegation_description="eight-member Korean business delegation",
    )
    visit.engagements += [call, roundtable, dinner, campus]
    visit.statements += [
        said(
            call,
            governor,
            "Punjab offers the best opportunities for Korean investors.",
            StatementRole.LEAD_QUOTE,
            StatementStyle.DIRECT,
        ),
        said(call, governor, "the province would give Korean firms a one-window facility."),
        said(call, lee, "Korean companies were keen to invest in textiles and electronics."),
        said(roundtable, butt, "the LCCI would send a trade mission to Seoul next year."),
        said(campus, vc, "the university would open a Korean language centre."),
    ]
    visit.outcomes += [
        outcome(
            call,
            OutcomeKind.DIRECTIVE,
            "Set up a facilitation desk for Korean investors",
            [(OutcomeStatus.OPEN, day)],
            owner=butt,
        ),
        outcome(
            roundtable,
            OutcomeKind.DECISION,
            "Joint business council of LCCI and KOTRA",
            [(OutcomeStatus.OPEN, day)],
        ),
        outcome(
            campus,
            OutcomeKind.AGREEMENT,
            "MoU on a Korean language centre",
            [(OutcomeStatus.SIGNED, next_day)],
        ),
        outcome(
            campus,
            OutcomeKind.OFFER,
            "Ten scholarships offered by KOTRA to PU students",
            [(OutcomeStatus.OPEN, next_day)],
        ),
    ]
    return visit


ALL = (japanese_visit, seoul_visit, saudi_visit, silent_visit, uae_visit, lahore_visit)


def _store_all(data_dir: str) -> None:
    """Each visit in its own store (they reuse organisation refs): DIR/<visit ref>."""
    from visitdesk.store.database import Store

    for build in ALL:
        visit = build()
        store = Store.open(data_dir=f"{data_dir}/{visit.ref}")
        with store.transaction() as session:
            session.add(visit)
        store.close()
        print(f"{data_dir}/{visit.ref}: {visit.ref}")


if __name__ == "__main__":
    _store_all(sys.argv[1])
