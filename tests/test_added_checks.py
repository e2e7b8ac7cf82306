"""An added row's after cell cut into before and after (normalize/added_checks.py; issues 10 and
12, branch raw46): a one-line before and a one-line after printed on two lines are doubted.  Real
texts of samples/office-raw46 (LibreOffice Writer, pypdfium2 and ``pdftotext -raw``, made by
tools/make_raw46_samples.py)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from piatable import extract_document
from piatable.models import CellLine, RawRow
from piatable.normalize.added_checks import SPLIT_WHY, doubt_split_pairs

ROOT = Path(__file__).resolve().parent.parent
SET = ROOT / "samples" / "office-raw46"


def _row(before: CellLine, after: CellLine) -> RawRow:
    r = RawRow()
    r.cells["before"], r.cells["after"] = [before], [after]
    return r


def _doubted(rows: list[RawRow]) -> list[bool]:
    doubt_split_pairs(rows)
    return [any(d.why == SPLIT_WHY for d in r.doubts) for r in rows]


@pytest.mark.parametrize("tool", ["pdftotext-raw", "pypdfium2"])
def test_an_added_rows_two_lines_read_as_before_and_after_are_doubted(tool):
    path = SET / f"r46-writer-kokuho-{tool}" / "input.txt"
    truth = json.loads((path.parent / "expected" / "records.json").read_text("utf-8"))
    recs = extract_document(path).records
    assert len(recs) == len(truth) == 8
    # Row 4 adds ``国民健康保険情報ファイル`` / ``中間サーバー副本ファイル`` (変更前 empty); the text
    # prints the two lines one under the other, and they were read as before and after.
    assert (recs[4].before, recs[4].after) == ("国民健康保険情報ファイル", "中間サーバー副本ファイル")
    assert (
        truth[4]["before"] == "" and truth[4]["after"] == "国民健康保険情報ファイル\n中間サーバー副本ファイル"
    )
    assert "column_guess" in recs[4].flags
    assert any(SPLIT_WHY in e for e in recs[4].to_dict()["evidence"])
    # Every row doubted so is wrong; row 3's one-line values printed on one line are not doubted.
    for rec, t in zip(recs, truth, strict=True):
        if any(SPLIT_WHY in e for e in rec.to_dict()["evidence"]):
            assert (rec.before, rec.after) != (t["before"], t["after"])
    assert not any(SPLIT_WHY in e for e in recs[3].to_dict()["evidence"])


def test_pairs_apart_are_doubted_only_where_the_document_prints_pairs_on_one_line():
    same = _row(CellLine("保険年金課", 1, 5), CellLine("国保年金課", 1, 5))
    apart = _row(CellLine("国民健康保険情報ファイル", 1, 8), CellLine("中間サーバー副本ファイル", 1, 9))
    assert _doubted([same, apart]) == [False, True]
    # No pair on one line: nothing shows how the document prints them.
    apart = _row(CellLine("国民健康保険情報ファイル", 1, 8), CellLine("中間サーバー副本ファイル", 1, 9))
    assert _doubted([apart]) == [False]
    # An alike pair apart (a changed value, its after cell centred): the columns are aligned apart.
    same = _row(CellLine("保険年金課", 1, 5), CellLine("国保年金課", 1, 5))
    alike = _row(CellLine("財務部市民税課", 1, 12), CellLine("財政部市民税課", 1, 13))
    apart = _row(CellLine("国民健康保険情報ファイル", 1, 8), CellLine("中間サーバー副本ファイル", 1, 9))
    assert _doubted([same, alike, apart]) == [False, False, False]
