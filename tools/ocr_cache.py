"""A folder of one scan's tesseract reads, kept so that benchmarks score the steps after OCR
without running tesseract again (tools/bench_calibration.py, tools/bench_scan_covers.py).

The folder holds ``page-N.json`` (``PageScan.to_json``) and ``page-N.tsv`` (its words in
tesseract's TSV) for each page read, and ``done`` with the document's page count, written last.
"""

from __future__ import annotations

import json
from pathlib import Path


def save_scans(cache: Path, scans: list, pages: int) -> None:
    """Write ``scans`` (``PageScan`` objects) of a ``pages``-page document into ``cache``."""
    from piatable.extract.ocr.engine import words_to_tsv

    cache.mkdir(parents=True, exist_ok=True)
    for s in scans:
        (cache / f"page-{s.page}.json").write_text(json.dumps(s.to_json()), "utf-8")
        (cache / f"page-{s.page}.tsv").write_text(words_to_tsv(s.words, inked=True), "utf-8")
    (cache / "done").write_text(str(pages), "utf-8")


def load_scans(cache: Path) -> tuple[list, int | None]:
    """(the ``PageScan`` objects of ``cache`` in page order, the page count or None when the
    folder holds no ``done`` file, as committed scan samples' ``ocr/`` folders do)."""
    from piatable.extract.ocr.page_scan import PageScan

    scans = [
        PageScan.from_json(json.loads(m.read_text("utf-8")), m.with_suffix(".tsv").read_text("utf-8"))
        for m in sorted(cache.glob("page-*.json"), key=lambda m: int(m.stem[5:]))
    ]
    done = cache / "done"
    return scans, int(done.read_text("utf-8")) if done.exists() else None
