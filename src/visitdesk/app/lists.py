"""The lists part of the API."""

from __future__ import annotations

from visitdesk.app.part import Part


class Lists(Part):
    pass
