"""Typed errors; the CLI turns each into one line naming the file."""

from __future__ import annotations


class PiatableError(Exception):
    """Base of every error piatable raises on purpose."""


class InputError(PiatableError):
    """An input cannot be read at all (missing, empty, binary, undecodable)."""


class NotAnInput(InputError):
    """A file that is neither a PDF, an image nor text (a binary file of another kind)."""


class UnreadablePDF(InputError):
    """A PDF that is corrupt, truncated or encrypted."""


class OcrUnavailable(PiatableError):
    """tesseract or its ``jpn`` data is missing."""


class SettingsError(PiatableError):
    """A bad settings key or value."""


class InternalError(PiatableError):
    """A fault of piatable's own while reading an input (a bug: please report it with the file);
    the library API raises it with the original exception as its ``__cause__``, so that a loop
    over many inputs that catches ``PiatableError`` goes on."""
