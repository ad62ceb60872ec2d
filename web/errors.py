"""Errors the services raise, shared by every package.

Endpoints do not check for a missing record themselves: a service raises ``NotFound`` and
the app's exception handler (``web.error_pages.not_found``) answers with the same 404 page
as any other.
"""

from __future__ import annotations


class NotFound(LookupError):
    """No such record, or not one this person may see (the two look the same, so a board
    member cannot learn that another board's draft exists)."""


class InvalidInput(ValueError):
    """What was sent cannot be saved; ``errors`` maps a field name to a plain message."""

    def __init__(self, errors: dict[str, str]) -> None:
        super().__init__("; ".join(errors.values()))
        self.errors = errors
