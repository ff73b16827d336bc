"""PDF documents built with reportlab: the press release, the briefing pack.

`visitdesk.documents.text` is the shared text layer (fonts, scripts, right-to-left); `styles`
holds the house styles and `letterhead` the office's page furniture. Nothing here imports Qt.
"""
