"""Table pages fed out of order put back (normalize/page_order.py, branch scans68), on
samples/office-pageorder68 (tools/make_scans68_samples.py: LibreOffice Calc and Writer filings of
three pages whose PDF pages pypdf put in another order; the scans of the same kind,
office-scans68, are measured by tools/eval_office.py: OCR takes a minute a case).

* without page numbers (a Writer filing fed last page first): the title over the first page's
  labels, the row a page opens with that has no date, and the dates stepping back between pages
  give the order;
* with ``1/3`` page numbers (a Calc filing whose last page came first): the numbers give it;
* pages in order, or one page, are left alone without a note.
"""

from __future__ import annotations

import json
from pathlib import Path

from piatable.extract.pdf import read_pdf
from piatable.normalize.page_order import REORDER_NOTE, restore_page_order
from piatable.pipeline import read_document

from .conftest import SAMPLES

SET = SAMPLES / "office-pageorder68"
NOTE_HEAD = REORDER_NOTE.split("{")[0]


def _truth(case: str) -> list[dict]:
    return json.loads((SET / case / "expected" / "records.json").read_text("utf-8"))


def _fed(case: str) -> list[int]:
    return json.loads((SET / "cases.json").read_text("utf-8"))[case]["fed"]


def test_reversed_writer_pages_read_in_order():
    """Three pages fed 3, 2, 1: the rows come out in the filing's order, the note names it."""
    case = "sc68-layer-reverse-writer"
    assert _fed(case) == [3, 2, 1]
    result = read_document(SET / case / "input.pdf")
    got = [(r.change_date, r.item) for r in result.records]
    want = [(r["change_date"], r["item"]) for r in _truth(case)]
    assert got == want
    note = next(n for n in result.notes if n.startswith(NOTE_HEAD))
    assert "order 3, 2, 1" in note


def test_page_numbers_give_the_order():
    """A Calc filing printing ``1/3`` … whose last page came first: read by its numbers."""
    case = "sc68-layer-rotate-calc"
    reading = read_pdf(SET / case / "input.pdf")
    notes: list[str] = []
    pages = restore_page_order(reading, notes)
    assert [p.page for p in pages] == sorted(p.page for p in reading.pages)
    assert len(notes) == 1 and "by the page numbers printed on them" in notes[0]
    assert "order 2, 3, 1" in notes[0]


def test_pages_in_order_are_left_alone(tmp_path: Path):
    """The same filing with its pages put back (pypdfium2's page import): nothing moved, no note."""
    import pypdfium2

    case = "sc68-layer-reverse-writer"
    src = pypdfium2.PdfDocument(str(SET / case / "input.pdf"))
    doc = pypdfium2.PdfDocument.new()
    doc.import_pages(src, list(reversed(range(len(src)))))
    target = tmp_path / "in_order.pdf"
    doc.save(target)
    reading = read_pdf(target)
    before = [id(p) for p in reading.pages]
    notes: list[str] = []
    assert [id(p) for p in restore_page_order(reading, notes)] == before
    assert notes == []


def test_a_scanned_page_whose_grid_broke_up_is_not_nothing_lost():
    """A crumpled page (set XXIX t01): its wavy rulings break into pieces too short for a grid,
    the reader counts the ink inside the table that no cell held (``PageWords.unread``); with no
    columns found its words count as lost and the note names the page, never "nothing lost"."""
    from piatable.models import PageWords, Word
    from piatable.normalize.grid.common import GridResult
    from piatable.normalize.grid.lines import ems
    from piatable.normalize.grid.unread_pages import note_unread_page, ruled_as_table
    from piatable.settings import Settings

    words = [
        Word("２０２３/２/６", 1, 60, 120, 100, 112, "ocr", 60.0),
        Word("特定個人情報ファイル", 1, 130, 260, 100, 112, "ocr", 55.0),
    ]
    broken = [(x, 60.0 + k * 40, x, 80.0 + k * 40) for k in range(8) for x in (40.0, 125.0, 300.0)]
    page = PageWords(1, 842.0, 595.0, "pt", "ocr", words, broken)
    assert not ruled_as_table(page)
    hx, hy = ems([page])
    for unread, lost in ((0, False), (120, True)):
        page.unread = unread
        result = GridResult()
        note_unread_page(page, hx, hy, Settings().grid, result)
        assert ("nothing lost" in result.notes[0]) is not lost
        assert result.unplaced == (2 if lost else 0)


def test_table_pages_before_the_title_page_are_read():
    """A Writer filing whose label row is printed on its first page only, fed last page first
    (heldout-pageorder68/hsc68-layer-reverse-writer, the one such case of the samples): the two
    pages of rows before the title page are read as table pages (``with_body_pages_before``), the
    page order puts them after it, and every row comes out right (7 of 17 before, the rest noted
    lost: session 68's fresh-clone CI)."""
    from piatable.extract.pdf_scan import UNREAD_BODY_PAGES_NOTE

    folder = SAMPLES / "heldout-pageorder68" / "hsc68-layer-reverse-writer"
    result = read_document(folder / "input.pdf")
    truth = json.loads((folder / "expected" / "records.json").read_text("utf-8"))
    fields = ("change_date", "item", "before", "after", "timing", "explanation")
    got = [tuple("".join(getattr(r, f).split()) for f in fields) for r in result.records]
    assert got == [tuple("".join(t[f].split()) for f in fields) for t in truth]
    assert result.status == "success"
    assert any(n.startswith(UNREAD_BODY_PAGES_NOTE.split("{")[0]) and "1, 2" in n for n in result.notes)
    assert any("order 3, 2, 1" in n for n in result.notes)


def test_dates_wrapped_in_a_narrow_column_give_the_order():
    """samples/office-pageorder69: a Calc table newest first and a Writer table, each 変更日 cell
    wrapped over two lines by a narrow column (``令和4年1`` / ``月4日``, the item's first lines
    glued after them), no page numbers, pages fed out of order: the wrapped dates are read as
    dates (``page_order._wrapped_date``), so the dates' direction and steps and the title give
    the order; every row right."""
    folder = SAMPLES / "office-pageorder69"
    fields = ("change_date", "item", "before", "after", "timing", "explanation")
    for case in ("sc69-layer-reverse-calc", "sc69-layer-rotate-writer"):
        result = read_document(folder / case / "input.pdf")
        truth = json.loads((folder / case / "expected" / "records.json").read_text("utf-8"))
        got = [tuple("".join(getattr(r, f).split()) for f in fields) for r in result.records]
        assert got == [tuple("".join(t[f].split()) for f in fields) for t in truth], case
        assert any(n.startswith(NOTE_HEAD) and "order 2, 1" in n for n in result.notes), case


def test_first_cell_keeps_a_narrow_first_word_the_ruling_passes_through() -> None:
    """A line's first cell is never empty: an OCR box under 2 pt wide whose middle lies past a
    ruling just right of it (set XXXV k03's jittered scan) stays, where the cut left an empty
    line that crashed ``column_dates`` (IndexError)."""
    from piatable.models import Word
    from piatable.normalize.page_order import column_dates, first_cells

    narrow = Word("令", 1, 10.0, 11.0, 100.0, 110.0, "ocr", 80.0)
    rest = Word("和6年4月1日", 1, 30.0, 90.0, 100.0, 110.0, "ocr", 80.0)
    cells = first_cells([[narrow, rest]], [(10.4, 50.0, 10.4, 200.0)])
    assert cells == [[narrow]]
    assert column_dates(cells) == []
