"""A Writer table whose rows break over pages, scanned (samples/office-pagebreak/
writer-break-kokuho/input.pdf through ``tools/make_scans.py --from-pdf … --dpi 200 --angle
0.7``; tesseract's words committed as ``tests/data/scan_pagebreak/ocr/page-N.tsv`` by
``make_scans.write_tsv``, so no OCR runs here).

The row at the top of page 2 prints no date (its date cell is merged over the break, printed on
page 1), and OCR read the Roman numeral of its item as ``｛`` (``｛関連情報``).  The grid took the
row for the rest of the row above it: 11 records for 12, the two rows' items glued, and no note.
A top heading of the forms after a misread numeral now opens a row, as ``Ⅰ`` does."""

from __future__ import annotations

import json

from piatable.extract.ocr.page_scan import PageScan
from piatable.extract.ocr.reader import scans_to_reading
from piatable.pipeline import reading_to_result
from piatable.settings import Settings

from .conftest import ROOT, SAMPLES

OCR = ROOT / "tests" / "data" / "scan_pagebreak" / "ocr"
TRUTH = SAMPLES / "office-pagebreak" / "writer-break-kokuho" / "expected" / "records.json"


def _records():
    scans = [
        PageScan.from_json(json.loads(m.read_text("utf-8")), m.with_suffix(".tsv").read_text("utf-8"))
        for m in sorted(OCR.glob("page-*.json"))
    ]
    return reading_to_result(scans_to_reading(scans, "scan", 1, Settings().ocr), "scan", Settings()).records


def test_a_row_under_a_date_merged_over_the_break_stays_a_row_when_its_numeral_misreads():
    truth = json.loads(TRUTH.read_text("utf-8"))
    got = _records()
    assert len(got) == len(truth) == 12
    assert [r.change_date for r in got] == [e["change_date"] for e in truth]
    third = got[2]
    assert third.item.split("\n")[-1] == "２．特定個人情報ファイル名"
    assert third.page_start == 2
    assert third.before == "国民健康保険情報ファイル"
    assert "row_split_guess" not in got[1].flags  # the row above no longer holds two paths
