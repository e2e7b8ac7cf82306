"""Scans: an underline under a cell's text is no row ruling (issue 11, extract/ocr/rulings.py
``split_underlines``), and the words over it are marked."""

from __future__ import annotations

import numpy as np

from piatable.extract.ocr.rulings import find_rulings, mark_underlined, split_underlines
from piatable.models import Word
from piatable.settings import OcrSettings

GLYPH = 20.0


def _page() -> np.ndarray:
    """Ink (255) of a 3-column grid: rows at y=50, 150, 300; column rulings at x=50, 400, 800,
    1200.  Column 2 (800–1200) is cut again at y=225 by its own ruling (its neighbour merged);
    column 1 holds a line of "text" at 180–198 underlined flush with its rulings (Calc) and one
    at 240–258 underlined inside the cell's padding (Writer)."""
    ink = np.zeros((350, 1250), dtype=np.uint8)
    for y in (50, 150, 300):
        ink[y : y + 3, 50:1203] = 255
    for x in (50, 400, 800, 1200):
        ink[50:303, x : x + 3] = 255
    ink[225:228, 800:1203] = 255  # column 2's own ruling, nothing printed just above it
    for x in range(405, 795, 22):  # glyphs standing on the Calc underline
        ink[182:198, x : x + 16] = 255
    ink[200:202, 403:798] = 255
    for x in range(430, 700, 22):  # glyphs standing on the Writer underline
        ink[242:258, x : x + 16] = 255
    ink[260:262, 430:700] = 255
    return ink


def test_underlines_split_from_rulings() -> None:
    settings = OcrSettings()
    ink = _page()
    rulings = find_rulings(ink, GLYPH, settings.ruling_kernel_em, settings.min_ruling_em)
    text_ink = ink.copy()
    text_ink[rulings.mask > 0] = 0
    under = split_underlines(rulings, text_ink, GLYPH, settings)
    assert sorted(h[1] for h in under) == [200, 260]
    kept = sorted(h[1] for h in rulings.horizontal)
    assert kept == [50, 150, 225, 300]


def test_no_grid_leaves_strokes() -> None:
    settings = OcrSettings()
    ink = np.zeros((100, 600), dtype=np.uint8)
    ink[50:52, 100:500] = 255
    ink[30:48, 100:500] = 255
    rulings = find_rulings(ink, GLYPH, settings.ruling_kernel_em, settings.min_ruling_em)
    n = len(rulings.horizontal)
    assert split_underlines(rulings, ink, GLYPH, settings) == []
    assert len(rulings.horizontal) == n


def test_words_over_an_underline_are_marked() -> None:
    over = Word("変更後", 1, 100, 130, 40, 50, "ocr")
    beside = Word("記載", 1, 140, 160, 40, 50, "ocr")
    above = Word("上の行", 1, 100, 130, 20, 30, "ocr")
    mark_underlined([over, beside, above], [(98.0, 51.0, 135.0, 51.5)], 5.0)
    assert over.mark == "underlined"
    assert beside.mark is None and above.mark is None
