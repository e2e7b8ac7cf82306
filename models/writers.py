"""Writers for the four output formats, all driven by the one schema in ``record.py``."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from .record import (
    CELL_FIELDS,
    DATE_FIELDS,
    FIELDS,
    LIST_FIELDS,
    MAP_FIELDS,
    STRUCT_LIST_FIELDS,
    Record,
    arrow_schema,
)

if TYPE_CHECKING:
    import pyarrow as pa

FORMATS: tuple[str, ...] = ("json", "jsonl", "csv", "parquet")


def format_for(path: Path, requested: str = "auto") -> str:
    """The output format: the one requested, else the suffix of ``path``."""
    if requested != "auto":
        if requested not in FORMATS:
            raise ValueError(f"unknown format {requested!r}; choose one of {', '.join(FORMATS)}")
        return requested
    suffix = path.suffix.lower().lstrip(".")
    if suffix in FORMATS:
        return suffix
    if suffix in ("ndjson",):
        return "jsonl"
    if suffix in ("pq",):
        return "parquet"
    raise ValueError(f"cannot tell the format from {path.name!r}; add --format json|jsonl|csv|parquet")


def records_to_dicts(records: Iterable[Record]) -> list[dict]:
    return [r.to_dict() for r in records]


def write_json(records: Iterable[Record], path: Path) -> None:
    path.write_text(
        json.dumps(records_to_dicts(records), ensure_ascii=False, indent=2) + "\n",
        encoding="utf-8",
    )


def write_jsonl(records: Iterable[Record], path: Path) -> None:
    with path.open("w", encoding="utf-8") as fh:
        for r in records:
            fh.write(json.dumps(r.to_dict(), ensure_ascii=False) + "\n")


class UnencodableText(ValueError):
    """Text that the chosen CSV encoding cannot hold; ``chars`` lists the characters."""

    def __init__(self, encoding: str, chars: list[str], rows: int) -> None:
        self.encoding, self.chars, self.rows = encoding, chars, rows
        super().__init__(
            f"{cannot_hold(encoding, chars, rows)}; "
            "use --csv-errors replace to write them as '?', or a UTF-8 --csv-encoding"
        )


def cannot_hold(encoding: str, chars: list[str], rows: int) -> str:
    """``cp932 cannot hold 𠮷 (U+20BB7) in 1 row(s)``: at most ``MAX_CHARS_NAMED`` characters named."""
    shown = ", ".join(f"{c} (U+{ord(c):04X})" for c in chars[:MAX_CHARS_NAMED])
    more = f" and {len(chars) - MAX_CHARS_NAMED} more" if len(chars) > MAX_CHARS_NAMED else ""
    return f"{encoding} cannot hold {shown}{more} in {rows} row(s)"


# Unencodable characters named in the error message at most.
MAX_CHARS_NAMED = 10


def _csv_rows(records: Iterable[Record]) -> Iterator[dict]:
    """Each record as a CSV row: lists of strings newline-joined, ``diff`` as compact JSON."""
    for r in records:
        row = r.to_dict()
        for name in LIST_FIELDS:
            row[name] = "\n".join(row[name])
        for name in STRUCT_LIST_FIELDS:
            row[name] = json.dumps(row[name], ensure_ascii=False, separators=(",", ":"))
        for name in MAP_FIELDS:
            row[name] = json.dumps(row[name], ensure_ascii=False, sort_keys=True)
        yield row


def _holds(text: str, encoding: str) -> bool:
    """True when ``encoding`` writes ``text`` so that it reads back the same: Python's cp932
    writes some characters as others (U+2212 − as U+FF0D －, U+301C 〜 as U+FF5E ～), which is
    no more holding them than failing."""
    try:
        return text.encode(encoding).decode(encoding) == text
    except UnicodeEncodeError:
        return False


def unencodable_chars(records: Iterable[Record], encoding: str) -> tuple[list[str], int]:
    """The characters of ``records`` that ``encoding`` cannot hold (sorted: it cannot encode them,
    or writes them as other characters) and the rows holding them."""
    chars: set[str] = set()
    rows = 0
    for row in _csv_rows(records):
        bad = False
        for value in row.values():
            if not isinstance(value, str) or _holds(value, encoding):
                continue
            bad = True
            chars.update(ch for ch in value if not _holds(ch, encoding))
        rows += bad
    return sorted(chars), rows


def write_csv(
    records: Iterable[Record], path: Path, encoding: str = "utf-8-sig", errors: str = "strict"
) -> None:
    """CSV with a BOM by default so that Excel in Japan opens it.

    Lists of strings (``item_path``, ``flags``) are joined with a newline; ``diff`` is written as
    compact JSON (``[{"op": "deleted", "text": "…"}, …]``), ``cell_confidence`` as a JSON
    object (``{"change_date": 0.99, …}``).  With an encoding that cannot hold
    every character (``cp932`` and a rare kanji, say) this raises ``UnencodableText`` naming the
    characters before anything is written (also those it would write as other characters: cp932
    writes − U+2212 as － U+FF0D), unless ``errors='replace'`` asks for ``?`` (and the
    look-alikes) instead.
    """
    records = list(records)
    if errors == "strict":
        chars, rows = unencodable_chars(records, encoding)
        if chars:
            raise UnencodableText(encoding, chars, rows)
    with path.open("w", encoding=encoding, errors=errors, newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(FIELDS))
        writer.writeheader()
        writer.writerows(_csv_rows(records))


# date32 values are days since this day.
_EPOCH_ORDINAL = 719163  # datetime.date(1970, 1, 1).toordinal()


def rows_to_table(rows: Iterable[dict], schema: pa.Schema) -> pa.Table:
    """An Arrow table of ``schema`` from dicts of plain JSON values (a ``date32`` column as days
    since 1970-01-01; a key the schema lacks, also inside a struct, is ignored; one it has but a
    dict lacks is null).

    Built by Arrow's JSON reader from one JSON line per row: the table ``pa.Table.from_pylist``
    gives (``test_outputs`` compares them), at about its cost, but without the import of pandas
    that ``pa.array`` makes on Python objects when pandas is installed (about 0.4 s in each
    process: a bulk run's parent and every worker pay it before their first document).
    """
    import pyarrow as pa
    import pyarrow.json as pj

    lines = [json.dumps(row, ensure_ascii=False) for row in rows]
    if not lines:
        return pa.Table.from_batches([], schema=schema)  # (empty_table() would import pandas)
    data = ("\n".join(lines) + "\n").encode("utf-8")
    table = pj.read_json(
        pa.BufferReader(data),
        # One block holds every line: a row is never split, and no thread is started.
        read_options=pj.ReadOptions(use_threads=False, block_size=len(data) + 1),
        parse_options=pj.ParseOptions(explicit_schema=schema, unexpected_field_behavior="ignore"),
    )
    # The reader leaves every field nullable; the schema's own fields (``cast`` would do the same,
    # but imports pyarrow.compute: 0.1 s).
    return pa.Table.from_arrays(table.columns, schema=schema)


def records_to_table(records: Iterable[Record]) -> pa.Table:
    """The records as an Arrow table of ``arrow_schema`` (``rows_to_table``)."""
    import datetime as dt

    # Shallow dicts: the JSON line is all that is made of them, and only their own keys change.
    rows = [{name: getattr(r, name) for name in FIELDS} for r in records]
    for row in rows:
        for name in DATE_FIELDS:
            if row[name] is not None:
                row[name] = dt.date.fromisoformat(row[name]).toordinal() - _EPOCH_ORDINAL
        cells = row.get("cell_confidence") or {}  # a struct needs every key
        row["cell_confidence"] = {f: cells.get(f) for f in CELL_FIELDS}
    return rows_to_table(rows, arrow_schema())


def write_parquet(records: Iterable[Record], path: Path) -> None:
    import pyarrow.parquet as pq

    pq.write_table(records_to_table(records), path)


def write_records(
    records: list[Record],
    path: Path,
    fmt: str = "auto",
    csv_encoding: str = "utf-8-sig",
    csv_errors: str = "strict",
) -> str:
    """Write ``records`` to ``path``; returns the format used."""
    fmt = format_for(path, fmt)
    path.parent.mkdir(parents=True, exist_ok=True)
    if fmt == "json":
        write_json(records, path)
    elif fmt == "jsonl":
        write_jsonl(records, path)
    elif fmt == "csv":
        write_csv(records, path, encoding=csv_encoding, errors=csv_errors)
    else:
        write_parquet(records, path)
    return fmt
