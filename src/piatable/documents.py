"""The document facts of each input, written one entry per input (JSON, JSON Lines or CSV by suffix).

The facts themselves come from the cover page (``piatable.normalize.cover``).
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from pathlib import Path

from piatable.models import DocumentResult

DOCUMENT_FIELDS = ("source", "assessment_number", "assessment_name", "agency", "published", "published_raw")


def write_documents(results: Iterable[DocumentResult], path: str | Path) -> None:
    """One entry per input with its cover facts (empty strings when none were found)."""
    path = Path(path)
    rows = []
    for res in results:
        facts = getattr(res, "documents", None) or {}
        rows.append({k: (res.source if k == "source" else facts.get(k, "")) for k in DOCUMENT_FIELDS})
    suffix = path.suffix.lower()
    if suffix == ".csv":
        with path.open("w", encoding="utf-8-sig", newline="") as fh:
            w = csv.DictWriter(fh, fieldnames=list(DOCUMENT_FIELDS))
            w.writeheader()
            w.writerows(rows)
    elif suffix == ".jsonl":
        path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), "utf-8")
    else:
        path.write_text(json.dumps(rows, ensure_ascii=False, indent=1) + "\n", "utf-8")
