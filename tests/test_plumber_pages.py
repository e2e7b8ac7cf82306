"""Page breaks of pdfplumber text joined with line ends (``extract.plumber_pages``, issue 14 item 5):
found by their furniture, taken out before the pdfplumber reader, found again in the layout text it
writes, and given to the rows as pages; cells as without them."""

from __future__ import annotations

from piatable.extract.plumber_pages import line_pages, page_starts, take_out_breaks
from piatable.extract.text import read_text_pages
from piatable.pipeline import extract_document

from .conftest import SAMPLES

CASE = SAMPLES / "office-newline56" / "nl56-titlefoot-kokuho-v2-pdfplumber+nl" / "input.txt"


def test_breaks_taken_out_are_found_again_by_printed_line():
    text = "a\n\nb\n\f\nc\nd\n\f\ne"
    plain, breaks = take_out_breaks(text)
    assert plain == "a\n\nb\nc\nd\ne"
    assert breaks == [2, 4]
    # A rewriting that adds blank lines keeps the printed lines' order: the pages open at c and e.
    layout = "a\n\n\nb\n\nc\n\nd\n\ne"
    starts = page_starts(layout, breaks)
    assert starts == [5, 9]
    assert line_pages(10, starts) == [1, 1, 1, 1, 1, 2, 2, 2, 2, 3]
    # Fewer printed lines than a break needs: no pages rather than wrong ones.
    assert page_starts("a\nb", breaks) is None


def test_pdfplumber_rows_get_their_pages_and_keep_their_cells():
    reading = read_text_pages(CASE)
    assert len(reading.pages) == 1  # read as one page, as before
    assert reading.line_pages is not None and reading.page_count == reading.line_pages[-1] > 1
    records = extract_document(CASE).records
    assert len({r.page_start for r in records}) == reading.page_count
    assert [r.page_start for r in records] == sorted(r.page_start for r in records)


def test_a_pdfplumber_text_paged_by_its_repeated_label_rows_alone(tmp_path):
    """The same text with its furniture lines (the city's header, the footer with its page
    number) left out, as a sheet printing none gives it: the label row repeated on each page
    still pages the rows (set XVIII's PyMuPDF words texts: every row said page 1)."""
    kept = [
        ln
        for ln in CASE.read_text("utf-8").split("\n")
        if ln.strip() != "北川町" and not ln.startswith("住民基本台帳に関する事務 全項目評価書")
    ]
    bare = tmp_path / "input.txt"
    bare.write_text("\n".join(kept), "utf-8")
    with_furniture = extract_document(CASE)
    without = extract_document(bare)
    assert [r.page_start for r in without.records] == [r.page_start for r in with_furniture.records]
    assert [r.page_end for r in without.records] == [r.page_end for r in with_furniture.records]
    assert max(r.page_end for r in without.records) == 4
    assert any("repeated column-label rows" in n for n in without.notes)
