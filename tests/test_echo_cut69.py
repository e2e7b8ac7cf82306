"""The before/after echo (normalize/echo.py, branch equalcols69): where 変更前 and 変更後 share one
column width, row-ordered text's before/after cut is told by how much of the before cell the after
cell repeats.  Texts: samples/office-equalcols69 (tools/make_equal_widths69_samples.py: Writer and
Calc tables whose before / after columns have one width)."""

from __future__ import annotations

import re

import pytest

from piatable.normalize.echo import Echo
from piatable.pipeline import extract_document

from .conftest import SAMPLES

CASE = str(SAMPLES / "office-equalcols69" / "eq69-writer-zeimu-3-{}" / "input.txt")
BEFORE = "・システム上、管理権限を与えられた者以外は情報の複製ができない仕組みとしている"
AFTER = "・標準準拠システム上、管理権限を与えられた者以外は情報の複製ができない仕組みとしている"


def _squash(value: object) -> str:
    return re.sub(r"\s", "", "" if value is None else str(value))


def test_echo_peaks_at_the_amended_cut():
    """An after cell that repeats its before cell with a word added: the bonus is highest where
    the before lines end, and nothing where a side is empty."""
    lines = [
        "・システム上、管理権限を与",
        "えられた者以外は情報の複製",
        "ができない仕組みとしている",
        "・標準準拠システム上、管理",
        "権限を与えられた者以外は情",
        "報の複製ができない仕組みと",
        "している",
    ]
    bonus = Echo(lines).from_item(0)
    assert max(range(len(bonus)), key=bonus.__getitem__) == 3
    assert bonus[0] == 0.0 and bonus[-1] == 0.0
    assert bonus[3] > bonus[2] + 0.5 and bonus[3] > bonus[4] + 0.5


def test_unlike_cells_earn_nothing():
    """Two cells that share no more than the document's common words earn no bonus anywhere."""
    lines = [
        "市ホームページへの掲載及び市民",
        "課窓口での閲覧により意見を募集",
        "した。",
        "財政部市民税課、資産税課、納税",
        "課、収納対策課",
    ]
    assert not any(Echo(lines).from_item(0))


@pytest.mark.parametrize("tool", ["pypdfium2", "pdftotext-raw", "pypdf"])
def test_amended_row_cut_where_the_after_cell_repeats_the_before(tool):
    """Writer's equal before / after columns: the amendment (システム → 標準準拠システム) is read
    as two cells, not as an after cell holding both versions beside an empty before cell."""
    records = extract_document(CASE.format(tool)).records
    row = next(r for r in records if AFTER in _squash(r.after) or AFTER in _squash(r.before))
    assert _squash(row.before) == BEFORE
    assert _squash(row.after) == AFTER
