"""Dates a narrow 変更日 column cut after a one-digit day (normalize/torn_dates.py): the parsed
dates printed as wide as a torn one are warned, and nothing fires where no date is torn."""

from __future__ import annotations

import json
from pathlib import Path

from piatable.pipeline import extract_document

SAMPLES = Path(__file__).resolve().parent.parent / "samples"


def _read(name: str):
    folder = SAMPLES / name
    want = json.loads((folder / "expected" / "records.json").read_text("utf-8"))
    return extract_document(folder / "input.txt").records, want


def test_a_date_as_wide_as_a_torn_one_is_warned():
    # nc19-calc-3 (-layout): 2019/10/0 and 2021/01/0 are torn (their 1 read into the 項番
    # column); 2020/03/3 parses as the 3rd though it was 2020/03/31.
    got, want = _read("office-numcol19/nc19-calc-3-pdftotext-layout")
    wrong = [g for g, w in zip(got, want, strict=True) if g.change_date and g.change_date != w["change_date"]]
    assert len(wrong) == 2
    for g in wrong:
        assert "column_guess" in g.flags
        assert any("is printed as wide as 20" in e and "column cut" in e for e in g.evidence)


def test_no_torn_date_no_doubt():
    got, want = _read("office-numcol19/nc19-calc-1-pdftotext-layout")
    assert len(got) == len(want)
    assert not any("a date the 変更日 column cut" in e for g in got for e in g.evidence)
