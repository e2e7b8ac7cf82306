"""Branch layout46 (issues 10 / 12): ``pdftotext -layout`` text of LibreOffice tables, Calc cells
whose lines of legal references run up to the next column (a full-width space printed as a gap,
the line's end one space before the after cell) and Writer rows broken over pages under a
repeated label row; the committed samples are made by ``tools/make_layout46_samples.py``
(``samples/office-layout46``)."""

from __future__ import annotations

from pathlib import Path

import piatable
from piatable.models import Word
from piatable.normalize.grid.layout_text import _assign
from piatable.normalize.grid.lines import Line
from piatable.settings import GridSettings

from .conftest import text_case

SAMPLES = Path(__file__).resolve().parent.parent / "samples" / "office-layout46"


def _case(name: str) -> tuple[list[piatable.Record], list[dict]]:
    return text_case(SAMPLES / f"{name}-pdftotext-layout")


def _squash(text: str | None) -> str:
    return "".join((text or "").split())


def _piece(text: str, x0: float) -> Line:
    w = Word(text, 1, x0, x0 + 2 * len(text), 5.0, 6.0)
    return Line([w], text, x0, x0 + 2 * len(text), 5.0, 6.0, 1, 5, None)


def test_the_end_of_a_line_one_space_before_the_next_column_stays_in_its_column():
    # ``番号法第９条第１項    別表第 番号法第９条第１項 別表第 事後``: the full-width space of the
    # before cell printed as a gap, 別表第 ending one space before the after cell's line.
    starts = [0.0, 12.0, 35.0, 58.0, 78.0, 85.0]
    line = [
        _piece("2021/4/1", 0),
        _piece("Ⅰ関連情報", 12),
        _piece("番号法第９条第１項", 30),
        _piece("別表第", 52),
        _piece("番号法第９条第１項", 59),
        _piece("事後", 78),
    ]
    assert _assign(line, starts, GridSettings()) == [0, 1, 2, 2, 3, 4]


def test_a_piece_at_its_own_column_start_still_opens_it():
    # The rule is for a piece left of the column, one space before the piece at its start: a
    # piece at the start (or a single piece left of it, no piece after) is read as before.
    starts = [0.0, 12.0, 35.0, 58.0, 78.0, 85.0]
    at_start = [_piece("市民課", 35), _piece("市民窓口課", 58)]
    alone = [_piece("市民課", 35), _piece("削除", 56)]
    assert _assign(at_start, starts, GridSettings()) == [2, 3]
    assert _assign(alone, starts, GridSettings()) == [2, 3]


def test_a_calc_before_line_run_up_to_the_after_column_keeps_its_end():
    """ly46-c-calc-2 row 5: before ``番号法第９条第１項　別表第一の３０の項`` printed as
    ``番号法第９条第１項    別表第`` / ``一の３０の項``, ``別表第`` one space before the after cell's
    ``番号法第９条第１項 別表第``; it was read into the after cell (flagged column_guess)."""
    recs, truth = _case("ly46-c-calc-2")
    assert len(recs) == len(truth) == 8
    row = recs[5]
    assert _squash(row.before) == _squash(truth[5]["before"]) == "番号法第９条第１項別表第一の３０の項"
    assert _squash(row.after) == _squash(truth[5]["after"])
    assert row.after.startswith("番号法第９条第１項")
    assert "column_guess" not in row.flags
    # Every row of the case is read right, whitespace aside.
    for got, want in zip(recs, truth, strict=True):
        for key in ("item", "before", "after", "explanation"):
            assert _squash(getattr(got, key)) == _squash(want[key])
        assert got.timing == want["timing"]


DATA = Path(__file__).resolve().parent / "data"


def test_a_row_broken_over_a_page_gets_its_tail_under_the_repeated_labels():
    """layout_page_tail: row 6's last 項目 headings (事務において使用するシステム / システム３ /
    ① システムの名称), the end of its before / after cells and its 説明's last character 記
    (printed in the one-character 提出時期 column) stand at the top of page 2.  Read before as a
    row of its own (its 提出時期 ``記``, no date: a junk row) while row 6 lacked those lines; the
    label row's stacked 説明 label now places 記 in the explanation column."""
    recs, truth = text_case(DATA / "layout_page_tail")
    assert len(recs) == len(truth) == 7
    row = recs[6]
    assert row.page_start == 1 and row.page_end == 2
    assert [_squash(h) for h in row.item_path[-2:]] == ["システム３", "①システムの名称"]
    assert _squash(row.before) == _squash(truth[6]["before"])
    assert _squash(row.before).endswith("条第７号及び別表第二")
    assert _squash(row.after) == _squash(truth[6]["after"])
    assert row.timing == "事後" and row.explanation.endswith("追記")
    assert "row_continued" in row.flags
    for got, want in zip(recs, truth, strict=True):
        for key in ("item", "before", "after", "explanation"):
            assert _squash(getattr(got, key)) == _squash(want[key])


def test_wrapped_label_tails_sharing_a_line_stay_in_the_label_row():
    """layout_label_tails: ``出   に係る説`` / ``時   明`` / ``期`` under each page's label row
    (提出時期 one character a line beside the wrapped 説明 label) were read as a row of text:
    a junk row (提出時期 出時, 説明 に係る説明) on page 1, and 出時期 / に係る説明 added to the
    rows continued under the repeated labels."""
    recs, truth = text_case(DATA / "layout_label_tails")
    assert len(recs) == len(truth) == 8
    assert all("に係る説明" not in r.explanation for r in recs)
    assert [r.timing for r in recs] == [t["timing"] for t in truth]
    for got, want in zip(recs, truth, strict=True):
        for key in ("item", "before", "after", "explanation"):
            assert _squash(getattr(got, key)) == _squash(want[key])


def test_a_label_wrapped_in_a_narrow_header_cell_gives_its_column_on_a_continued_page():
    """ly46-w-writer-7: page 2 repeats the label row with 提出時期に係る説明 wrapped as 提出時 /
    期に係 / る説明 beside 提 / 出 / 時 / 期; read as the 提出時期 label, it put the explanation's
    tail (よる修 / 正) into the after cell of the row continued there.  The stacked label now
    gives the explanation column."""
    recs, truth = _case("ly46-w-writer-7")
    assert len(recs) == len(truth) == 7
    row = recs[6]
    assert row.page_start == 1 and row.page_end == 2
    assert _squash(row.after) == _squash(truth[6]["after"]) == "[特に力を入れて行っている]"
    assert _squash(row.explanation) == "研修体制の見直しによる修正"
    assert "row_continued" in row.flags


def _cell(text: str, top: float, x0: float) -> list[Line]:
    w = Word(text, 2, x0, x0 + 2 * len(text), top, top + 1)
    return [Line([w], text, x0, x0 + 2 * len(text), top, top + 1, 2, int(top), None)]


def test_a_dateless_page_top_whose_timing_cell_holds_no_timing_continues_the_row_above():
    """rows._take_row: the top of a page with no date, an item heading and, in the 提出時期
    column, text with no 事 / 前 / 後 (a 説明 tail set left, a label's 出 / 時 / 期) is the rest of
    the row above, not a row of its own; its text joins the 説明 and the row is in doubt."""
    from piatable.normalize.grid.rows import _new_row, _take_row

    prev = {0: _cell("2021/4/1", 1, 0), 1: _cell("Ⅰ基本情報", 1, 10), 4: _cell("事後", 1, 60)}
    prev[5] = _cell("第三者点検の実施に伴う追", 1, 66)
    rows = [_new_row(prev, 1, [])]
    top = {
        1: _cell("①システムの名称", 10, 10),
        2: _cell("条第７号及び別表第二", 10, 30),
        4: _cell("記", 10, 62),
    }
    _take_row(rows, top, False, 2, {"first": True, "leading": True})
    assert len(rows) == 1
    row = rows[0]
    assert [ln.text for ln in row.cells[5]] == ["第三者点検の実施に伴う追", "記"]
    assert [ln.text for ln in row.cells[4]] == ["事後"]
    assert "row_continued" in row.flags and row.doubt and "'記'" in row.doubt
    # A 事前 / 事後 of its own keeps a row of its own.
    rows = [_new_row(prev, 1, [])]
    _take_row(rows, {**top, 4: _cell("事前", 10, 60)}, False, 2, {"first": True, "leading": True})
    assert len(rows) == 2
