"""U+2027 ‧ for ・ in the pypdf / pdfminer text of a Chromium PDF in Noto Sans CJK (set XIV's
fault 5, branch pypdf53): the real texts of samples/office-pypdf53's Chromium case
(tools/make_pypdf53_samples.py)."""

import json

import pytest

from piatable.normalize.unicode import clean_text
from piatable.pipeline import extract_document

from .conftest import SAMPLES

CASE = SAMPLES / "office-pypdf53" / "y53-chromium-v1"


@pytest.mark.parametrize("tool", ["pypdf", "pdfminer"])
def test_hyphenation_point_of_chromium_text_read_as_middle_dot(tool):
    text = (CASE.parent / f"{CASE.name}-{tool}" / "input.txt").read_text("utf-8")
    assert "\u2027" in text  # the extractor's reading of Chromium's one glyph for both
    cleaned = clean_text(text)
    assert "\u2027" not in cleaned
    assert cleaned.count("・") == text.count("・") + text.count("\u2027")


@pytest.mark.parametrize("tool", ["pypdf", "pdfminer", "pypdfium2"])
def test_cells_keep_the_printed_middle_dot(tool):
    """No cell keeps ‧; every ・ printed in 項目 / 変更前 / 変更後 is read there (pdfminer's
    column-ordered text of this table moves some text to other fields: no count for it)."""
    expected = json.loads((CASE / "expected" / "records.json").read_text("utf-8"))
    printed = sum(str(r.get(f) or "").count("・") for r in expected for f in ("item", "before", "after"))
    assert printed > 0
    result = extract_document(CASE.parent / f"{CASE.name}-{tool}" / "input.txt")
    fields = ("change_date_raw", "item", "before", "after", "timing", "explanation")
    assert not any("\u2027" in str(getattr(r, f) or "") for r in result.records for f in fields)
    cells = [str(getattr(r, f) or "") for r in result.records for f in ("item", "before", "after")]
    if tool != "pdfminer":
        assert sum(c.count("・") for c in cells) == printed
