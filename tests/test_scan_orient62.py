"""One page of a long scan turned (issue 11 item 5, branch orient62): each page keeps its own
orientation, and no page ruled like the table is left out in silence.

samples/office-orient62 (tools/make_orient62_samples.py): LibreOffice Calc tables with a cover on
a page of its own, scanned grey, one table page turned.  Before, the low-resolution search for the
table's pages (``find_table_pages``) measured the turned page's columns as it lay: mirrored, they
broke the table's run, only the pages after it were read (mid180-t4: 1 row of 5) and the pages
before it were never named.
"""

from __future__ import annotations

import json

from piatable.extract.ocr.pages import find_table_pages
from piatable.extract.ocr.reader import unread_note
from piatable.extract.ocr.render import iter_images
from piatable.models import PageWords, Word
from piatable.normalize.grid.common import GridResult
from piatable.normalize.grid.lines import ems
from piatable.normalize.grid.unread_pages import note_unread_page, ruled_as_table
from piatable.pipeline import extract_document
from piatable.settings import Settings

from .conftest import SAMPLES

CASE = SAMPLES / "office-orient62" / "mid180-calc-gothic-150-t4"


def _frames(path):
    s = Settings().ocr
    return [(p.page, p.gray, p.dpi) for p in iter_images(path, s.image_dpi)]


def test_a_page_fed_upside_down_stays_in_the_tables_run():
    """Cover on page 1, the table on pages 2-4 with page 3 turned 180°: all three are found."""
    after: list[int] = []
    unread: list[int] = []
    table = find_table_pages(_frames(CASE / "input.tif"), Settings().ocr, after=after, unread=unread)
    assert table == [2, 3, 4]
    assert after == [] and unread == []


def test_pages_ruled_like_the_table_left_out_are_named():
    """Without orientation the turned page breaks the run, as before: the page ruled in the
    table's columns that was left out (page 3 turned half round) is returned for the note, never
    dropped in silence.  Page 2, upright and printing the column labels, is a headed run of its
    own and read (branch scanloss66: an earlier run labelling the columns is the table's too;
    before, it was left out with page 3)."""
    s = Settings().ocr
    s.orient = False
    unread: list[int] = []
    table = find_table_pages(_frames(CASE / "input.tif"), s, unread=unread)
    assert table == [2, 4]
    assert unread == [3]
    note = unread_note(unread)
    assert ": 3;" in note and "missing" in note


def test_a_scan_with_one_page_turned_reads_every_row():
    expected = json.loads((CASE / "expected" / "records.json").read_text("utf-8"))
    res = extract_document(CASE / "input.tif")
    assert len(res.records) == len(expected)
    assert any(n.startswith("page 3: turned 180°") for n in res.notes)
    assert not any("ruled in the table's columns not read" in n for n in res.notes)


def _ocr_page(rulings):
    words = [
        Word("園性還盗光", 1, 100, 160, 200, 212, "ocr", 30.0),
        Word("酵邊國補", 1, 300, 350, 240, 252, "ocr", 20.0),
    ]
    return PageWords(1, 842.0, 595.0, "pt", "ocr", words, rulings)


GRID = [(x, 60.0, x, 540.0) for x in (40.0, 140.0, 260.0, 420.0, 580.0, 800.0)] + [
    (40.0, y, 800.0, y) for y in (60.0, 90.0, 300.0, 540.0)
]


def test_a_scanned_page_ruled_as_a_table_that_gives_no_columns_is_not_nothing_lost():
    """A table page read turned or too poorly (garbage words, no columns found) before any row
    was read: its words count as lost (the document is partial) and the note names the page."""
    page = _ocr_page(GRID)
    hx, hy = ems([page])
    result = GridResult()
    note_unread_page(page, hx, hy, Settings().grid, result)
    assert result.unplaced == 2
    (note,) = result.notes
    assert note.startswith("page 1: ruled as a table but no table columns read")


def test_a_scanned_page_with_a_box_of_two_columns_is_only_named():
    """A cover's box of facts (label | value: three verticals) is no table's grid."""
    box = [(x, 100.0, x, 400.0) for x in (100.0, 300.0, 700.0)] + [
        (100.0, y, 700.0, y) for y in (100.0, 250.0, 400.0)
    ]
    page = _ocr_page(box)
    assert not ruled_as_table(page)
    hx, hy = ems([page])
    result = GridResult()
    note_unread_page(page, hx, hy, Settings().grid, result)
    assert result.unplaced == 0 and "nothing lost" in result.notes[0]
