"""A visit to print place cards and badges for, as a `visitdesk/1` document: a delegation with
Chinese, Japanese, Korean and Arabic names, an English name longer than any tent card line, an
interpreter and a member whose name is hostile text; a Pakistani host side with Urdu names and
a security officer without one; one engagement with some of them."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

LONG_NAME = (
    "His Excellency The Right Honourable Bartholomew Alexander Maximilian "
    "Montgomery-Fitzwilliam-Worthington"
)
HOSTILE = "Mr. O'BRIEN </PARA> <b>Bold</b> & Co"  # family name first, in capitals

# ref, honorific, given, family, native, position, precedence, organisation, family first
_PEOPLE: list[tuple[str, str, str, str, str | None, str, int, str | None, bool]] = [
    ("wang-li", "H.E. Mr.", "Li", "Wang", "王立", "Vice Minister of Commerce", 1, "mofcom",
     True),
    ("suzuki", "Ms.", "Hanako", "Suzuki", "鈴木花子", "Counsellor", 4, "mofa-jp", True),
    ("kim", "Dr.", "Min-jun", "Kim", "김민준", "Director, Korean Trade Office", 3, "kotra", True),
    ("al-farsi", "Mr.", "Khalid", "Al-Farsi", "خالد الفارسي", "Trade Attaché", 5, "uae", False),
    ("envoy", "His Excellency The Right Honourable", "Bartholomew Alexander Maximilian",
     "Montgomery-Fitzwilliam-Worthington", None,
     "Special Envoy for International Trade and Investment Cooperation", 2, "fcdo", False),
    ("chen", "Ms.", "Mei", "Chen", "陈梅", "Interpreter", 6, "mofcom", True),
    ("hostile", "Mr.", "<b>Bold</b> & Co", "O'Brien </para>", None, "<i>Adviser</i> & more",
     7, None, True),
    ("dastgir", "Engr.", "Khurram", "Dastgir Khan", "خرم دستگیر خان",
     "Federal Minister for Commerce", 1, "moc", False),
    ("ranjha", "Mr.", "Ahmed", "Ranjha", "احمد رانجھا", "Secretary Commerce", 2, "moc", False),
    ("shah", "Mr.", "Imran", "Shah", None, "Security Officer", 3, "moc", False),
]  # fmt: skip

# In the order the cards and badges print: the delegation (leader first), then the hosts.
NAMES = [
    "H.E. Mr. WANG Li",
    LONG_NAME,
    "Dr. KIM Min-jun",
    "Ms. SUZUKI Hanako",
    "Mr. Khalid Al-Farsi",
    "Ms. CHEN Mei",
    HOSTILE,
    "Engr. Khurram Dastgir Khan",
    "Mr. Ahmed Ranjha",
    "Mr. Imran Shah",
]
NATIVE = {
    "H.E. Mr. WANG Li": "王立",
    "Dr. KIM Min-jun": "김민준",
    "Ms. SUZUKI Hanako": "鈴木花子",
    "Mr. Khalid Al-Farsi": "خالد الفارسي",
    "Ms. CHEN Mei": "陈梅",
    "Engr. Khurram Dastgir Khan": "خرم دستگیر خان",
    "Mr. Ahmed Ranjha": "احمد رانجھا",
}


def _person(row: tuple[str, str, str, str, str | None, str, int, str | None, bool]) -> Any:
    ref, honorific, given, family, native, position, rank, organisation, first = row
    person: dict[str, Any] = {
        "id": ref, "honorific": honorific, "given_name": given, "family_name": family,
        "family_name_first": first, "position": position, "precedence": rank,
    }  # fmt: skip
    if organisation:
        person["organisation"] = organisation
    if native:
        person["native_name"] = native
    return person


_MEMBERS: list[Any] = ["suzuki", "kim", "wang-li", "al-farsi", "envoy"]
_MEMBERS += [{"person": "chen", "role": "interpreter"}, "hostile"]


def document() -> dict[str, Any]:
    organisations = [
        ("mofcom", "Ministry of Commerce of the People's Republic of China", "MOFCOM", "CN"),
        ("mofa-jp", "Embassy of Japan", None, "JP"),
        ("kotra", "Korea Trade-Investment Promotion Agency", "KOTRA", "KR"),
        ("uae", "Embassy of the United Arab Emirates", None, "AE"),
        ("fcdo", "Foreign, Commonwealth and Development Office", "FCDO", "GB"),
        ("moc", "Ministry of Commerce", "MoC", "PK"),
    ]
    return {
        "format": "visitdesk/1",
        "office": {"name": "Ministry of Commerce", "city": "Islamabad", "country": "PK"},
        "organisations": [
            {"id": ref, "name": name, "country": country, "kind": "ministry"}
            | ({"short_name": short} if short else {})
            for ref, name, short, country in organisations
        ],
        "people": [_person(row) for row in _PEOPLE],
        "visits": [
            {
                "id": "trade-2026",
                "title": "Visit of the Asian trade delegation",
                "direction": "incoming",
                "host_organisation": "moc",
                "guest_organisation": "mofcom",
                "city": "Islamabad",
                "country": "PK",
                "start_date": "2026-12-14",
                "end_date": "2026-12-15",
                # Entered out of order: precedence, not the file, decides the print order.
                "delegation": {
                    "leader": "wang-li",
                    "members": [
                        "suzuki",
                        "kim",
                        "wang-li",
                        "al-farsi",
                        "envoy",
                        {"person": "chen", "role": "interpreter"},
                        "hostile",
                    ],
                },
                "host_participants": ["ranjha", "dastgir", {"person": "shah", "role": "security"}],
                "engagements": [
                    {
                        "id": "talks",
                        "kind": "ministry_meeting",
                        "title": "Talks at the Ministry of Commerce",
                        "start": "2026-12-14T10:00",
                        "end": "2026-12-14T11:30",
                        "host_attendees": ["ranjha", "dastgir"],
                        "guest_attendees": ["kim", "chen", "wang-li"],
                    },
                    {
                        "id": "empty",
                        "kind": "other",
                        "title": "Wreath laying",
                        "start": "2026-12-15T09:00",
                        "end": "2026-12-15T09:30",
                    },
                ],
            }
        ],
    }


def write_visit(path: Path) -> Path:
    path.write_text(json.dumps(document(), ensure_ascii=False), encoding="utf-8")
    return path
