"""Whole Writer assessments with a cover page in every input kind (samples/office-cover57 and the
held-out heldout-cover57, tools/make_cover57_samples.py; issue 14): the 公表日 (令和 or 西暦) and
評価実施機関名 of the cover from the PDF, from each extractor's text (pages joined by line ends too)
and from a scan of the cover and table pages; and the pages of a pdfplumber text joined by line
ends, counted from its page-number footer."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from piatable.pipeline import extract_document

from .conftest import SAMPLES

SETS = (SAMPLES / "office-cover57", SAMPLES / "heldout-cover57")
INPUTS = sorted(p for s in SETS for p in s.glob("*/input.*"))


def _squash(text: str | None) -> str:
    return "".join((text or "").split())


def _expected(path: Path, name: str):
    return json.loads((path.parent / "expected" / name).read_text("utf-8"))


@pytest.mark.parametrize("path", INPUTS, ids=lambda p: f"{p.parent.parent.name}/{p.parent.name}")
def test_every_kind_gives_the_covers_date_and_agency(path: Path):
    truth = _expected(path, "documents.json")
    docs = extract_document(path).documents
    assert docs.get("published") == truth["published"], docs
    assert _squash(docs.get("agency")) == _squash(truth["agency"]), docs


def test_a_pdfplumber_text_joined_by_line_ends_counts_its_pages_from_the_footer():
    # writer-cover-t1 prints a page-number footer on its 30 pages; pdfplumber's users join the
    # pages with "\n".  The table's rows are on pages 29 and 30, not 1.
    path = SAMPLES / "office-cover57" / "writer-cover-t1-pdfplumber+nl" / "input.txt"
    want = {(e["page_start"], e["page_end"]) for e in _expected(path, "records.json")}
    got = {(r.page_start, r.page_end) for r in extract_document(path).records}
    assert got and got <= want
    assert max(p for _, p in got) == 30
