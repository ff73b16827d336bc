"""The small printed items of a visit: place cards (tent cards) and name badges.

`place_cards_pdf(printed_set)` and `badges_pdf(printed_set, colours)` draw the people of
`services.printed_items.PrintedSet` in its order, every name through the text layer (so
Chinese, Japanese, Korean, Arabic and Urdu are shaped and ordered as in every other document),
nothing typed read as markup, and no text ever cut: it is set smaller until it fits.
"""

from visitdesk.documents.printed_items.badges import BADGE_SIZE, badges_pdf
from visitdesk.documents.printed_items.place_cards import place_cards_pdf

__all__ = ["BADGE_SIZE", "badges_pdf", "place_cards_pdf"]
