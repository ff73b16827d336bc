"""A synthetic ten-year office in `visitdesk/1`: 2,000 visits, 40,000 engagements, 20,000 people.

Deterministic (seeded), with names in Latin, Chinese, Japanese and Urdu, so that benchmarks
measure the same work each run.
"""

from __future__ import annotations

import json
import random
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

KINDS = [
    "ministry_meeting",
    "university_visit",
    "office_visit",
    "courtesy_call",
    "signing_ceremony",
    "meal",
    "transfer",
    "site_visit",
    "press_event",
    "other",
]
COUNTRIES = ["CN", "JP", "SA", "TR", "DE", "GB", "US", "KR", "AE", "MY"]
NATIVE = ["何志敏", "鈴木一郎", "عمران خان", "张伟", "田中花子", "محمد علی", None, None]


def office_document(
    visits: int = 2000, engagements_per_visit: int = 20, people: int = 20000, seed: int = 2017
) -> dict[str, Any]:
    rng = random.Random(seed)
    organisations = [
        {
            "id": f"org-{i}",
            "name": f"Organisation {i}",
            "short_name": f"O{i}",
            "country": COUNTRIES[i % len(COUNTRIES)] if i % 4 else "PK",
            "kind": "ministry" if i % 3 else "university",
        }
        for i in range(400)
    ]
    host_orgs = [o["id"] for o in organisations if o["country"] == "PK"]
    persons = [
        {
            "id": f"p-{i}",
            "honorific": rng.choice(["Dr.", "Mr.", "Ms.", "Engr."]),
            "given_name": f"Given{i}",
            "family_name": f"Family{i}",
            "family_name_first": i % 3 == 0,
            "native_name": rng.choice(NATIVE),
            "position": f"Director {i % 50}",
            "organisation": f"org-{i % 400}",
            "precedence": 1 + i % 12,
            "bio": "Served in the ministry. " * 3,
        }
        for i in range(people)
    ]
    hosts = [p["id"] for i, p in enumerate(persons) if (i % 400) in {int(h[4:]) for h in host_orgs}]
    guests = [p["id"] for p in persons if p["id"] not in set(hosts)]
    start = date(2016, 1, 4)
    out_visits = []
    for v in range(visits):
        first = start + timedelta(days=v * 365 * 10 // visits)
        days = 1 + v % 4
        members = rng.sample(guests, 8)
        host_people = rng.sample(hosts, 6)
        engagements = []
        for e in range(engagements_per_visit):
            day = first + timedelta(days=e % days)
            begin = datetime.combine(day, datetime.min.time()) + timedelta(
                hours=8 + (e // days) % 10
            )
            engagements.append(
                {
                    "id": f"e{e}",
                    "kind": KINDS[e % len(KINDS)],
                    "title": f"Engagement {e} of visit {v}",
                    "start": begin.isoformat(timespec="minutes"),
                    "end": (begin + timedelta(minutes=50)).isoformat(timespec="minutes"),
                    "venue": f"Venue {e}",
                    "city": "Islamabad",
                    "organisation": rng.choice(host_orgs),
                    "objectives": "Review cooperation.",
                    "talking_points": ["Point one.", "Point two."],
                    "host_attendees": rng.sample(host_people, 2),
                    "guest_attendees": members[:3],
                }
            )
        out_visits.append(
            {
                "id": f"visit-{v:04d}",
                "title": f"Visit of delegation {v}",
                "direction": "incoming",
                "host_organisation": host_orgs[v % len(host_orgs)],
                "guest_organisation": f"org-{v % 400}",
                "city": "Islamabad",
                "country": "PK",
                "start_date": first.isoformat(),
                "end_date": (first + timedelta(days=days - 1)).isoformat(),
                "status": "concluded",
                "delegation": {
                    "description": "delegation",
                    "leader": members[0],
                    "members": members,
                },
                "engagements": engagements,
                "statements": [
                    {
                        "engagement": "e0",
                        "speaker": members[0],
                        "style": "reported",
                        "for_press": True,
                        "text": "Cooperation will grow.",
                    }
                ],
                "outcomes": [
                    {
                        "engagement": "e1",
                        "kind": "action",
                        "title": "Send the minutes",
                        "owner": host_people[0],
                        "status": "open",
                        "due_date": (first + timedelta(days=30)).isoformat(),
                    }
                ],
            }
        )
    return {
        "format": "visitdesk/1",
        "note": "synthetic office for benchmarks",
        "office": {"name": "Synthetic Office", "city": "Islamabad", "country": "PK"},
        "organisations": organisations,
        "people": persons,
        "visits": out_visits,
    }


def write(path: Path, **sizes: int) -> Path:
    path.write_text(json.dumps(office_document(**sizes), ensure_ascii=False), encoding="utf-8")
    return path
