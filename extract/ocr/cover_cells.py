"""A cover page not scanned for the table, read through its ruled cells when its whole read lost facts.

A scanned document's cover page is no table page, so the table's search (``find_table_pages``)
does not scan it; its facts come from one tesseract read of the whole page as lines of text
(``cover_page.complete_cover``, ``COVER_PSM``).  That read loses a box's lines when the page
carries something it cannot segment round: set XXII's ``t01.crease.pdf``, a crease line across
the cover's box of facts through its 公表日 row, read whole gave ``公表日令和年 4 且 1 5 日`` and
no 評価実施機関名 line at all (``北山市長``, clean above the crease), so the agency and the
公表日 were lost; the same page read as the table's pages are (rulings found, each cell read
apart: ``pages.scan_image``, then ``cover_zone.split_cover``) gave both.  So a candidate page the
table's search did not scan, whose whole read lacks a core fact, is read through its cells too
(one page scan more, only then), and the facts the whole read lacks are taken from that read
with their doubts.
"""

from __future__ import annotations

from pathlib import Path

import regex

from piatable.normalize.cover import DOUBT
from piatable.settings import OcrSettings


def cell_facts(path: Path, page: int, os_: OcrSettings) -> dict[str, str]:
    """The cover facts (with ``DOUBT`` keys) of page ``page`` (1-based) of a PDF or image file,
    rendered and read cell by cell as the table's pages are (``scan_image`` at ``os_.dpi``,
    ``split_cover``); {} when that read finds no cover on it.  (The page as the whole read had
    it, at ``COVER_DPI``, read in its cells lost the 公表日's last glyphs under the crease that
    the table's resolution kept.)"""
    from .cover_zone import split_cover
    from .pages import scan_image, scan_to_page_words
    from .reader import is_pdf
    from .render import iter_images, pdf_images

    if is_pdf(path):
        frames = pdf_images(path, [page], os_.dpi, os_, skip_empty=True, quick_blank=os_)
    else:
        frames = ((p.page, p.gray, p.dpi) for p in iter_images(path, os_.image_dpi) if p.page == page)
    for _page, gray, dpi in frames:
        if gray is None:
            continue
        scan = scan_image(gray, dpi, page, os_)
        facts, _notes, _pages = split_cover([scan_to_page_words(scan, os_)])
        return facts
    return {}


def fill_from_cells(facts: dict[str, str], cells: dict[str, str], wanted: tuple[str, ...]) -> list[str]:
    """The keys among ``wanted`` that ``facts`` (a whole read's) lacks and ``cells`` (the cells'
    read of the same page) gives, copied into ``facts`` in place with the cells' doubt, the whole
    read's doubt about them dropped (a label read with no value).  ``published`` brings its
    ``published_raw``; one read cut short (``_cut_date``) is not taken."""
    taken: list[str] = []
    for key in wanted:
        if facts.get(key) or not cells.get(key) or (key == "published" and _cut_date(cells)):
            continue
        for k in (key, "published_raw") if key == "published" else (key,):
            facts.pop(DOUBT + k, None)
            if cells.get(k):
                facts[k] = cells[k]
            if cells.get(DOUBT + k):
                facts[DOUBT + k] = cells[DOUBT + k]
        taken.append(key)
    return taken


# A Japanese date read without its day's 日 (``令和６年4月1`` for ``令和６年４月１５日``): its last
# glyphs were lost, so the day it gives is not the one printed.
_CUT = regex.compile(r"年.*月(?!.*日)")


def _cut_date(cells: dict[str, str]) -> bool:
    """True when the cells' 公表日 prints 年 and 月 but no 日 after them (read cut short)."""
    return bool(_CUT.search(cells.get("published_raw") or ""))
