"""Calc tables whose narrow 変更日 column wraps the date (after 年, after 月 or inside the digits,
era / slash / 年月日 styles) read from ``pdftotext -raw`` and pypdfium2 text give no row that
holds a date alone, and as many rows as printed or a note that says some were not read (issues
10 and 12, branch raw40; samples/office-raw40, made by tools/make_raw40_samples.py).

r40wrap-calc1-juki-pypdfium2 reads 5 rows of 6: pypdfium2 prints the last row's first item line
on the printed line of the row before's explanation (``重大な変更に該当しない Ⅰ基本情報``), where
no row opens; the input's status is partial, with a note."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from piatable import extract_document

SET = Path(__file__).resolve().parent.parent / "samples" / "office-raw40"
CASES = sorted(p.name for p in SET.glob("r40wrap-*") if p.name.endswith(("-pdftotext-raw", "-pypdfium2")))
TEXT = ("item", "before", "after", "explanation")


def test_the_set_wraps_dates_at_each_point():
    """The texts hold dates wrapped after 年, after 月 and inside the digits (the cases are what
    the test below is about)."""
    lines = [t for c in CASES for t in (SET / c / "input.txt").read_text("utf-8").splitlines()]
    assert any(t.endswith("年") and t[:2] in ("令和", "平成") for t in lines)
    assert any(t.endswith("月") and t[:1] in "年令平2" and len(t) <= 8 for t in lines)
    assert any(t[:4].isdigit() and t.endswith("/") for t in lines)


@pytest.mark.parametrize("case", CASES)
def test_no_row_holds_a_wrapped_date_alone(case):
    folder = SET / case
    res = extract_document(folder / "input.txt")
    got = [r.to_dict() for r in res.records]
    expected = json.loads((folder / "expected" / "records.json").read_text("utf-8"))
    assert len(got) == len(expected) or (len(got) < len(expected) and res.status == "partial" and res.notes)
    alone = [g["change_date_raw"] for g in got if g["change_date_raw"] and not any(g[f] for f in TEXT)]
    assert alone == []
