"""The ruled grid's cells read with tesseract: cells found between the rulings, cut round their
ink (tight lines apart), pasted one under another on strips of the paper's tone and read one
call per strip (``--psm 6``); words moved back to their cells on the page.
"""

from __future__ import annotations

import bisect
import itertools
from concurrent.futures import Executor
from dataclasses import dataclass

import numpy as np

from piatable.settings import OcrSettings

from .engine import TsvWord, tesseract_chars
from .line_rereads import ink_runs, reread_lost_lines
from .page_scan import PageScan
from .rulings import cuts


@dataclass(slots=True)
class _Cell:
    x0: int
    top: int
    x1: int
    bottom: int


def table_cells(scan: PageScan, settings: OcrSettings) -> list[_Cell]:
    """Cells of the ruled grids of a page: between neighbouring vertical rulings, cut by the
    horizontal rulings that cross most of that column (a missing one means a merged cell).

    A page may print two grids one above the other (a cover's labelled cells above the table):
    each grid's columns are its own, so a cover's column line never cuts the table's cells."""
    cells: list[_Cell] = []
    for vertical in ruled_grids(scan.vertical, scan.glyph * settings.merge_em):
        cells += _grid_cells(scan, vertical, settings)
    return cells


def ruled_grids(
    vertical: list[tuple[int, int, int, int]], reach: float
) -> list[list[tuple[int, int, int, int]]]:
    """The vertical rulings of a page in groups, one per grid printed apart from the others:
    rulings whose spans down the page overlap (within ``reach``), directly or through others,
    are one grid; grids top first."""
    order = sorted(vertical, key=lambda v: v[1])
    groups: list[list[tuple[int, int, int, int]]] = []
    bottom = -1.0
    for v in order:
        if groups and v[1] <= bottom + reach:
            groups[-1].append(v)
            bottom = max(bottom, v[3])
        else:
            groups.append([v])
            bottom = v[3]
    return groups


def _grid_cells(
    scan: PageScan, vertical: list[tuple[int, int, int, int]], settings: OcrSettings
) -> list[_Cell]:
    g = scan.glyph
    xs = cuts(vertical, 0, settings.merge_em * g)
    if len(xs) < 2:
        return []
    cells: list[_Cell] = []
    for a, b in itertools.pairwise(xs):
        if b - a < settings.min_cell_em * g:
            continue
        # Vertical rulings on both sides: the column's extent.
        left = [v for v in vertical if abs((v[0] + v[2]) / 2 - a) <= settings.merge_em * g]
        right = [v for v in vertical if abs((v[0] + v[2]) / 2 - b) <= settings.merge_em * g]
        span_top = max(min(v[1] for v in left), min(v[1] for v in right))
        span_bottom = min(max(v[3] for v in left), max(v[3] for v in right))
        across = [
            h
            for h in scan.horizontal
            if min(h[2], b) - max(h[0], a) >= settings.cross_share * (b - a)
            and span_top - g <= (h[1] + h[3]) / 2 <= span_bottom + g
        ]
        ys = cuts(across, 1, settings.merge_em * g)
        if ys:
            ys = _with_open_ends(ys, span_top, span_bottom, settings.min_cell_em * g / 2)
        for t, u in itertools.pairwise(ys):
            if u - t < settings.min_cell_em * g / 2:
                continue
            cells.append(_Cell(int(a), int(t), int(b), int(u)))
    return cells


def _with_open_ends(ys: list[float], top: float, bottom: float, min_gap: float) -> list[float]:
    """A column's row cuts ``ys`` with the ends of its vertical rulings (``top``, ``bottom``)
    added where no horizontal ruling closes it there: a cell merged over a page break is drawn
    open at the page's foot (or head), its side rulings running on to the page's last (first)
    row.  Its text is read like any cell's (a 提出時期, an explanation or a date printed once
    for the rows under it): without the edge, nothing below the column's last ruling was read.
    Ends less than ``min_gap`` from a ruling are that ruling's."""
    out = list(ys)
    if bottom - out[-1] >= min_gap:
        out.append(bottom)
    if out[0] - top >= min_gap:
        out.insert(0, top)
    return out


def _line_groups(inked: np.ndarray, min_height: float, tight_gap: float) -> list[tuple[int, int]]:
    """(first, last + 1) rows of each group of a cell's text lines to be read apart: lines are
    runs of inked rows (a run lower than ``min_height``, a speck or a stroke apart, joins its
    neighbour), and lines less than ``tight_gap`` apart are cut from each other."""
    groups: list[list[int]] = []
    for a, b in ink_runs(inked, min_height):
        if groups and a - groups[-1][1] >= tight_gap:
            groups[-1][1] = b
        else:
            groups.append([a, b])
    return [(a, b) for a, b in groups]


def _cut_cells(clean: np.ndarray, ink: np.ndarray, cells: list[_Cell], glyph: float, settings: OcrSettings):  # type: ignore[no-untyped-def]
    """(cell's index, inked box on the page, image) of each piece of each cell with ink, cut
    round the ink.  Lines printed tight together are cut apart, to be stacked with white between
    them: tesseract ran a line and a short one under it (平成30年4月1 / 日) together and read
    neither.  Lines with ordinary spacing stay together: a character alone on a line (正) reads
    better among its neighbours."""
    pad = max(int(settings.cell_inset_em * glyph), 1)
    m = max(int(settings.crop_margin_em * glyph), 2)
    out: list[tuple[int, _Cell, np.ndarray]] = []
    for index, c in enumerate(cells):
        x0, x1, t, b = c.x0 + pad, c.x1 - pad, c.top + pad, c.bottom - pad
        if x1 - x0 < 4 or b - t < 4:
            continue
        sub_ink = ink[t:b, x0:x1]
        cols = np.nonzero(sub_ink.sum(axis=0) > 0)[0]
        bands = _line_groups(
            sub_ink.any(axis=1), settings.min_line_em * glyph, settings.tight_line_gap_em * glyph
        )
        if not bands:
            continue
        c0, c1 = max(cols[0] - m, 0), min(cols[-1] + m + 1, x1 - x0)
        for k, (a, e) in enumerate(bands):
            # Up to the middle of the white between lines; the cell's outer lines keep a margin.
            r0 = (a + bands[k - 1][1]) // 2 if k else max(a - m, 0)
            r1 = (e + bands[k + 1][0]) // 2 if k + 1 < len(bands) else min(e + m, b - t)
            crop = clean[t + r0 : t + r1, x0 + c0 : x0 + c1]
            out.append((index, _Cell(int(x0 + c0), int(t + r0), int(x0 + c1), int(t + r1)), crop))
    return out


def _balanced_runs(sizes: list[int], parts: int) -> list[range]:
    """``sizes`` cut into at most ``parts`` consecutive runs of about equal total."""
    total = sum(sizes)
    runs: list[range] = []
    start, acc = 0, 0
    for i, s in enumerate(sizes):
        acc += s
        if len(runs) < parts - 1 and acc >= total * (len(runs) + 1) / parts and i + 1 < len(sizes):
            runs.append(range(start, i + 1))
            start = i + 1
    runs.append(range(start, len(sizes)))
    return [r for r in runs if len(r)]


def _read_strip(
    pieces: list[tuple[int, _Cell, np.ndarray]],
    paper: int,
    margin: int,
    gap: int,
    settings: OcrSettings,
    whitelist: str = "",
) -> list[TsvWord]:
    """Cells pasted one under another with a gap on one strip, read in one tesseract call;
    words moved back to their cells on the page (block number: the cell's index)."""
    width = max(p[2].shape[1] for p in pieces) + 2 * margin
    starts: list[int] = []
    y = margin
    for _, _, crop in pieces:
        starts.append(y)
        y += crop.shape[0] + gap
    # The strip is filled with the paper's own tone: a grey crop on white would give tesseract
    # the crop's edges as lines to read.
    canvas = np.full((y + margin, width), paper, dtype=np.uint8)
    for y0, (_, _, crop) in zip(starts, pieces, strict=True):
        canvas[y0 : y0 + crop.shape[0], margin : margin + crop.shape[1]] = crop
    out: list[TsvWord] = []
    for w in tesseract_chars(canvas, settings.psm, settings.lang, settings.engine, whitelist):
        k = bisect.bisect_right(starts, w.top + w.height / 2) - 1
        if k < 0:
            continue
        index, cell, _ = pieces[k]
        dx, dy = cell.x0 - margin, cell.top - starts[k]
        out.append(
            TsvWord(
                w.text, w.left + dx, w.top + dy, w.width, w.height, w.conf, (index + 1, *w.line[1:]), w.word
            )
        )
    return out


def ocr_cells(  # type: ignore[no-untyped-def]
    clean: np.ndarray,
    ink: np.ndarray,
    cells: list[_Cell],
    glyph: float,
    paper: int,
    settings: OcrSettings,
    pool: Executor | None = None,
    parts: int = 1,
    second_reads: list | None = None,  # type: ignore[type-arg]
):
    """Cells with ink, cut out (inside their borders) and read on strips of the page's
    ``paper`` tone: one tesseract call per strip, ``parts`` strips of about equal area read in
    ``pool`` (so that a page's cells keep every core busy while the next page is prepared).
    The unsure lines are read a second time (``second_reads``: where the reads disagree)."""
    pieces = _cut_cells(clean, ink, cells, glyph, settings)
    if not pieces:
        return []
    gap = max(int(settings.mosaic_gap_em * glyph), 4)

    def read(some: list[tuple[int, _Cell, np.ndarray]]) -> list[TsvWord]:
        runs = _balanced_runs([crop.size for _, _, crop in some], parts if pool is not None else 1)
        if len(runs) == 1:
            return _read_strip(some, paper, gap, gap, settings)
        futures = [pool.submit(_read_strip, [some[i] for i in r], paper, gap, gap, settings) for r in runs]  # type: ignore[union-attr]
        return [w for f in futures for w in f.result()]

    words = read(pieces)
    words = reread_lost_lines(words, pieces, ink, glyph, settings, read)
    if settings.reread_cells:
        words = reread_broken_cells(words, pieces, cells, paper, gap, settings)
    if settings.second_read:
        from .second_reads import second_read_unsure

        found = second_reads if second_reads is not None else []
        words = second_read_unsure(words, pieces, cells, ink, glyph, paper, settings, found)
    from .circled_digits import reread_circled
    from .dash_cells import dash_words
    from .triangles import restore_triangles

    words, _ = restore_triangles(words, ink, glyph)
    words = reread_circled(words, clean, glyph, settings)
    return words + dash_words(ink, cells, words, glyph, max(int(settings.cell_inset_em * glyph), 1))


# The columns of the amendment table (変更日, 項目, 変更前, 変更後, 提出時期, 説明) by their place
# in a six-column grid, and the alphabet of the two whose grammar is closed.
FORM_COLUMNS = 6
DATE_COLUMN, TIMING_COLUMN = 0, 4
DATE_ALPHABET = "0123456789０１２３４５６７８９年月日令和平成元/.-"
TIMING_ALPHABET = "事前後"


def _column_ok(column: int, text: str) -> bool:
    from piatable.normalize.dates import DATE_LINE, parse_date

    if column == DATE_COLUMN:
        return bool(DATE_LINE.match(text)) and parse_date(text) is not None
    return text in ("事前", "事後")


def _is_label(text: str) -> bool:
    return any(k in text for k in ("変更日", "提出", "時期", "年月日"))


def reread_broken_cells(
    words: list[TsvWord],
    pieces: list[tuple[int, _Cell, np.ndarray]],
    cells: list[_Cell],
    paper: int,
    gap: int,
    settings: OcrSettings,
) -> list[TsvWord]:
    """A second read of the date and timing cells of a six-column grid whose text breaks the
    column's grammar (not a date; not 事前/事後), with tesseract held to the column's alphabet;
    the second read is kept only when it fits the grammar.  Header labels are left alone."""
    lefts = sorted({c.x0 for c in cells})
    if len(lefts) != FORM_COLUMNS:
        return words
    by_cell: dict[int, list[TsvWord]] = {}
    for w in words:
        by_cell.setdefault(w.line[0] - 1, []).append(w)
    replaced: dict[int, list[TsvWord]] = {}
    for index, cell in enumerate(cells):
        column = lefts.index(cell.x0)
        if column not in (DATE_COLUMN, TIMING_COLUMN):
            continue
        got = sorted(by_cell.get(index, []), key=lambda w: (w.line, w.left))
        text = "".join(w.text for w in got).replace(" ", "")
        if not text or _is_label(text) or _column_ok(column, text):
            continue
        mine = [p for p in pieces if p[0] == index]
        if not mine:
            continue
        alphabet = DATE_ALPHABET if column == DATE_COLUMN else TIMING_ALPHABET
        again = _read_strip(mine, paper, gap, gap, settings, alphabet)
        again_text = "".join(w.text for w in sorted(again, key=lambda w: (w.line, w.left))).replace(" ", "")
        if _column_ok(column, again_text):
            replaced[index] = again
    if not replaced:
        return words
    return [w for w in words if w.line[0] - 1 not in replaced] + [w for ws in replaced.values() for w in ws]
