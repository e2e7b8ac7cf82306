"""Specks of a noisy scan that tesseract reads as a digit or letter (issue 11).

``tests/data/scan_specks/page-1.*``: tesseract's real read of page 1 of
samples/office-calcbreak/calc-break-municipal scanned at 200 dpi (``tools/bench_scan.py --office
samples/office-calcbreak --generate 200``; ``tools/ocr_cache.save_scans``, the TSV gzipped).  It
read boxes of one to six pixels (the glyph is about 22) as ``8``, ``2``, ``3``: they ended cells
as ``市民課長8`` and ``組織改正による部署名の変更5``."""

from __future__ import annotations

import gzip
import json

from piatable.extract.ocr.page_scan import PageScan
from piatable.extract.ocr.pages import SPECK_MARK_EM, drop_specks, scan_to_page_words
from piatable.settings import OcrSettings

from .conftest import ROOT

DATA = ROOT / "tests" / "data" / "scan_specks"


def _scan() -> PageScan:
    tsv = gzip.decompress((DATA / "page-1.tsv.gz").read_bytes()).decode("utf-8")
    return PageScan.from_json(json.loads((DATA / "page-1.json").read_text("utf-8")), tsv)


def test_specks_read_as_digits_are_dropped_and_named_in_a_note():
    scan = _scan()
    limit = scan.glyph * OcrSettings().speck_max_em
    kept, specks = drop_specks(scan.words, limit, scan.glyph * SPECK_MARK_EM)
    assert specks and all(w.width < limit and w.height < limit for w in specks)
    # Marks alone (dust read as '-' or '.') only when far smaller than a printed 、 or 。.
    marks = [w for w in specks if not w.text.strip().isalnum()]
    assert all(max(w.width, w.height) < scan.glyph * SPECK_MARK_EM for w in marks)
    assert [(w.text.strip(), w.width, w.height) for w in marks] == [("-", 2, 2), (".", 2, 2)]
    # Every digit printed on the page (as high as a glyph's x-height at least) is kept.
    assert all(w.height >= limit or w.width >= limit for w in kept if w.text.strip().isdigit())
    assert any(w.text.strip().isdigit() for w in kept)
    pw = scan_to_page_words(scan)
    assert any(f"{len(specks)} speck(s)" in n for n in pw.notes)
    assert len(pw.words) < len(scan_to_page_words(scan, OcrSettings(speck_max_em=0.0)).words)
