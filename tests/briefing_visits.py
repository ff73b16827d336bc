"""Visits the pack has never seen, as `visitdesk/1` documents: a Japanese delegation that signs a
memorandum with an interpreter at hand and lunches with dietary notes, and a Saudi delegation
with Arabic names. Each carries host-only text (objectives, talking points, notes, outcomes,
statements, biographies) marked with `HOST ONLY` so a test can look for every piece of it."""

from __future__ import annotations

from typing import Any

MINISTER_PORTFOLIO = (
    "Federal Minister for Commerce, Textiles, Industry and Production, and Special Assistant "
    "to the Prime Minister on Investment and Overseas Pakistanis"
)
DIRECTOR = "Director, International Cooperation Department"
LONG_NATIVE = "صاحب السمو الأمير عبدالعزيز بن سلمان بن عبدالعزيز بن عبدالرحمن آل سعود"


def _person(ref: str, given: str, family: str, **more: Any) -> dict[str, Any]:
    return {"id": ref, "given_name": given, "family_name": family, **more}


def japan_document() -> dict[str, Any]:
    people = [
        _person(
            "yamada",
            "Taro",
            "Yamada",
            honorific="Mr.",
            family_name_first=True,
            native_name="山田太郎",
            position="Commissioner",
            organisation="jpo",
            precedence=1,
            bio="HOST ONLY bio: Commissioner since 2024; met the Chairman once.",
            dietary="No raw fish",
            medical="Severe peanut allergy: carries an adrenaline pen",
        ),
        _person(
            "suzuki",
            "Hanako",
            "Suzuki",
            honorific="Ms.",
            family_name_first=True,
            native_name="鈴木花子",
            position=DIRECTOR,
            organisation="jpo",
            precedence=2,
            medical="Allergic to penicillin",
        ),
        _person(
            "tanaka",
            "Ichiro",
            "Tanaka",
            honorific="Mr.",
            family_name_first=True,
            native_name="田中一郎",
            organisation="jpo",
            precedence=3,
        ),
        _person(
            "sato",
            "Kenji",
            "Sato",
            honorific="Mr.",
            family_name_first=True,
            native_name="佐藤健二",
            position="Interpreter",
            organisation="jpo",
            precedence=9,
        ),
        _person(
            "minister",
            "Jahangir Ahmed",
            "Tareen",
            honorific="Mr.",
            position=MINISTER_PORTFOLIO,
            organisation="moc",
            precedence=1,
            dietary="Vegetarian",
        ),
        _person(
            "chair",
            "Farah",
            "Qureshi",
            honorific="Ms.",
            position="Chairperson",
            organisation="ipo",
            precedence=2,
            native_name="فرح قریشی",
        ),
        _person(
            "dg",
            "Asad",
            "Malik",
            honorific="Mr.",
            position="Director General",
            organisation="ipo",
            precedence=3,
            dietary="Halal only",
        ),
    ]
    engagements = [
        {
            "id": "signing",
            "kind": "signing_ceremony",
            "title": "Signing of the MoU on patent examination",
            "start": "2026-05-12T11:00",
            "end": "2026-05-12T11:45",
            "venue": "Jinnah Hall, Ministry of Commerce",
            "city": "Islamabad",
            "organisation": "moc",
            "host_attendees": ["minister", "chair", "dg"],
            "guest_attendees": ["yamada", "suzuki", "tanaka", "sato"],
            "host_signatory": "chair",
            "guest_signatory": "yamada",
            "objectives": "HOST ONLY objective: have the MoU signed before the budget session.",
            "talking_points": ["HOST ONLY point: welcome the fast-track examination pilot."],
            "notes": "HOST ONLY note: the Minister leaves at 11:40 for Cabinet.",
        },
        {
            "id": "lunch",
            "kind": "meal",
            "title": "Working lunch hosted by the Chairperson",
            "start": "2026-05-12T13:00",
            "end": "2026-05-12T14:30",
            "venue": "Serena Hotel",
            "city": "Islamabad",
            "organisation": "ipo",
            "host_attendees": ["chair", "dg"],
            "guest_attendees": ["yamada", "suzuki", "sato"],
            "objectives": "HOST ONLY objective: sound out a second examiner exchange.",
        },
        {
            "id": "talks",
            "kind": "office_visit",
            "title": "Talks at IPO-Pakistan",
            "start": "2026-05-13T10:00",
            "end": "2026-05-13T12:00",
            "venue": "IPO-Pakistan",
            "city": "Islamabad",
            "organisation": "ipo",
            "host_attendees": ["chair", "dg"],
            "guest_attendees": ["yamada", "suzuki", "tanaka"],
            "talking_points": ["HOST ONLY point: raise the backlog of PCT applications."],
        },
    ]
    visit = {
        "id": "jpo-2026",
        "title": "Visit of the Japan Patent Office delegation",
        "direction": "incoming",
        "host_organisation": "ipo",
        "guest_organisation": "jpo",
        "city": "Islamabad",
        "country": "PK",
        "start_date": "2026-05-12",
        "end_date": "2026-05-13",
        "status": "confirmed",
        "notes": "HOST ONLY visit note: budget approval pending.",
        "delegation": {
            "leader": "yamada",
            "members": ["yamada", "suzuki", "tanaka", {"person": "sato", "role": "interpreter"}],
        },
        "host_participants": ["minister", "chair", "dg"],
        "engagements": engagements,
        "statements": [
            {
                "engagement": "signing",
                "speaker": "minister",
                "style": "reported",
                "for_press": True,
                "text": "HOST ONLY press line: a milestone.",
            }
        ],
        "outcomes": [
            {
                "engagement": "signing",
                "kind": "agreement",
                "title": "HOST ONLY outcome: MoU on patent examination",
                "status": "signed",
            },
            {
                "engagement": "talks",
                "kind": "action",
                "owner": "dg",
                "title": "HOST ONLY follow-up: send the examiner list",
                "status": "open",
            },
            {
                "kind": "action",
                "owner": "minister",
                "title": "HOST ONLY follow-up: brief the Cabinet",
                "status": "open",
            },
        ],
    }
    return _document(
        [
            {
                "id": "jpo",
                "name": "Japan Patent Office",
                "short_name": "JPO",
                "native_name": "特許庁",
                "country": "JP",
                "kind": "government_agency",
            }
        ],
        people,
        visit,
    )


def saudi_document() -> dict[str, Any]:
    people = [
        _person(
            "abdulaziz",
            "Abdulaziz",
            "Al Saud",
            honorific="HRH Prince",
            native_name=LONG_NATIVE,
            position="Chief Executive Officer",
            organisation="saip",
            precedence=1,
            dietary="Halal; no shellfish",
        ),
        _person(
            "alswailem",
            "Abdulaziz",
            "Al-Swailem",
            honorific="Dr.",
            native_name="عبدالعزيز السويلم",
            position=DIRECTOR,
            organisation="saip",
            precedence=2,
        ),
        _person(
            "chair",
            "Farah",
            "Qureshi",
            honorific="Ms.",
            position="Chairperson",
            organisation="ipo",
            precedence=2,
        ),
    ]
    visit = {
        "id": "saip-2026",
        "title": "Visit of the Saudi Authority for Intellectual Property",
        "direction": "incoming",
        "host_organisation": "ipo",
        "guest_organisation": "saip",
        "city": "Islamabad",
        "country": "PK",
        "start_date": "2026-06-01",
        "end_date": "2026-06-01",
        "status": "confirmed",
        "delegation": {"leader": "abdulaziz", "members": ["abdulaziz", "alswailem"]},
        "engagements": [
            {
                "id": "call",
                "kind": "courtesy_call",
                "title": "Courtesy call on the Chairperson",
                "start": "2026-06-01T10:00",
                "end": "2026-06-01T10:45",
                "venue": "IPO-Pakistan",
                "city": "Islamabad",
                "organisation": "ipo",
                "host_attendees": ["chair"],
                "guest_attendees": ["abdulaziz", "alswailem"],
                "objectives": "HOST ONLY objective: agree a trademark data exchange.",
            },
            {
                "id": "dinner",
                "kind": "meal",
                "title": "Dinner in honour of the delegation",
                "start": "2026-06-01T20:00",
                "end": "2026-06-01T22:00",
                "venue": "Serena Hotel",
                "city": "Islamabad",
                "host_attendees": ["chair"],
                "guest_attendees": ["abdulaziz", "alswailem"],
            },
        ],
    }
    return _document(
        [
            {
                "id": "saip",
                "name": "Saudi Authority for Intellectual Property",
                "short_name": "SAIP",
                "native_name": "الهيئة السعودية للملكية الفكرية",
                "country": "SA",
                "kind": "government_agency",
            }
        ],
        people,
        visit,
    )


def _document(
    guests: list[dict[str, Any]], people: list[dict[str, Any]], visit: dict[str, Any]
) -> dict[str, Any]:
    return {
        "format": "visitdesk/1",
        "office": {
            "name": "Intellectual Property Organization of Pakistan",
            "short_name": "IPO-Pakistan",
            "city": "Islamabad",
            "country": "PK",
        },
        "organisations": [
            *guests,
            {
                "id": "ipo",
                "name": "Intellectual Property Organization of Pakistan",
                "short_name": "IPO-Pakistan",
                "country": "PK",
                "kind": "government_agency",
            },
            {
                "id": "moc",
                "name": "Ministry of Commerce",
                "short_name": "MoC",
                "country": "PK",
                "kind": "ministry",
            },
        ],
        "people": people,
        "visits": [visit],
    }
