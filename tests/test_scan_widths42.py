"""Lone digits and short Latin words between Japanese text in scans (issues 11 and 12, session
42): samples/scan-ocr42 (made by tools/make_ocr42_samples.py; held out:
samples/heldout-scan-ocr42, measured, never tuned on), documents printing their text half width
(週1回, USB) or full width (週１回, ＵＳＢ).  Records are read from the committed tesseract TSV."""

from __future__ import annotations

import pytest

from .conftest import SAMPLES
from .test_scan_own_numbering import read_scan_folder
from .test_scan_widths41 import _flat

SIX = ("change_date", "item", "before", "after", "timing", "explanation")
TUNING = SAMPLES / "scan-ocr42"
CASES = sorted(p.name for p in TUNING.iterdir() if (p / "ocr").is_dir())


@pytest.fixture(scope="module")
def reads() -> dict[str, tuple[list[dict], list[dict]]]:
    return {name: read_scan_folder(TUNING / name) for name in CASES}


def test_the_set_is_there():
    assert len(CASES) == 6


def test_every_row_and_date_is_read(reads):
    for name, (got, expected) in reads.items():
        assert len(got) == len(expected), name
        assert [g["change_date"] for g in got] == [e["change_date"] for e in expected], name


def test_cells_wrong_in_their_widths_alone_are_known(reads):
    """Cells right but for their characters' widths: 27 of 216, all left as read.  Writer sets
    white between Japanese and Latin text, so a half-width digit between kanji (週1回) advances
    one em like a full-width one and reads full; the IPA P Mincho Calc scan prints its
    full-width letters and digits as narrow as half-width ones and reads them half.  A rule
    giving such digits the page's sure runs' width was tried and not kept: samples/office's
    Writer tables print lone digits full width beside half-width longer numbers (年１回 beside
    03-1234-5678), and their scans lost 19 cells (90.5% → 89.6%)."""
    width_only = [
        (name, f, g[f])
        for name, (got, expected) in reads.items()
        for g, e in zip(got, expected, strict=True)
        for f in SIX
        if _flat(g[f]) != _flat(e[f]) and _flat(g[f], True) == _flat(e[f], True)
    ]
    assert len(width_only) <= 27, width_only
