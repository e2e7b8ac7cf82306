"""The record type and the one schema from which JSON keys, CSV columns and Arrow types come."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pyarrow as pa

# The single definition of the output schema: (field, type, nullable).  Types are named here and
# turned into Arrow types only when Parquet is written, so that reading a document does not
# pay for importing pyarrow.
SCHEMA_FIELDS: tuple[tuple[str, str, bool], ...] = (
    ("source", "string", False),
    ("row_index", "int64", False),
    ("page_start", "int64", True),
    ("page_end", "int64", True),
    ("change_date", "string", True),
    ("change_date_raw", "string", False),
    ("item", "string", False),
    ("item_path", "list<string>", False),
    ("before", "string", False),
    ("after", "string", False),
    ("timing", "string", True),
    ("explanation", "string", False),
    ("flags", "list<string>", False),
    ("confidence", "float64", False),
    # --- research fields (issue 14): canonical item key, what changed, raw timing -------------
    ("item_key", "string", False),
    ("item_section", "string", True),
    ("item_file", "string", True),
    ("item_instance", "string", True),
    ("change_kind", "string", False),
    ("diff", "list<struct<op:string,text:string>>", False),
    ("timing_raw", "string", False),
    # Words the PDF underlines or strikes out (amendment tables underline the changed words), as
    # "<mark>:<field>:<text>", mark ``underlined`` or ``struck``: data, not a doubt.
    ("marks", "list<string>", False),
    # --- end of research fields ------------------------------------------------------------------
    # --- honest output (issue 12): how sure each cell is (calibrated like ``confidence``) ----
    # One number per field of CELL_FIELDS; Parquet: a struct of float64; CSV: a JSON object.
    ("cell_confidence", "struct<cells>", False),
    # Why the row is in doubt, one line per finding: "<field or row>: <flag>: <why>".
    ("evidence", "list<string>", False),
)
# The fields ``cell_confidence`` holds a number for (the six printed columns).
CELL_FIELDS: tuple[str, ...] = ("change_date", "item", "before", "after", "timing", "explanation")
FIELDS: tuple[str, ...] = tuple(name for name, _, _ in SCHEMA_FIELDS)
# Columns that hold lists of strings; CSV writes them as newline-joined text.
LIST_FIELDS: frozenset[str] = frozenset(n for n, t, _ in SCHEMA_FIELDS if t == "list<string>")
# Columns that hold lists of records (``diff``); CSV writes them as compact JSON text.
STRUCT_LIST_FIELDS: frozenset[str] = frozenset(n for n, t, _ in SCHEMA_FIELDS if t.startswith("list<struct<"))
# Columns typed as dates in Parquet (ISO ``YYYY-MM-DD`` strings in JSON and CSV).
DATE_FIELDS: frozenset[str] = frozenset(("change_date",))
# Columns that hold a mapping; CSV writes them as a JSON object.
MAP_FIELDS: frozenset[str] = frozenset(n for n, t, _ in SCHEMA_FIELDS if t.startswith("struct<"))


def arrow_schema() -> pa.Schema:
    """The Arrow/Parquet schema, from ``SCHEMA_FIELDS``."""
    import pyarrow as pa

    types = {
        "string": pa.string(),
        "int64": pa.int64(),
        "float64": pa.float64(),
        "list<string>": pa.list_(pa.string()),
        "struct<cells>": pa.struct([pa.field(f, pa.float64()) for f in CELL_FIELDS]),
        "list<struct<op:string,text:string>>": pa.list_(
            pa.struct([pa.field("op", pa.string()), pa.field("text", pa.string())])
        ),
    }

    def arrow_type(name: str, t: str) -> pa.DataType:
        return pa.date32() if name in DATE_FIELDS else types[t]

    return pa.schema([pa.field(n, arrow_type(n, t), nullable=nl) for n, t, nl in SCHEMA_FIELDS])


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
    # --- research fields (issue 14) ---------------------------------------------------------------
    item_key: str = ""
    item_section: str | None = None
    item_file: str | None = None
    item_instance: str | None = None
    change_kind: str = ""
    diff: list[dict[str, str]] = field(default_factory=list)
    timing_raw: str = ""
    marks: list[str] = field(default_factory=list)
    # --- end of research fields -------------------------------------------------------------------
    cell_confidence: dict[str, float] = field(default_factory=dict)
    evidence: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """The record as a dict of the schema's fields, in schema order.

        Lists and dicts are copied one level deep (the ``diff`` operations too), which is all the
        nesting the schema has: the same result as ``dataclasses.asdict`` at a seventh of its cost
        (asdict recurses through every value; a bulk run's parent converts every record).
        """
        out: dict[str, Any] = {}
        for name in FIELDS:
            value = getattr(self, name)
            if isinstance(value, list):
                value = [dict(v) if isinstance(v, dict) else v for v in value]
            elif isinstance(value, dict):
                value = dict(value)
            out[name] = value
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Record:
        """A record from a dict; a missing field without a default is None, others keep theirs."""
        from dataclasses import MISSING, fields

        required = {f.name for f in fields(cls) if f.default is MISSING and f.default_factory is MISSING}
        return cls(**{n: data.get(n) for n in FIELDS if n in data or n in required})


assert tuple(Record.__dataclass_fields__) == FIELDS, "Record and SCHEMA_FIELDS disagree"
