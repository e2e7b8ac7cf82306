"""Rows continued over a page and cells torn between columns in stream texts (issues 10 and 12,
branch rawtear57: set XVIII kinds 5 and 6).

* a one-line before ending in a number beside its after on one printed line
  (``生活保護法第 29 条の 1 生活保護法第 29 条の 1、第 29 条``): the font-run spaces round the
  digits removed, the two are parted after the number, where the after opens with the before's
  words, not inside the citation (``第29条の`` | ``1…``: ``compound._JOINT``);
* a citation wrapped over two lines of one cell (``…、第29条`` / ``の2``, ``…番号法第１９条`` /
  ``第８号…``) is one paragraph (``rejoin._CITATION_END``);
* a Word row broken over a page whose explanation goes on there too: the explanation's rest, the
  continuation's last lines as wide as the explanation column, goes back to the explanation
  (``continuation.explanation_tail``; set XVIII's B, Word in Mincho, PyPDF's text, pages joined by
  line ends);
* a row without an explanation under a row that has one (a 説明 cell merged over both) is warned
  (``added_checks.doubt_unexplained_rows``).

Texts of LibreOffice PDFs: samples/office-rawtear57 (tools/make_rawtear57_samples.py),
samples/office-block46, and set XVIII's B (tests/data/raw_tears57).
"""

from __future__ import annotations

import json

import pytest

from piatable.normalize.added_checks import UNEXPLAINED_WHY
from piatable.pipeline import extract_document
from tests.conftest import ROOT

SAMPLES = ROOT / "samples"
DATA = ROOT / "tests" / "data" / "raw_tears57"


def _records(path):
    return extract_document(path).records


def _squash(text: str | None) -> str:
    return "".join((text or "").split())


@pytest.mark.parametrize("tool", ["pdftotext-raw", "pdftotext-raw+nl", "pypdfium2", "pypdfium2+nl", "pypdf"])
def test_a_one_line_citation_beside_its_amended_self_is_parted_after_its_number(tool):
    r = _records(SAMPLES / "office-rawtear57" / f"r57-writer-municipal-{tool}" / "input.txt")[0]
    assert r.before == "生活保護法第29条の1"
    assert r.after == "生活保護法第29条の1、第29条の2"


def test_a_citation_of_a_block_is_parted_after_its_branch_number():
    r = _records(SAMPLES / "office-block46" / "k46-writer-v4-pypdfium2" / "input.txt")[3]
    assert (r.before, r.after) == ("住民基本台帳法第30条の7", "住民基本台帳法第30条の15")
    assert r.item_path[-1] == "①法令上の根拠"


def test_an_explanation_continued_over_the_page_keeps_its_rest():
    want = json.loads((DATA / "x18_B_word_mincho.row6.json").read_text("utf-8"))
    r = _records(DATA / "x18_B_word_mincho.pypdf.txt")[want["row"]]
    truth = want["truth"]
    assert r.explanation == truth["explanation"]
    for field in ("item", "before", "after"):
        assert _squash(getattr(r, field)) == _squash(truth[field]), field
    assert "row_continued" in r.flags


def test_a_row_without_the_explanation_printed_above_it_is_warned():
    rows = _records(SAMPLES / "office-block46" / "k46-writer-v4-pypdfium2" / "input.txt")
    above, r = rows[0], rows[1]
    assert above.explanation == "提供先の追加"
    assert (r.before, r.after, r.explanation) == ("", "上記を新規追加", "")
    assert "column_guess" in r.flags
    assert any(UNEXPLAINED_WHY in e for e in r.evidence)
