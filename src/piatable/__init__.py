"""piatable: amendment tables (変更箇所) of Japanese privacy impact assessments as clean data.

``extract(path)`` gives the records of one input; ``read(path)`` the same as a DataFrame, in the
spirit of ``camelot.read_pdf`` and ``tabula.read_pdf``; ``extract_document(path)`` the records with
the input's status and notes, never raising for a bad input.  Errors are typed:
``PiatableError`` → ``InputError`` → ``UnreadablePDF``; ``OcrUnavailable``; ``SettingsError``.
``piatable.extract`` is at the same time the readers' package (``piatable.extract.pdf`` …): see
``piatable.api``.
"""

from __future__ import annotations

from piatable.models import FIELDS, DocumentResult, Record

from . import extract
from ._version import __version__
from .api import EntryPackage, read
from .errors import (
    InputError,
    InternalError,
    NotAnInput,
    OcrUnavailable,
    PiatableError,
    SettingsError,
    UnreadablePDF,
)
from .pipeline import Kind, extract_document
from .settings import Settings

# The readers' package doubles as the entry point ``piatable.extract(path)``.
extract.__class__ = EntryPackage

__all__ = [
    "FIELDS",
    "DocumentResult",
    "InputError",
    "InternalError",
    "Kind",
    "NotAnInput",
    "OcrUnavailable",
    "PiatableError",
    "Record",
    "Settings",
    "SettingsError",
    "UnreadablePDF",
    "__version__",
    "extract",
    "extract_document",
    "read",
]
