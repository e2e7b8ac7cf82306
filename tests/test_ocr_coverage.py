"""Ink of a scanned table that no cell of its grid reads is counted, never lost in silence."""

from __future__ import annotations

import numpy as np

from piatable.extract.ocr.coverage import ink_outside_cells, table_box
from piatable.extract.ocr.strips import _Cell

GLYPH = 20.0


def _page() -> tuple[np.ndarray, list[tuple[int, int, int, int]]]:
    """A 3-column table 600 px tall with a 'character' (a 16 px square of ink) in each column."""
    ink = np.zeros((800, 700), dtype=np.uint8)
    for x in (120, 320, 520):
        ink[300:316, x : x + 16] = 255
    vertical = [(100, 100, 102, 700), (300, 100, 302, 700), (500, 100, 502, 700), (680, 100, 682, 700)]
    return ink, vertical


def test_every_column_in_cells_leaves_nothing_unread():
    ink, vertical = _page()
    cells = [_Cell(a, 100, b, 700) for a, b in ((101, 301), (301, 501), (501, 681))]
    assert ink_outside_cells(ink, cells, vertical, GLYPH, 0.5, 0.3) == 0


def test_a_column_without_cells_is_counted():
    """The third column's cells were lost (a short false ruling cut it): its ink is counted."""
    ink, vertical = _page()
    cells = [_Cell(a, 100, b, 700) for a, b in ((101, 301), (301, 501))]
    assert ink_outside_cells(ink, cells, vertical, GLYPH, 0.5, 0.3) == 1


def test_specks_and_text_outside_the_table_do_not_count():
    ink, vertical = _page()
    ink[20:36, 120:136] = 255  # the title, above the table
    ink[400:402, 600:602] = 255  # a speck in no cell
    cells = [_Cell(a, 100, b, 700) for a, b in ((101, 301), (301, 501))]
    cells.append(_Cell(501, 100, 681, 350))  # only the third column's top cell
    assert ink_outside_cells(ink, cells, vertical, GLYPH, 0.5, 0.3) == 0


def test_a_bordered_title_row_above_the_cells_is_not_the_tables():
    """A title printed in a bordered row across the table (the outer borders run up round it,
    no column ruling does): its ink lies in no cell, but above the grid's first row of cells."""
    ink, vertical = _page()
    ink[40:56, 120:136] = 255  # the title's characters
    vertical = [(100, 20, 102, 700), *vertical[1:3], (680, 20, 682, 700)]
    cells = [_Cell(a, 100, b, 700) for a, b in ((101, 301), (301, 501), (501, 681))]
    assert ink_outside_cells(ink, cells, vertical, GLYPH, 0.5, 0.3) == 0


def test_the_table_box_is_that_of_the_long_borders():
    _, vertical = _page()
    short = (540, 300, 542, 400)  # a stack of brackets, not a border
    assert table_box([*vertical, short], 0.5) == (100, 100, 682, 700)
    assert table_box([], 0.5) is None


def test_a_broken_column_border_in_a_scan_is_noted_and_flagged(tmp_path):
    """A scanned page whose border between 変更前 and 変更後 did not print below the first rows
    (a faint ruling, a fold): the columns' lower cells are missing from the grid, so their text is
    not read.  Real tesseract: the input is partial, the note counts the ink, rows are flagged."""
    import pypdfium2 as pdfium
    from PIL import Image

    from piatable import extract_document

    from .conftest import SAMPLES

    pdf = pdfium.PdfDocument(str(SAMPLES / "office" / "writer-lists" / "input.pdf"))
    gray = np.array(pdf[0].render(scale=200 / 72).to_pil().convert("L"))
    dark = gray < 128
    tall = [x for x in range(gray.shape[1]) if dark[:, x].sum() > 0.4 * gray.shape[0]]
    borders = [x for i, x in enumerate(tall) if i == 0 or x > tall[i - 1] + 1]  # first pixel of each
    assert len(borders) >= 6, "the sample's grid should show its column borders"
    x = borders[3]  # 変更前 | 変更後
    rows = np.flatnonzero(dark[:, x])
    cut = rows[0] + (rows[-1] - rows[0]) // 3
    gray[cut:, x - 2 : x + 5] = 255
    path = tmp_path / "broken.png"
    Image.fromarray(gray).save(path, dpi=(200, 200))
    res = extract_document(path)
    assert res.status == "partial"
    assert any("lie in no cell of its ruled grid and were not read" in n for n in res.notes)
    assert res.records and all("unplaced_text" in r.flags for r in res.records)


def _grid_scan(horizontal: list[tuple[int, int, int, int]]):  # type: ignore[no-untyped-def]
    """A page of three columns (x 100–300–500–700) whose side rulings run from y 100 to 700."""
    from piatable.extract.ocr.page_scan import PageScan

    vertical = [(x - 1, 100, x + 1, 700) for x in (100, 300, 500, 700)]
    return PageScan(1, 200.0, 800, 800, 0.0, 20.0, horizontal, vertical)


def test_a_cell_open_at_the_pages_foot_is_read():
    """Issue 11: a merged 提出時期 / explanation / date cell cut by a page break is drawn open at
    the page's foot (no ruling under it); its side rulings end there and it is read as a cell."""
    from piatable.extract.ocr.strips import table_cells
    from piatable.settings import OcrSettings

    # The header ruling and one under the first row run across; the last row's ruling stops
    # short of the third column, whose cell goes on to the next page.
    rows = [(100, 99, 700, 101), (100, 199, 700, 201), (100, 399, 500, 401), (100, 699, 500, 701)]
    cells = {(c.x0, c.top, c.x1, c.bottom) for c in table_cells(_grid_scan(rows), OcrSettings())}
    third = sorted((t, b) for x0, t, x1, b in cells if x0 == 500)
    assert third == [(100, 200), (200, 700)]
    # The closed columns keep their cells between the rulings, no cell added.
    first = sorted((t, b) for x0, t, x1, b in cells if x0 == 100)
    assert first == [(100, 200), (200, 400), (400, 700)]


def test_a_ruling_at_the_columns_end_adds_no_sliver_cell():
    from piatable.extract.ocr.strips import table_cells
    from piatable.settings import OcrSettings

    rows = [(100, 99, 700, 101), (100, 399, 700, 401), (100, 697, 700, 699)]
    cells = table_cells(_grid_scan(rows), OcrSettings())
    assert sorted((c.top, c.bottom) for c in cells if c.x0 == 500) == [(100, 400), (400, 698)]
