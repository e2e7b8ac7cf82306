"""A date given to rows that print none: a merged 変更日, or empty cells ("same as above").

samples/office-empty50 (tools/make_empty50_samples.py, LibreOffice Calc and Writer): runs of
rows whose 変更日 is printed on the first row only, the other cells left empty (truth ""),
beside runs merged into one cell (every row takes the date).  Text readers fill the empty cells
from the row above as they fill a merged cell's rows; where the text cannot tell the two apart
the row now says so (``date_carried_guess``, a warning), and the PDF reader of Calc tables
leaves a page's first dateless row empty where the page before closed the 変更日 cell at its
foot (``normalize/grid/top_carry.py``).
"""

from __future__ import annotations

import pytest

from piatable.normalize.confidence import INFORMATIONAL
from piatable.pipeline import extract_document
from piatable.settings import Settings

from .conftest import SAMPLES

SET = SAMPLES / "office-empty50"
FLAG = "date_carried_guess"


def _records(case: str, name: str, guess: bool = True) -> list:
    """The case's records, with ``quality.carried_date_guess`` on (off by default)."""
    s = Settings()
    if guess:
        s.set("quality.carried_date_guess=true")
    return extract_document(SET / case / name, settings=s).records


def test_the_flag_is_a_warning():
    assert FLAG not in INFORMATIONAL


@pytest.mark.parametrize("tool", ["pdftotext-layout", "pdftotext-raw", "pypdfium2"])
def test_text_rows_given_the_date_above_are_warned(tool):
    """Calc, dates at the top of their cells, no merged cell: rows 1, 2, 4, 5 print no date
    and are given the one above (the truth: "").  Each is warned; the rows that print their
    own date are not."""
    recs = _records(f"em50-em-calc-zeimu-{tool}", "input.txt")
    dates = [r.change_date_raw for r in recs]
    assert dates[:7] == ["2016年10月1日"] * 3 + ["2017年4月1日"] * 3 + ["2018年7月1日"]
    warned = [k for k, r in enumerate(recs) if FLAG in r.flags]
    assert warned == [1, 2, 4, 5]
    assert all(FLAG not in recs[k].flags for k in (0, 3, 6, 7, 8))


def test_layout_date_at_the_foot_of_the_row_above():
    """Calc, dates at the foot of their cells (-layout): the date of row 4 stands under row 3's
    text, and row 3 prints no date of its own; rows given it are warned, as are those given
    row 0's date at row 0's foot."""
    recs = _records("em50-mx-calc-juki-pdftotext-layout", "input.txt")
    assert [r.change_date_raw for r in recs[:4]] == ["2018年4月1日"] * 4
    assert [k for k in range(7) if FLAG in recs[k].flags] == [1, 2, 3, 4, 5, 6]
    assert FLAG not in recs[0].flags


def test_layout_merged_dates_standing_apart_from_any_row_are_not_warned():
    """Calc, merged dates centred on their rows (-layout): the date of rows 3–4 stands where no
    row prints its own, and rows 0 and 1 of the first run take theirs unwarned."""
    recs = _records("em50-mx-calc-kokuho-pdftotext-layout", "input.txt")
    assert [r.change_date_raw for r in recs[:3]] == ["2020年7月1日"] * 3
    assert FLAG not in recs[1].flags
    assert [r.change_date_raw for r in recs[4:6]] == ["2021年4月1日"] * 2
    assert FLAG not in recs[4].flags


def test_calc_pdf_leaves_a_closed_cell_at_the_page_top_empty():
    """Calc PDF: row 6 opens page 2 with an empty 変更日 cell; the page before closed the date
    column at its foot (Calc leaves a merged cell open there), so the row keeps ""."""
    recs = _records("em50-em-calc-juki", "input.pdf")
    assert recs[6].page_start == 2
    assert recs[6].change_date_raw == ""
    assert recs[5].change_date_raw == "2019年4月1日"
    assert recs[7].change_date_raw == "2018年4月1日"


def test_writer_pdf_keeps_a_date_merged_over_the_page_break():
    """Writer PDF: rows 7–8 open page 2 under a 変更日 merged over the break; Writer may close
    the cell at the page's foot, so the ruling does not end it: the date is kept."""
    recs = _records("em50-mx-writer-juki", "input.pdf")
    assert [r.change_date_raw for r in recs[6:9]] == ["令和元年5月1日"] * 3
    assert recs[7].page_start == 2


@pytest.mark.parametrize("tool", ["pdftotext-layout", "pdftotext-raw", "pypdfium2"])
def test_no_row_is_warned_by_default(tool):
    """By default (``quality.carried_date_guess`` false) the text readers keep the dates and
    warn none of the rows: merged dates are far the more common, and there the flag fired on
    many right rows for each wrong one (carried_guess.py)."""
    recs = _records(f"em50-em-calc-zeimu-{tool}", "input.txt", guess=False)
    assert [r.change_date_raw for r in recs[:3]] == ["2016年10月1日"] * 3
    assert not any(FLAG in r.flags for r in recs)
