"""A numbered list going on over a page break in -layout text (normalize/grid/page_carry.py,
branch rightwarn58).

``tests/data/layout_list_break58/list_break.txt`` is set XIX's t07 (spent; a LibreOffice table
as ``pdftotext -layout`` printed it): a top-aligned row's after cell (``①…`` / ``②…``) goes on at
the top of the table's page 2 with ``③…`` / ``④…`` above the page's first date, a page the reader
takes for centred.  Before, those lines opened the next row's after cell and the broken row was
warned only by chance (a page-level doubt about another row's date)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import piatable
from piatable.normalize.grid.lines import Line
from piatable.normalize.grid.page_carry import _goes_on_listing

DRAWN = Path(__file__).resolve().parent / "data" / "layout_list_break58" / "list_break.txt"


def _line(text: str, top: float) -> Line:
    return Line([], text, 0.0, 10.0, top, top + 1.0, 1, int(top), None)


def test_the_list_goes_on_with_the_row_broken_over_the_page_and_both_rows_say_so():
    records = piatable.extract(DRAWN)
    broken = next(r for r in records if r.item.endswith("⑧使用方法"))
    paragraphs = [p[:1] for p in broken.after.split("\n")]
    assert paragraphs == ["①", "②", "③", "④"]
    assert broken.before.count("\n") == 1  # ① and ② only: the before cell ended on page 1
    nxt = records[records.index(broken) + 1]
    assert nxt.after.startswith("区域内の住民")
    assert nxt.change_date == "2021-07-01"
    # Where the tail ends and the next row's cell begins is a guess: both rows say so.
    assert "row_split_guess" in broken.flags and "row_split_guess" in nxt.flags


def test_only_the_next_numeral_of_the_same_style_goes_on():
    theirs = [_line("① 住民異動届を受け付け", 1), _line("ステムに入力する。", 2), _line("② 入力した内容", 3)]
    assert _goes_on_listing(theirs, [_line("③ 異動の内容を", 0)])
    assert not _goes_on_listing(theirs, [_line("④ 転出証明書", 0)])  # a numeral skipped
    assert not _goes_on_listing(theirs, [_line("① 新しい一覧", 0)])  # a list of its own
    assert not _goes_on_listing(theirs, [_line("（３）異動の内容", 0)])  # another style
    assert not _goes_on_listing([_line("・個人番号", 1)], [_line("② 入力", 0)])
    assert not _goes_on_listing(theirs, [])


def test_the_rest_of_a_paragraph_broken_over_the_page_then_the_next_numeral_goes_on():
    # Writer's -layout text (samples/office-rightwarn58 rw58-writer-top): ``④ …へ`` ends page 1,
    # ``送信する。`` and ``⑤ …`` open page 2 above its first date.
    theirs = [_line("③ 異動の内容を", 1), _line("④ 転出証明書情報を転入地市区町村へ", 2)]
    assert _goes_on_listing(theirs, [_line("送信する。", 0), _line("⑤ 転入通知を受け付け", 1)])
    # A page opening with a paragraph of its own, or after a closed sentence, is no such rest.
    assert not _goes_on_listing(theirs, [_line("・送信する。", 0), _line("⑤ 転入通知", 1)])
    closed = [_line("③ 異動の内容を", 1), _line("④ 転出証明書情報を送る。", 2)]
    assert not _goes_on_listing(closed, [_line("送信する。", 0), _line("⑤ 転入通知", 1)])


@pytest.mark.xfail(
    strict=True,
    reason="twocol70's column starts: the list's row takes the row above's last line and loses "
    "its last two points; warned (row_split_guess, rows_merged, confidence 0.03) (lead70)",
)
def test_writer_layout_text_keeps_the_whole_list_with_its_row():
    folder = Path(__file__).resolve().parent.parent / "samples" / "office-rightwarn58"
    folder = folder / "rw58-writer-top-pdftotext-layout"
    expected = json.loads((folder / "expected" / "records.json").read_text("utf-8"))
    records = piatable.extract(folder / "input.txt")
    exp = next(e for e in expected if e["item"].endswith("⑧使用方法"))
    rec = next(r for r in records if r.item.endswith("⑧使用方法"))
    assert "".join(rec.after.split()) == "".join(exp["after"].split())
    assert "row_split_guess" in rec.flags
