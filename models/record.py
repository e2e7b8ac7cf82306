"""The record type and the one schema from which JSON keys, CSV columns and Arrow types come."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

import pyarrow as pa

# The single definition of the output schema: (field, Arrow type, nullable).
SCHEMA_FIELDS: tuple[tuple[str, pa.DataType, bool], ...] = (
    ("source", pa.string(), False),
    ("row_index", pa.int64(), False),
    ("page_start", pa.int64(), True),
    ("page_end", pa.int64(), True),
    ("change_date", pa.string(), True),
    ("change_date_raw", pa.string(), False),
    ("item", pa.string(), False),
    ("item_path", pa.list_(pa.string()), False),
    ("before", pa.string(), False),
    ("after", pa.string(), False),
    ("timing", pa.string(), True),
    ("explanation", pa.string(), False),
    ("flags", pa.list_(pa.string()), False),
    ("confidence", pa.float64(), False),
)
FIELDS: tuple[str, ...] = tuple(name for name, _, _ in SCHEMA_FIELDS)
ARROW_SCHEMA: pa.Schema = pa.schema([pa.field(n, t, nullable=nl) for n, t, nl in SCHEMA_FIELDS])
# Columns that hold lists; CSV writes them as newline-joined text.
LIST_FIELDS: frozenset[str] = frozenset(n for n, t, _ in SCHEMA_FIELDS if pa.types.is_list(t))


@dataclass(slots=True)
class Record:
    """One row of an amendment table, cleaned.  Field order is the schema order."""

    source: str
    row_index: int
    page_start: int | None
    page_end: int | None
    change_date: str | None
    change_date_raw: str
    item: str
    item_path: list[str]
    before: str
    after: str
    timing: str | None
    explanation: str
    flags: list[str] = field(default_factory=list)
    confidence: float = 1.0

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Record:
        return cls(**{name: data.get(name) for name in FIELDS})


assert tuple(Record.__dataclass_fields__) == FIELDS, "Record and SCHEMA_FIELDS disagree"
