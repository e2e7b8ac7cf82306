"""A date in the 変更日 column that opens no row, or a correction's date taken for the change's
(branch pagetop74; normalize/absorbed_dates.py).

``tests/data/pagetop74/correction_date16.pdf``: a LibreOffice Calc page made by
tools/make_pagetop74_samples.py (table 16 of its probe set) whose narrow 変更日 column prints
``2019年10月10日 施行`` with a correction's date under it (``(修正日：令和元年10月30日)``) in every
third row.  The PDF reader took the correction's date for the row's at 0.963 with no flag
(5 rows); they must now say so.
"""

from __future__ import annotations

import json
from pathlib import Path

from piatable import extract_document
from piatable.normalize.absorbed_dates import printed_dates

DATA = Path(__file__).parent / "data" / "pagetop74"


def test_wrapped_dates_counted_once_and_corrections_skipped() -> None:
    # A page-top row's wrapped date read under the row above's: two dates.
    two = [(0, "2021-07-26"), (1, "2021-12-20")]
    assert printed_dates(["2021年7月26日", "2021年", "12月20日", "施行"]) == two
    # One date over three lines, and a bracketed / labelled correction wrapped: one date.
    assert printed_dates(["2021年", "12月20日", "施行"]) == [(0, "2021-12-20")]
    one = [(0, "2021-10-10")]
    assert printed_dates(["2021年10月10日", "施行", "(修正日：令", "和3年10月", "30日)"]) == one
    assert printed_dates(["令和3年", "7月26日", "修正日：令和3", "年8月1日"]) == [(0, "2021-07-26")]
    assert printed_dates(["令和3年", "（2021年）", "12月20日"]) == [(0, "2021-12-20")]


def test_correction_date_taken_for_the_rows_is_warned() -> None:
    doc = extract_document(DATA / "correction_date16.pdf")
    expected = json.loads((DATA / "correction_date16.expected.json").read_text(encoding="utf-8"))
    assert len(doc.records) == len(expected) == 16
    wrong = [(r, e) for r, e in zip(doc.records, expected, strict=True) if r.change_date != e["change_date"]]
    for r, e in wrong:  # each a correction's date (20 days later) taken for the row's
        assert "修正日" in r.change_date_raw
        why = (r.row_index, r.change_date, e["change_date"])
        assert r.confidence < 0.9 and "column_guess" in r.flags, why
        assert any("none of the dates its 変更日 cell prints" in ev for ev in r.evidence)
    right = [r for r, e in zip(doc.records, expected, strict=True) if r.change_date == e["change_date"]]
    assert right and not any("変更日" in ev and "none of the dates" in ev for r in right for ev in r.evidence)
