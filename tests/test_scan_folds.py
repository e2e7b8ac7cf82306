"""A fold of the paper read as a vertical ruling (extract/ocr/folds.py): set XX's
t08__crease300.jpg lost its table ("no table columns found") to a fold line down the page that
swallowed the ruling between 変更前 and 変更後.  The page here is a committed LibreOffice Writer
scan (samples/office-scan58) folded as tools/make_scan59_samples.crease folds a page."""

from __future__ import annotations

import sys

import numpy as np
import pytest
from PIL import Image

from piatable.extract.ocr.folds import drop_folds
from piatable.extract.ocr.ink import binarize, glyph_height
from piatable.extract.ocr.rulings import find_rulings
from piatable.settings import OcrSettings

from .conftest import ROOT, SAMPLES

sys.path.insert(0, str(ROOT / "tools"))
import make_scan59_samples as m59

PAGE = SAMPLES / "office-scan58" / "png300-s58-calc-1" / "input.png"


def _rulings(gray: np.ndarray, dpi: float):
    s = OcrSettings()
    ink = binarize(gray)
    glyph = glyph_height(ink, dpi)
    kernel, least = s.ruling_kernel_em, s.min_ruling_em
    rul = find_rulings(ink, glyph, kernel, least, s.min_vertical_em, s.text_stroke_share)
    return rul, ink, glyph, max(s.min_ruling_em, s.min_vertical_em) * glyph


def _xs(rul) -> list[int]:
    return sorted((v[0] + v[2]) // 2 for v in rul.vertical)


@pytest.mark.parametrize("at", [0.3, 0.55])
def test_a_fold_down_the_page_is_no_ruling(at, monkeypatch):
    img = Image.open(PAGE).convert("L")
    dpi = img.info.get("dpi", (300, 300))[0]
    flat, ink, glyph, least = _rulings(np.asarray(img), dpi)
    assert drop_folds(flat, ink, glyph, least) == []  # a page with no fold keeps its rulings
    monkeypatch.setattr(m59, "CREASE_AT", at)
    folded, ink, glyph, least = _rulings(np.asarray(m59.crease(img)), dpi)
    assert len(folded.vertical) > len(flat.vertical)  # the fold's pieces, read as rulings
    assert drop_folds(folded, ink, glyph, least)
    # The table's rulings, each within a few pixels of where the unfolded page has it.
    got, want = _xs(folded), _xs(flat)
    assert len(got) == len(want) and all(abs(a - b) <= 3 for a, b in zip(got, want, strict=True))
