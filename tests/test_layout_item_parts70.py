"""項目 in two sub-columns whose 小項目 runs up to the 変更前 text in ``-layout`` text (branch
twocol70, set XXXI t04): the 小項目 line one space before the 変更前 text made a line of six
cells whose third was the 小項目, so the whole 小項目 was read as 変更前 (column_guess, 0.165).
Real texts of a LibreOffice Calc table (tools/make_twocol70_samples.py)."""

from __future__ import annotations

import pytest

from piatable.normalize.grid.label_bounds import opens_under_labels
from piatable.pipeline import read_document

from .conftest import SAMPLES, expected_beside

TUNING = SAMPLES / "office-twocol70"


@pytest.mark.parametrize("text", ["pdftotext-layout", "pdftotext-layout-cp932"])
def test_sub_item_up_to_before_stays_in_the_item(text):
    folder = TUNING / f"tc70-calc-tight-{text}"
    res = read_document(str(folder / "input.txt"))
    want = expected_beside(folder / "input.txt")
    assert [r.item for r in res.records] == [e["item"] for e in want]
    assert [r.before for r in res.records] == [e["before"] for e in want]
    assert any("each row's item read by sub-column" in n for n in res.notes)
    # The label block names item-part columns (大項目, 小項目): every row stays warned (twocol68).
    assert all("column_guess" in r.flags for r in res.records)


def test_a_before_piece_left_of_the_item_label_end_is_no_column_start():
    labels = {0: (3.0, 6.0), 1: (25.0, 27.0), 2: (48.0, 54.0), 3: (70.0, 76.0), 4: (84.0, 88.0)}
    # 2026/01/09 | Ⅰ基本情報 | ７．評価実施機関における担当部 (under the centred 項目 label) | …
    assert not opens_under_labels([0.0, 13.0, 23.0, 61.0, 84.0, 91.0], labels)
    assert opens_under_labels([0.0, 13.0, 38.0, 61.0, 84.0, 91.0], labels)
