"""The table pages of a long document found at low resolution (``find_table_pages``): each page
looked at small (``_quick_look``: its grid's column rulings and its top band), runs of pages
sharing their columns, the run whose first page prints the title and the column labels; blank
pages (``is_blank``) left out.  Moved out of extract/ocr/pages.py (session 53), unchanged.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
import regex

from piatable.settings import OcrSettings

from .engine import parse_tsv, tesseract_tsv
from .faint_pages import readable
from .ink import binarize, erase, glyph_height, ink_share, paper_tone
from .lighting import flatten_page
from .orient import find_orientation, turn_upright
from .rulings import cuts, find_rulings

_LABEL_KEYS = ("変更日", "項目", "変更前", "変更後", "提出時期", "説明")
MIN_LABEL_KEYS = 3


def _label_hits(text: str) -> int:
    flat = regex.sub(r"\s+", "", text)
    return sum(1 for k in _LABEL_KEYS if k in flat) + (2 if "変更箇所" in flat else 0)


@dataclass(slots=True)
class _Look:
    """A page seen at low resolution: its grid's column rulings (points) and its top band (PNG:
    a long document's bands are kept until the table's run is known)."""

    columns: list[float]
    band_png: bytes
    turned: int = 0  # how far the page was turned clockwise as seen (put upright before measuring)
    width: float = 0.0  # the page's width upright (points)

    def mirrored(self) -> _Look:
        """The look of the page turned half round (its columns at ``width - x``): a sheet fed
        upside down whose turn was not found."""
        return _Look(sorted(self.width - x for x in self.columns), b"", self.turned, self.width)

    @property
    def ruled(self) -> bool:
        return len(self.columns) >= 2

    @property
    def band(self) -> np.ndarray:
        import cv2

        return cv2.imdecode(np.frombuffer(self.band_png, np.uint8), cv2.IMREAD_GRAYSCALE)


def _quick_look(gray: np.ndarray, dpi: float, settings: OcrSettings) -> _Look:
    """The vertical rulings of a page, and the band above its grid's second horizontal line (the
    title and the label row), or its top band when it has no grid, with the rulings erased.  A
    page ruled either way (``min_grid_columns`` rulings down or across: a table page, upright
    or turned) is put upright first (``orient.find_orientation``; about 50 ms on an upright
    page, a trial read of a second or two on a turned one); others are looked at as they lie."""
    import cv2

    scale = settings.find_dpi / dpi
    small = cv2.resize(gray, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA) if scale < 1 else gray
    sdpi = dpi * min(scale, 1.0)
    ink = binarize(small)
    small, ink, glyph, _ = flatten_page(small, ink, glyph_height(ink, sdpi), sdpi, 0)
    rul = find_rulings(
        ink, glyph, settings.ruling_kernel_em, settings.min_ruling_em, settings.min_vertical_em
    )
    xs = cuts(rul.vertical, 0, settings.merge_em * glyph)
    turned = 0
    across = cuts(rul.horizontal, 1, settings.merge_em * glyph)
    if settings.orient and max(len(xs), len(across)) >= settings.min_grid_columns:
        turned = find_orientation(small, glyph, settings).turned
        if turned:
            small, ink = turn_upright(small, turned), turn_upright(ink, turned)
            rul = find_rulings(
                ink, glyph, settings.ruling_kernel_em, settings.min_ruling_em, settings.min_vertical_em
            )
            xs = cuts(rul.vertical, 0, settings.merge_em * glyph)
    h = small.shape[0]
    band_bottom = int(h * settings.find_band)
    columns: list[float] = []
    if len(xs) >= settings.min_grid_columns:
        columns = [x * 72 / sdpi for x in xs]
        ys = cuts(rul.horizontal, 1, settings.merge_em * glyph)
        if len(ys) >= 2:
            band_bottom = min(int(ys[1] + glyph), h)
    band = erase(small[:band_bottom], rul.mask[:band_bottom], 1, paper_tone(small))
    ok, png = cv2.imencode(".png", band)
    return _Look(columns, png.tobytes() if ok else b"", turned, small.shape[1] * 72 / sdpi)


def _is_header(look: _Look, settings: OcrSettings) -> bool:
    return _label_hits(_band_text(look, settings)) >= MIN_LABEL_KEYS


def _band_text(look: _Look, settings: OcrSettings) -> str:
    """The text tesseract reads in a page's top band (one call)."""
    return " ".join(w.text for w in parse_tsv(tesseract_tsv(look.band, 6, settings.lang)))


def _column_labels(text: str) -> int:
    """How many of the six column labels a band's text prints (the title 変更箇所 not counted:
    a contents page names it without labelling columns)."""
    flat = regex.sub(r"\s+", "", text)
    return sum(1 for k in _LABEL_KEYS if k in flat)


def _same_columns(a: _Look, b: _Look, tol: float) -> bool:
    matched = sum(1 for x in a.columns if any(abs(x - y) <= tol for y in b.columns))
    return matched >= min(len(a.columns), len(b.columns)) - 1


Frame = tuple[int, "np.ndarray | None", float]  # page number (1-based), image (None: blank), dpi


def is_blank(gray: np.ndarray | None, dpi: float, settings: OcrSettings) -> bool:
    """A page with no ink: nothing drawn (None), or less than ``blank_ink_share`` of its pixels
    darker than the paper by ``blank_contrast`` when seen at ``find_dpi`` (a few milliseconds)."""
    if gray is None:
        return True
    return ink_share(gray, dpi, settings.find_dpi, settings.blank_contrast) < settings.blank_ink_share


def find_table_pages(
    images: Iterable[Frame],
    settings: OcrSettings,
    blank: list[int] | None = None,
    after: list[int] | None = None,
    unread: list[int] | None = None,
) -> list[int]:
    """Page numbers of the table, among pages seen one at a time (only what is learnt of each is
    kept).  Blank pages are left out (their numbers added to ``blank``).  Pages are looked at
    small: consecutive pages whose grids share their columns form a run, and only the first page
    of a run is read (its top band) for the title and the column labels; the last run that has
    them is the table (a contents page that names 変更箇所 comes earlier).  Without ruled grids,
    every page's top band is read.  Pages with ink after the table's run are not read; their
    numbers are added to ``after`` (a table's last rows on a page whose grid was not seen would
    be there: the caller says so in a note).  Pages left out whose grid has the table's columns
    (``_same_columns`` with its first page, as it lies or turned half round: table-like, such a
    page's rows would be lost) are added to ``unread`` (the caller names them, and the document
    is partial)."""
    looks: dict[int, _Look] = {}
    grids: dict[int, _Look] = {}  # every ruled page's look (its columns; the band only on run heads)
    order: list[int] = []
    runs: list[list[int]] = []
    for n, g, dpi in images:
        g, _ = readable(g, dpi, settings)  # (a faint page stretched: ``faint_pages``)
        if g is None:
            if blank is not None:
                blank.append(n)
            continue
        lk = _quick_look(g, dpi, settings)  # type: ignore[arg-type]
        order.append(n)
        if not lk.ruled:
            looks[n] = lk
            continue
        grids[n] = _Look(lk.columns, b"", lk.turned, lk.width)
        if runs and runs[-1][-1] == n - 1 and _same_columns(looks[runs[-1][0]], lk, settings.column_match_pt):
            runs[-1].append(n)
        else:
            runs.append([n])
            looks[n] = lk  # only a run's first page is read
    bands = {k: _band_text(looks[run[0]], settings) for k, run in enumerate(runs)}
    headed = {k for k in bands if _label_hits(bands[k]) >= MIN_LABEL_KEYS}
    if headed:
        k = max(headed)
        first = _first_of_headed(runs, headed, k)
        table = [n for run in runs[first : k + 1] for n in run]
        # Filings joined into one file (two assessments, each its cover and its table: branch
        # scanloss66): an earlier headed run labelling the table's columns is a table too.
        table = sorted({*table, *_earlier_tables(runs, bands, headed, first)})
        if after is not None:
            after.extend(n for n in order if n > table[0] and n not in table)
        if unread is not None:
            head, chosen = looks[table[0]], set(table)
            tol = settings.column_match_pt
            unread.extend(
                n
                for n, g in grids.items()
                if n not in chosen and (_same_columns(head, g, tol) or _same_columns(head, g.mirrored(), tol))
            )
        return table
    heads = [n for n in order if n in looks and not looks[n].ruled and _is_header(looks[n], settings)]
    if not heads:
        return order
    # An unruled table: from the first of its last header pages in a row on to the end.
    runs_of_heads = [[n] for n in heads]
    k = _first_of_headed(runs_of_heads, set(range(len(heads))), len(heads) - 1)
    return [n for n in order if n >= heads[k]]


def _earlier_tables(runs: list[list[int]], bands: dict[int, str], headed: set[int], first: int) -> list[int]:
    """The pages of the headed runs before ``runs[first]`` (the last table's first run) whose top
    band prints ``MIN_LABEL_KEYS`` of the column labels themselves (a contents page that names
    変更箇所 does not), with the headed runs just before each (``_first_of_headed``): the tables
    of earlier filings in a joined file, whose rows were lost without a word."""
    out: list[int] = []
    for k in sorted(headed):
        if k >= first or _column_labels(bands[k]) < MIN_LABEL_KEYS:
            continue
        out.extend(n for run in runs[_first_of_headed(runs, headed, k) : k + 1] for n in run)
    return out


def _first_of_headed(runs: list[list[int]], headed: set[int], k: int) -> int:
    """Index of the first run of the table whose last headed run is ``runs[k]``: runs before it
    are the table's too while each is headed and ends on the page before the next one begins.

    A sheet too wide for its page prints its columns in strips (``column_strips``): each page
    repeats the label row of its own columns (変更日 / 項目 / 変更前 on one, 変更後 / 提出時期 /
    説明 on the next), so its pages' grids differ and every page is a headed run of its own; a
    table whose label row repeats on pages without a grid the quick look sees is one headed
    page after another too (set XXI t02: only the last of 4 pages read, 0 rows, no warning)."""
    while k - 1 in headed and runs[k - 1][-1] == runs[k][0] - 1:
        k -= 1
    return k
