"""The library API: ``piatable.extract(path)`` and ``piatable.read(path)``.

``piatable.extract`` is also the name of the readers' package (``piatable.extract.pdf``, …).  Python
keeps one attribute per name, so the package object itself is made callable (``EntryPackage``): calling
it runs :func:`extract_records`, and ``import piatable.extract.ocr`` still finds the subpackage.
"""

from __future__ import annotations

import types
from pathlib import Path
from typing import TYPE_CHECKING

from piatable.models import FIELDS, Record

from .errors import InputError
from .pipeline import Kind, extract_document
from .settings import Settings

if TYPE_CHECKING:
    import pandas as pd


def extract_records(path: str | Path, kind: Kind = "auto", settings: Settings | None = None) -> list[Record]:
    """The records of one input file.  Raises the input's error when it cannot be read."""
    result = extract_document(path, kind, settings)
    if result.status == "failure":
        raise InputError(result.errors[0][2])
    return result.records


def read(path: str | Path, kind: Kind = "auto", settings: Settings | None = None) -> pd.DataFrame:
    """The records of one input file as a pandas DataFrame with the schema's columns."""
    import pandas as pd

    records = extract_records(path, kind, settings)
    return pd.DataFrame([r.to_dict() for r in records], columns=list(FIELDS))


class EntryPackage(types.ModuleType):
    """A package that, called, extracts: ``piatable.extract(path, kind, settings)``."""

    def __call__(
        self, path: str | Path, kind: Kind = "auto", settings: Settings | None = None
    ) -> list[Record]:
        return extract_records(path, kind, settings)
