"""An explanation column far narrower than before / after in row-ordered text (issue 10, branch
raw22; samples/office-raw22 made by tools/make_raw22_samples.py, tuning tables).

Calc and Writer tables whose explanation is a quarter as wide as before / after (ten characters
beside forty) wrap each explanation into lines no other column has; the explanation's width is
chosen among those widths too (``twophase.EXPLANATION_MIN_SHARE``), so the explanation keeps its
first lines instead of leaving them at the end of the after cell.
"""

from __future__ import annotations

import json
import re

import pytest

from piatable.models import CellLine
from piatable.normalize.singlepass import NARROW_MIN_SHARE, width_peaks
from piatable.normalize.twophase import EXPLANATION_MIN_SHARE
from piatable.pipeline import extract_document

from .conftest import SAMPLES

SET = SAMPLES / "office-raw22"


def _squash(text: str | None) -> str:
    return re.sub(r"\s+", "", text or "")


@pytest.mark.parametrize("extractor", ["pdftotext-raw", "pypdfium2"])
def test_a_narrow_explanation_keeps_its_first_lines(extractor):
    folder = SET / f"calc-raw22-juki-{extractor}"
    expected = json.loads((folder / "expected" / "records.json").read_text("utf-8"))
    got = extract_document(folder / "input.txt").records
    want = [r for r in expected if _squash(r["explanation"]) == "自己点検の実施方法の見直しによる修正"]
    assert len(want) == 1
    row = got[want[0]["row_index"]]
    assert _squash(row.explanation) == "自己点検の実施方法の見直しによる修正"
    assert not _squash(row.after).endswith("自己点検の実施方")


def test_a_narrow_width_is_a_candidate_of_the_explanation_only():
    # Run-on lines at 20 display units (ten characters) beside a body of 84.
    lines = ["組織改正による部署名", "の変更", "番号法の改正に伴う条", "項の修正"]
    block = [CellLine(t, page=1, line_no=k) for k, t in enumerate(lines)]
    assert 20 < NARROW_MIN_SHARE * 84
    assert 20 not in width_peaks([block], 84)
    assert 20 in width_peaks([block], 84, EXPLANATION_MIN_SHARE)
