"""Writers for the four output formats, all driven by the one schema in ``record.py``."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from .record import DATE_FIELDS, FIELDS, LIST_FIELDS, STRUCT_LIST_FIELDS, Record, arrow_schema

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


def write_csv(records: Iterable[Record], path: Path, encoding: str = "utf-8-sig") -> None:
    """CSV with a BOM by default so that Excel in Japan opens it.

    Lists of strings (``item_path``, ``flags``) are joined with a newline; ``diff`` is written as
    compact JSON (``[{"op": "deleted", "text": "…"}, …]``).

    With ``encoding='cp932'`` characters outside CP932 are written as ``?`` rather than failing,
    since a whole batch should not be lost to one rare glyph.
    """
    with path.open("w", encoding=encoding, errors="replace", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(FIELDS))
        writer.writeheader()
        for r in records:
            row = r.to_dict()
            for name in LIST_FIELDS:
                row[name] = "\n".join(row[name])
            for name in STRUCT_LIST_FIELDS:
                row[name] = json.dumps(row[name], ensure_ascii=False, separators=(",", ":"))
            writer.writerow(row)


def records_to_table(records: Iterable[Record]) -> pa.Table:
    import datetime as dt

    import pyarrow as pa

    rows = records_to_dicts(records)
    for row in rows:
        for name in DATE_FIELDS:
            if row[name] is not None:
                row[name] = dt.date.fromisoformat(row[name])
    return pa.Table.from_pylist(rows, schema=arrow_schema())


def write_parquet(records: Iterable[Record], path: Path) -> None:
    import pyarrow.parquet as pq

    pq.write_table(records_to_table(records), path)


def write_records(
    records: list[Record], path: Path, fmt: str = "auto", csv_encoding: str = "utf-8-sig"
) -> str:
    """Write ``records`` to ``path``; returns the format used."""
    fmt = format_for(path, fmt)
    path.parent.mkdir(parents=True, exist_ok=True)
    if fmt == "json":
        write_json(records, path)
    elif fmt == "jsonl":
        write_jsonl(records, path)
    elif fmt == "csv":
        write_csv(records, path, encoding=csv_encoding)
    else:
        write_parquet(records, path)
    return fmt
