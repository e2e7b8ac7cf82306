"""piatable: amendment tables (変更箇所) of Japanese privacy impact assessments as clean data.

``extract(path)`` gives the records of one input; ``read(path)`` the same as a DataFrame, in the
spirit of ``camelot.read_pdf`` and ``tabula.read_pdf``.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from piatable.models import FIELDS, Record

from .errors import InputError, OcrUnavailable, PiatableError, SettingsError, UnreadablePDF
from .pipeline import DocumentResult, Kind, extract_document
from .settings import Settings

if TYPE_CHECKING:
    import pandas as pd

__version__ = "0.1.0"

__all__ = [
    "FIELDS",
    "DocumentResult",
    "InputError",
    "OcrUnavailable",
    "PiatableError",
    "Record",
    "Settings",
    "SettingsError",
    "UnreadablePDF",
    "__version__",
    "extract",
    "read",
]


def extract(path: str | Path, kind: Kind = "auto", settings: Settings | None = None) -> list[Record]:
    """The records of one input file.  Raises the input's error when it cannot be read."""
    result = extract_document(path, kind, settings)
    if result.status == "failure":
        raise InputError(result.errors[0][2])
    return result.records


def read(path: str | Path, kind: Kind = "auto", settings: Settings | None = None) -> pd.DataFrame:
    """The records of one input file as a pandas DataFrame with the schema's columns."""
    import pandas as pd

    records = extract(path, kind, settings)
    return pd.DataFrame([r.to_dict() for r in records], columns=list(FIELDS))
