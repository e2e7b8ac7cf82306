"""Digit widths of a date line whose character boxes stray (issue 11).

``tests/data/scan_date_extent/page-{1,4}.*``: tesseract's real read of pages 1 and 4 of
samples/office-calcbreak/calc-break-zeimu scanned at 200 dpi (``tools/bench_scan.py --office
samples/office-calcbreak --generate 200``; ``tools/ocr_cache.save_scans``, the TSVs gzipped).
The Calc date cells print ``平成２８年１０月１日`` in full width; tesseract's boxes on those lines
are not set to their ink (平's box spans the whole date), and the digits came back half width
(``平成28年1 0月``).  Page 4 prints ``平成28年8月25日`` in half width in a 変更前 cell."""

from __future__ import annotations

import gzip
import json

from piatable.extract.ocr.page_scan import PageScan
from piatable.extract.ocr.pages import scan_to_page_words
from piatable.settings import OcrSettings

from .conftest import ROOT

DATA = ROOT / "tests" / "data" / "scan_date_extent"
OFF = OcrSettings(extent_margin=1e9)


def _text(page: int, settings: OcrSettings | None = None) -> str:
    tsv = gzip.decompress((DATA / f"page-{page}.tsv.gz").read_bytes()).decode("utf-8")
    scan = PageScan.from_json(json.loads((DATA / f"page-{page}.json").read_text("utf-8")), tsv)
    return "".join(w.text for w in scan_to_page_words(scan, settings).words)


def test_full_width_date_lines_with_straying_boxes_take_full_width_from_their_length():
    text = _text(1)
    assert "平成２８年１０月" in text
    # 平成29年4月1 spans 7.74 ems (full 8, half 7.25 with the white round its digits): within
    # the margin of the midpoint, so left as read (the document's dates are voted later).
    assert "平成29年4月1" in text
    # Without the rule the read's own widths stand: half width, and read apart.
    off = _text(1, OFF)
    assert "平成２８年" not in off and "平成28年" in off


def test_half_width_date_line_stays_half_width():
    assert "平成28年8月25日" in _text(4)
    assert "平成28年8月25日" in _text(4, OFF)
