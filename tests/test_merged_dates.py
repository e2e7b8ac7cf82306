"""Merged 変更日 cells printed apart from their rows in text read by positions
(normalize/merged_dates.py): the rows whose date the table's alignment contradicts are warned,
the rows it agrees with are not, and a date printed level with its rows raises nothing."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from piatable.models import CellLine, RawRow
from piatable.normalize.merged_dates import date_alignment, filled_group_doubts
from piatable.pipeline import extract_document

from .conftest import SIX

SAMPLES = Path(__file__).resolve().parent.parent / "samples" / "valigndate15"


def _row(date_line: int, lines: tuple[int, int], filled: bool) -> RawRow:
    row = RawRow(positioned=True)
    row.cells["change_date"] = [CellLine("2020/4/1", page=1, line_no=date_line)]
    row.cells["item"] = [CellLine("Ⅰ基本情報", page=1, line_no=n) for n in range(lines[0], lines[1] + 1)]
    if filled:
        row.flags.append("merged_cell_filled")
    return row


def _kinds(doubts: list[list]) -> list[list[str]]:
    return [[f"{d.kind}:{d.field}" for d in ds] for ds in doubts]


def test_dates_above_centred_rows_agree_with_the_reader():
    # Merged dates at the top of their cells (lines 1 and 10), the rows' text centred below.
    rows = [
        _row(1, (3, 4), False),
        _row(1, (7, 8), True),
        _row(10, (12, 13), False),
        _row(10, (16, 17), True),
    ]
    keys = [((1, r.cells["change_date"][0].line_no),) for r in rows]
    own = [[(1, cl.line_no) for cl in r.cells["item"]] for r in rows]
    assert date_alignment(keys, own) == "top"
    assert _kinds(filled_group_doubts(rows)) == [[], [], [], []]


def test_a_row_given_the_next_date_against_top_aligned_dates_is_warned():
    # The second row was given the date printed below it, though the dates stand at the top.
    rows = [
        _row(1, (3, 4), False),
        _row(10, (7, 8), True),
        _row(10, (12, 13), False),
        _row(10, (16, 17), True),
    ]
    assert _kinds(filled_group_doubts(rows)) == [[], ["column_guess:change_date"], [], []]


def test_dates_at_the_foot_warn_the_row_given_the_date_above():
    # Dates at the foot of their cells (lines 9 and 18); the third row was given the first.
    rows = [_row(9, (2, 3), True), _row(9, (6, 7), False), _row(9, (11, 12), True), _row(18, (15, 16), False)]
    keys = [((1, r.cells["change_date"][0].line_no),) for r in rows]
    own = [[(1, cl.line_no) for cl in r.cells["item"]] for r in rows]
    assert date_alignment(keys, own) == "bottom"
    assert _kinds(filled_group_doubts(rows)) == [[], [], ["column_guess:change_date"], []]


def test_dates_level_with_their_rows_raise_nothing():
    rows = [
        _row(3, (3, 4), False),
        _row(3, (7, 8), True),
        _row(12, (12, 13), False),
        _row(12, (16, 17), True),
    ]
    assert _kinds(filled_group_doubts(rows)) == [[], [], [], []]


def test_flattened_rows_are_not_checked():
    rows = [_row(1, (3, 4), False), _row(10, (7, 8), True), _row(10, (12, 13), False)]
    for r in rows:
        r.positioned = False
    assert _kinds(filled_group_doubts(rows)) == [[], [], []]


def _ws(text: str | None) -> str:
    return re.sub(r"\s+", "", text or "")


def test_layout_rows_with_another_rows_merged_date_are_warned():
    """md-calc-3 (dates at the foot of their merged cells) and md-writer-4 (at the top, the rows
    centred): every row whose date is wrong carries ``column_guess``; of the rows the check
    warns, most are wrong."""
    hits = misses = false = 0
    for name in ("md-calc-3-pdftotext-layout", "md-writer-4-pdftotext-layout", "md-calc-1-pdftotext-layout"):
        want = json.loads((SAMPLES / name / "expected" / "records.json").read_text("utf-8"))
        got = extract_document(SAMPLES / name / "input.txt").records
        assert len(got) == len(want)
        for g, w in zip(got, want, strict=True):
            ours = any("merged dates at the" in e or "merged date shared" in e for e in g.evidence)
            if g.change_date != w["change_date"]:
                hits += "column_guess" in g.flags
                misses += "column_guess" not in g.flags
            elif ours and all(_ws(getattr(g, f)) == _ws(w[f]) for f in SIX):
                false += 1
    assert hits >= 5 and misses == 0
    assert false <= 2


def test_centred_dates_warn_rows_the_middle_reading_gives_another_date():
    # Calc: merged dates centred (lines 14 and 36), body at the top of its rows.  Rows 0-2 take
    # the date on line 14 (the middle of lines 4..24); rows 3-4 that on line 36, but the
    # reader gave row 3 the date above.
    from piatable.normalize.centred_dates import centred_date_reading

    spans = [(4, 6), (11, 13), (18, 20), (25, 29), (34, 40)]
    dates = [14, 14, 14, 14, 36]
    rows = [_row(d, s, True) for d, s in zip(dates, spans, strict=True)]
    rows[4].flags.clear()
    assert _kinds(centred_date_reading(rows)[1]) == [[], [], [], ["column_guess:change_date"], []]


def test_centred_dates_in_the_middle_of_their_rows_raise_nothing():
    from piatable.normalize.centred_dates import centred_date_reading

    spans = [(4, 6), (11, 13), (18, 20), (25, 29), (34, 40)]
    dates = [14, 14, 14, 33, 33]
    rows = [_row(d, s, k not in (0, 3)) for k, (d, s) in enumerate(zip(dates, spans, strict=True))]
    assert _kinds(centred_date_reading(rows)[1]) == [[]] * 5


def test_a_date_at_the_top_of_its_rows_is_not_read_as_centred():
    from piatable.normalize.centred_dates import centred_date_reading

    rows = [_row(4, (4, 6), False), _row(4, (11, 13), True), _row(4, (18, 20), True)]
    rows.append(_row(25, (25, 29), False))
    assert _kinds(centred_date_reading(rows)[1]) == [[]] * 4


def test_a_centred_date_one_row_off_by_whole_lines_is_warned():
    # Calc, samples/office/calc-juki-b (-layout): dates centred on lines 7 and 16; row 0 (lines
    # 3-8) prints 7, rows 1-3 (9-21) share 16.  Runs [0, 1] / [2, 3] and [0] / [1, 2, 3] put the
    # dates equally near their middles once rounded to whole lines: row 1's date is in doubt,
    # the rows printing their own date are not.
    from piatable.normalize.centred_dates import centred_date_reading

    spans = [(3, 8), (9, 12), (13, 17), (18, 21)]
    rows = [_row(d, s, True) for d, s in zip((7, 7, 16, 16), spans, strict=True)]
    assert _kinds(centred_date_reading(rows)[1]) == [[], ["column_guess:change_date"], [], []]


def test_the_real_centred_calc_table_warns_its_wrong_date():
    got, want = _read_sample("office/calc-juki-b-pdftotext-layout")
    wrong = [g for g, w in zip(got, want, strict=True) if g.change_date != w["change_date"]]
    assert wrong and all("column_guess" in g.flags for g in wrong)
    assert any("about as near the middle" in e for g in wrong for e in g.evidence)


def _read_sample(rel: str) -> tuple[list, list[dict]]:
    """The records read from ``samples/<rel>/input.txt`` and the expected ones."""
    folder = Path(__file__).resolve().parent.parent / "samples" / rel
    want = json.loads((folder / "expected" / "records.json").read_text("utf-8"))
    return extract_document(folder / "input.txt").records, want


@pytest.mark.parametrize(
    "rel",
    [
        # Rows 1 and 3 print only an explanation (no line of item, before or after), and the
        # page's dates were not read as centred at all; row 7, given the date above, stands in
        # the run of the date on line 48.
        "office-explonly19/calc-explonly-juki-pdftotext-layout",
        # Merged dates centred, the body at the foot of its rows (blank lines above each row's
        # text).  Read with the blank lines below each row, row 5 stayed in the run above; read
        # at the foot it takes the date centred on it, and row 2 (moved too) gives row 5 the
        # date it printed, not the one it took.
        "office-layout22/ly22-m-calc-10-pdftotext-layout",
    ],
)
def test_centred_dates_are_read_into_the_runs_they_stand_in(rel):
    got, want = _read_sample(rel)
    assert [g.change_date for g in got] == [w["change_date"] for w in want]
