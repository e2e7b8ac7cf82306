"""Branch layout49 (issues 10 / 12): cells merged over several rows in ``pdftotext -layout`` text
of LibreOffice Calc tables.  LibreOffice prints a merged cell's text once, placed by the cell's
own vertical alignment over the rows it spans (and on a page break only on the page where that
place falls).  Committed samples made by ``tools/make_layout49_samples.py``
(``samples/office-layout49``) and texts drawn after a new user's tables
(``tests/data/layout_merged49``, README there)."""

from __future__ import annotations

from pathlib import Path

import piatable

from .conftest import squash, text_case

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
DRAWN = Path(__file__).resolve().parent / "data" / "layout_merged49"
WARNINGS = ("row_split_guess", "column_guess", "item_unknown", "timing_missing")


def _case(name: str) -> tuple[list[piatable.Record], list[dict]]:
    return text_case(SAMPLES / "office-layout49" / f"{name}-pdftotext-layout")


def _drawn(name: str) -> list[piatable.Record]:
    return piatable.extract(DRAWN / f"{name}.txt")


def _warned(rec: piatable.Record) -> bool:
    return any(f in WARNINGS for f in rec.flags)


def test_rows_at_a_page_top_take_the_top_aligned_merged_timing_of_the_page_before():
    # ly49-mv-zeimu: 提出時期 + 説明 at the top of their merged cells; a run of three rows goes on
    # over a page break, its text printed on the page before only.  The rows at the top of the
    # next page take it (they took the next row's 事後 and 説明 before).
    records, truth = _case("ly49-mv-zeimu")
    rec, exp = records[5], truth[5]
    assert squash(rec.item) == squash(exp["item"])
    assert rec.timing == exp["timing"] == "事前"
    assert squash(rec.explanation) == squash(exp["explanation"])
    assert squash(rec.explanation).startswith("画像データ化業務の一部を再委託")
    assert "merged_cell_filled" in rec.flags


def test_drawn_page_top_rows_take_the_page_before_and_a_centred_date_is_in_doubt():
    records = _drawn("page_carry")
    assert len(records) == 11
    # Rows 4 and 5 open page 2 under the 提出時期 merged from row 2 (printed on page 1).
    for rec in records[3:6]:
        assert rec.timing == "事前"
        assert squash(rec.explanation) == "システム更改に伴う修正重要な変更に当たらない"
    assert not any(squash(r.explanation) == "研修内容の明確化" for r in records[3:6])
    # Row 7 takes the date of the row above (read top-aligned), but the next date stands
    # below its row's first line, about centred over rows 7–9: in doubt.
    assert records[7].change_date_raw == "2022/1/4"
    assert "row_split_guess" in records[7].flags
    # The row above it prints its own date level with its first line: no doubt.
    assert records[6].change_date_raw == "2022/1/4"
    assert not _warned(records[6])


def test_drawn_merged_date_wrapped_across_two_rows_is_one_date():
    # 令和4年10月3 / 日: a date centred over two rows, wrapped in a narrow 変更日 column, its
    # parts standing level with each row: one date, given to both rows.
    records = _drawn("wrapped_date")
    assert len(records) == 7
    assert [r.change_date_raw for r in records[4:6]] == ["令和4年10月3日", "令和4年10月3日"]
    assert records[4].change_date == records[5].change_date
    assert str(records[4].change_date) == "2022-10-03"
    assert "merged_cell_filled" in records[5].flags
    assert not any(r.change_date_raw == "日" for r in records)


def test_rows_without_a_printed_item_take_the_merged_item():
    # ly49-mi-municipal: a 項目 merged over rows 0–3, centred: printed once, beside row 1's
    # and row 2's cells; rows 2 and 3 print none and take it (row 0, above the text, keeps
    # its warning: the runs read put it outside).
    records, truth = _case("ly49-mi-municipal")
    rec, exp = records[3], truth[3]
    assert squash(rec.item) == squash(exp["item"]) == squash(records[1].item)
    assert squash(rec.item).startswith("Ⅰ基本情報７．評価実施機関における担当部署")
    assert "merged_cell_filled" in rec.flags
    assert "item_unknown" in records[0].flags
    assert "item_unknown" not in rec.flags
    assert squash(records[1].item) == squash(truth[1]["item"])


def test_drawn_merged_items_fill_their_rows_and_a_tail_joins_in_doubt():
    records = _drawn("merged_items")
    assert len(records) == 7
    path = squash(records[0].item)
    assert path.startswith("Ⅱ特定個人情報ファイルの概要")
    assert [squash(r.item) for r in records[1:3]] == [path, path]
    assert not any(_warned(r) for r in records[:3])
    # A 項目 over two rows, taller than the first: its last line ②事務の内容 stands beside the
    # second row.  Both rows take the whole path, in doubt (a row's own 項目 without its
    # section would print so too).
    whole = "Ⅰ基本情報１．特定個人情報ファイルを取り扱う事務②事務の内容"
    assert [squash(r.item) for r in records[3:5]] == [whole, whole]
    assert all("row_split_guess" in r.flags for r in records[3:5])
    assert squash(records[5].item).startswith("Ⅰ基本情報４．")


def test_drawn_bare_page_numbers_are_page_breaks_not_cell_text():
    # -layout text without form feeds whose pages end with a bare page number (``2``, ``3``,
    # ``4`` centred under the table): each number was glued to the before cell above it
    # (``令和4年4月1日時点2``, 0.88 unwarned).  A run of them opens a page after each, blanked.
    records = _drawn("bare_page_numbers")
    assert [squash(r.before) for r in records[2:6:3]] == ["令和4年4月1日時点", "令和５年４月１日"]
    assert squash(records[4].before) == "手当の支給"
    assert [r.page_start for r in records] == [1, 1, 1, 2, 2, 3]
    assert not any(squash(r.before)[-1:].isdigit() for r in records if squash(r.before))


def test_a_lone_number_makes_no_page_number_run():
    from piatable.normalize.page_marks import bare_page_numbers, mark_page_breaks

    lines = [
        "（別添２）変更箇所",
        "変更日  項目",
        "R5.4.1  Ⅰ 基本情報   件数",
        "           3",
        "  x",
        "           5",
    ]
    assert bare_page_numbers(lines) == set()  # 3 and 5: no run going up by one
    paged = "a\n          1\n\fb\n          2\n\fc\n"
    assert bare_page_numbers(paged.split("\n")) == {1, 3}
    assert mark_page_breaks(paged) == ("a\n\n\fb\n\n\fc\n", 0)
