"""Errors the CLI reports as one line."""

from __future__ import annotations


class UserFacingError(Exception):
    """An error whose message is enough for the user; ``exit_code`` as documented."""

    def __init__(self, message: str, exit_code: int = 1):
        super().__init__(message)
        self.exit_code = exit_code
