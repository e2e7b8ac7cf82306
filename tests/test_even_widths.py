"""Boxed text (pdfminer) of Writer tables whose six columns share one width: no narrow
explanation width is made up from lines a character short (normalize/even_widths.py), the
columns are told by their words, and two rows' explanations merged into one box are cut after
``重要な変更にはあたらない`` (normalize/merged_explanations.py; issues 10 and 12, branch
pdfminer50, set XI FAULTS.md kind 8).  Texts: samples/office-pdfminer50
(tools/make_pdfminer50_samples.py) and a Calc table with a narrow 説明 column."""

from __future__ import annotations

import json
import re

import pytest

from piatable.models import CellLine
from piatable.normalize.boxes import Box
from piatable.normalize.even_widths import even_widths
from piatable.normalize.merged_explanations import explanation_cuts
from piatable.normalize.wrap_widths import full_widths, two_widths
from piatable.pipeline import extract_document

from .conftest import SAMPLES

SIX = ("change_date_raw", "item", "before", "after", "timing", "explanation")


def _boxes(case: str) -> list[Box]:
    """The text's boxes (runs of lines between blank lines) of two lines or more, pages kept."""
    text = (SAMPLES / case / "input.txt").read_text("utf-8")
    out = []
    for page, chunk in enumerate(text.split("\f"), 1):
        for block in re.split(r"\n\s*\n", chunk):
            lines = [CellLine(ln, page) for ln in block.split("\n") if ln.strip()]
            if len(lines) > 1:
                out.append(Box(lines))
    return out


def _squash(value: object) -> str:
    return re.sub(r"\s", "", "" if value is None else str(value))


@pytest.mark.parametrize("v", [1, 2, 3, 4])
def test_one_width_for_every_column(v):
    """Every column of these tables wraps at one width; the lines a character short (kinsoku, a
    half-width character) made a narrow width that no box holds whole: one width is kept."""
    boxes = _boxes(f"office-pdfminer50/pm50-writer-v{v}-pdfminer")
    drawn = two_widths(full_widths(boxes))
    assert drawn is not None  # (what the base read: a made-up explanation width)
    widths, one = even_widths(boxes, drawn)
    assert widths is None and one == drawn[0]


def test_a_narrow_explanation_column_is_kept():
    """A Calc table whose 説明 column is narrower than 変更前 / 変更後: its boxes hold the narrow
    width whole, which stays the explanation column's."""
    boxes = _boxes("office-boxes44/b44-calc-v1-pdfminer")
    drawn = two_widths(full_widths(boxes))
    assert drawn is not None
    widths, one = even_widths(boxes, drawn)
    assert widths == drawn and one is None
    result = extract_document(SAMPLES / "office-boxes44" / "b44-calc-v1-pdfminer" / "input.txt")
    assert not any("every column wraps at one width" in e for r in result.records for e in r.evidence)


def test_merged_explanations_cut_after_ataranai():
    """pdfminer printed two rows' explanations as one box; the first ends with the form's
    second paragraph 重要な変更にはあたらない (wrapped: ``重要な変更に`` / ``はあたらない``)."""
    box = next(
        b for b in _boxes("office-pdfminer50/pm50-writer-v2-pdfminer") if b.text.startswith("組織改正によ")
    )
    texts = [cl.text for cl in box.lines]
    assert texts[3:5] == ["重要な変更に", "はあたらない"]
    assert explanation_cuts(box) == [5]


def test_rows_read_right_and_warned():
    """The first two rows of pm50-writer-v4 (pdfminer) are read whole (before/after no longer
    taken for explanations); the text does not bear the column-by-column reading out, so every
    row keeps its column_guess."""
    path = SAMPLES / "office-pdfminer50" / "pm50-writer-v4-pdfminer" / "input.txt"
    expected = json.loads((path.parent / "expected" / "records.json").read_text("utf-8"))
    result = extract_document(path)
    assert len(result.records) == len(expected) == 6
    for rec, exp in list(zip(result.records, expected, strict=True))[:2]:
        assert [_squash(getattr(rec, f)) for f in SIX] == [_squash(exp[f]) for f in SIX]
    assert result.records[0].before.startswith("・新規採用職員に対して")
    assert result.records[1].explanation.replace("\n", "") == "組織改正及び電話番号の変更に伴う修正"
    assert all("column_guess" in r.flags for r in result.records)
    assert all(any("every column wraps at one width" in e for e in r.evidence) for r in result.records)


@pytest.mark.parametrize(
    "case, row, after",
    [("office-quiet48/q48-calc-pdfminer", 0, "証明書コンビニ交付システム")],
)
def test_added_row_keeps_shinki_tsuika_as_its_before(case, row, after):
    """A Calc table prints 新規追加 in the 変更前 column of an added row; pdfminer gives it a box
    of its own, which the pairing had left over (an addition's marker closes an after cell):
    a one-line box of the marker alone pairs as the before cell (body_pairing.ADDED_BEFORE)."""
    path = SAMPLES / case / "input.txt"
    result = extract_document(path)
    rec = result.records[row]
    assert rec.before == "新規追加"
    assert _squash(rec.after) == after
    assert "unplaced_text" not in rec.flags
    assert "column_guess" in rec.flags  # read column by column: still a guess


def test_strike_through_caption_kept_out_of_the_rows():
    """A Calc table's caption on struck-through text (``※…取消線を付した部分を削除する。``,
    set XI c3 prints one) is a caption (captions.CAPTION_WORDS): named in a note, in no cell
    (it had been appended to the last row's explanation)."""
    path = SAMPLES / "office-pdfminer50" / "pm50-calc-v1-pdfminer" / "input.txt"
    expected = json.loads((path.parent / "expected" / "records.json").read_text("utf-8"))
    result = extract_document(path)
    assert any("caption" in n and "取消線を付した部分を削除する" in n for n in result.notes)
    assert not any("取消線" in getattr(r, f) for r in result.records for f in SIX)
    last, exp = result.records[-1], expected[-1]
    assert _squash(last.explanation) == _squash(exp["explanation"])
