"""Dotted, dashed and hairline inner rulings in scans (issue 11, ``extract/ocr/dotted_rulings.py``).

samples/office-dotted18 (``tools/make_office_samples.py --set office-dotted18``): LibreOffice
tables whose frame and label row are ruled solid and whose inner rulings are dotted, dashed or
hairlines.  The solid-line morphology left nothing of the dots: a 9-row Calc table scanned at 200
dpi gave 1 row, a Writer one 3.  The end-to-end case reads committed tesseract words
(``tests/data/scan_dotted/ocr``, ``make_scans.write_tsv`` of writer-dotted-kokuho scanned at 200
dpi, angle -0.6°, JPEG 65, noise 7, seed 1), so no OCR runs here; the ruling finder itself runs
on the rendered, damaged pages (no OCR either)."""

from __future__ import annotations

import json
import sys

import pytest

from piatable.extract.ocr.deskew import rotate, skew_angle
from piatable.extract.ocr.dotted_rulings import add_dotted_rulings
from piatable.extract.ocr.ink import binarize, glyph_height
from piatable.extract.ocr.page_scan import PageScan
from piatable.extract.ocr.reader import scans_to_reading
from piatable.extract.ocr.rulings import cuts, find_rulings
from piatable.pipeline import reading_to_result
from piatable.settings import Settings

from .conftest import ROOT, SAMPLES

sys.path.insert(0, str(ROOT / "tools"))
import make_scans

SET = SAMPLES / "office-dotted18"
OCR = ROOT / "tests" / "data" / "scan_dotted" / "ocr"


def _rulings(pdf, dpi: float, seed: int):
    """The solid pass's rulings of the first page scanned, then the dotted ones added."""
    s = Settings().ocr
    gray = make_scans.damage(
        make_scans.rasterise(pdf, dpi)[0], dpi, make_scans.Damage(angle=0.4, jpeg=65, noise=7, seed=seed)
    )
    ink = binarize(gray)
    glyph = glyph_height(ink, dpi)
    gray = rotate(gray, skew_angle(ink, glyph, s.ruling_kernel_em, s.min_ruling_em, s.max_skew_deg))
    ink = binarize(gray)
    rul = find_rulings(
        ink, glyph, s.ruling_kernel_em, s.min_ruling_em, s.min_vertical_em, s.text_stroke_share
    )
    solid = (len(cuts(rul.vertical, 0, s.merge_em * glyph)), len(cuts(rul.horizontal, 1, s.merge_em * glyph)))
    add_dotted_rulings(gray, rul, glyph, s.merge_em * glyph, s.min_cell_em * glyph)
    after = (len(cuts(rul.vertical, 0, s.merge_em * glyph)), len(cuts(rul.horizontal, 1, s.merge_em * glyph)))
    return solid, after


@pytest.mark.parametrize("case", ["calc-dotted-juki", "writer-dotted-kokuho"])
def test_dotted_inner_rulings_are_found(case: str) -> None:
    (solid_v, solid_h), (v, h) = _rulings(SET / case / "input.pdf", 200, 1)
    assert solid_v == 2  # the frame only
    assert v == 7  # the six columns' boundaries
    assert h >= solid_h + 3  # row rulings between the label row's foot and the frame's


def test_a_solid_ruled_table_gets_no_dotted_rulings() -> None:
    (solid_v, solid_h), (v, h) = _rulings(SAMPLES / "office" / "calc-juki" / "input.pdf", 200, 2)
    assert (v, h) == (solid_v, solid_h)


def test_a_scanned_table_ruled_dotted_inside_keeps_its_rows() -> None:
    scans = [
        PageScan.from_json(json.loads(m.read_text("utf-8")), m.with_suffix(".tsv").read_text("utf-8"))
        for m in sorted(OCR.glob("page-*.json"))
    ]
    res = reading_to_result(scans_to_reading(scans, "scan", 1, Settings().ocr), "scan", Settings())
    truth = json.loads((SET / "writer-dotted-kokuho" / "expected" / "records.json").read_text("utf-8"))
    got = [r.to_dict() for r in res.records]
    assert len(got) == len(truth) == 9
    assert [r["change_date"] for r in got] == [e["change_date"] for e in truth]
    assert [r["timing"] for r in got] == [e["timing"] for e in truth]
    same = sum(
        "".join(str(g[f] or "").split()) == "".join(str(e[f] or "").split())
        for g, e in zip(got, truth, strict=True)
        for f in ("item", "before", "after", "explanation")
    )
    assert same >= 0.6 * 4 * len(truth)
