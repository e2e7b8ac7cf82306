"""Scanned pages before OCR: orientation (EXIF tags, quarter and half turns), blank pages skipped
without tesseract, and pages read one at a time (memory does not grow with the page count).

Live tesseract reads two pages here (the EXIF case and a scan turned a quarter); the rest runs on
the images alone.
"""

from __future__ import annotations

import json
import sys

import numpy as np
import pytest

from piatable.extract.ocr import open_grid, orient, pages, table_pages
from piatable.extract.ocr.ink import binarize, glyph_height
from piatable.extract.ocr.page_scan import PageScan
from piatable.extract.ocr.render import iter_images
from piatable.pipeline import extract_document
from piatable.settings import Settings

from .conftest import ROOT, SAMPLES

sys.path.insert(0, str(ROOT / "tools"))
import bench_scan
import bench_scan_memory
import make_scans

CASES = ROOT / "tests" / "data" / "cases"
JPEG = SAMPLES / "scan" / "excel-200dpi-rot05" / "input.jpg"
FIELDS = ("change_date", "item", "before", "after", "timing", "explanation")


def _upright() -> tuple[np.ndarray, float]:
    page = next(iter_images(JPEG))
    return page.gray, page.dpi


def _exact_cells(expected: list[dict], got: list[dict]) -> float:
    ok = n = 0
    for e, g in bench_scan.align([{**e, "row_index": i} for i, e in enumerate(expected)], got):
        for f in FIELDS:
            n += 1
            ok += bench_scan.cell_scores(str(e.get(f) or ""), str((g or {}).get(f) or ""))[3]
    return ok / max(n, 1)


def test_exif_rotated_photo_reads_upright():
    """A JPEG stored sideways with EXIF orientation 6 (a phone's photo of the page): applied
    before reading, and said in a note."""
    expected = json.loads((CASES / "scan_exif_rotated.expected.json").read_text("utf-8"))
    res = extract_document(CASES / "scan_exif_rotated.jpg")
    got = [r.to_dict() for r in res.records]
    assert [g["change_date"] for g in got] == [e["change_date"] for e in expected]
    assert _exact_cells(expected, got) >= 0.9
    assert any("EXIF orientation 6" in n for n in res.notes)


@pytest.mark.parametrize("tag", [3, 6, 8])
def test_exif_tags_give_the_upright_pixels(tmp_path, tag):
    gray, dpi = _upright()
    gray = gray[::4, ::4]
    path = tmp_path / f"exif{tag}.jpg"
    make_scans.save_exif_jpeg(gray, path, dpi, tag, 95)
    page = next(iter_images(path))
    assert page.exif_orientation == tag
    assert page.gray.shape == gray.shape
    assert np.abs(page.gray.astype(int) - gray).mean() < 3


@pytest.mark.parametrize("turn", [0, 90, 180, 270])
def test_turns_found_from_the_lines_and_their_flush_side(turn, monkeypatch):
    """Quarter and half turns are told by cues alone on a table page (the trial read that checks
    a turn, orient_trial, is taken out here: it agrees, see the next test)."""
    gray, dpi = _upright()
    page = make_scans.turned(gray, turn)
    monkeypatch.setattr(orient, "trial_turn", lambda *a: None)
    found = orient.find_orientation(page, glyph_height(binarize(page), dpi), Settings().ocr)
    assert (found.turned, found.how) == (turn, "cues")
    assert np.array_equal(orient.turn_upright(page, found.turned), gray)


@pytest.mark.parametrize("turn", [90, 180])
def test_a_turned_page_the_cues_find_is_checked_by_a_trial_read(turn):
    """A turn the cues find is read in each turn the lines allow (session 54): the page's text
    reads best upright, so the trial read confirms it."""
    gray, dpi = _upright()
    page = make_scans.turned(gray, turn)
    found = orient.find_orientation(page, glyph_height(binarize(page), dpi), Settings().ocr)
    assert (found.turned, found.how) == (turn, "trial")


def test_sparse_page_goes_to_tesseract_osd(monkeypatch):
    """A page with too few text lines for the cues: the trial read decides, and where it cannot,
    tesseract's orientation detection does; only a turn that agrees with the direction of the
    lines is taken."""
    gray, dpi = _upright()
    s = Settings().ocr
    glyph = glyph_height(binarize(gray), dpi)
    # The top third of the page only (header and a row): a few voting lines.
    sparse = np.full_like(gray, int(np.median(gray)))
    sparse[: gray.shape[0] // 4] = gray[: gray.shape[0] // 4]
    s.orient_min_votes = 1000  # the cues never decide
    found = orient.find_orientation(make_scans.turned(sparse, 180), glyph, s)
    assert (found.turned, found.how) == (180, "trial")
    monkeypatch.setattr(orient, "trial_turn", lambda *a: None)
    found = orient.find_orientation(make_scans.turned(sparse, 180), glyph, s)
    assert (found.turned, found.how) == (180, "osd")


def test_scan_turned_a_quarter_reads_as_upright(tmp_path):
    gray, dpi = _upright()
    path = tmp_path / "turned.png"
    make_scans.save([make_scans.turned(gray, 90)], path, dpi)
    expected = json.loads((JPEG.parent / "expected" / "records.json").read_text("utf-8"))
    res = extract_document(path)
    got = [r.to_dict() for r in res.records]
    assert [g["change_date"] for g in got] == [e["change_date"] for e in expected]
    assert bench_scan.score(expected, got)["cell_similarity"] >= 0.92
    assert any("turned 90° clockwise" in n for n in res.notes)


def test_unsure_page_follows_the_document(monkeypatch):
    """A page whose orientation is unsure is read again turned as the other pages were."""
    calls: list[tuple[int, int | None]] = []

    def fake(gray, dpi, page, settings, pool=None, parts=1, turn=None):
        calls.append((page, turn))
        s = PageScan(page, dpi, 10, 10, 0.0, 20.0)
        s.turned, s.turned_by = (
            (turn, "document") if turn is not None else ((0, "unsure") if page == 3 else (180, "cues"))
        )
        return s

    monkeypatch.setattr(pages, "scan_image", fake)
    ink = np.full((200, 200), 255, np.uint8)
    ink[50:60, 20:180] = 0
    scans = pages.scan_images(((n, ink, 72.0) for n in (1, 2, 3)), Settings().ocr)
    assert [(s.page, s.turned) for s in scans] == [(1, 180), (2, 180), (3, 180)]
    assert (3, 180) in calls


def test_blank_pages_skipped_without_tesseract(tmp_path, monkeypatch):
    """Empty PDF pages and scanned blank sheets (grey paper, noise, specks) never reach
    tesseract, and the note says how many were skipped."""

    def no_tesseract(*_a, **_k):
        raise AssertionError("tesseract called on a blank page")

    monkeypatch.setattr(table_pages, "tesseract_tsv", no_tesseract)
    monkeypatch.setattr(pages, "scan_image", no_tesseract)
    monkeypatch.setattr(open_grid, "tesseract_chars", no_tesseract)  # a page without a grid's read
    monkeypatch.setattr(orient, "osd_turn", no_tesseract)
    empty, scanned = tmp_path / "empty.pdf", tmp_path / "scanned.pdf"
    bench_scan_memory.blank_pdf(empty, 300)
    bench_scan_memory.scanned_blank_pdf(scanned, 5, dpi=150)
    for path, n in ((empty, 300), (scanned, 5)):
        res = extract_document(path)
        assert res.records == []
        assert any(f"{n} blank page(s) skipped" in note for note in res.notes), res.notes


def test_a_sparse_table_page_is_not_blank():
    gray, dpi = _upright()
    s = Settings().ocr
    one_row = np.full_like(gray, int(np.median(gray)))
    band = slice(gray.shape[0] // 3, gray.shape[0] // 3 + gray.shape[0] // 12)
    one_row[band] = gray[band]
    assert not pages.is_blank(one_row, dpi, s)
    assert pages.is_blank(np.full_like(gray, 235), dpi, s)


def test_pages_are_read_one_at_a_time(monkeypatch):
    """Frames are pulled as pages are read: never more than one per core (plus the one being
    rendered) is held at once, whatever the page count."""
    held = {"now": 0, "most": 0}

    def fake(gray, dpi, page, settings, pool=None, parts=1, turn=None):
        held["now"] -= 1
        return PageScan(page, dpi, 10, 10, 0.0, 20.0)

    def frames():
        for n in range(1, 41):
            held["now"] += 1
            held["most"] = max(held["most"], held["now"])
            img = np.full((100, 100), 255, np.uint8)
            img[40:60, 10:90] = 0
            yield n, img, 72.0

    monkeypatch.setattr(pages, "scan_image", fake)
    s = Settings().ocr
    s.workers = 2
    assert len(pages.scan_images(frames(), s)) == 40
    assert held["most"] <= s.workers + 1


def _jpeg_pdf(path, gray: np.ndarray, dpi: float) -> None:
    """A one-page PDF that is one JPEG of ``gray`` covering the page (what a scanner writes)."""
    import io

    from PIL import Image
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    Image.fromarray(gray).save(buf, "JPEG", quality=65)
    size = (gray.shape[1] * 72 / dpi, gray.shape[0] * 72 / dpi)
    c = canvas.Canvas(str(path), pagesize=size)
    c.drawImage(ImageReader(io.BytesIO(buf.getvalue())), 0, 0, *size)
    c.showPage()
    c.save()


def test_a_scanned_blank_page_is_found_without_rendering(tmp_path):
    """A page that is one JPEG is judged from the JPEG decoded small: noisy paper with specks
    (and a page number) is blank; one row of a table, or one short line of text, is not; a page
    that is not one JPEG is left to the renderer (None)."""
    from piatable.extract.ocr.render import jpeg_page_blank
    from piatable.extract.pdf import open_pdf

    gray, dpi = _upright()
    s = Settings().ocr
    rng = np.random.default_rng(3)
    paper = np.clip(rng.normal(232, 7, gray.shape), 0, 255)
    specks = rng.random(gray.shape) < 0.0004
    paper[specks] = rng.uniform(40, 140, int(specks.sum()))
    paper = paper.astype(np.uint8)
    one_row = paper.copy()
    band = slice(gray.shape[0] // 3, gray.shape[0] // 3 + gray.shape[0] // 12)
    one_row[band] = gray[band]
    # The title line alone (（別添２）変更箇所 and the form's name): the least ink the rendered
    # test calls a page; the quick look must agree.
    glyph = int(glyph_height(binarize(gray), dpi))
    line = paper.copy()
    top = int(np.flatnonzero(binarize(gray)[:, : gray.shape[1] // 3].sum(axis=1) > gray.shape[1] // 100)[0])
    line[top - glyph : top + 2 * glyph] = gray[top - glyph : top + 2 * glyph]
    assert not pages.is_blank(line, dpi, s)
    found = {}
    for name, image in (("paper", paper), ("row", one_row), ("line", line)):
        pdf = tmp_path / f"{name}.pdf"
        _jpeg_pdf(pdf, image, dpi)
        doc = open_pdf(pdf)
        found[name] = jpeg_page_blank(doc, 0, s)
        doc.close()
    assert found == {"paper": True, "row": False, "line": False}
    text_pdf = tmp_path / "text.pdf"
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(text_pdf))
    c.drawString(72, 72, "3")
    c.showPage()
    c.save()
    doc = open_pdf(text_pdf)
    assert jpeg_page_blank(doc, 0, s) is None
    doc.close()


def test_a_half_turn_the_cues_find_on_an_upright_page_is_checked_by_osd(monkeypatch):
    """A Writer table scanned at 300 dpi (tools/make_scans.py --from-pdf samples/office-pagebreak/
    writer-break-seed): at the cues' small scale, strokes of text lined up in a column made 14
    "rulings" for the table's 7, text ending at them voted flush right 7 to 3, and the upright
    page was turned 180° and read as garbage (10 rows of 12, no word of it).  Turning a page is
    drastic: a turn the cues find is taken only when tesseract's OSD, where it is sure, agrees.
    Here the cues are made to misfire on an upright page (real tesseract answers)."""
    gray, dpi = _upright()
    s = Settings().ocr
    glyph = glyph_height(binarize(gray), dpi)
    monkeypatch.setattr(orient, "_flush_turn", lambda left, right, settings: 180)
    # The trial read (session 54) reads the page upright best; without it, OSD decides.
    found = orient.find_orientation(gray, glyph, s)
    assert (found.turned, found.how) == (0, "trial")
    monkeypatch.setattr(orient, "trial_turn", lambda *a: None)
    found = orient.find_orientation(gray, glyph, s)
    assert (found.turned, found.how) == (0, "osd")
    turned = make_scans.turned(gray, 180)  # and a page truly upside down stays found by the cues
    monkeypatch.undo()
    assert orient.find_orientation(turned, glyph, s).turned == 180


def test_flush_votes_count_only_rulings_as_long_as_the_tables():
    """Short vertical strokes (lined-up text seen small) are not column rulings for the votes."""
    s = Settings().ocr
    table = [(100, 50, 102, 850), (300, 50, 302, 850), (500, 60, 502, 840)]
    strokes = [(210, 300, 212, 420), (400, 600, 402, 700)]
    assert orient._long(table + strokes, 1, s) == table
    assert orient._long([], 1, s) == []


def test_a_turned_page_of_an_image_only_pdf_is_noted(tmp_path):
    """An image-only PDF (read through the PDF reader's OCR of pages without a text layer) with
    its page upside down: read upright, and the note says so, as it does for an image file."""
    from PIL import Image

    gray, dpi = _upright()
    path = tmp_path / "turned.pdf"
    Image.fromarray(make_scans.turned(gray, 180)).save(path, resolution=dpi)
    res = extract_document(path)
    assert any("turned 180° clockwise" in n for n in res.notes), res.notes
    assert len(res.records) >= 3 and sum(r.change_date is not None for r in res.records) >= 3


def test_a_word_is_cut_only_at_a_ruling_beside_it():
    """A word read across a column ruling is cut there; a ruling above it (a 回覧 stamp box's wall
    over the table, set XXXIII n10) is none of its cells' walls: 移行 stays whole and in place."""
    from piatable.extract.ocr.engine import TsvWord

    scan = PageScan(1, 72.0, 600, 400, 0.0, 10.0)
    scan.vertical = [(300, 10, 300, 60), (200, 100, 200, 390)]  # the box's wall; the table's
    scan.words = [
        TsvWord("移行", 280, 200, 40, 10, 90.0, (1, 1, 1), 1),  # under the box's wall only
        TsvWord("前後", 190, 250, 20, 10, 90.0, (1, 1, 2), 1),  # across the table's wall
    ]
    texts = sorted((w.text, w.x0) for w in pages.scan_to_page_words(scan).words)
    assert texts == [("前", 190.0), ("後", 200.0), ("移行", 280.0)]
