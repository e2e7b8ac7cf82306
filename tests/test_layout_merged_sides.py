"""``pdftotext -layout`` text of LibreOffice tables whose merged cells stand at the top, middle or
foot of the rows they span, apart from the other cells' alignment (issues 10 and 12; tuning set
samples/office9): which rows a merged value covers is read from where it stands, and rows another
reading would give another value are in doubt."""

from __future__ import annotations

import json
from pathlib import Path

import piatable
from piatable.normalize.grid.common import PageRows
from piatable.normalize.grid.date_spans import date_spans
from piatable.normalize.grid.lines import Line
from piatable.normalize.grid.merged_fill import merged_runs
from piatable.normalize.grid.misplaced import crossing_row_doubts

OFFICE9 = Path(__file__).resolve().parent.parent / "samples" / "office9"
TIMING = 4
OWN = (1, 2, 3)


def _line(text: str, top: float) -> Line:
    return Line([], text, 0.0, float(len(text) * 2), top, top + 1.0, 1, int(top), None)


def _rows(tops: list[tuple[int, int]], values: dict[int, tuple[str, float]]) -> list[dict[int, list[Line]]]:
    """Rows whose 項目 runs over lines ``top..end`` (one line each), and 提出時期 ``values``
    (row → (text, top))."""
    rows: list[dict[int, list[Line]]] = []
    for k, (top, end) in enumerate(tops):
        row = {1: [_line(f"項目{k}", float(y)) for y in range(top, end + 1)]}
        if k in values:
            text, y = values[k]
            row[TIMING] = [_line(text, y)]
        rows.append(row)
    return rows


def test_a_value_centred_over_rows_covers_the_rows_above_it_too():
    """Six rows of three lines (the other cells at the top); 事前 stands between the third and
    fourth rows, the middle of the first six; 事後 in the middle of the last three."""
    tops = [(0, 2), (4, 6), (8, 10), (12, 14), (16, 18), (20, 22), (24, 26), (28, 30), (32, 34)]
    rows = _rows(tops, {2: ("事前", 11.0), 7: ("事後", 29.0)})
    sources, doubts, mode = merged_runs(rows, 0, TIMING, OWN, 1.0, "top")
    assert mode == "centre"
    assert [sources[k] for k in range(9)] == [2] * 6 + [7] * 3
    assert not doubts


def test_a_value_at_the_foot_covers_the_rows_above_it():
    """Values at the foot of the last row they cover (Calc's default) take the rows above them,
    not below, even where the page's other cells are read at the top."""
    tops = [(0, 2), (4, 6), (8, 10), (12, 14), (16, 18)]
    rows = _rows(tops, {1: ("事後", 6.0), 4: ("事前", 18.0)})
    sources, _, mode = merged_runs(rows, 0, TIMING, OWN, 1.0, "top")
    assert mode == "bottom"
    assert [sources[k] for k in range(5)] == [1, 1, 4, 4, 4]


def test_one_line_rows_cannot_tell_the_side_and_say_so():
    """Rows of one line each: a value level with a row fits the top of a run starting there and
    the foot of one ending there alike; the rows whose value that changes are in doubt."""
    rows = _rows([(0, 0), (2, 2), (4, 4), (6, 6)], {0: ("事前", 0.0), 2: ("事後", 4.0)})
    sources, doubts, _ = merged_runs(rows, 0, TIMING, OWN, 1.0, "top")
    assert sources[0] == 0 and sources[2] == 2
    assert 1 in doubts and "may be another row's" in doubts[1]


def test_every_row_printing_its_own_value_is_left_alone():
    rows = _rows([(0, 2), (4, 6)], {0: ("事前", 0.0), 1: ("事後", 4.0)})
    assert merged_runs(rows, 0, TIMING, OWN, 1.0, "top") is None


def test_a_centred_merged_timing_beside_top_aligned_text_fills_both_sides():
    """samples/office9/calc-vmerge-t3: 事前 centred over six rows whose text is at the top stands
    at the foot of the third; the first three rows were read without it, the seventh and
    eighth took it instead of the 事後 centred lower down."""
    folder = OFFICE9 / "calc-vmerge-t3-pdftotext-layout"
    expected = json.loads((folder / "expected" / "records.json").read_text("utf-8"))
    got = piatable.extract(folder / "input.txt")
    assert [r.timing for r in got] == [e["timing"] for e in expected]


def test_rows_whose_lines_cross_are_both_in_doubt():
    """The upper row's 変更後 goes on below the lower row's first 項目 line: the rows were cut
    from each other's lines at a guess (a row_split_guess on both); stacked rows stay quiet."""
    upper = {1: [_line("Ⅰ基本情報", 0.0)], 3: [_line("新しい記載", float(y)) for y in range(0, 5)]}
    lower = {1: [_line("Ⅱ概要", 3.0), _line("①部署", 4.0)], 2: [_line("市民課", 3.0)]}
    res = PageRows([upper, lower], [False, False], True, [], False)
    crossing_row_doubts(res, 1.0)
    assert set(res.doubts) == {0, 1}
    assert "after" in res.doubts[0]
    stacked = {1: [_line("Ⅱ概要", 5.0)], 2: [_line("市民課", 5.0)]}
    res = PageRows([upper, stacked], [False, False], True, [], False)
    crossing_row_doubts(res, 1.0)
    assert not res.doubts


def test_a_page_without_dates_under_top_aligned_cells_opens_a_row_at_each_path():
    """samples/office9/writer-vmerge-t2: the last date of a Writer table is merged over five rows,
    at the top, so the pages after it print no date; each 項目 path (Ⅲリスク対策 …) on those
    pages opens a row of that date instead of everything being pasted into one row."""
    folder = OFFICE9 / "writer-vmerge-t2-pdftotext-layout"
    expected = json.loads((folder / "expected" / "records.json").read_text("utf-8"))
    got = piatable.extract(folder / "input.txt")
    paths = [r.item.split("\n")[:2] for r in got]
    for e in expected[-3:]:
        assert e["item"].split("\n")[:2] in paths
    assert [str(r.change_date) for r in got[-3:]] == ["2023-02-06"] * 3


def test_a_date_wrapped_with_lines_between_its_parts_is_one_date():
    """A narrow date column, its date's parts printed with other columns' lines between them
    (``2023/`` / … / ``4/1``, ``202`` / … / ``3/2/`` / … / ``6``, ``平成３０`` / … / ``日``):
    each date is one extent over all its parts, not a part alone."""
    cases = [
        ({3: "2023/", 6: "4/1", 12: "2022/", 15: "10/17"}, [(3, 7), (12, 16)]),
        ({3: "202", 5: "3/2/", 7: "6", 12: "202", 14: "1/9/", 16: "1"}, [(3, 8), (12, 17)]),
        ({3: "令和５年", 5: "４月１日", 12: "平成３０", 14: "年４月１", 16: "日"}, [(3, 6), (12, 17)]),
    ]
    for texts, want in cases:
        lines = [_line(t, float(top)) for top, t in texts.items()]
        assert date_spans(lines, 1.0) == want, texts


def test_a_whole_date_takes_no_part_of_the_next_one():
    """Two dates two lines apart stay two (a whole date takes only its 日 from further down)."""
    lines = [_line("2023/4/1", 3.0), _line("2022/", 5.0), _line("10/17", 6.0)]
    assert date_spans(lines, 1.0) == [(3, 4), (5, 7)]
