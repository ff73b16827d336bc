"""The organisations part of the API."""

from __future__ import annotations

from visitdesk.app.part import Part


class Organisations(Part):
    pass
