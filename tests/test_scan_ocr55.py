"""Scans of session 55 (samples/office-ocr55, tools/make_ocr55_samples.py): a fax kept as an
image-only PDF (JPEG pages of 200 × 100 dpi) is read with square pixels, as a fax image file is.
Real tesseract on LibreOffice-made pages.
"""

from __future__ import annotations

import json

from PIL import Image

from piatable.extract.ocr.render import pdf_images
from piatable.extract.ocr.square_brackets import write_brackets
from piatable.pipeline import extract_document
from piatable.settings import Settings

from .conftest import SAMPLES

SET = SAMPLES / "office-ocr55"
FAX_PDF = SET / "faxpdf-calc-gothic-200-t5"


def _one_page(pdf) -> tuple:
    ((_, gray, dpi),) = list(pdf_images(pdf, [1], 150.0, native=Settings().ocr))
    return gray, dpi


def test_a_fax_pdf_page_of_oblong_pixels_is_rendered_square(tmp_path):
    """The fax's JPEG (pixels twice as tall as wide) was taken as stored with the page's width for
    its dpi: every glyph squashed, and OCR gave 4 rows of 3 with no cell right.  It is rendered at
    its finer resolution instead; a page of square pixels is still taken as the scanner stored
    it."""
    with Image.open(SAMPLES / "scan" / "excel-200dpi-rot05" / "input.jpg") as im:
        page = im.convert("L")
    w, h = page.size
    fax = tmp_path / "fax.pdf"
    page.resize((w, h // 2)).save(fax, "PDF", dpi=(200, 100), quality=80)
    gray, dpi = _one_page(fax)
    assert abs(dpi - 200) < 1 and abs(gray.shape[0] - h) <= 2 and abs(gray.shape[1] - w) <= 2
    square = tmp_path / "square.pdf"
    page.save(square, "PDF", dpi=(200, 200), quality=80)
    gray, dpi = _one_page(square)
    assert abs(dpi - 200) < 1 and gray.shape == (h, w)


def test_a_fax_pdf_is_read_into_its_rows():
    want = json.loads((FAX_PDF / "expected" / "records.json").read_text("utf-8"))
    got = extract_document(FAX_PDF / "input.pdf", settings=Settings()).records
    assert len(got) == len(want)
    for g, e in zip(got, want, strict=True):
        assert (g.change_date, g.timing) == (e["change_date"], e["timing"])
        assert g.item.split("\n")[:1] == e["item"].split("\n")[:1]


BRACKETS = SET / "brackets-calc-gothic-200-t1"
HALF = SAMPLES / "scan-ocr49" / "calc-gothic-300-t3"


def _cells(folder) -> tuple[list[str], list[str]]:
    """(read, truth) of the before and after cells of a case, in row order."""
    want = json.loads((folder / "expected" / "records.json").read_text("utf-8"))
    got = extract_document(next(folder.glob("input.*")), settings=Settings()).records
    assert len(got) == len(want)
    read = [getattr(g, f) or "" for g in got for f in ("before", "after")]
    return read, [e[f] or "" for e in want for f in ("before", "after")]


def test_full_width_brackets_are_written_full_width():
    """A Calc form printing ［○］紙 and ［　10人未満　］ came out [○]紙 and [10人未満], every box
    and choice wrong and no warning; the ink beside the brackets tells their width, and an em of
    white inside a choice its full-width space."""
    read, truth = _cells(BRACKETS)
    boxed = [(r, t) for r, t in zip(read, truth, strict=True) if "［" in t]
    assert len(boxed) >= 4
    assert all(r == t for r, t in boxed)


def test_half_width_brackets_stay_half_width():
    """A document printing [○] (samples/scan-ocr49) keeps them: its ] stands a tenth of an em from
    the kanji after it."""
    read, truth = _cells(HALF)
    boxed = [r for r, t in zip(read, truth, strict=True) if "[" in t]
    assert boxed and all("[" in r and "［" not in r for r in boxed)


def test_write_brackets():
    assert write_brackets("[○]紙\n[ ]その他", True, False) == "［○］紙\n［　］その他"
    assert write_brackets("[ 10人未満]", True, True) == "［　10人未満　］"
    assert write_brackets("[ 10人未満]", True, False) == "［ 10人未満］"
    assert write_brackets("[○]", True, True) == "［○］"  # a box, not a choice
    assert write_brackets("［○］紙", False, False) == "[○]紙"
    # Half-width boxes beside choices an em of white sets off (set XXII t04: ``[○]紙`` beside
    # ``［　10人未満　］``): the choice lines full width and padded, the boxes half width.
    assert write_brackets("[ 10人未満]", False, True) == "［　10人未満　］"
    assert write_brackets("[再委託しない]", False, True) == "［　再委託しない　］"
    assert write_brackets("［○］紙", False, True) == "[○]紙"
    assert write_brackets("[ ]", False, True) == "[ ]"


def test_padded_choices_tell_full_width_choices_beside_half_width_boxes():
    from piatable.extract.ocr.square_brackets import document_brackets

    # (set XXII t04.bilevel.g4.tif's votes: two half-width boxes, six choices an em of white sets off)
    assert document_brackets([([0, 0], [0, 6]), ([2, 0], [0, 0])]) == (False, True)


BAND = SET / "band-impress-200-s54-impress-3"


def test_a_slide_table_on_dark_bands_is_read_into_its_rows():
    """An Impress slide table (a dark label band with white text, shaded rows parted by white
    lines, no ruling) scanned at 200 dpi gave 1 row of garbage for 3 with status success; its
    fills are made white paper, its white text and parting lines black."""
    want = json.loads((BAND / "expected" / "records.json").read_text("utf-8"))
    res = extract_document(BAND / "input.png", settings=Settings())
    got = res.records
    assert len(got) == len(want)
    assert [g.change_date for g in got] == [e["change_date"] for e in want]
    assert [g.timing for g in got] == [e["timing"] for e in want]
    assert [g.explanation for g in got] == [e["explanation"] for e in want]
    assert any("shaded cells" in n for n in res.notes)


def test_a_page_without_a_dark_fill_keeps_its_pixels():
    from piatable.extract.ocr.render import load_images
    from piatable.extract.ocr.shaded_cells import unshade

    page = load_images(BRACKETS / "input.jpg")[0]
    assert unshade(page.gray, 19.0) is None


def test_rows_read_as_garbage_make_the_input_partial():
    """A label row read as a row of garbage (scan-ocr53's 100 dpi Calc page: 訟更日 / 項目 /
    提出時期, no date, heading or 事前/事後 read) is counted in a note and the input is partial."""
    import sys

    from piatable.extract.ocr.reader import scans_to_reading
    from piatable.pipeline import reading_to_result

    sys.path.insert(0, str(SAMPLES.parent / "tools"))
    from bench_calibration import load_scans

    scans, _ = load_scans(SAMPLES / "scan-ocr53" / "calc-gothic-100-t3" / "ocr")
    res = reading_to_result(scans_to_reading(scans, "scan", len(scans), Settings().ocr), "t3", Settings())
    assert res.status == "partial"
    assert any("their text is garbage" in n and "rows 0)" in n for n in res.notes)
    assert {"date_unparsed", "timing_invalid", "item_unknown"} <= set(res.records[0].flags)


def test_a_choice_read_unevenly_is_in_doubt():
    from piatable.extract.ocr.square_brackets import choice_doubts
    from piatable.models import CellLine, RawRow

    def row(before: str, after: str) -> RawRow:
        cells = {"before": [CellLine(t, 1, 0) for t in before.split("\n")], "after": [CellLine(after, 1, 0)]}
        return RawRow(cells=cells)

    rows = [
        row("[ 10人未満]", "［　10人以上50人未満　］"),
        row("「十分に行っている\n」", "再委託する]"),
        row("[○]紙", "[ ]"),
    ]
    assert choice_doubts(rows) == 2
    assert [(d.kind, d.field) for d in rows[0].doubts] == [("ocr_suspect", "before")]
    assert [(d.kind, d.field) for d in rows[1].doubts] == [("ocr_suspect", "after")]
    assert rows[2].doubts == []
