"""Empty 変更日 / 提出時期 cells ("same as above") that text readers fill from the row above
(issues 10 / 12, branch carry53; set XIV FAULTS.md kinds 1 and 2).

samples/office-carry53 (tools/make_carry53_samples.py): tables by Calc, Writer, AbiWord and
Gnumeric whose rows after a run's first leave the 変更日 empty (truth ""), and whose 提出時期
equal to the row above's is sometimes left empty (truth ""), beside tables of merged dates.
A table that prints one value twice in runs of rows that follow on each other does not merge
that column by value: the rows it gave a value printed beside another row are in doubt
(``date_carried_guess``, ``timing_carried_guess``); tables of merged dates that never repeat
a date are left alone.
"""

from __future__ import annotations

import pytest

from piatable.normalize.carried_empty import DOUBT_FLAGS
from piatable.normalize.confidence import INFORMATIONAL
from piatable.pipeline import extract_document

from .conftest import SAMPLES

SET = SAMPLES / "office-carry53"


def _records(case: str) -> list:
    return extract_document(SET / case / "input.txt").records


def test_the_flags_are_warnings():
    assert not set(DOUBT_FLAGS.values()) & INFORMATIONAL


@pytest.mark.parametrize("tool", ["pdftotext-raw", "pdftotext-layout"])
def test_writer_table_printing_a_date_twice(tool):
    """Writer: rows 0 and 1 print 令和2年7月1日 each, so the table does not merge its dates;
    rows 2 and 3 print none and are given row 1's (truth ""): in doubt, as is row 7 (given row
    6's).  Row 4 prints its own date and is given row 3's 提出時期 (truth ""): in doubt.  The
    rows printing their own date and 提出時期 carry neither flag."""
    recs = _records(f"c53-em-writer-kokuho-{tool}")
    assert len(recs) == 8
    dated = [k for k, r in enumerate(recs) if "date_carried_guess" in r.flags]
    assert dated == [2, 3, 7]
    assert "timing_carried_guess" in recs[4].flags
    for k in (0, 5):
        assert not {"date_carried_guess", "timing_carried_guess"} & set(recs[k].flags)


def test_abiword_run_beside_the_same_date():
    """AbiWord (pypdfium2 text): rows 3-5 are given 2019/10/1 printed on row 3, and rows 6 and
    7 print it again: rows 4 and 5 (truth "") are in doubt; row 6 prints its date and is given
    row 5's 提出時期 (truth ""): in doubt too."""
    recs = _records("c53-em-abiword-zeimu-pypdfium2")
    assert [r.change_date_raw for r in recs[3:8]] == ["2019/10/1"] * 5
    assert [k for k, r in enumerate(recs) if "date_carried_guess" in r.flags] == [2, 4, 5]
    assert "timing_carried_guess" in recs[6].flags


def test_merged_dates_that_never_repeat_are_left_alone():
    """Calc, dates merged over runs whose dates differ: the filled rows keep the merged date
    (the truth) with no doubt of either kind."""
    recs = _records("c53-mg-calc-juki-pdftotext-raw")
    assert [r.change_date_raw for r in recs[:2]] == ["2022/4/1"] * 2
    assert not any({"date_carried_guess", "timing_carried_guess"} & set(r.flags) for r in recs)
