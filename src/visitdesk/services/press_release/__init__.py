"""Press releases: drafted from a visit's record (`draft`), kept as numbered records (`record`).

Pure Python over the domain models: no Qt, no reportlab.
"""

from visitdesk.services.press_release.draft import PressReleaseDraft, draft_press_release

__all__ = ["PressReleaseDraft", "draft_press_release"]
