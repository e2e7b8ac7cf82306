"""The one-word-paragraph checks stay quiet on a cell's own one-word values
(normalize/short_value_checks.py) and keep warning where a one-word paragraph is a piece read
from elsewhere; measured on samples/office-short43 (tools/make_short43_samples.py)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from piatable.models import Doubt, RawRow, Record
from piatable.normalize.cut_checks import word_why
from piatable.normalize.short_value_checks import quiet_one_word_doubts
from piatable.normalize.short_values import WHY

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))

import bench_calibration as bench  # noqa: E402

RUN_ON = Doubt("column_guess", "before", f"{word_why('before', 'after')} (有|無)")


def record(before: str, after: str) -> Record:
    return Record(
        source="t", row_index=0, page_start=1, page_end=1, change_date=None, change_date_raw="",
        item="Ⅱ特定個人情報ファイルの概要", item_path=[], before=before, after=after, timing=None,
        explanation="記載の誤りの訂正",
    )  # fmt: skip


def parted_row(value: str = "無") -> RawRow:
    row = RawRow()
    row.doubts.append(Doubt("cut_guess", "before", WHY.format(value)))
    return row


def stray(field: str, piece: str) -> list[Doubt]:
    lone = f"a paragraph of the {field} cell is {piece!r} alone: a piece torn from a word elsewhere"
    return [
        Doubt("column_guess", field, f"the cell holds a stray number or letter ({piece})"),
        Doubt("column_guess", field, lone),
    ]


@pytest.mark.parametrize(("before", "after"), [("有", "無"), ("10", "20"), ("なし", "有\n（２）件")])
def test_two_one_word_cells_side_by_side_are_no_torn_word(before, after):
    assert quiet_one_word_doubts(RawRow(), record(before, after), [RUN_ON]) == []


@pytest.mark.parametrize(("before", "after"), [("…の通知対象", "者の情報"), ("有\n（２）件", "無")])
def test_a_run_on_from_a_longer_cell_is_kept(before, after):
    assert quiet_one_word_doubts(RawRow(), record(before, after), [RUN_ON]) == [RUN_ON]


def test_a_one_word_value_of_a_parted_row_is_the_cells_own():
    doubts = stray("after", "有")
    assert quiet_one_word_doubts(parted_row(), record("無", "有\n（２）件"), doubts) == []


def test_a_one_word_paragraph_of_a_row_not_parted_keeps_its_warning():
    doubts = stray("before", "紙")
    assert quiet_one_word_doubts(RawRow(), record("専用線\n紙\n紙", "組織改編による変更"), doubts) == doubts


def test_a_stray_in_the_explanation_keeps_its_warning():
    doubts = stray("explanation", "紙")
    assert quiet_one_word_doubts(parted_row("紙"), record("紙", "専用線"), doubts) == doubts


def _warned(status: str) -> tuple[int, int]:
    """(rows warned, rows) of the given status over the -raw and pypdfium2 cases of office-short43."""
    warned = total = 0
    for case in bench.sample_cases():
        if "office-short43" not in case.name or not case.name.endswith(("-pdftotext-raw", "-pypdfium2")):
            continue
        for o in bench.score_case(case):
            if o.status == status:
                total += 1
                warned += o.warned
    return warned, total


def test_short_value_rows_right_are_mostly_quiet_and_wrong_ones_warned():
    # short43 merged (ca5462ba): right rows warned 42/148, wrong 82/92; these checks quiet: 26/148.
    right_warned, right = _warned("right")
    wrong_warned, wrong = _warned("wrong")
    assert right_warned / right <= 0.20
    assert wrong_warned / wrong >= 0.85
