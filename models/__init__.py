"""Types and the one output schema of piatable (no heuristics here)."""

from .page import Line, PageWords, Reading, Unseen, Word, pdf_char
from .record import FIELDS, Record
from .result import DocumentResult, Status
from .rows import COLUMNS, CellLine, Doubt, RawRow

__all__ = [
    "COLUMNS",
    "FIELDS",
    "CellLine",
    "DocumentResult",
    "Doubt",
    "Line",
    "PageWords",
    "RawRow",
    "Reading",
    "Record",
    "Status",
    "Unseen",
    "Word",
    "pdf_char",
]
