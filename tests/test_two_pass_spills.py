"""Calc's two-pass text (``pdftotext -raw``, pypdfium2) whose cells spilled into other rows or
whose rows were not read (issue 10, branch spill50; set XI kinds 3 and 7): a table opening
mid-page under body cells, date-valued cells beside the row's date, an all-empty 説明 column.
Real texts of samples/office-spill50 (LibreOffice Calc, tools/make_spill50_samples.py) and
pieces of text laid out as those extractors lay them out."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from piatable import extract_document
from piatable.models import CellLine
from piatable.normalize.crowded_values import join_crowded_values
from piatable.normalize.pass_one_pieces import (
    INTERLEAVED_WHY,
    cells_above_table,
    dated_value_apart,
    one_row_pass_one,
    wide_dates_marked,
)
from piatable.normalize.region import find_table_start, remove_furniture, split_glued_headers

ROOT = Path(__file__).resolve().parent.parent
SIX = ("change_date_raw", "item", "before", "after", "timing", "explanation")
EXTRACTORS = ("pypdfium2", "pdftotext-raw")


def _squash(text: str | None) -> str:
    return "".join((text or "").split())


def _case(name: str):
    path = ROOT / "samples" / "office-spill50" / name / "input.txt"
    truth = json.loads((path.parent / "expected" / "records.json").read_text("utf-8"))
    return extract_document(path), truth


def _right(rec, want: dict) -> bool:
    return all(_squash(getattr(rec, f)) == _squash(want[f]) for f in SIX)


@pytest.mark.parametrize("extractor", EXTRACTORS)
def test_a_table_opening_mid_page_is_read_from_its_pass_one_lines(extractor):
    # Pass 1 prints the first rows' cells beside their dates and timings
    # (``2023/3/31 市民部市民課 市民生活部市民窓口課 事後 組織改編に伴う変更``) and no line holds a
    # date alone; the body cells above the table wrap and come after pass 1.  Main read 19 rows
    # for 9, the body cells' lines as rows of their own.
    doc, truth = _case(f"s50-calc-mid-{extractor}")
    recs = doc.records
    assert len(recs) == len(truth) == 9
    assert (recs[0].before, recs[0].after, recs[0].explanation) == (
        "市民部市民課",
        "市民生活部市民窓口課",
        "組織改編に伴う変更",
    )
    assert (recs[1].before, recs[1].after) == ("市民課長", "市民窓口課長")
    assert sum(_right(r, t) for r, t in zip(recs, truth, strict=True)) >= 8
    # The body cells, printed above the table's title, are no row's text (as the lines before
    # the title are not), and no row is flagged for them.
    assert not any("規則第９条" in _squash(getattr(r, f)) for r in recs for f in SIX)
    assert not any("unplaced_text" in r.flags for r in recs)
    # ... and the document says which lines it left out, quoting them.
    assert any("read as the sheet's cells above the table" in n for n in doc.notes), doc.notes


@pytest.mark.parametrize("extractor", EXTRACTORS)
def test_an_all_empty_explanation_column_takes_no_after_text(extractor):
    # Main cut each after cell's last lines off as the explanation (…ネットワークシステ / ム）).
    doc, truth = _case(f"s50-calc-noexpl-{extractor}")
    recs = doc.records
    assert len(recs) == len(truth) == 8
    assert all(r.explanation == "" for r in recs)
    for rec, want in zip(recs, truth, strict=True):
        assert _squash(rec.after) == _squash(want["after"])
    assert _squash(recs[0].after).endswith("ネットワークシステム）")


@pytest.mark.parametrize("extractor", EXTRACTORS)
def test_date_valued_cells_and_real_date_cells(extractor):
    doc, truth = _case(f"s50-calc-dates-{extractor}")
    recs = doc.records
    assert len(recs) == len(truth) == 11
    assert all(_right(r, t) for r, t in zip(recs, truth, strict=True))
    assert (recs[6].before, recs[6].after) == ("平成26年4月17日", "平成28年8月30日")
    assert recs[6].change_date_raw == "2016/10/1"


def _line(text: str, line_no: int, page: int = 1, **kw) -> CellLine:
    return CellLine(text, page, line_no, **kw)


def test_a_date_value_beside_the_row_date_is_a_cell_value():
    # ``pdftotext -raw`` keeps an ASCII date and the before cell's date together (set XI c2).
    date, value = dated_value_apart(_line("2023/4/1 令和元年８月２０日", 5))
    assert (date.text, date.cell_date) == ("2023/4/1", False)
    assert (value.text, value.cell_date) == ("令和元年８月２０日", True)
    # An ASCII date and the next one-line cell's Japanese text are parted too, as a Japanese
    # date is at that gap (``cells_of_line``), the text no date value (branch calcorder70, set XXXI
    # t07: ``R8.4.18 ＩＤとパスワード…``).
    assert dated_value_apart(_line("2023/4/1 市民課", 5)) == [_line("2023/4/1", 5), _line("市民課", 5)]
    assert dated_value_apart(_line("令和2年4月1日 市民課", 5)) == [_line("令和2年4月1日 市民課", 5)]


def test_a_one_line_date_wider_than_wrapped_row_dates_before_a_date_value_is_a_value():
    # 変更日 wraps (令和5年1月 / 4日, joined and marked ``wraps``): the column is narrower than
    # 令和元年８月２０日, printed on one line beside the after cell's date (set XI c6, the row's own
    # 変更日 empty).
    wrapped = [_line("令和5年1月4日", 1, wraps=True), _line("令和4年10月1日", 9, wraps=True)]
    pair = [
        _line("令和元年８月２０日", 20),
        _line("令和４年８月２２日", 20, cell_date=True),
        _line("事後", 20),
    ]
    marked = wide_dates_marked(wrapped + pair)
    assert [cl.cell_date for cl in marked] == [False, False, True, True, False]
    # Alone (no date value after it on its line) it stays a 変更日.
    alone = wide_dates_marked([*wrapped, _line("令和元年８月２０日", 20), _line("事後", 21)])
    assert not alone[2].cell_date


def test_a_one_row_page_with_pass_one_pieces_among_its_wrapped_lines():
    # pypdfium2 on a page holding one tall row (set XI c2 page 3): the date, the item's first
    # line, the date values, ``８月２２日 事後``, the item's pieces, the explanation.
    lines = [
        _line("Ⅵ評価実施手続", 2),
        _line("令和元年８月２０日", 3, cell_date=True),
        _line("令和４年８月２２日", 6, cell_date=True),
        _line("事後", 8),
        _line("３．第三者点検", 9),
        _line("評価の再実施に伴う修正", 10),
    ]

    def opens(ls, k):
        return ls[k].text.startswith("Ⅵ")

    ones, rest = one_row_pass_one(lines, opens)
    assert [cl.text for cl in ones] == ["令和元年８月２０日", "令和４年８月２２日", "事後"]
    assert [cl.text for cl in rest] == ["Ⅵ評価実施手続", "３．第三者点検", "評価の再実施に伴う修正"]
    assert "guess" in INTERLEAVED_WHY
    # A row printed row by row (Writer: the timing on a line of its own, no date values) is not.
    plain = [_line("Ⅰ基本情報", 2), _line("市民課", 3), _line("市民窓口課", 4), _line("事後", 5)]
    assert one_row_pass_one(plain, opens) is None


def test_a_wrapped_label_glued_to_a_timing_is_split():
    # pypdfium2: ``提出`` / ``時期事後`` (the label's second line and pass 1's first timing).
    out = split_glued_headers([_line("時期事後", 3)])
    assert [cl.text for cl in out] == ["時期", "事後"]
    assert [cl.text for cl in split_glued_headers([_line("事前事後", 3)])] == ["事前事後"]


def test_a_table_whose_pass_one_lines_hold_dates_beside_cells_is_found():
    raw = [
        _line("（別添２）変更箇所", 1),
        _line("変更日 項目 変更前の記載 変更後の記載 提出時期 提出時期に係る説明", 2),
        _line("2022/4/1 市民部市民課", 3),
        _line("市民生活部市民窓口課", 3),
        _line("事後", 3),
        _line("組織改編に伴う変更", 3),
        _line("Ⅰ基本情報", 4),
        _line("７．評価実施機関における担当部署", 5),
    ]
    assert find_table_start(raw) == 0


def test_an_untitled_label_row_over_pass_one_and_wrapped_dates_opens_the_table():
    # Set X C5: no title, the label row, pass 1 (cells and timings), then ``令和６年４月１`` / ``日``.
    raw = [
        _line("変更日 項目 変更前の記載 変更後の記載 提出時期 提出時期に係る説明", 1),
        _line("番号法第９条第２項", 2),
        _line("削除", 2),
        _line("事後", 3),
        _line("移転先の整理に伴う削除", 4),
        _line("令和６年４月１", 5),
        _line("日", 6),
        _line("Ⅰ基本情報", 7),
    ]
    assert find_table_start(raw) == 0


def test_a_whole_line_of_value_pieces_over_its_timing_is_joined_into_before_and_after():
    singles = [
        _line("番号法第１９条第７号 別表第二", 2),
        _line("番号法第１９条第８号", 2),
        _line("主務省令第２条の表", 2),
        _line("事後", 3),
        _line("番号法の改正に伴う根拠規定の変更", 4),
    ]
    out, guessed = join_crowded_values(singles)
    assert [cl.text for cl in out] == [
        "番号法第１９条第７号 別表第二",
        "番号法第１９条第８号 主務省令第２条の表",
        "事後",
        "番号法の改正に伴う根拠規定の変更",
    ]
    assert not guessed


def test_cells_above_the_table_after_the_first_page_pass_one():
    singles = [
        _line("2020/4/1", 7),
        _line("事後", 7),
        _line("2020/7/1", 8),
        _line("事前", 8),
        _line("７．評価実施機", 9),
        _line("関における担当", 10),
        _line("部署", 11),
    ]
    kept, above = cells_above_table(singles)
    assert [cl.text for cl in kept] == ["2020/4/1", "事後", "2020/7/1", "事前"]
    assert [cl.text for cl in above] == ["７．評価実施機", "関における担当", "部署"]
    # The region's first page: pass 1, the cells above, then the first wrapped row.
    region = [*singles, _line("Ⅰ基本情報", 12)]
    assert [cl.text for cl in remove_furniture(region)[0]] == [cl.text for cl in kept] + ["Ⅰ基本情報"]
    # One line after the last timing is the last row's explanation, set at another height.
    short = [_line("事後", 3), _line("通知カードの廃止に伴う修正", 4)]
    assert cells_above_table(short) == (short, [])
