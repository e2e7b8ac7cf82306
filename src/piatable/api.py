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

from .errors import InternalError, PiatableError
from .pipeline import KINDS, Kind, read_document
from .settings import Settings

if TYPE_CHECKING:
    import pandas as pd


def extract_records(path: str | Path, kind: Kind = "auto", settings: Settings | None = None) -> list[Record]:
    """The records (one per table row, in printed order) of one input file.

    ``path``: a PDF, a scanned image (PNG, JPEG, TIFF, BMP) or a text file; ``kind``: ``auto``,
    ``pdf``, ``scan`` or ``text``.  Raises the reader's own error when the input cannot be
    read: ``InputError`` (missing, empty, binary, undecodable), ``UnreadablePDF`` (corrupt,
    truncated, encrypted; a subclass of ``InputError``), ``OcrUnavailable`` (tesseract or
    ``jpn`` missing), ``InternalError`` (a fault of piatable's own, the original exception as its
    ``__cause__``), all ``PiatableError``; ``ValueError`` for an unknown ``kind``.  A document
    without a table gives ``[]``; ``extract_document`` gives the status and notes as well.
    """
    if kind not in KINDS:
        raise ValueError(f"kind must be one of {', '.join(KINDS)}, not {kind!r}")
    try:
        return read_document(path, kind, settings).records
    except PiatableError:
        raise
    except Exception as e:  # a reader's bug: typed, so that a batch catching PiatableError goes on
        raise InternalError(f"{path}: unexpected error, please report it ({type(e).__name__}: {e})") from e


def read(path: str | Path, kind: Kind = "auto", settings: Settings | None = None) -> pd.DataFrame:
    """The records of one input file as a pandas DataFrame, one row per table row, with the
    schema's columns (``FIELDS``); raises as ``extract`` does."""
    import pandas as pd

    records = extract_records(path, kind, settings)
    return pd.DataFrame([r.to_dict() for r in records], columns=list(FIELDS))


class EntryPackage(types.ModuleType):
    """A package that, called, extracts: ``piatable.extract(path, kind, settings)``."""

    def __call__(
        self, path: str | Path, kind: Kind = "auto", settings: Settings | None = None
    ) -> list[Record]:
        return extract_records(path, kind, settings)
