"""Box-order texts of LibreOffice tables (issues 10 and 12, session 47; normalize/side_columns.py,
normalize/run_together.py).

* plain ``pdftotext`` prints the two copies of a line that a row's before and after cells both
  open with as two lines in a row; they are one line of each column, and the lines left over go
  to the after cell, warned ``column_guess`` (the reading is undecided);
* pdfminer puts the cells of consecutive rows of a Writer table into one box; a row's cell that
  opens as another row's cell does is warned ``column_guess``.

Every case is a committed text of a LibreOffice-made table (tools/make_*_samples.py)."""

from __future__ import annotations

from .text_checks import cell_text, read_sample


def _squashed(record: dict, key: str) -> str:
    return "".join(str(record[key] or "").split())


def test_twin_lines_of_shared_opening_go_one_to_each_cell() -> None:
    # Calc, plain pdftotext: a row's before and after cells both open with
    # ＜既存住基システムにおける措置＞, printed as two lines in a row; the base read both into the
    # before cell.
    result, truth = read_sample("colorder13/c13-calc-11-pdftotext")
    opening = "＜既存住基システムにおける措置＞"
    (want,) = [r for r in truth if str(r["before"]).startswith(opening)]
    (row,) = [r for r in result.rows if cell_text(r, "before").startswith(opening)]
    assert cell_text(row, "before") == _squashed(want, "before")
    assert cell_text(row, "after") == _squashed(want, "after")
    assert cell_text(row, "after").startswith(opening) and not cell_text(row, "before").startswith(
        opening * 2
    )


def test_cells_of_two_rows_in_one_box_are_warned() -> None:
    # Writer (landscape, 11 pt, rows broken over pages), pdfminer: the after column's box holds
    # two rows' cells, and the pairing shifts them; both rows' after cells are wrong and say so.
    result, truth = read_sample("office-writer47/w47-writer-v2-pdfminer")
    for k in (0, 1):
        row = result.rows[k]
        assert cell_text(row, "after") != _squashed(truth[k], "after")
        assert any(
            d.kind == "column_guess" and d.field == "after" and "run together" in d.why for d in row.doubts
        )
    # Row 2's after cell holds row 1's text (its box was read into row 2): nothing is lost.
    assert _squashed(truth[1], "after")[:20] in cell_text(result.rows[1], "after") + cell_text(
        result.rows[0], "after"
    )


def test_a_box_its_label_opens_is_that_column_s_cell() -> None:
    # Writer, plain pdftotext: each of the before / after labels and its column's first cell
    # are one box (``変更前の記載`` / ``令和 3 年 4 月 1 日``); the cell's text is a date, which the
    # base read as the next row's 変更日.  The label says it is a before (after) cell.
    result, truth = read_sample("office-values44/v44-writer-v3-pdftotext")
    row = result.rows[0]
    assert cell_text(row, "before") == _squashed(truth[0], "before") == "令和3年4月1日"
    assert cell_text(row, "after") == _squashed(truth[0], "after") == "令和5年4月1日"
    assert cell_text(row, "change_date") != "令和3年4月1日"
