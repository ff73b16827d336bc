"""Errors of the use cases; each message is written for the officer who sees it."""

from __future__ import annotations


class ServiceError(Exception):
    """Something the user asked for cannot be done; `str()` says why in plain words."""


class NotFoundError(ServiceError):
    """A visit, person or organisation named by the user does not exist."""


class ConflictError(ServiceError):
    """The request clashes with what is stored (a number used twice, an edited draft)."""
