"""The document facts of each input, written one entry per input (JSON, JSON Lines or CSV by suffix).

The facts themselves come from the cover page (``piatable.normalize.cover``).
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from pathlib import Path

from piatable.models import DocumentResult

# Cover facts (normalize/cover.py) and what the run found; ``source`` joins them to the records.
COVER_FIELDS = ("assessment_number", "assessment_name", "agency", "published", "published_raw", "form")
DOCUMENT_FIELDS = (
    "source",
    *COVER_FIELDS,
    "kind",
    "status",
    "pages",
    "rows",
    "table_page_start",
    "table_page_end",
    "error",
    "notes",
)


def document_row(res: DocumentResult) -> dict[str, object]:
    """The document entry of one input: its cover facts (None when not printed or not found), its
    kind, status, page count, row count, the first and last page of its table (None when the
    pages are unknown), the reason of a failure or skip (``error``, None when there is none) and
    its ``notes`` (a list of lines).  ``published`` is ISO ``YYYY-MM-DD``; ``published_raw`` as
    printed."""
    facts = res.documents or {}
    starts = [r.page_start for r in res.records if r.page_start is not None]
    ends = [r.page_end for r in res.records if r.page_end is not None]
    return {
        "source": res.source,
        **{k: facts.get(k) or None for k in COVER_FIELDS},
        "kind": res.kind,
        "status": res.status,
        "pages": res.pages,
        "rows": len(res.records),
        "table_page_start": min(starts) if starts else None,
        "table_page_end": max(ends) if ends else None,
        "error": "; ".join(e[2] for e in res.errors) or None,
        "notes": list(res.notes),
    }


def write_documents(results: Iterable[DocumentResult], path: str | Path) -> None:
    """One entry per input with its cover facts and table pages (JSON, JSON Lines or CSV by the
    suffix of ``path``), written to a temporary name and renamed."""
    from .outputs import write_atomic

    path = Path(path)
    rows = [document_row(res) for res in results]
    suffix = path.suffix.lower()

    def write(tmp: Path) -> None:
        if suffix == ".csv":
            with tmp.open("w", encoding="utf-8-sig", newline="") as fh:
                w = csv.DictWriter(fh, fieldnames=list(DOCUMENT_FIELDS))
                w.writeheader()
                # A CSV cell holds text: the notes one per line.
                w.writerows({**r, "notes": "\n".join(r["notes"])} for r in rows)
        elif suffix == ".jsonl":
            tmp.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), "utf-8")
        else:
            tmp.write_text(json.dumps(rows, ensure_ascii=False, indent=1) + "\n", "utf-8")

    write_atomic(path, write)
