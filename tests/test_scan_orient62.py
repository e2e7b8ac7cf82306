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
    """Without orientation the turned page breaks the run, as before: the pages ruled in the
    table's columns that were left out (page 2 as it lies, page 3 turned half round) are
    returned for the note, never dropped in silence."""
    s = Settings().ocr
    s.orient = False
    unread: list[int] = []
    table = find_table_pages(_frames(CASE / "input.tif"), s, unread=unread)
    assert table == [4]
    assert unread == [2, 3]
    note = unread_note(unread)
    assert ": 2, 3;" in note and "missing" in note


def test_a_scan_with_one_page_turned_reads_every_row():
    expected = json.loads((CASE / "expected" / "records.json").read_text("utf-8"))
    res = extract_document(CASE / "input.tif")
    assert len(res.records) == len(expected)
    assert any(n.startswith("page 3: turned 180°") for n in res.notes)
    assert not any("ruled in the table's columns not read" in n for n in res.notes)
