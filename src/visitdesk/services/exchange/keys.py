"""The fields each record of the exchange format may have; the schema test keeps them in step."""

TOP = frozenset({"format", "note", "office", "organisations", "people", "visits"})
OFFICE = frozenset(
    {
        "name",
        "short_name",
        "city",
        "country",
        "press_release_prefix",
        "media_contact",
        "logo",
        "default_classification",
        "gift_deposit_authority",
    }
)
PICTURE = frozenset({"media_type", "data"})
ORGANISATION = frozenset({"id", "name", "short_name", "native_name", "country", "kind", "notes"})
PERSON = frozenset(
    {
        "id",
        "honorific",
        "given_name",
        "family_name",
        "family_name_first",
        "native_name",
        "position",
        "organisation",
        "precedence",
        "email",
        "phone",
        "bio",
        "dietary",
        "medical",
        "photo",
        "notes",
    }
)
VISIT = frozenset(
    {
        "id",
        "title",
        "direction",
        "host_organisation",
        "guest_organisation",
        "city",
        "country",
        "time_zone",
        "start_date",
        "end_date",
        "status",
        "delegation",
        "host_participants",
        "notes",
        "classification",
        "engagements",
        "statements",
        "outcomes",
        "press_releases",
        "travel",
        "hotels",
        "car_plans",
        "gifts",
    }
)
TALKING_POINT = frozenset({"text", "level"})
DELEGATION = frozenset({"description", "leader", "members"})
PARTICIPANT = frozenset({"person", "role", "liaison_officer"})
ENGAGEMENT = frozenset(
    {
        "id",
        "kind",
        "title",
        "start",
        "end",
        "venue",
        "city",
        "organisation",
        "objectives",
        "notes",
        "talking_points",
        "host_attendees",
        "guest_attendees",
        "sequence",
        "time_zone",
        "uid",
        "host_signatory",
        "guest_signatory",
    }
)
STATEMENT = frozenset({"engagement", "speaker", "text", "style", "for_press", "role"})
OUTCOME = frozenset(
    {
        "engagement",
        "kind",
        "title",
        "description",
        "status",
        "status_history",
        "next_step",
        "owner",
        "due_date",
    }
)
STATUS_CHANGE = frozenset({"status", "date", "note"})
PRESS_RELEASE = frozenset(
    {
        "number",
        "date",
        "city",
        "topic",
        "headline",
        "lead_quote",
        "lead_quote_attribution",
        "body",
        "status",
        "edited",
    }
)
GIFT = frozenset(
    {
        "direction",
        "engagement",
        "giver",
        "giver_name",
        "receiver",
        "receiver_name",
        "description",
        "date",
        "estimated_value",
        "currency",
        "photo",
        "decision",
        "reported_on",
        "deposited_on",
        "deposit_reference",
        "assessed_value",
        "notes",
    }
)
MEDIA_TYPES = frozenset({"image/png", "image/jpeg", "image/gif", "image/bmp", "image/webp"})
MAX_PICTURE_BYTES = 10 * 1024 * 1024
