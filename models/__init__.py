"""Types and the one output schema of piatable (no heuristics here)."""

from .page import Line, PageWords, Word
from .record import FIELDS, Record
from .rows import COLUMNS, CellLine, RawRow

__all__ = ["COLUMNS", "FIELDS", "CellLine", "Line", "PageWords", "RawRow", "Record", "Word"]
