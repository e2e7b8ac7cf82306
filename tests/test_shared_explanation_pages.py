"""Row-ordered text (normalize/stream.py): rows sharing a merged explanation with a row that
Writer broke over a page get the explanation alone, not that row's lines on the next page
(branch raw23, samples/office-raw23)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from piatable.pipeline import extract_document

SET = Path(__file__).resolve().parent.parent / "samples" / "office-raw23"


@pytest.mark.parametrize("extractor", ["pdftotext-raw", "pypdfium2"])
def test_rows_under_a_merged_explanation_leave_the_broken_rows_next_page_lines(extractor):
    # Writer, 住基 table: rows 7-9 share one explanation (merged) and one date; row 7's after
    # cell ends on the next page (`る。` after the repeated header).  That line is row 7's after
    # cell's; rows 8 and 9 took it into their copy of the explanation.
    folder = SET / f"writer2-raw23-juki-{extractor}"
    expected = json.loads((folder / "expected" / "records.json").read_text("utf-8"))
    got = [r.to_dict() for r in extract_document(folder / "input.txt").records]
    assert len(got) == len(expected)
    for k in (6, 7, 8):
        assert got[k]["explanation"] == expected[k]["explanation"] == "自己点検の実施方法の見直しによる修正"
    assert got[6]["after"].replace("\n", "").endswith("報告する。")
