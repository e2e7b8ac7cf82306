"""``rows_merged`` in ``-layout`` text (``grid/lost_lines.flag_merged_rows``): a row holding one
date printed twice (Calc prints a merged 変更日 in both parts of a cell a page break cuts) beside
one 項目 path and one 提出時期 is one row, not two read as one (branch quiet69, issue 12: the
rows of office-merged56's ``va`` text were right and warned by ``rows_merged`` alone); two
different dates in one row still are (office-carry53's Writer text: its wrong dates)."""

from __future__ import annotations

import json

from piatable.pipeline import extract_document

from .conftest import SAMPLES

SIX = ("change_date", "item", "before", "after", "timing", "explanation")


def _squash(v: object) -> str:
    return "".join(str(v or "").split())


def test_one_date_printed_twice_is_no_merge() -> None:
    case = SAMPLES / "office-merged56" / "m56-va-kokuho-pdftotext-layout+nl"
    res = extract_document(case / "input.txt")
    expected = json.loads((case / "expected" / "records.json").read_text("utf-8"))
    got = [r.to_dict() for r in res.records]
    assert [[_squash(g[f]) for f in SIX] for g in got] == [[_squash(e[f]) for f in SIX] for e in expected]
    assert not any("rows_merged" in g["flags"] for g in got)
    assert res.status == "success"


def test_two_dates_in_one_row_stay_flagged() -> None:
    case = SAMPLES / "office-carry53" / "c53-mg-writer-kokuho-pdftotext-layout"
    res = extract_document(case / "input.txt")
    flagged = [r for r in res.records if "rows_merged" in r.flags]
    assert len(flagged) == 3
    assert any("rows hold two or more printed dates" in n for n in res.notes)
