"""A 、 that opens a printed line stays on that line (issue 11).

``tests/data/scan_low_marks/page-2.*``: tesseract's real read of page 2 of
samples/office-calcbreak/calc-break-seed scanned at 200 dpi (``tools/bench_scan.py --office
samples/office-calcbreak --generate 200``; ``tools/ocr_cache.save_scans``, the TSV gzipped).
Calc prints ``…職員を特定し`` / ``、ユーザIDによる…`` tight; tesseract read the 、 on its own
line, but its box sits low, its centre nearer the next line, and the cell came out
``…特定しユーザIDによる…認証を行っ、てアクセス…``."""

from __future__ import annotations

import gzip
import json

import pytest

from piatable.extract.ocr import pages
from piatable.extract.ocr.page_scan import PageScan
from piatable.extract.ocr.reader import scans_to_reading
from piatable.pipeline import reading_to_result
from piatable.settings import Settings

from .conftest import ROOT

DATA = ROOT / "tests" / "data" / "scan_low_marks"


def _before_cells() -> str:
    tsv = gzip.decompress((DATA / "page-2.tsv.gz").read_bytes()).decode("utf-8")
    scan = PageScan.from_json(json.loads((DATA / "page-2.json").read_text("utf-8")), tsv)
    settings = Settings()
    result = reading_to_result(scans_to_reading([scan], "scan", 1, settings.ocr), "page-2", settings)
    return "\n".join(r.before or "" for r in result.records)


def test_a_mark_opening_a_line_stays_on_its_line():
    text = _before_cells().replace("\n", "")
    assert "職員を特定し、ユーザIDによる識別とパスワードによる認証を行ってアクセス権限" in text
    assert "行っ、て" not in text


def test_without_the_rule_the_mark_moves_to_the_next_line(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(pages, "LOW_MARKS", "")
    text = _before_cells().replace("\n", "")
    assert "特定しユーザID" in text and "行っ、て" in text
