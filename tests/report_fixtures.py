"""Synthesised batches for the report's browser checks: many documents, made from the seed."""

from __future__ import annotations

import dataclasses
import random

from piatable.models import DocumentResult, Record

# Doubts and findings spread over the synthesised rows (a few of each, as in a real batch).
SPREAD = (
    ["column_guess"],
    ["ocr", "ocr_suspect:item"],
    ["row_split_guess"],
    ["timing_missing"],
    ["truncated:after"],
    ["ocr", "ocr_corrected"],
    ["column_order"],
)


def synthetic_batch(seed_records: list[Record], documents: int, rng_seed: int = 7) -> list[DocumentResult]:
    """``documents`` DocumentResults, each the seed's rows with flags, evidence and confidences
    varied; every 50th failed, every 20th partial."""
    rng = random.Random(rng_seed)
    out = []
    for d in range(documents):
        source = f"/data/pia/{d // 100:03d}/評価書_{d:05d}_変更箇所.pdf"
        records = []
        for r in seed_records:
            rec = dataclasses.replace(r, source=source, cell_confidence=dict(r.cell_confidence))
            if rng.random() < 0.15:
                extra = rng.choice(SPREAD)
                rec.flags = sorted({*rec.flags, *extra})
                rec.evidence = [
                    f"{f.partition(':')[2] or 'row'}: {f}: synthesised finding {d}"
                    for f in extra
                    if f != "ocr"
                ]
                rec.confidence = round(rng.uniform(0.05, 0.6), 3)
                for k in rec.cell_confidence:
                    rec.cell_confidence[k] = round(rng.uniform(0.3, 1.0), 3)
            else:
                rec.confidence = round(rng.uniform(0.85, 0.99), 3)
            records.append(rec)
        status = "failure" if d % 50 == 49 else "partial" if d % 20 == 19 else "success"
        res = DocumentResult(
            source, [] if status == "failure" else records, status=status, kind="pdf", pages=3
        )
        if status == "failure":
            res.errors.append(("extract", None, f"{source}: not a PDF"))
        if status == "partial":
            res.notes.append("12 characters of the table region could not be placed")
        out.append(res)
    return out
