"""Text of boxes whose explanation column wraps wider than a before / after column (boxes43):
stock sentences tell the explanations, a shared 提出時期 is doubted where its cut matters, and a
row whose before / after cells wrap at each other's width is doubted."""

from __future__ import annotations

import json

from piatable import extract_document
from piatable.models import CellLine, RawRow
from piatable.normalize.boxes import Box
from piatable.normalize.crossed_widths import crossed_width_rows
from piatable.normalize.row_doubts import UNSHARED_TIMING, doubt_unshared_timings
from piatable.normalize.stock_explanations import ends_with_stock_sentence, explanation_width_contradicted

from .conftest import SAMPLES


def _box(*texts: str) -> Box:
    return Box([CellLine(t, 1, n) for n, t in enumerate(texts)])


def test_a_box_ending_with_a_stock_sentence_is_an_explanation() -> None:
    assert ends_with_stock_sentence(_box("組織改正による役職名の変更", "重大な変更に該当しない"))
    assert ends_with_stock_sentence(_box("…に伴う修正（重要な変更に当", "たらない）"))
    assert not ends_with_stock_sentence(_box("市民部市民課長"))
    assert not ends_with_stock_sentence(_box("重要な変更には当たらないものとする旨を", "規定している。"))


def test_stock_boxes_wider_than_the_explanation_width_contradict_it() -> None:
    wide = _box(
        "組織改正による役職名の変更。なお、本変更は特",
        "定個人情報の取扱いの方法を変えるものではなく",
        "、重要な変更には当たらない。",
    )
    narrow = _box("組織改正による役職名", "の変更", "重大な変更に該当しない")
    assert explanation_width_contradicted([wide, wide], (44, 28), 2)
    assert not explanation_width_contradicted([wide], (44, 28), 2)  # one is not enough
    assert not explanation_width_contradicted([wide, wide, narrow, narrow, narrow], (44, 20), 2)
    assert not explanation_width_contradicted([wide, wide], None, 2)


def _row(date: CellLine, timing: CellLine, page: int = 1) -> RawRow:
    row = RawRow()
    row.cells["change_date"] = [date]
    row.cells["timing"] = [timing]
    row.cells["item"] = [CellLine("Ⅰ基本情報", page, 0)]
    return row


def test_a_shared_timing_is_doubted_only_where_another_cut_differs() -> None:
    dates = [CellLine(f"2020/4/{k + 1}", 1, k) for k in range(4)]
    after, before, after2 = CellLine("事後", 1, 10), CellLine("事前", 1, 11), CellLine("事後", 1, 12)
    rows = [_row(dates[0], after), _row(dates[1], before), _row(dates[2], before), _row(dates[3], after2)]
    hows = doubt_unshared_timings(rows, ["segment"] * 4)
    # The first and last rows take the first and last boxes however the page is cut.
    assert hows == ["segment", UNSHARED_TIMING, UNSHARED_TIMING, "segment"]
    alike = [_row(d, t) for d, t in zip(dates, (after, after2, after2, after2), strict=True)]
    assert doubt_unshared_timings(alike, ["segment"] * 4) == ["segment"] * 4
    # Rows sharing one date box as they share the timing box: the merge is borne out.
    shared = [_row(dates[0], after), _row(dates[0], after), _row(dates[2], before)]
    assert doubt_unshared_timings(shared, ["group"] * 3) == ["group"] * 3


def _cells(before: list[str], after: list[str]) -> RawRow:
    row = RawRow()
    row.cells["before"] = [CellLine(t, 1, n) for n, t in enumerate(before)]
    row.cells["after"] = [CellLine(t, 1, n) for n, t in enumerate(after)]
    return row


def test_a_row_whose_cells_wrap_at_each_others_width_is_named() -> None:
    b28 = ["あ" * 14, "い" * 14, "う"]
    a44 = ["か" * 22, "き" * 22, "く"]
    rows = [_cells(b28, a44), _cells(b28, a44), _cells(a44, b28), _cells(b28, a44)]
    assert crossed_width_rows(rows, 2) == {2}
    assert crossed_width_rows(rows[:2] + rows[3:], 2) == set()


def test_office_boxes42_calc_v2_reads_its_explanations() -> None:
    """A Calc table whose 変更前 column (28 units) is narrower than its 変更後 and 説明 (44):
    every explanation, each ending with 重要な変更には当たらない, is read as the row's."""
    case = SAMPLES / "office-boxes42" / "b42-calc-v2-pdfminer"
    expected = json.loads((case / "expected" / "records.json").read_text("utf-8"))
    got = extract_document(case / "input.txt").records
    right = sum(
        g.explanation.replace("\n", "") == e["explanation"].replace("\n", "")
        for g, e in zip(got, expected, strict=False)
    )
    assert right >= 11, right
