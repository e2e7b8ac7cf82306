"""Two amendment tables on one page of a text-layer PDF (issues 11 / 12, a new user's documents).

A filing may print its （別添２）変更箇所 table and, below it on the same page, a （別添３）変更箇所
title line and a second table with its own label row, ruled in its own column widths (Writer: two
tables; Calc: two blocks of one sheet).  Read as one page, the second table's cells were cut at
the first table's column boundaries (rows lost, garbage rows made) or, in the same widths, its
title became a row.  A table is a set of rulings and a label row: a second label row below a
title line starts a new table, so the page is read as two pages of the same number, cut just
above that title line; each part finds its own columns from its own label row and rulings, and
the title line stands above the second part's label row as a table's title does (no row).

A scanned page (``source == "ocr"``, branch scanloss66) is cut the same way, and its second
table need not follow a title: a heading such as 【令和６年度以前の変更】 or a paragraph between the
tables stands above the second label row, and read as one page the first rows of the second table
were lost without a word.  There the cut lies above the lowest line standing within
``TITLE_ABOVE_LABELS_EM`` lines above that label row (whatever it says), or right above the label
row when no line does.

Shapes: ``PageWords`` in, ``PageWords`` out (page units: PDF points, top-down).  Only text-layer PDF
pages (``source == "pdf"``) and OCR pages are cut; text and layout pages are not.
"""

from __future__ import annotations

import dataclasses

from piatable.models import PageWords
from piatable.settings import GridSettings
from piatable.vocabulary import is_title

from ..captions import is_part_caption
from .labels import find_header
from .lines import Line, ems, words_to_lines
from .ruled import page_words
from .side_halves import split_side_halves
from .wrap_edges import column_limits

# The title line of the second table stands within this many line heights (median glyph
# heights) above its label row: Writer prints the title paragraph right above the table, Calc
# the title row right above the label row (a caption line may come between: 2 lines more).
TITLE_ABOVE_LABELS_EM = 4.0
# A label row counts as a table's own (not a piece of a cell's text) with this many labels.
MIN_TABLE_LABELS = 4
# Page sources whose pages are cut (text and layout pages keep their own readers' ways).
CUT_SOURCES = ("pdf", "ocr")


def split_page_tables(
    pages: list[PageWords], settings: GridSettings, notes: list[str] | None = None
) -> list[PageWords]:
    """``pages`` with each PDF page that prints two or more tables (a label row below a title
    line, under the page's first label row) cut into one page per table, same page number.
    Pages of one table are returned as they are (the same objects).  A page printing its table
    in side-by-side blocks is first cut into its blocks (``side_halves``; its note goes to
    ``notes``)."""
    pages, halves = split_side_halves(pages, settings)
    if notes is not None:
        notes.extend(halves)
    if not pages or pages[0].unit != "pt":
        return pages
    hx, hy = ems(pages)
    out: list[PageWords] = []
    for page in pages:
        cuts = table_cuts(page, hx, hy, settings) if page.source in CUT_SOURCES else []
        out.extend(cut_page(page, cuts) if cuts else [page])
    return out


def table_cuts(page: PageWords, hx: float, hy: float, settings: GridSettings) -> list[float]:
    """The y (page units) above each title line that opens a second, third … table of the page:
    the top of a title line (``vocabulary.is_title``) standing within ``TITLE_ABOVE_LABELS_EM``
    lines above a label row of at least ``MIN_TABLE_LABELS`` labels, below the page's first
    label row.  Empty for a page of one table."""
    words, ink, plain = page_words(page.words)
    if not ink:
        return []
    lines = words_to_lines(words, hx, hy, settings, plain)
    ocr = page.source == "ocr"
    if not ocr and not any(_titles(ln.text.strip()) for ln in lines):
        return []
    header = find_header(lines, hx, hy, settings)
    if header is None:
        return []
    cuts: list[float] = []
    below = header.bottom
    while True:
        rest = [ln for ln in lines if ln.top > below + hy / 2]
        nxt = find_header(rest, hx, hy, settings) if rest else None
        if nxt is None:
            return cuts
        title = _title_above(rest, nxt.top, hy, any_text=ocr)
        if len(nxt.labels) >= MIN_TABLE_LABELS and title is not None:
            cuts.append(title.top - hy / 4)
        elif len(nxt.labels) >= MIN_TABLE_LABELS and ocr:
            cuts.append(nxt.top - hy / 4)
        below = nxt.bottom


def _titles(text: str) -> bool:
    """A line that heads a table above its label row: its title, or the number of a table's part
    (（その２）, 【表２】: ``captions.is_part_caption``; two tables stacked on one page)."""
    return is_title(text) or is_part_caption(text)


def _title_above(lines: list[Line], top: float, hy: float, any_text: bool = False) -> Line | None:
    """The lowest title line ending above ``top`` and within ``TITLE_ABOVE_LABELS_EM`` lines of
    it (``any_text``: the lowest line there, whatever it says)."""
    near = [
        ln
        for ln in lines
        if ln.bottom <= top + hy / 4
        and top - ln.bottom <= TITLE_ABOVE_LABELS_EM * hy
        and (any_text or _titles(ln.text.strip()))
    ]
    return max(near, key=lambda ln: ln.top) if near else None


def cut_page(page: PageWords, cuts: list[float]) -> list[PageWords]:
    """``page`` cut at the y values ``cuts`` (ascending) into bands, each a ``PageWords`` of the
    same page number holding the words and hidden characters whose middle lies in the band and
    the ruling segments clipped to it; the page's notes and unread count go with the first."""
    edges = [float("-inf"), *cuts, float("inf")]
    parts = []
    for k in range(len(edges) - 1):
        lo, hi = edges[k], edges[k + 1]

        def inside(top: float, bottom: float, lo: float = lo, hi: float = hi) -> bool:
            return lo <= (top + bottom) / 2 < hi

        rulings = [
            (x0, max(min(t, b), lo), x1, min(max(t, b), hi))
            for x0, t, x1, b in page.rulings
            if max(t, b) > lo and min(t, b) < hi
        ]
        parts.append(
            dataclasses.replace(
                page,
                words=[w for w in page.words if inside(w.top, w.bottom)],
                rulings=rulings,
                unseen=[u for u in page.unseen if inside(u.word.top, u.word.bottom)],
                notes=list(page.notes) if k == 0 else [],
                unread=page.unread if k == 0 else 0,
            )
        )
    return parts


def limits_by_table(
    rows: list[tuple[int, dict[int, list[Line]]]], hx: float, companion_em: float
) -> dict[int, dict[int, float]]:
    """Per table (the number ``pages_to_rows`` counts: a part cut from the page before starts a
    new one), the wrap edge of each column (``wrap_edges.column_limits`` of that table's rows
    ``(table, cells)`` only): two tables of other widths wrap at other edges."""
    return {
        t: column_limits([cells for k, cells in rows if k == t], hx, companion_em)
        for t in {k for k, _ in rows}
    }
