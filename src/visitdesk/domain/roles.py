"""A delegate's role on a visit, as stored (`interpreter`) and as read (`Interpreter`).

Older files and spreadsheets hold free text (`Press attaché`, `Interpreter`): a text naming one
of the roles counts as that role; any other text counts as `other`, its words kept and shown.
"""

from __future__ import annotations

from visitdesk.domain.enums import DelegateRole


def role_choice(stored: str | None) -> DelegateRole | None:
    """The role as the list offers it."""
    text = " ".join((stored or "").split()).casefold()
    if not text:
        return None
    for role in DelegateRole:
        if text in (role.value, role.label.casefold()):
            return role
    return DelegateRole.OTHER


def role_text(stored: str | None) -> str:
    """`Interpreter`; `Other (Press attaché)` for free text kept from an older file."""
    choice = role_choice(stored)
    if choice is None:
        return ""
    if choice is DelegateRole.OTHER and (stored or "").strip().casefold() != "other":
        return f"{choice.label} ({(stored or '').strip()})"
    return choice.label
