"""Session 52's scan kind (issue 11, set XIII's h-rule scans): tables ruled with horizontal rules
only, no vertical rulings.  Read as a whole page, tesseract ran lines on from one column into the
next (rule pieces read as ``ーー`` / ``_-``, a label's tail read into the first row); the open
grid (extract/ocr/open_grid.py) cuts such a table into cells between its rules and the gutters
before its six columns' text.  samples/office-ocr52 is made by tools/make_ocr52_samples.py
(tuning set); read from the committed tesseract reads, one case live."""

from __future__ import annotations

import json

import numpy as np
import pytest

from piatable.extract.ocr.engine import TsvWord
from piatable.extract.ocr.open_grid import (
    column_starts,
    labels_fit,
    open_grid_cells,
    table_rules,
)
from piatable.extract.ocr.strips import _Cell
from piatable.settings import OcrSettings

from .conftest import SAMPLES
from .test_scan_own_numbering import read_scan_folder

SET = SAMPLES / "office-ocr52"
CASES = [
    "calc-ipaexmincho-300-t1",
    "writer-ipaexgothic-250-t2",
    "calc-ipaexgothic-250-t3",
    "writer-notoserif-300-t5",
    "writer-takaomincho-250-t6",
]
FIELDS = ("change_date_raw", "item", "before", "after", "timing", "explanation")


def _flat(s: object) -> str:
    return "".join(str(s or "").split())


def test_the_tuning_set_figures():
    """Measured (tools/bench_scan_sets.py samples/office-ocr52, main 4e446e2e read live → this
    branch): rows right 5 → 12 of 15 (cells 87 of 90); every wrong row warned, no row lost."""
    right = cells = rows_right = 0
    for name in CASES:
        got, expected = read_scan_folder(SET / name)
        assert len(got) == len(expected)
        for g, e in zip(got, expected, strict=True):
            ok = all(_flat(g.get(f)) == _flat(e.get(f)) for f in FIELDS)
            right += sum(_flat(g.get(f)) == _flat(e.get(f)) for f in FIELDS)
            cells += len(FIELDS)
            rows_right += ok
            if not ok:
                assert any(f.startswith("ocr_suspect:") for f in g["flags"]), (name, g)
    assert cells == 90 and right >= 86 and rows_right >= 12


def _ink_with_columns(starts_em: list[float], glyph: int = 20) -> np.ndarray:
    """A page of ink (255 = ink): four bands of text lines, each line a run of glyph squares
    from every column start, the squares 0.15 em apart (a full-width character's bearings)."""
    ink = np.zeros((400, 1800), np.uint8)
    for band in range(4):
        for line in range(2):
            top = 40 + band * 90 + line * 30
            for k, start in enumerate(starts_em):
                x = int(100 + start * glyph)
                end = int(100 + starts_em[k + 1] * glyph) - glyph if k + 1 < len(starts_em) else 1700
                while x + glyph <= end:
                    ink[top : top + glyph, x : x + int(0.85 * glyph)] = 255
                    x += glyph
    return ink


def test_columns_start_after_white_gutters():
    starts_em = [0.0, 8.0, 20.0, 40.0, 60.0, 64.0]
    ink = _ink_with_columns(starts_em)
    got = column_starts(ink, 90, 1710, 30, 395, 20.0)
    assert [round((x - 100) / 20) for x in got] == [0, 8, 20, 40, 60, 64]


def test_an_open_grid_needs_rules_across_and_six_starts():
    ink = _ink_with_columns([0.0, 8.0, 20.0, 40.0, 60.0, 64.0])
    rules = [(90, y, 1710, y + 2) for y in (30, 120, 210, 300, 390)]
    assert table_rules(rules, 1800, 20.0)[2] == [31, 121, 211, 301, 391]
    cells = open_grid_cells(rules, ink, 20.0, OcrSettings())
    # The label band and three rows, six cells each.
    assert len(cells) == 24 and len({c.x0 for c in cells}) == 6
    # Two rules are no table; nor are five columns.
    assert open_grid_cells(rules[:2], ink, 20.0, OcrSettings()) == []
    five = _ink_with_columns([0.0, 8.0, 20.0, 40.0, 60.0])
    assert open_grid_cells(rules, five, 20.0, OcrSettings()) == []


def _word(text: str, cell: int) -> TsvWord:
    return TsvWord(text, 100 * cell + 10, 50, 20, 20, 95.0, (cell + 1, 1, 1))


def test_labels_must_read_in_the_grid_columns():
    cells = [_Cell(100 * k, top, 100 * k + 100, top + 50) for top in (40, 90) for k in range(6)]
    labels = ["変更日", "項目", "変更前の記載", "変更後の記載", "提出時期", "提出時期に係る説明"]
    words = [_word(t, k) for k, t in enumerate(labels)]
    assert labels_fit(words, cells)
    # 提出時期 misread (a label wider than its band): the page is read whole instead.
    words[4] = _word("ロコF", 4)
    assert not labels_fit(words, cells)


@pytest.mark.parametrize("name", ["calc-ipaexmincho-300-t1"])
def test_h_rule_table_live_from_tesseract(name):
    """Calc, IPAex Mincho 11 pt at 300 dpi, read by tesseract itself: the rows after the first
    read exactly (a whole-page read gave none: ``ーー`` and label tails inside cells)."""
    from piatable.api import extract_records

    got = [r.to_dict() for r in extract_records(SET / name / "input.jpg")]
    expected = json.loads((SET / name / "expected" / "records.json").read_text("utf-8"))
    assert len(got) == len(expected)
    for g, e in zip(got[1:], expected[1:], strict=True):
        assert [_flat(g[f]) for f in FIELDS] == [_flat(e[f]) for f in FIELDS]
    assert _flat(got[0]["before"]) == _flat(expected[0]["before"])
    assert _flat(got[0]["after"]).startswith("住民基本台帳ネットワークシステム（市町村")
