"""What the report shows, as plain data: the JSON twin of the HTML.

``report_data(results, settings)`` counts flags per document and overall, the changes per year,
事前/事後 and the sections of the form (Ⅰ…Ⅵ) that changed, failed inputs and notes, and lists
every row with its document, page, flags, evidence and confidence.  A row *needs a look* when
it carries a flag that is a doubt (not ``truncated:*`` and not the informational ``ocr``,
``ocr_corrected``, ``row_continued``, ``merged_cell_filled``, ``item_key_fuzzy``:
``confidence.INFORMATIONAL``) or its confidence is below
``REVIEW_BELOW``: the same definition ``tools/bench_calibration.py`` scores.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import fields
from pathlib import PurePath
from typing import TYPE_CHECKING, Any

from piatable._version import __version__
from piatable.models import Record
from piatable.normalize.confidence import INFORMATIONAL
from piatable.settings import Settings
from piatable.vocabulary import SECTION_ORDER

if TYPE_CHECKING:
    from piatable.models import DocumentResult

SECTIONS = tuple(SECTION_ORDER)
SECTION_NAMES = {
    "Ⅰ": "Ⅰ 基本情報",
    "Ⅱ": "Ⅱ ファイルの概要",
    "Ⅲ": "Ⅲ リスク対策",
    "Ⅳ": "Ⅳ その他のリスク対策",
    "Ⅴ": "Ⅴ 開示請求、問合せ",
    "Ⅵ": "Ⅵ 評価実施手続",
}
OTHER_SECTION = "other"
NO_TIMING = "unknown"
NO_YEAR = "unknown"
# Rows below this confidence need a look even without a flag (issue 12: "warned").
REVIEW_BELOW = 0.5


def section_of(record: Record) -> str:
    """The top-level section (Ⅰ…Ⅵ) of the form the row's item path starts in, or ``other``."""
    for heading in record.item_path[:1]:
        head = heading.strip()[:1]
        if head in SECTIONS:
            return head
    return OTHER_SECTION


def year_of(record: Record) -> str:
    return record.change_date[:4] if record.change_date else NO_YEAR


def doubt_flags(flags: Iterable[str]) -> list[str]:
    """The flags that are doubts: not ``truncated:*`` (a property of the printed table) and not
    the informational ones."""
    return [f for f in flags if f not in INFORMATIONAL and not f.startswith("truncated:")]


def needs_review(record: Record) -> bool:
    """True when the row carries a doubt flag or its confidence is below ``REVIEW_BELOW``."""
    return bool(doubt_flags(record.flags)) or record.confidence < REVIEW_BELOW


def file_name(source: str) -> str:
    """An input path shortened for narrow columns: its folder and file name."""
    parts = PurePath(source).parts
    return "/".join(parts[-2:]) if parts else source


def _counts(records: Iterable[Record]) -> dict[str, Any]:
    records = list(records)
    flags: Counter[str] = Counter(f for r in records for f in r.flags)
    years: Counter[str] = Counter(year_of(r) for r in records)
    timing: Counter[str] = Counter(r.timing or NO_TIMING for r in records)
    sections: Counter[str] = Counter(section_of(r) for r in records)
    confs = [r.confidence for r in records]
    return {
        "rows": len(records),
        "rows_flagged": sum(1 for r in records if r.flags),
        "rows_to_review": sum(1 for r in records if needs_review(r)),
        "flags": dict(sorted(flags.items())),
        "mean_confidence": round(sum(confs) / len(confs), 3) if confs else None,
        "min_confidence": round(min(confs), 3) if confs else None,
        "changes_per_year": dict(sorted(years.items())),
        "timing": {k: timing[k] for k in ("事前", "事後", NO_TIMING) if timing[k]},
        "sections": {k: sections[k] for k in (*SECTIONS, OTHER_SECTION) if sections[k]},
    }


def changed_settings(settings: Settings) -> dict[str, dict[str, Any]]:
    """The settings that differ from the defaults, by section (empty when none do)."""
    default = Settings()
    out: dict[str, dict[str, Any]] = {}
    for f in fields(settings):
        mine, base = getattr(settings, f.name), getattr(default, f.name)
        diff = {
            g.name: getattr(mine, g.name)
            for g in fields(mine)
            if getattr(mine, g.name) != getattr(base, g.name)
        }
        if diff:
            out[f.name] = diff
    return out


def flag_documents(documents: list[dict[str, Any]]) -> dict[str, int]:
    """Per flag, how many documents have at least one row carrying it."""
    c: Counter[str] = Counter(f for d in documents for f in d["flags"])
    return dict(sorted(c.items()))


def report_data(results: Sequence[DocumentResult], settings: Settings) -> dict[str, Any]:
    """What the report shows, as plain data (the JSON twin)."""
    documents = []
    for k, res in enumerate(results):
        doc = {
            "index": k,
            "source": res.source,
            "file": file_name(res.source),
            "status": res.status,
            "kind": res.kind,
            "pages": res.pages,
            "errors": [{"stage": s, "page": p, "message": m} for s, p, m in res.errors],
            "notes": list(res.notes),
            # Facts of the assessment's cover page (評価書名, 評価実施機関名 …) when it was read.
            "cover": dict(res.documents),
        }
        doc.update(_counts(res.records))
        documents.append(doc)
    overall = _counts(r for res in results for r in res.records)
    overall["documents"] = len(results)
    overall["status"] = dict(sorted(Counter(res.status for res in results).items()))
    overall["flag_documents"] = flag_documents(documents)
    rows = [
        {
            "document": k,
            "source": r.source,
            "row_index": r.row_index,
            "page_start": r.page_start,
            "page_end": r.page_end,
            "change_date": r.change_date,
            "timing": r.timing,
            "section": section_of(r),
            "flags": list(r.flags),
            "evidence": list(r.evidence),
            "needs_review": needs_review(r),
            "confidence": r.confidence,
        }
        for k, res in enumerate(results)
        for r in res.records
    ]
    return {
        "piatable_version": __version__,
        "generated": dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "settings": settings.to_dict(),
        "settings_changed": changed_settings(settings),
        "overall": overall,
        "documents": documents,
        "failed": [
            {"source": d["source"], "errors": d["errors"]} for d in documents if d["status"] == "failure"
        ],
        "rows": rows,
    }


def review_order(results: Sequence[DocumentResult]) -> list[tuple[int, Record]]:
    """Every row as (document index, record): those that need a look first, each group by
    confidence (least sure first), then document and row order."""
    indexed = [(k, r) for k, res in enumerate(results) for r in res.records]
    return sorted(indexed, key=lambda kr: (not needs_review(kr[1]), kr[1].confidence, kr[0], kr[1].row_index))
