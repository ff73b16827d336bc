"""The office part of the API."""

from __future__ import annotations

from visitdesk.app.part import Part


class OfficeSetup(Part):
    pass
