"""pdfplumber ``extract_text()`` lines of contact cells (branch plumber53): a department, an
address and a telephone number apart by ideographic spaces, which pdfplumber prints as the gaps it
prints between cells (set XIV's kind 6), and a heading of the forms wider than the widths known so
far, which is not cut as two cells glued.  The fragments are lines as pdfplumber prints them
(set XIV's Calc, Writer and Gnumeric tables: ``extract_text()`` of LibreOffice and ssconvert PDFs)."""

from __future__ import annotations

from piatable.extract import plumber_text
from piatable.extract.plumber_cells import repeated_pairs, twin_joins
from piatable.extract.plumber_glued import glued_cuts

DATE, ITEM, BEFORE, AFTER, TIMING, EXPLANATION = range(6)


def test_before_and_after_tails_wrapped_at_other_widths_join_as_twins():
    """``市民課 電話番号 ０１２－３４５－ 市民窓口課 電話番号 ０１２－３４``: the departments differ,
    the rest is one line wrapped at two widths; each cell joins its fragments as twins."""
    frags = ["Ⅴ開示請求、問合せ", "市民課", "電話番号", "０１２－３４５－"]
    frags += ["市民窓口課", "電話番号", "０１２－３４"]
    cols = (ITEM, BEFORE, BEFORE, BEFORE, AFTER, AFTER, AFTER)
    assert twin_joins(frags, cols) == {2, 3, 5, 6}
    # One fragment more on the wider side (the after's number wrapped to the next line).
    frags = ["市民課", "電話番号", "０１", "市民窓口課", "電話番号", "事後"]
    assert twin_joins(frags, (BEFORE, BEFORE, BEFORE, AFTER, AFTER, TIMING)) == {1, 2, 4}
    # Unlike tails are no twins.
    frags = ["市民課", "電話番号", "０１", "市民窓口課", "所在地", "事後"]
    assert twin_joins(frags, (BEFORE, BEFORE, BEFORE, AFTER, AFTER, TIMING)) == set()


def test_a_pair_printed_again_a_line_below_is_one_cells_line():
    """Writer prints ``電話番号　０１２－`` in 変更前, then a line lower in 変更後: the pair is found
    on both lines, and the line is placed with the pair in one column."""
    lines = [
        ["正・利用停止請", "電話番号", "０１２－", "番１号"],
        ["求", "３４５－６７８９", "電話番号", "０１２－"],
        ["①請求先", "３４５－６７００"],
    ]
    assert repeated_pairs(lines, 0) == {("電話番号", "０１２－")}
    assert repeated_pairs(lines, 1) == {("電話番号", "０１２－")}
    assert repeated_pairs(lines, 2) == frozenset()
    # The before and after cells of one change (a list of names) are no pair: they open alike.
    names = [["市民課", "市民窓口課", "事前"], ["市民課", "市民窓口課"]]
    assert repeated_pairs(names, 0) == frozenset()
    state = plumber_text._State({DATE: 7, ITEM: 14, BEFORE: 18, AFTER: 18, TIMING: 4, EXPLANATION: 14})
    state.above = {ITEM: "報の開示・訂", BEFORE: "番１号", AFTER: "〇〇市中央一丁目１"}
    state.above[EXPLANATION] = "伴う修正"
    state.pairs = repeated_pairs(lines, 0)
    placed = plumber_text._place_line(lines[0], state)
    assert placed.cells == {ITEM: "正・利用停止請", BEFORE: "電話番号 ０１２－", AFTER: "番１号"}


def test_a_heading_of_the_forms_is_not_cut_as_two_cells_glued():
    """Gnumeric 11 pt prints ``７．評価実施機関における担`` wider than any column known: a heading's
    first line is one cell's, never 項目's and 変更後's glued (the base cut it, and
    ``における担`` went to 変更後)."""
    widths = {DATE: 7, ITEM: 18, BEFORE: 16, AFTER: 20, TIMING: 4, EXPLANATION: 22}
    frag = "７．評価実施機関における担"
    assert len(glued_cuts([frag], widths, 14, plumber_text._is_heading)) == 1
    assert len(glued_cuts([frag], widths, 14, lambda f: False)) > 1


def test_a_lone_timing_rest_under_its_first_character_stays_in_the_timing_column():
    """Gnumeric stacks 事後 one character a line in a narrow 提出時期 (``… 事 人口減少に伴う変`` /
    ``ファイルの概要 後 更``): 後 goes under 事, though 変更前's line above filled its column."""
    state = plumber_text._State({DATE: 9, ITEM: 16, BEFORE: 26, AFTER: 26, TIMING: 2, EXPLANATION: 16})
    state.above = {DATE: "2023/10/2", ITEM: "Ⅱ特定個人情報", BEFORE: "１０万人以上１００万人未満"}
    state.above |= {AFTER: "１万人以上１０万人未満", TIMING: "事", EXPLANATION: "人口減少に伴う変"}
    placed = plumber_text._place_line(["ファイルの概要", "後", "更"], state)
    assert placed.cells == {ITEM: "ファイルの概要", TIMING: "後", EXPLANATION: "更"}
