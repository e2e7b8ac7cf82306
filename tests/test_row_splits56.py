"""One row read as two in row-ordered texts (issue 10, branch column56).

* a Calc header's wrapped label (``提出`` / ``時期``) printed after a pass 1 that ends with a
  one-line text cell is furniture, not rows (set XVII t01, pypdfium2: 25 rows read for 15);
* a pass-2 row that reads only an item, on a page whose pass 1 holds no text cells, is the row
  above a heading printed inside a before / after cell (``normalize/item_only_rows.py``);
* two Writer rows sharing a date printed above the first and a timing printed below the
  second's start say the split is a guess (``normalize/timing_below.py``).

Texts of LibreOffice PDFs: samples/office-column56 (tools/make_column56_samples.py) and set
XVII's t01 (a Calc A3 sheet with print titles, pypdfium2's text, pages joined by line ends).
"""

from __future__ import annotations

import json

from piatable.normalize.item_only_rows import JOINED_WHY
from piatable.normalize.timing_below import TIMING_BELOW_WHY
from piatable.pipeline import extract_document

from .conftest import ROOT, SAMPLES

SET = SAMPLES / "office-column56"
DATA = ROOT / "tests" / "data" / "row_splits56"


def _squash(text: str | None) -> str:
    return "".join((text or "").split())


def _expected(case: str) -> list[dict]:
    return json.loads((SET / case / "expected" / "records.json").read_text("utf-8"))


def test_wrapped_label_after_a_text_cell_of_pass_one_is_furniture():
    res = extract_document(DATA / "t01_calc_a3_titles.pypdfium2.txt")
    dates = json.loads((DATA / "t01_calc_a3_titles.dates.json").read_text("utf-8"))
    got = [r.to_dict() for r in res.records]
    assert len(got) == len(dates) == 15  # not 25: no row of one header line or one cell line
    # A row whose date is not the truth's (row 7 takes 令和2年10月1日 from its after cell) says so.
    wrong = [r for r, d in zip(got, dates, strict=True) if r["change_date"] != d]
    assert len(wrong) <= 1 and all("row_split_guess" in r["flags"] for r in wrong)
    cells = {_squash(r[k]) for r in got for k in ("item", "before", "after", "explanation")}
    assert not cells & {"提出", "時期", "提出時期"}
    assert any("「提出時期」" in n for n in res.notes)  # said, as furniture among the cells
    # The first row's wrapped cells are its own, not rows of one line each.
    assert _squash(got[0]["item"]).startswith("Ⅳその他のリスク対策１．監査")
    assert "監査体制の見直し" in got[0]["explanation"]


def test_heading_inside_an_after_cell_joins_the_row_above():
    want = _expected("c56-tx-calc-kokuho")
    for text in ("pypdfium2", "pdftotext-raw"):
        res = extract_document(SET / f"c56-tx-calc-kokuho-{text}" / "input.txt")
        got = [r.to_dict() for r in res.records]
        assert len(got) == len(want), text
        joined = next(r for r in got if r["item"].startswith("Ⅳリスク対策"))
        truth = next(r for r in want if r["item"].startswith("Ⅳリスク対策"))
        for key in ("change_date", "item", "before", "after", "timing", "explanation"):
            assert _squash(joined[key]) == _squash(truth[key]), (text, key)
        assert _squash(joined["after"]).startswith("Ⅱ特定個人情報ファイルの概要③対象となる本人の範囲")
        # The row says its cut was read from the date count (the heading's item path too).
        assert joined["confidence"] < 0.5 and "row_split_guess" in joined["flags"], text
    assert JOINED_WHY.startswith("a row of pass 2")


def test_cells_side_by_side_keep_their_row():
    """A pass-2 row whose one-line cells stand beside its item's last line is a row of its own
    (``②所属長の役職名 市民課長 市民窓口課長 …``): not joined with the next."""
    case = SAMPLES / "office-raw40" / "r40wrap-calc2-municipal-pypdfium2"
    want = json.loads((case / "expected" / "records.json").read_text("utf-8"))
    got = [r.to_dict() for r in extract_document(case / "input.txt").records]
    assert len(got) == len(want) == 6
    # Each row opens with its own item (the second's values stay beside its item: warned).
    assert [_squash(r["item"])[:24] for r in got] == [_squash(r["item"])[:24] for r in want]


def test_two_rows_sharing_a_date_above_and_a_timing_below_are_warned():
    """Writer prints a row's cells in column order; a heading inside its after cell opened a
    second row, which took the timing and the explanation, the first the date: both warned."""
    want = _expected("c56-tx-writer-juki")
    for text in ("pypdfium2", "pdftotext-raw"):
        got = [
            r.to_dict() for r in extract_document(SET / f"c56-tx-writer-juki-{text}" / "input.txt").records
        ]
        assert len(got) == len(want) + 1, text  # the split is not mended, only said
        first, second = got[0], got[1]
        assert first["change_date"] == second["change_date"] == want[0]["change_date"]
        for row in (first, second):
            assert "row_split_guess" in row["flags"] and row["confidence"] < 0.5, text
        # Rows of their own dates and timings are not warned so.
        assert "row_split_guess" not in got[2]["flags"]
    assert "one row read as two" in TIMING_BELOW_WHY
