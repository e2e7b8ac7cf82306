"""Merged 項目 runs inside merged 変更日 blocks in row-ordered text (branch merged62): a second
提出時期 opens the next row where the explanation before it ends (normalize/second_anchors.py),
the rows so opened carry the merged item (``merged_cell_filled``), rows under a merged date in a
text printing more 提出時期 than rows are warned (normalize/undated_runs.py), and a date a
sentence goes on after (``平成31年4月1日 時点``) is no row's stray date (table_doubts).

The samples are samples/office-merged62 (tools/make_merged62_samples.py, tuning); the held-out
samples/heldout-merged62 are measured in the README, never tested on."""

from __future__ import annotations

import pytest

from piatable.models import CellLine, RawRow
from piatable.normalize.second_anchors import explanation_end
from piatable.normalize.table_doubts import stray_date_doubts
from piatable.normalize.undated_runs import doubt_undated_runs, undated_runs
from piatable.settings import Settings

from .conftest import SAMPLES, SIX, text_case

SET = SAMPLES / "office-merged62"
REJOIN = Settings().rejoin
# The explanation column of the samples' Writer tables: 12 full-width characters.
WIDTH = 24


def _lines(*texts: str) -> list[CellLine]:
    return [CellLine(t, page=1, line_no=k) for k, t in enumerate(texts)]


def test_the_explanation_ends_at_its_reason_before_the_next_rows_wide_line():
    lines = _lines("組織改正による部署名の変", "更", "＜中間サーバー・ソフトウェアに", "おける措置＞")
    assert explanation_end(lines, WIDTH, REJOIN, None) == 2


def test_a_stock_sentence_stays_with_the_explanation():
    lines = _lines("ｅＬＴＡＸによる課税資料", "の受領開始に伴う追記", "重大な変更に該当しない", "市民課")
    assert explanation_end(lines, WIDTH, REJOIN, None) == 3


def test_no_cut_where_no_line_ends_a_reason():
    lines = _lines("課税資料の受領開始のた", "め", "市民課", "市民窓口課")
    assert explanation_end(lines, WIDTH, REJOIN, None) == 2  # …のため ends a reason (ため)
    lines = _lines("課税資料の受領を開始", "市民課", "市民窓口課")
    assert explanation_end(lines, WIDTH, REJOIN, None) is None
    assert explanation_end(lines, 0, REJOIN, None) is None  # the column's width unknown


def test_a_closing_mark_is_no_reason():
    # 削除 closes an after cell: the explanation is not cut after it.
    lines = _lines("削除", "市民課")
    assert explanation_end(lines, WIDTH, REJOIN, None) is None


def _row(date: str, timing: str = "事前", text: str = "市民課") -> RawRow:
    row = RawRow()
    row.cells["change_date"] = [CellLine(date, page=1, line_no=0)] if date else []
    row.cells["timing"] = [CellLine(timing, page=1, line_no=1)]
    row.cells["before"] = [CellLine(text, page=1, line_no=1)] if text else []
    return row


def _region(rows: list[RawRow], surplus: int) -> list[str]:
    """A table region printing ``surplus`` more 提出時期 than ``rows``."""
    return ["事前"] * (len(rows) + surplus)


def test_rows_that_ran_together_under_one_printed_date_are_warned():
    rows = [_row("2024/4/1"), _row(""), _row(""), _row("2024/5/1"), _row("2024/6/1"), _row("")]
    assert undated_runs(rows) == [[0, 1, 2], [4, 5]]
    # No row holds another's 提出時期, none is a lone date: none doubted.
    assert doubt_undated_runs(rows, _region(rows, 2)) == 0 and not any(r.doubts for r in rows)
    # Row 1 holds the next row's 提出時期 on a line of its explanation: it ran into it.
    rows[1].cells["explanation"] = [CellLine("記載の修正", 1, 2), CellLine("事後", 1, 3)]
    # Its 提出時期 is one the rows do not count: the row is doubted and counted.
    assert doubt_undated_runs(rows, _region(rows, 0)) == 1 and rows[1].doubts[0].kind == "row_split_guess"
    # A row of a date and 提出時期 alone (Calc's two-pass text): every row of its run with text.
    rows = [_row("2024/4/1"), _row(""), _row("", text=""), _row("2024/5/1")]
    assert doubt_undated_runs(rows, _region(rows, 0)) == 0  # no row holds another's 提出時期
    assert [bool(r.doubts) for r in rows] == [True, True, False, False]


def test_a_date_a_sentence_goes_on_after_is_no_stray_date():
    rows = [_row("2024/4/1", text=""), _row("", text="")]
    rows[1].cells["change_date"] = rows[0].cells["change_date"]  # the merged date, filled
    rows[1].flags.append("merged_cell_filled")
    # A before cell 「平成31年4月1日 時点」 printed on one line with its row's 提出時期.
    rows[1].cells["before"] = [CellLine("平成31年4月1日 時点", page=1, line_no=1)]
    assert stray_date_doubts(rows) == [[], []]
    rows[1].cells["before"] = [CellLine("平成31年4月1日 事後", page=1, line_no=1)]
    assert stray_date_doubts(rows)[1][0].kind == "row_split_guess"


def _six(row: dict) -> tuple[str, ...]:
    return tuple("".join(str(row[k] or "").split()) for k in SIX)


def _right_rows(recs, truth: list[dict]) -> int:
    """Truth rows read whole (six cells, whitespace aside) by some record."""
    read = {_six(r.to_dict() if hasattr(r, "to_dict") else r.__dict__) for r in recs}
    return sum(_six(t) in read for t in truth)


@pytest.mark.parametrize("tool", ["pypdfium2", "pdftotext-raw"])
def test_rows_under_a_merged_item_carry_it_in_writer_text(tool: str):
    recs, truth = text_case(SET / f"m62-writer-2b-{tool}")
    # Rows 0–2 share one merged 使用部署 item printed once; rows 1 and 2 carry it.
    for r in recs[1:3]:
        assert r.item == recs[0].item == truth[0]["item"]
        assert "merged_cell_filled" in r.flags
    # Before branch merged62 no row of these texts was right.
    assert _right_rows(recs, truth) >= 8
