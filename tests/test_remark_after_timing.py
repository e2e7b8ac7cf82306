"""A 備考 column last in the row whose left label, 提出時期に係る説明, wrapped in its narrow cell
(``提出時期`` / ``に係る説`` / ``明``): the nearest whole label on its left is 提出時期, and the remark
readers own it as they own a 備考 after 説明 (branch quiet69, issue 12: every right row of
office-narrowhead21's ``-layout`` text was warned by this column's ``column_guess`` alone)."""

from __future__ import annotations

import json

from piatable.normalize.extra_columns import owned_elsewhere
from piatable.pipeline import extract_document

from .conftest import SAMPLES

CASE = SAMPLES / "office-narrowhead21" / "nh21-writer-2-pdftotext-layout"
SIX = ("change_date_raw", "item", "before", "after", "timing", "explanation")


def _squash(v: object) -> str:
    return "".join(str(v or "").split())


def test_remark_after_timing_is_owned_by_the_remark_readers() -> None:
    assert owned_elsewhere("備考", "after 提出時期")
    assert owned_elsewhere("備考", "after 提出時期に係る説明")
    # Between two whole labels it is no remark column the remark readers look for.
    assert not owned_elsewhere("備考", "between 変更後の記載 and 提出時期")


def test_wrapped_labels_empty_remark_column_warns_no_right_row() -> None:
    res = extract_document(CASE / "input.txt")
    expected = json.loads((CASE / "expected" / "records.json").read_text("utf-8"))
    got = [r.to_dict() for r in res.records]
    assert len(got) == len(expected)
    for g, e in zip(got, expected, strict=True):
        assert all(_squash(g[f]) == _squash(e[f]) for f in SIX)
        assert "column_guess" not in g["flags"]
    assert not any("備考" in n for n in res.notes)
