"""One error type for everything a user can cause.

Every message exists in English (the CLI) and Chinese (the UI). Anything that is not a FieldappError
is a bug: the CLI and the UI report it as an internal error and log the traceback to the data directory.
"""

from __future__ import annotations


class FieldappError(Exception):
    """A failure the user can understand and act on."""

    def __init__(self, en: str, zh: str | None = None) -> None:
        super().__init__(en)
        self.en = en
        self.zh = zh or en

    def message(self, lang: str = "en") -> str:
        return self.zh if lang.startswith("zh") else self.en


class NotFound(FieldappError):
    pass


class ValidationError(FieldappError):
    pass


class DatabaseRefused(FieldappError):
    """The file is not a fieldapp database, or it was written by a newer version."""
