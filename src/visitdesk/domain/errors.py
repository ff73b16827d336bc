"""Errors a rule raises; each message is written for the officer who caused it."""

from __future__ import annotations


class DomainError(ValueError):
    """A rule of protocol work was broken; the message says which, in plain words."""
