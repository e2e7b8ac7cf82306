"""Text-layer pages read the way their characters stand, whatever their /Rotate says, and a page of
the table whose columns are not found is counted as lost, not passed over.

A LibreOffice-made PDF (samples/office) is given /Rotate on one page with pypdfium2 (the page's
content is untouched): the page then shows turned, its characters stay upright in the content's
own space, and the records must be those of the upright file.  Before, the page's words were
turned with the page, no table columns were found and its rows were lost with status success.
"""

from __future__ import annotations

import json

import pypdfium2 as pdfium
import pytest

from piatable.extract.pdf import pdfium_page_to_words
from piatable.extract.pdf_turned import upright_majority
from piatable.models import Word
from piatable.normalize.grid.common import GridResult
from piatable.normalize.grid.lines import ems
from piatable.normalize.grid.unread_pages import note_unread_page
from piatable.pipeline import extract_document
from piatable.settings import Settings

from .conftest import SAMPLES

FIELDS = ("change_date", "item", "before", "after", "timing", "explanation")
SAMPLE = SAMPLES / "office" / "writer-kokuho"
COVER = SAMPLES / "office-cover2" / "beside-t2" / "input.pdf"


def _fields(records: list) -> list[tuple]:
    return [tuple(getattr(r, f) if not isinstance(r, dict) else r[f] for f in FIELDS) for r in records]


@pytest.mark.parametrize("turn", [90, 180, 270])
def test_a_page_shown_turned_is_read_as_its_characters_stand(tmp_path, turn):
    expected = json.loads((SAMPLE / "expected" / "records.json").read_text("utf-8"))
    pdf = pdfium.PdfDocument(str(SAMPLE / "input.pdf"))
    assert len(pdf) == 2
    pdf[1].set_rotation(turn)
    turned = tmp_path / f"turned{turn}.pdf"
    pdf.save(str(turned))
    pdf.close()
    res = extract_document(turned)
    assert res.status == "success"
    assert _fields(res.records) == _fields(expected)
    assert any(n.startswith(f"page 2: shown turned {turn}°") for n in res.notes), res.notes
    assert not any("no table columns" in n for n in res.notes)


def _word(text: str, x0: float, top: float) -> Word:
    return Word(text, 1, x0, x0 + 10, top, top + 10, "pdf")


def test_characters_mostly_turned_make_the_page_turned():
    upright = [_word("事", 0, 0)]
    turned = [(270.0, _word(c, 50, 10 * k)) for k, c in enumerate("令和元年五月")]
    words, places, rest, turn = upright_majority(upright, [("事", 0, 0)], turned, 4)
    assert turn == 90  # 270° clockwise characters stand upright on a page turned 90° clockwise
    assert "".join(w.text for w in words) == "令和元年五月"
    assert places == [(w.text, round(w.x0 * 4), round(w.top * 4)) for w in words]
    assert [(a, w.text) for a, w in rest] == [(0.0, "事")]


def test_a_few_turned_characters_leave_the_page_as_it_is():
    upright = [_word(c, 10 * k, 0) for k, c in enumerate("令和元年五月")]
    places = [(w.text, 0, 0) for w in upright]
    turned = [(90.0, _word("事", 80, 0)), (90.0, _word("後", 80, 10))]
    assert upright_majority(upright, places, turned, 4) == (upright, places, turned, 0)


def _page(path, number: int):
    pdf = pdfium.PdfDocument(str(path))
    try:
        page_words, _, _ = pdfium_page_to_words(pdf[number - 1], number)
    finally:
        pdf.close()
    return page_words


def test_a_table_page_without_columns_counts_its_rows_as_lost():
    page = _page(SAMPLE / "input.pdf", 1)
    hx, hy = ems([page])
    result = GridResult()
    note_unread_page(page, hx, hy, Settings().grid, result)
    assert result.unplaced > 0
    (note,) = result.notes
    assert note.startswith("page 1: no table columns found; its ")
    assert "are in no record" in note
    # The dates quoted are the page's own (its first row's date opens the page's first line).
    expected = json.loads((SAMPLE / "expected" / "records.json").read_text("utf-8"))
    first = next(r["change_date_raw"] for r in expected if r["page_start"] == 1)
    assert first.replace(" ", "").rstrip("日") in note.replace(" ", "")  # its 日 wraps here


def test_a_cover_page_without_columns_is_only_named():
    page = _page(COVER, 1)
    hx, hy = ems([page])
    result = GridResult()
    note_unread_page(page, hx, hy, Settings().grid, result)
    assert result.unplaced == 0
    assert result.notes == ["page 1: no amendment table on it (no dated row printed there; nothing lost)"]


def test_a_fax_page_of_oblong_pixels_is_read_square(tmp_path):
    """A page stored at 200 × 100 dpi (a fax: pixels twice as tall as wide) is stretched to square
    pixels at 200 dpi before it is read; as stored, every glyph was squashed and OCR gave a
    `success` with most cells wrong (a new user's set XVI).  Also with an EXIF quarter turn."""
    from PIL import Image

    from piatable.extract.ocr.render import load_images

    scan = SAMPLES / "scan" / "excel-200dpi-rot05" / "input.jpg"
    with Image.open(scan) as im:
        page = im.convert("L")
    w, h = page.size
    fax = tmp_path / "fax.tif"
    page.resize((w, h // 2)).save(fax, dpi=(200, 100))
    (got,) = load_images(fax)
    assert got.dpi == 200 and abs(got.gray.shape[0] - h) <= 2 and got.gray.shape[1] == w
    turned = tmp_path / "turned.jpg"
    exif = Image.Exif()
    exif[0x0112] = 6  # stored turned: shown after a quarter turn clockwise
    page.resize((w, h // 2)).rotate(90, expand=True).save(turned, dpi=(100, 200), exif=exif)
    (got,) = load_images(turned)
    assert got.dpi == 200 and abs(got.gray.shape[0] - h) <= 2 and abs(got.gray.shape[1] - w) <= 2
    square = tmp_path / "square.png"
    page.save(square, dpi=(200, 200))
    assert load_images(square)[0].gray.shape == (h, w)
