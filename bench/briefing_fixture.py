"""A synthetic visit for the briefing-pack benchmark, in `visitdesk/1`: 5 days, 40 engagements,
30 delegates each with a camera-sized photo, names in Latin, Chinese, Japanese and Urdu, and an
earlier visit between the same organisations so that every brief has a background section.

Deterministic (seeded), so that the benchmark measures the same work each run.
"""

from __future__ import annotations

import base64
import io
import random
from datetime import date, datetime, timedelta
from typing import Any

KINDS = [
    "ministry_meeting",
    "courtesy_call",
    "signing_ceremony",
    "office_visit",
    "university_visit",
    "meal",
    "site_visit",
    "press_event",
]
NATIVE = ["何志敏", "鈴木一郎", "عمران خان", "张伟", "田中花子", "محمد علی", "李娜", "佐藤健"]
HOSTS = ["moc", "mofa", "ipo", "moit", "hec"]


def photo(seed: int, size: tuple[int, int] = (1200, 1500)) -> str:
    """A JPEG the size a phone makes (1200×1500, a few hundred kilobytes), as base64."""
    from PIL import Image, ImageDraw

    rng = random.Random(seed)
    image = Image.new("RGB", size, (rng.randrange(120, 220), rng.randrange(120, 200), 170))
    draw = ImageDraw.Draw(image)
    for _ in range(200):  # enough detail that the JPEG does not compress to nothing
        x, y = rng.randrange(size[0]), rng.randrange(size[1])
        r = rng.randrange(20, 160)
        colour = (rng.randrange(256), rng.randrange(256), rng.randrange(256))
        draw.ellipse((x - r, y - r, x + r, y + r), fill=colour)
    out = io.BytesIO()
    image.save(out, "JPEG", quality=92)
    return base64.b64encode(out.getvalue()).decode()


def visit_document(seed: int = 2017) -> dict[str, Any]:
    rng = random.Random(seed)
    organisations = [
        {
            "id": "guest-org",
            "name": "State Intellectual Property Office",
            "short_name": "SIPO",
            "native_name": "国家知识产权局",
            "country": "CN",
            "kind": "government_agency",
        },
        *[
            {
                "id": ref,
                "name": f"Host Organisation {ref.upper()}",
                "short_name": ref.upper(),
                "country": "PK",
                "kind": "ministry",
            }
            for ref in HOSTS
        ],
    ]
    people: list[dict[str, Any]] = []
    for i in range(30):
        people.append(
            {
                "id": f"delegate-{i}",
                "honorific": rng.choice(["Dr.", "Mr.", "Ms.", "Prof."]),
                "given_name": f"Given{i}",
                "family_name": f"Family{i}",
                "family_name_first": i % 3 != 2,
                "native_name": NATIVE[i % len(NATIVE)],
                "position": f"Director of Department {i}",
                "organisation": "guest-org",
                "precedence": i + 1,
                "bio": (f"Delegate {i} has served in the office for {10 + i} years. " * 6).strip(),
                "dietary": "Vegetarian" if i % 4 == 0 else None,
                "medical": "Diabetic" if i % 9 == 0 else None,
                "photo": {"media_type": "image/jpeg", "data": photo(seed + i)},
            }
        )
    for i in range(12):
        people.append(
            {
                "id": f"host-{i}",
                "honorific": "Mr.",
                "given_name": f"Host{i}",
                "family_name": f"Officer{i}",
                "native_name": "محمد علی" if i % 2 else None,
                "position": f"Joint Secretary {i}",
                "organisation": HOSTS[i % len(HOSTS)],
                "precedence": i + 1,
            }
        )
    start = date(2017, 3, 20)
    engagements = []
    for n in range(40):
        day = start + timedelta(days=n // 8)
        begin = datetime(day.year, day.month, day.day, 8) + timedelta(minutes=75 * (n % 8))
        guests = ["delegate-0", *rng.sample([f"delegate-{i}" for i in range(1, 30)], 7)]
        engagements.append(
            {
                "id": f"e{n}",
                "kind": KINDS[n % len(KINDS)],
                "title": f"Engagement {n + 1}: working session on cooperation area {n % 7}",
                "start": begin.strftime("%Y-%m-%dT%H:%M"),
                "end": (begin + timedelta(minutes=60)).strftime("%Y-%m-%dT%H:%M"),
                "venue": f"Committee Room {n % 5}, Block {chr(65 + n % 4)}",
                "city": "Islamabad",
                "organisation": HOSTS[n % len(HOSTS)],
                "host_attendees": rng.sample([f"host-{i}" for i in range(12)], 4),
                "guest_attendees": guests,
                "objectives": "Agree the next steps of the cooperation programme. " * 3,
                "talking_points": [
                    f"Point {k}: " + "we welcome the progress made. " * 3 for k in range(5)
                ],
            }
        )
    earlier = [
        {
            "id": f"past-{n}",
            "kind": "ministry_meeting",
            "title": f"Earlier talks {n}",
            "start": f"2015-05-1{n}T10:00",
            "end": f"2015-05-1{n}T11:00",
            "venue": "Old Secretariat",
            "city": "Islamabad",
            "organisation": HOSTS[n % len(HOSTS)],
            "host_attendees": ["host-0"],
            "guest_attendees": ["delegate-0"],
        }
        for n in range(5)
    ]
    members = [
        {"person": f"delegate-{i}", "role": "interpreter" if i == 29 else None} for i in range(30)
    ]
    visits = [
        {
            "id": "bench-2015",
            "title": "Earlier visit of the SIPO delegation",
            "direction": "incoming",
            "host_organisation": "moc",
            "guest_organisation": "guest-org",
            "city": "Islamabad",
            "country": "PK",
            "start_date": "2015-05-10",
            "end_date": "2015-05-15",
            "status": "concluded",
            "delegation": {"leader": "delegate-0", "members": ["delegate-0"]},
            "engagements": earlier,
            "outcomes": [
                {
                    "engagement": "past-0",
                    "kind": "agreement",
                    "title": "Framework agreement",
                    "status": "signed",
                }
            ],
        },
        {
            "id": "bench-2017",
            "title": "Visit of the SIPO delegation (benchmark)",
            "direction": "incoming",
            "host_organisation": "moc",
            "guest_organisation": "guest-org",
            "city": "Islamabad",
            "country": "PK",
            "start_date": "2017-03-20",
            "end_date": "2017-03-24",
            "status": "confirmed",
            "delegation": {
                "description": "a delegation of thirty",
                "leader": "delegate-0",
                "members": [m if m["role"] else m["person"] for m in members],
            },
            "host_participants": [f"host-{i}" for i in range(12)],
            "engagements": engagements,
            "outcomes": [
                {
                    "engagement": f"e{n}",
                    "kind": "action",
                    "title": f"Follow-up action {n}",
                    "status": "open",
                    "owner": "host-0",
                    "due_date": "2017-06-30",
                }
                for n in range(0, 40, 4)
            ],
        },
    ]
    return {
        "format": "visitdesk/1",
        "office": {
            "name": "Intellectual Property Organization of Pakistan",
            "short_name": "IPO-Pakistan",
            "city": "Islamabad",
            "country": "PK",
        },
        "organisations": organisations,
        "people": people,
        "visits": visits,
    }
