"""PDF documents built with reportlab: the press release, the briefing pack.

`visitdesk.documents.text` is the shared text layer (fonts, scripts, right-to-left); `styles`
holds the house styles and `letterhead` the office's page furniture. Nothing here imports Qt.
"""

from visitdesk.documents.reportlab_start import defer_link_pattern

defer_link_pattern()  # before anything here imports reportlab's platypus (see that module)
