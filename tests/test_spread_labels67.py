"""Branch headers67: column labels printed spread out (letter-spaced, distributed over their
cells, stacked a character a line) are read as label words, so the table is found
(normalize/spread_labels.py).

Samples: ``tools/make_headers67_samples.py`` (Chromium ``writing-mode: vertical-rl`` and
``letter-spacing`` labels; Calc ``distributed`` label cells).  The held-out set
``samples/heldout-headers67`` is measured only (tools/eval_office.py), never asserted on here.
"""

from __future__ import annotations

import pytest

from piatable import extract_document
from piatable.extract.text import read_text_file
from piatable.normalize.spread_labels import SPREAD_LABELS_NOTE, mend_label_line, mend_spread_labels
from piatable.normalize.unicode import clean_text
from piatable.vocabulary import LABELS, is_header_line

from .conftest import SAMPLES

SET = SAMPLES / "office-headers67"
FULL = " ".join(LABELS)


def _mended(case: str) -> list[str]:
    text = clean_text(read_text_file(SET / case / "input.txt"))
    return mend_spread_labels(text)[0].split("\n")


@pytest.mark.parametrize(
    "case",
    [
        "hd67-vert-juki-pdfplumber",  # stacked labels interleaved with labels printed across
        "hd67-vertall-kokuho-pdfplumber",  # every label stacked
        "hd67-wide-municipal-pdfplumber",  # letter-spaced, 変更 / 日 wrapped
    ],
)
def test_stacked_or_spaced_plumber_labels_become_one_label_row(case):
    lines = _mended(case)
    assert FULL in lines, lines[:6]


def test_distributed_layout_labels_stay_in_their_cells():
    # Calc's distributed labels in -layout text: 変      更     日項     目変 … (labels glued at
    # the cells' edges); each label closed up, centred in the span its characters took.
    raw = clean_text(read_text_file(SET / "hd67-calc-kokuho-pdftotext-layout" / "input.txt"))
    line = next(ln for ln in raw.split("\n") if ln.lstrip().startswith("変 "))
    mended = mend_label_line(line)
    assert is_header_line(mended)
    assert mended.split() == list(LABELS)
    assert line.index("項") <= mended.index("項目") < line.index("目")
    assert line.index("目") < mended.index("変更前の記載") < line.index("載")


def test_a_distributed_label_row_written_after_the_cells_goes_to_the_page_head():
    # LibreOffice writes distributed labels after the cells' first pass: -raw prints dates and
    # 事前 / 事後 (and the title) before them.  Before: 1 row of 6.
    case = "hd67-calc-zeimu-pdftotext-raw"
    lines = _mended(case)
    assert lines[0] == FULL
    result = extract_document(SET / case / "input.txt")
    assert len(result.records) == 6


def test_a_body_line_of_label_characters_is_left():
    assert mend_label_line("変更 前") == "変更 前"
    assert mend_label_line("期") == "期"
    # a label row already read as such
    assert mend_label_line(FULL) == FULL
    # a usual wrapped label (提出時 / 期): no run of lone characters, left as it is
    text = "変更日 項目 変更前の記載 変更後の記載 提出時 提出時期に係る説明\n期\n令和6年4月1日 Ⅰ基本情報"
    assert mend_spread_labels(text) == (text, 0)


def test_stacked_labels_in_plumber_text_are_read_and_noted():
    # Before (f72c6184): 0 rows, status success, "no amendment table found".
    result = extract_document(SET / "hd67-vert-juki-pdfplumber" / "input.txt")
    assert len(result.records) >= 5
    assert any(SPREAD_LABELS_NOTE.split("{n} ")[1][:30] in n for n in result.notes)
