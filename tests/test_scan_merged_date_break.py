"""A 変更日 merged over page breaks and centred, scanned (issue 11).

``tests/data/merged_date_break/calc-mbreak-seed-center.pdf`` (tools/make_merged_date_break.py)
scanned at 200 dpi as ``tools/bench_scan.py --office … --generate 200`` scans it
(``make_scans.Damage(angle=0.9, jpeg=65, noise=7, seed=2)``); tesseract's real reads of its four
pages are committed as ``tests/data/scan_merged_date_break/ocr/page-N.json`` and
``page-N.tsv.gz`` (``tools/ocr_cache.save_scans``, the TSV gzipped), so no OCR runs here.

Calc draws a merged cell's text on each page the cell spans, clipped to that page's part: a
centred date shows on one page only, and a scan keeps no clipped text.  The rows on the other
page took the previous cell's date or none; the rulings (the date column open at a page's foot
while the row's own columns are closed) now join the cell's parts over the break
(``normalize/grid/page_chains.py``)."""

from __future__ import annotations

import gzip
import json

import pytest

from piatable.extract.ocr.page_scan import PageScan
from piatable.extract.ocr.reader import scans_to_reading
from piatable.pipeline import reading_to_result
from piatable.settings import Settings

from .conftest import ROOT

DATA = ROOT / "tests" / "data"
OCR = DATA / "scan_merged_date_break" / "ocr"
TRUTH = DATA / "merged_date_break" / "calc-mbreak-seed-center.json"


def _records():
    scans = [
        PageScan.from_json(
            json.loads(m.read_text("utf-8")),
            gzip.decompress(m.with_name(m.stem + ".tsv.gz").read_bytes()).decode("utf-8"),
        )
        for m in sorted(OCR.glob("page-*.json"))
    ]
    reading = scans_to_reading(scans, "pdf-ocr", len(scans), Settings().ocr)
    return reading_to_result(reading, "scan", Settings()).records


def test_rows_on_both_sides_of_the_break_take_the_date_printed_on_one_page():
    truth = json.loads(TRUTH.read_text("utf-8"))
    got = _records()
    assert len(got) == len(truth)
    assert [r.change_date for r in got] == [t["change_date"] for t in truth]
    # The rows that printed no date of their own say that they took a merged cell's.
    printed = {r.row_index for r in got if "merged_cell_filled" not in r.flags}
    assert len(printed) < len(got)


def test_without_the_chains_the_rows_of_a_page_take_another_cells_date(monkeypatch: pytest.MonkeyPatch):
    """The kind is in the data: without joining the parts, rows lose or mistake their date."""
    import piatable.normalize.grid.page_chains as page_chains

    monkeypatch.setattr(page_chains.PageChains, "_resolve", lambda *a, **k: None)
    truth = json.loads(TRUTH.read_text("utf-8"))
    assert [r.change_date for r in _records()] != [t["change_date"] for t in truth]
