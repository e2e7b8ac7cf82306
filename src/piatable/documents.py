"""Document facts from an assessment's cover page: 評価書番号, 評価書名, 評価実施機関名, 公表日.

The cover of every assessment form prints these as labelled cells.  The label and its value
sit side by side on one line, or the labels form one row and the values the next (評価書番号 /
評価書名).  ``write_documents`` writes one entry per input (JSON, JSON Lines or CSV by suffix).
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

import regex

from piatable.normalize.dates import DATE, parse_date
from piatable.normalize.unicode import clean_text

if TYPE_CHECKING:
    from .pipeline import DocumentResult

# Printed label → output key.
COVER_LABELS: dict[str, str] = {
    "評価書番号": "assessment_number",
    "評価書名": "assessment_name",
    "評価実施機関名": "agency",
    "公表日": "published_raw",
}
DOCUMENT_FIELDS = ("source", "assessment_number", "assessment_name", "agency", "published", "published_raw")
# Pages searched for the cover (a cover may follow a blank or a letter page).
COVER_PAGES = 2

_WS = regex.compile(r"[ \t　]+")


def cover_facts_from_text(text: str) -> dict[str, str]:
    """The cover facts found in the text of the first pages (one printed line per text line)."""
    lines = [_WS.sub(" ", clean_text(ln)).strip() for ln in text.splitlines()]
    lines = [ln for ln in lines if ln]
    facts: dict[str, str] = {}
    for i, ln in enumerate(lines):
        squashed = ln.replace(" ", "")
        found = [lab for lab in COVER_LABELS if lab in squashed]
        if not found:
            continue
        if len(found) >= 2 and squashed in ("".join(found), "".join(reversed(found))):
            # A row of labels: the values are the next line, in the same order.
            if i + 1 < len(lines):
                parts = lines[i + 1].split(" ", len(found) - 1)
                for lab, val in zip(found, parts, strict=False):
                    facts.setdefault(COVER_LABELS[lab], val.strip())
            continue
        lab = found[0]
        rest = ln.split(lab, 1)[1].strip() if lab in ln else squashed.split(lab, 1)[1]
        if not rest and i + 1 < len(lines) and not any(x in lines[i + 1] for x in COVER_LABELS):
            rest = lines[i + 1]
        if lab == "公表日":
            m = DATE.search(rest)
            rest = m.group(0) if m else rest
        if rest:
            facts.setdefault(COVER_LABELS[lab], rest)
    if "published_raw" in facts:
        iso = parse_date(facts["published_raw"])
        if iso:
            facts["published"] = iso
    return facts


def cover_facts_from_doc(doc) -> dict[str, str]:  # type: ignore[no-untyped-def]
    """Cover facts of an open pypdfium2 document whose first pages carry the cover."""
    for i in range(min(COVER_PAGES, len(doc))):
        page = doc[i]
        try:
            tp = page.get_textpage()
            text = tp.get_text_range()
            tp.close()
        finally:
            page.close()
        facts = cover_facts_from_text(text.replace("\r\n", "\n").replace("\r", "\n"))
        if len(facts) >= 2:
            return facts
    return {}


def cover_facts_from_pdf(path: str | Path) -> dict[str, str]:
    """Cover facts of a PDF (empty when its first pages carry no cover)."""
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(str(path))
    try:
        return cover_facts_from_doc(doc)
    finally:
        doc.close()


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
