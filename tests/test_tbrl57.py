"""Branch tbrl57 (issues 10 / 12, set XVIII kinds 7 and 10): no text of a layout text lost in
silence, and Chromium's radicals read as the characters printed.  Committed samples made by
``tools/make_tbrl57_samples.py`` (LibreOffice Writer with a vertical 提出時期, headless Chromium;
``samples/office-tbrl57``, the tuning set)."""

from __future__ import annotations

import json

import pytest

import piatable.pipeline as pipeline
from piatable.normalize.page_edges import could_be_furniture, is_numbered_heading
from piatable.pipeline import extract_document

from .conftest import SAMPLES

SET = SAMPLES / "office-tbrl57"
LAYOUT_TOOLS = (
    "pdftotext-layout",
    "pdftotext-layout+nl",
    "pdfplumber-layout",
    "pdfplumber-layout+nl",
    "pymupdf-sort",
    "pymupdf-sort+nl",
)
# The cases whose two pages both end with a row whose item ends in ① 実施日 (set XVIII's G shape).
G_SHAPED = ("t57-juki", "t57-zeimu")
NOTE = "printed lines of the table region are in no record"


def _records(case: str):
    result = extract_document(SET / case / "input.txt")
    truth = json.loads((SET / case / "expected" / "records.json").read_text("utf-8"))
    return result, truth


def test_a_numbered_heading_is_no_furniture():
    assert is_numbered_heading("① 実施日") and is_numbered_heading("３．第三者点検")
    assert not could_be_furniture("① 実施日")
    # A running header is still furniture; a number alone is no heading.
    assert could_be_furniture("住民基本台帳に関する事務 全項目評価書")
    assert not is_numbered_heading("①") and not is_numbered_heading("サンプル市")


@pytest.mark.parametrize("case", [f"{c}-{t}" for c in G_SHAPED for t in LAYOUT_TOOLS])
def test_an_item_ending_both_pages_keeps_its_last_line(case):
    """Both pages end with ``① 実施日`` (the item's last line, under the vertical 事 / 前): it is
    the item's line, not a footer (the base dropped it from both rows, unwarned)."""
    result, truth = _records(case)
    want = [t["item"].split("\n")[-1] for t in truth if t["item"].startswith("Ⅵ")]
    got = [r.item.split("\n")[-1] for r in result.records if r.item.startswith("Ⅵ")]
    assert want == ["①実施日", "①実施日"]
    assert got == want
    assert not any("実施日" in n for n in result.notes if "furniture" in n)


@pytest.mark.parametrize("tool", LAYOUT_TOOLS)
def test_every_piece_of_a_read_layout_text_is_placed(tool):
    """Tables read right say nothing of lost text (the check is quiet where nothing is lost)."""
    result, truth = _records(f"t57-juki-{tool}")
    assert len(result.records) == len(truth)
    assert not [n for n in result.notes if NOTE in n]
    assert not any("unplaced_text" in r.flags for r in result.records)


def test_a_line_the_reader_drops_is_said(monkeypatch):
    """A reader defect simulated on a real layout text: the grid loses a row's last 項目 line
    with no note.  The leftovers check names it, flags the row and makes the input partial."""
    real = pipeline.layout_pages_to_rows

    def dropping(pages, settings):
        grid = real(pages, settings)
        row = next(r for r in grid.rows if r.cells["item"] and r.cells["item"][0].text.startswith("Ⅵ"))
        row.cells["item"] = row.cells["item"][:-1]  # ① 実施日, gone
        return grid

    monkeypatch.setattr(pipeline, "layout_pages_to_rows", dropping)
    result, _ = _records("t57-juki-pdftotext-layout")
    assert result.status == "partial"
    note = next(n for n in result.notes if NOTE in n)
    assert "「①実施日」" in note
    flagged = [r for r in result.records if "unplaced_text" in r.flags]
    assert flagged and any(r.item.startswith("Ⅵ") for r in flagged)
    assert any("①実施日" in e for r in flagged for e in r.evidence)
    assert all(r.confidence < 0.9 for r in flagged)


@pytest.mark.parametrize("tool", ["pdfplumber", "pdfplumber-layout", "pypdf", "pypdf+nl", "pdfminer"])
def test_chromium_radicals_are_read_as_printed(tool):
    """Chromium names 戸 / 青 / 黒 / 人 / 日 … by Kangxi radicals and CJK Radicals Supplement forms
    in its text layer; pdfplumber, pypdf and pdfminer give those code points (the committed texts
    hold them).  The text path maps them as the PDF reader does (``unicode.clean_text``, one
    table): no radical and no non-JIS variant (戶 靑 黃 黑) reaches a record."""
    text = (SET / f"t57-chromium-{tool}" / "input.txt").read_text("utf-8")
    assert any(0x2E80 <= ord(c) <= 0x2FDF for c in text)  # the text does hold radicals
    result, truth = _records(f"t57-chromium-{tool}")
    cells = "".join(getattr(r, f) for r in result.records for f in ("item", "before", "after", "explanation"))
    assert not [c for c in cells if 0x2E80 <= ord(c) <= 0x2FDF or c in "戶靑黃黑"]
    assert "戸籍住民課長" in cells and "黒色" in cells and "青色" in cells and "人数" in cells
    if tool != "pdfminer":  # column-ordered text: its rows are paired by guess
        pdf = extract_document(SET / "t57-chromium" / "input.pdf")
        assert (
            [r.after for r in result.records] == [r.after for r in pdf.records] == [t["after"] for t in truth]
        )
