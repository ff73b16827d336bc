"""The press release as plain text, for pasting into an email to the media."""

from __future__ import annotations

from visitdesk.documents.release_content import ReleaseContent

END_MARK = "*****"


def press_release_text(content: ReleaseContent) -> str:
    number_line = f"{content.number_label} {content.topic}".strip()
    blocks = [content.office_name.upper(), "PRESS RELEASE", number_line]
    if content.headline:
        blocks.append(content.headline)
    if content.lead_quote:
        quote = f"“{content.lead_quote}”"
        if content.attribution:
            quote += f"\n…{content.attribution}"
        blocks.append(quote)
    blocks.append(content.dateline)
    blocks += content.paragraphs
    blocks.append(END_MARK)
    if content.media_contact and content.media_contact.strip():
        blocks.append(f"Media contact: {content.media_contact.strip()}")
    return "\n\n".join(blocks) + "\n"
