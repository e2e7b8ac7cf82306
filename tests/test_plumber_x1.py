"""pdfplumber ``extract_text(x_tolerance=1)`` text (set XXI's plumbx1, FAULTS #7): its font-run
spaces closed up, it is read by the pdfplumber reader and its wrapped full-width 和暦 dates
(``令和７年１月`` / ``６日``) open their rows (extract/text.py)."""

from __future__ import annotations

import json

from piatable import extract_document

from .conftest import SAMPLES

CASE = SAMPLES / "office-silent60" / "xxi-t04-plumbx1"


def test_x_tolerance_1_text_reads_its_wrapped_dates():
    result = extract_document(CASE / "input.txt")
    truth = json.loads((CASE / "expected" / "records.json").read_text("utf-8"))
    assert any("spaces an extractor puts where the font changes" in n for n in result.notes)
    assert any(n.startswith("pdfplumber text") for n in result.notes)
    assert [str(r.change_date) for r in result.records] == [r["change_date"] for r in truth]
    assert [r.timing for r in result.records] == [r["timing"] for r in truth]
    assert [r.item.split("\n")[0] for r in result.records] == [r["item"].split("\n")[0] for r in truth]
