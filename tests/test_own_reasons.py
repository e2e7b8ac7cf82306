"""A Writer row that prints its own explanation beside its after cell, read as sharing the
explanation merged above (normalize/own_reasons.py; issues 10 and 12, branch raw46).  Real texts
of samples/office-raw23 (LibreOffice Writer, pypdfium2 and ``pdftotext -raw``, made by
tools/make_raw23_samples.py)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from piatable import extract_document
from piatable.models import CellLine, RawRow
from piatable.normalize.own_reasons import OWN_WHY, mend_own_reasons

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize("tool", ["pdftotext-raw", "pypdfium2"])
def test_a_row_opening_a_merged_explanation_takes_it_and_the_rows_below_too(tool):
    path = ROOT / "samples" / "office-raw23" / f"writer2-raw23-kokuho-{tool}" / "input.txt"
    truth = json.loads((path.parent / "expected" / "records.json").read_text("utf-8"))
    recs = extract_document(path).records
    # Rows 7–9 share 組織改正による役職名の変更, printed once beside row 7's one-line values
    # (``保険年金課長 国保年金課長 組織改正による役職名の変更``); row 6 has its own explanation.
    assert recs[6].explanation == truth[6]["explanation"] == "組織改正による部署名の変更"
    for k in (7, 8, 9):
        assert recs[k].explanation == truth[k]["explanation"] == "組織改正による役職名の変更"
    assert (recs[7].before, recs[7].after) == ("保険年金課長", "国保年金課長")
    assert any(OWN_WHY in e for e in recs[7].to_dict()["evidence"])
    assert "merged_cell_filled" in recs[8].flags


def _row(after: str, explanation: CellLine, filled: bool = True) -> RawRow:
    r = RawRow()
    r.cells["after"] = [CellLine(after, 1, 30)]
    r.cells["explanation"] = [explanation]
    r.flags = ["merged_cell_filled"] if filled else []
    return r


def test_only_a_filled_row_with_a_reason_beside_its_after_cell_is_mended():
    above_expl = CellLine("組織改正による部署名の変更", 1, 20)
    above = _row("国保年金課", above_expl, filled=False)
    # A value with a space in it and no reason: nothing moves.
    rows = [above, _row("○○市 市民課", above_expl)]
    mend_own_reasons(rows)
    assert rows[1].cells["explanation"] == [above_expl]
    # Not filled from above (the row's explanation is its own): nothing moves.
    rows = [
        above,
        _row("保険年金課長 組織改正による役職名の変更", CellLine("誤記の訂正", 1, 31), filled=False),
    ]
    mend_own_reasons(rows)
    assert rows[1].cells["after"][0].text == "保険年金課長 組織改正による役職名の変更"
