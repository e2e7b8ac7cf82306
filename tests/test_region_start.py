"""Where a flattened Calc table starts (normalize/region.py): a page's one-line cells before its
first date, and a label row glued to the previous page's last line, do not push the start to a
later page (rows lost)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from piatable import extract_document
from piatable.models import CellLine
from piatable.normalize.region import split_glued_headers

ROOT = Path(__file__).resolve().parent.parent
LABELS = "変更日 項目 変更前の記載 変更後の記載 提出時期 提出時期に係る説明"


@pytest.mark.parametrize(
    "case",
    [
        # Label rows glued to the previous page's last line (pypdfium2), one-line cells first.
        "samples/office-passone/calc-w9-pypdfium2",
        "samples/office-passone/calc-w9-pdftotext-raw",
        # One-line before / after cells and timings before the first page's first date.
        "samples/office-passone/calc-w5-pypdfium2",
        "samples/office-passone/calc-w5-pdftotext-raw",
    ],
)
def test_every_row_of_the_first_pages_is_read(case: str) -> None:
    expected = json.loads((ROOT / case / "expected" / "records.json").read_text("utf-8"))
    res = extract_document(ROOT / case / "input.txt")
    assert len(res.records) == len(expected)
    got = {r.change_date for r in res.records}
    assert {e["change_date"] for e in expected} <= got
    # Every row's text is read (in some cell), or the row says it is unsure (a warning flag).
    flat = "".join("".join(str(getattr(r, f)).split()) for r in res.records for f in ("before", "after"))
    for exp, rec in zip(expected, res.records, strict=True):
        after = "".join(exp["after"].split())[:12]
        warned = rec.confidence < 0.5 or any(not f.startswith("truncated:") for f in rec.flags)
        assert after in flat or warned


def test_glued_label_row_is_cut_off() -> None:
    lines = [
        CellLine("に報告する。" + LABELS, 1, 29),
        CellLine("事後", 1, 30),
        CellLine("変更日の見直し", 1, 31),
    ]
    out = split_glued_headers(lines)
    assert [cl.text for cl in out] == ["に報告する。", LABELS, "事後", "変更日の見直し"]
    assert out[1].line_no == 29
