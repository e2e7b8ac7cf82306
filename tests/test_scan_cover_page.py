"""A scanned cover page made in Calc (samples/office-cover2/calc-t7: a cover sheet whose facts
stand in boxes of their own, 評価実施機関名 and 公表日 in a short box under the declaration) is
a cover however it is scanned: its 公表日 and 評価実施機関名 are read (from the page's whole text
when the read of its cells lacks them), it gives no row, and a first page that is neither cover
nor table is named in a note.  Scans are made here from the committed PDF (real tesseract)."""

from __future__ import annotations

import json

import pytest

from piatable.pipeline import extract_document

from .conftest import SAMPLES

CASE = SAMPLES / "office-cover2" / "calc-t7"


def _pages(pdf, dpi: float, angle: float = 0.0):
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(str(pdf))
    try:
        out = []
        for i in range(len(doc)):
            img = doc[i].render(scale=dpi / 72, grayscale=True).to_pil().convert("L")
            if angle:
                img = img.rotate(angle, fillcolor=255, expand=False)
            out.append(img)
        return out
    finally:
        doc.close()


def _truth() -> dict:
    return json.loads((CASE / "expected" / "documents.json").read_text("utf-8"))


def _no_cover_text(records) -> None:
    for r in records:
        text = "".join([r.change_date_raw, r.item, r.before, r.after, r.explanation])
        assert "評価実施機関" not in text and "評価書番号" not in text and "公表日" not in text


def test_a_scanned_calc_cover_gives_its_agency_and_date():
    """The image-only PDF at 200 dpi, turned 0.5°: the cells' read gives the number and the
    name, the page's whole text the date (noted); the agency is right or doubted in a note,
    never wrong silent; rows come from page 2 only."""
    import tempfile
    from pathlib import Path

    truth = _truth()
    with tempfile.TemporaryDirectory() as tmp:
        scan = Path(tmp) / "scan.pdf"
        pages = _pages(CASE / "input.pdf", 200, 0.5)
        pages[0].save(scan, save_all=True, append_images=pages[1:], resolution=200, quality=60)
        res = extract_document(scan, "scan")
    assert res.documents.get("agency") == truth["agency"] or any("評価実施機関名" in n for n in res.notes)
    assert res.documents.get("published") == truth["published"]
    assert any("公表日 read from the page's whole text" in n for n in res.notes)
    assert res.records and all(r.page_start == 2 for r in res.records)
    _no_cover_text(res.records)
    assert not any("公表日 printed, no value read" in n for n in res.notes)


@pytest.mark.parametrize("dpi", [200, 300])
def test_a_cover_page_alone_as_a_jpeg_is_the_cover(tmp_path, dpi):
    """The cover page alone, a JPEG: a cover (read from its cells, or whole where the read of
    its cells garbled its labels), its 公表日 given, its agency right or doubted, no row."""
    truth = _truth()
    image = tmp_path / "cover.jpg"
    _pages(CASE / "input.pdf", dpi, 0.3)[0].save(image, "JPEG", quality=60, dpi=(dpi, dpi))
    res = extract_document(image, "scan")
    assert res.records == []
    assert res.documents.get("agency") == truth["agency"] or any("評価実施機関名" in n for n in res.notes)
    assert res.documents.get("published") == truth["published"]
    assert any("cover page read" in n for n in res.notes)


def test_a_first_page_neither_cover_nor_table_is_noted(tmp_path):
    """A body page alone (no cover label, no table header): a note says it was placed as
    neither cover nor table."""
    image = tmp_path / "body.jpg"
    _pages(SAMPLES / "office-cover2" / "grid-t1" / "input.pdf", 200)[1].save(image, "JPEG", dpi=(200, 200))
    res = extract_document(image, "scan")
    assert any("read neither as the cover" in n for n in res.notes)


def test_whole_read_facts_are_trimmed_as_the_cells_are():
    """A ruling read as ``]`` after a value is trimmed; an 評価書番号 that is no number is left
    out, with why; doubts stay with their facts."""
    from piatable.extract.ocr.cover_page import _checked_facts

    facts, why = _checked_facts(
        {
            "agency": "サンプル市長 ]",
            "assessment_number": "_ lez",
            "assessment_name": "国民健康保険に関する事務",
            "doubt:assessment_number": "unsure",
            "doubt:assessment_name": "unsure",
        }
    )
    assert facts["agency"] == "サンプル市長"
    assert "assessment_number" not in facts and "doubt:assessment_number" not in facts
    assert facts["doubt:assessment_name"] == "unsure"
    assert why and "評価書番号" in why[0]
