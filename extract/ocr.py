"""Scanned pages (image-only PDF pages, PNG, JPEG, TIFF) → OCR words in points → the grid.

Per page: greyscale image → ink mask → glyph height → small rotation undone (from the ruling
lines' slope, else the text lines' projection profile) → ruling lines by morphology (in points
for the grid) → the rulings erased → tesseract ``jpn``.  With a ruled table, each cell is cut out
and the cells are pasted one under another onto a single strip that tesseract reads in one call
(``--psm 6``): text never runs across a cell border and the per-call start-up is paid once per
page.  Without rulings the whole page is read.  Tesseract's words come back as pixel boxes; they
are moved back to where their cell is on the page and converted to points (72/dpi).

The table pages of a long scanned document are found cheaply first: pages are rendered small,
and only pages with a ruled grid (or every page, when none has one) have their top band read at
low resolution for the title 変更箇所 and the column labels.
"""

from __future__ import annotations

import bisect
import csv
import io
import itertools
import os
import statistics
import time
from concurrent.futures import Executor
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import regex

from piatable.errors import InputError, OcrUnavailable
from piatable.models import PageWords, RawRow, Record, Word
from piatable.normalize.chars import KANA_KANJI
from piatable.settings import OcrSettings, Settings

from . import image as im

if TYPE_CHECKING:
    from piatable.models import DocumentResult

INSTALL_HINT = "install it with: apt-get install tesseract-ocr tesseract-ocr-jpn"
# Tesseract's TSV columns (image_to_data).
TSV_FIELDS = (
    "level",
    "page_num",
    "block_num",
    "par_num",
    "line_num",
    "word_num",
    "left",
    "top",
    "width",
    "height",
    "conf",
    "text",
)
_JA = r"\p{Han}\p{Hiragana}\p{Katakana}ー々〆〇、。「」（）・：；？！＿－―…‥"
# A space tesseract puts between two Japanese characters (or a Japanese and a full-width one).
_JA_SPACE = regex.compile(rf"(?<=[{_JA}\p{{Ps}}\p{{Pe}}\uff01-\uff5e])[ \u3000]+(?=[{_JA}\uff01-\uff5e])")


def join_japanese(text: str) -> str:
    """Text with the spaces tesseract puts between Japanese characters removed (spaces between
    half-width words kept)."""
    return _JA_SPACE.sub("", text)


# --------------------------------------------------------------------------- tesseract


_CHECKED: set[str] = set()


def check_tesseract(lang: str) -> None:
    """Raise OcrUnavailable (with how to install) when tesseract or its ``lang`` data is missing."""
    if lang in _CHECKED:
        return
    import pytesseract

    try:
        langs = set(pytesseract.get_languages(config=""))
    except (pytesseract.TesseractNotFoundError, FileNotFoundError, OSError) as exc:
        raise OcrUnavailable(f"tesseract is not installed; {INSTALL_HINT}") from exc
    except pytesseract.TesseractError as exc:
        raise OcrUnavailable(f"tesseract does not run ({exc}); {INSTALL_HINT}") from exc
    missing = [part for part in lang.split("+") if part not in langs]
    if missing:
        raise OcrUnavailable(f"tesseract has no '{'+'.join(missing)}' language data; {INSTALL_HINT}")
    _CHECKED.add(lang)


def _uncompressed(gray: np.ndarray):  # type: ignore[no-untyped-def]
    """The image as pytesseract hands it to tesseract: PGM (PIL's PPM writer), written and read
    without compression (PNG, pytesseract's default, took a tenth of a page's time to write)."""
    from PIL import Image

    img = Image.fromarray(gray)
    img.format = "PPM"
    return img


def tesseract_tsv(gray: np.ndarray, psm: int, lang: str) -> str:
    """Tesseract's TSV for a greyscale image (one process call): one row per word."""
    import pytesseract

    config = f"--psm {psm} --oem 1 -c tessedit_do_invert=0 -c preserve_interword_spaces=1"
    # Tesseract's OpenMP threads fight over a small machine's cores: one page took 5.3 s with
    # them and 1.4 s without (2 cores, under load).  A caller's own setting is kept.
    os.environ.setdefault("OMP_THREAD_LIMIT", "1")
    try:
        return pytesseract.image_to_data(_uncompressed(gray), lang=lang, config=config)
    except pytesseract.TesseractNotFoundError as exc:
        raise OcrUnavailable(f"tesseract is not installed; {INSTALL_HINT}") from exc


_HOCR = regex.compile(
    r"class='ocr_(?:line|textfloat|header|caption)' id='line_\d+_(\d+)'"
    r"|class='ocrx_word' id='word_\d+_(\d+)'"
    r"|x_bboxes (\d+) (\d+) (\d+) (\d+); x_conf ([\d.]+)'>([^<]*)</span>"
)


def tesseract_chars(gray: np.ndarray, psm: int, lang: str) -> list[TsvWord]:
    """Tesseract's characters with their own boxes and confidences (hOCR with
    ``hocr_char_boxes``): for Japanese, tesseract's word boxes are often wider than their
    characters, so a word's box cannot tell where each character stands."""
    import html

    import pytesseract

    config = f"--psm {psm} --oem 1 -c tessedit_do_invert=0 -c hocr_char_boxes=1"
    os.environ.setdefault("OMP_THREAD_LIMIT", "1")
    try:
        raw = pytesseract.image_to_pdf_or_hocr(
            _uncompressed(gray), lang=lang, extension="hocr", config=config
        )
    except pytesseract.TesseractNotFoundError as exc:
        raise OcrUnavailable(f"tesseract is not installed; {INSTALL_HINT}") from exc
    out: list[TsvWord] = []
    line = word = 0
    for m in _HOCR.finditer(raw.decode("utf-8", "replace")):
        if m.group(1):
            line = int(m.group(1))
        elif m.group(2):
            word = int(m.group(2))
        else:
            text = html.unescape(m.group(8)).strip()
            if not text:
                continue
            x0, y0, x1, y1 = (int(m.group(k)) for k in range(3, 7))
            out.append(TsvWord(text, x0, y0, x1 - x0, y1 - y0, float(m.group(7)), (1, 1, line), word))
    return out


@dataclass(slots=True)
class TsvWord:
    """One word of tesseract's TSV, in pixels of the image it was given."""

    text: str
    left: int
    top: int
    width: int
    height: int
    conf: float
    line: tuple[int, int, int]  # (block, paragraph, line)
    word: int = 0  # tesseract's word number (characters of one word share it)
    inked: bool = False  # the box was set to the character's own ink (snap_to_ink)


def parse_tsv(tsv: str) -> list[TsvWord]:
    """The words (level 5, non-empty) of a tesseract TSV."""
    out: list[TsvWord] = []
    reader = csv.DictReader(io.StringIO(tsv), delimiter="\t", quoting=csv.QUOTE_NONE)
    for row in reader:
        if row.get("level") != "5":
            continue
        text = (row.get("text") or "").strip()
        if not text:
            continue
        out.append(
            TsvWord(
                text,
                int(row["left"]),
                int(row["top"]),
                int(row["width"]),
                int(row["height"]),
                float(row["conf"]),
                (int(row["block_num"]), int(row["par_num"]), int(row["line_num"])),
                int(row["word_num"]),
            )
        )
    return out


def words_to_tsv(words: list[TsvWord]) -> str:
    """Words back as a TSV (level 5 rows only): the page-level TSV committed beside a sample."""
    lines = ["\t".join(TSV_FIELDS)]
    for w in words:
        b, p, ln = w.line
        lines.append(
            "\t".join(
                map(str, (5, 1, b, p, ln, w.word, w.left, w.top, w.width, w.height, round(w.conf, 2), w.text))
            )
        )
    return "\n".join(lines) + "\n"


# --------------------------------------------------------------------------- one page


@dataclass(slots=True)
class PageScan:
    """What the image steps learnt of one page, in pixels of the deskewed image."""

    page: int
    dpi: float
    width: int
    height: int
    angle: float
    glyph: float
    horizontal: list[tuple[int, int, int, int]] = field(default_factory=list)
    vertical: list[tuple[int, int, int, int]] = field(default_factory=list)
    words: list[TsvWord] = field(default_factory=list)
    seconds: float = 0.0

    def to_json(self) -> dict:
        return {
            "page": self.page,
            "dpi": round(self.dpi, 3),
            "width": self.width,
            "height": self.height,
            "angle": round(self.angle, 3),
            "glyph": round(self.glyph, 2),
            "horizontal": [list(r) for r in self.horizontal],
            "vertical": [list(r) for r in self.vertical],
        }

    @classmethod
    def from_json(cls, data: dict, tsv: str) -> PageScan:
        return cls(
            data["page"],
            data["dpi"],
            data["width"],
            data["height"],
            data["angle"],
            data["glyph"],
            [tuple(r) for r in data["horizontal"]],  # type: ignore[misc]
            [tuple(r) for r in data["vertical"]],  # type: ignore[misc]
            parse_tsv(tsv),
        )


def _cuts(segments: list[tuple[int, int, int, int]], axis: int, merge: float) -> list[float]:
    """Positions (centre lines) of rulings along ``axis`` (0: x of verticals, 1: y of
    horizontals), merged when closer than ``merge``."""
    pos = sorted((s[axis] + s[axis + 2]) / 2 for s in segments)
    out: list[list[float]] = []
    for p in pos:
        if out and p - out[-1][-1] <= merge:
            out[-1].append(p)
        else:
            out.append([p])
    return [sum(g) / len(g) for g in out]


@dataclass(slots=True)
class _Cell:
    x0: int
    top: int
    x1: int
    bottom: int


def table_cells(scan: PageScan, settings: OcrSettings) -> list[_Cell]:
    """Cells of the ruled grid: between neighbouring vertical rulings, cut by the horizontal
    rulings that cross most of that column (a missing one means a merged cell)."""
    g = scan.glyph
    xs = _cuts(scan.vertical, 0, settings.merge_em * g)
    if len(xs) < 2:
        return []
    cells: list[_Cell] = []
    for a, b in itertools.pairwise(xs):
        if b - a < settings.min_cell_em * g:
            continue
        # Vertical rulings on both sides: the column's extent.
        left = [v for v in scan.vertical if abs((v[0] + v[2]) / 2 - a) <= settings.merge_em * g]
        right = [v for v in scan.vertical if abs((v[0] + v[2]) / 2 - b) <= settings.merge_em * g]
        span_top = max(min(v[1] for v in left), min(v[1] for v in right))
        span_bottom = min(max(v[3] for v in left), max(v[3] for v in right))
        across = [
            h
            for h in scan.horizontal
            if min(h[2], b) - max(h[0], a) >= settings.cross_share * (b - a)
            and span_top - g <= (h[1] + h[3]) / 2 <= span_bottom + g
        ]
        ys = _cuts(across, 1, settings.merge_em * g)
        for t, u in itertools.pairwise(ys):
            if u - t < settings.min_cell_em * g / 2:
                continue
            cells.append(_Cell(int(a), int(t), int(b), int(u)))
    return cells


def _line_groups(inked: np.ndarray, min_height: float, tight_gap: float) -> list[tuple[int, int]]:
    """(first, last + 1) rows of each group of a cell's text lines to be read apart: lines are
    runs of inked rows (a run lower than ``min_height``, a speck or a stroke apart, joins its
    neighbour), and lines less than ``tight_gap`` apart are cut from each other."""
    rows = np.flatnonzero(inked)
    if len(rows) == 0:
        return []
    breaks = np.flatnonzero(np.diff(rows) > 1)
    starts, ends = rows[np.r_[0, breaks + 1]], rows[np.r_[breaks, len(rows) - 1]] + 1
    lines: list[list[int]] = []
    for a, b in zip(starts.tolist(), ends.tolist(), strict=True):
        if lines and (b - a < min_height or lines[-1][1] - lines[-1][0] < min_height):
            lines[-1][1] = b
        else:
            lines.append([a, b])
    groups: list[list[int]] = []
    for a, b in lines:
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
    pieces: list[tuple[int, _Cell, np.ndarray]], paper: int, margin: int, gap: int, settings: OcrSettings
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
    for w in tesseract_chars(canvas, settings.psm, settings.lang):
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


def _ocr_cells(  # type: ignore[no-untyped-def]
    clean: np.ndarray,
    ink: np.ndarray,
    cells: list[_Cell],
    glyph: float,
    paper: int,
    settings: OcrSettings,
    pool: Executor | None = None,
    parts: int = 1,
):
    """Cells with ink, cut out (inside their borders) and read on strips of the page's
    ``paper`` tone: one tesseract call per strip, ``parts`` strips of about equal area read in
    ``pool`` (so that a page's cells keep every core busy while the next page is prepared)."""
    pieces = _cut_cells(clean, ink, cells, glyph, settings)
    if not pieces:
        return []
    gap = max(int(settings.mosaic_gap_em * glyph), 4)
    runs = _balanced_runs([crop.size for _, _, crop in pieces], parts if pool is not None else 1)
    if len(runs) == 1:
        return _read_strip(pieces, paper, gap, gap, settings)
    futures = [pool.submit(_read_strip, [pieces[i] for i in r], paper, gap, gap, settings) for r in runs]  # type: ignore[union-attr]
    return [w for f in futures for w in f.result()]


# Ink of one character, in ems: a kanji or kana at most this wide (wider: two characters
# touching); a letter, digit or punctuation mark at most letter_width.
_CJK_WIDTH = 1.05
_LETTER_WIDTH = 0.85
# Alignment weights (per em): ink beyond a character's widest, white inside one character, a
# character's ink away from its box, and ink left to no character (a speck of noise, a stroke
# of the next cell): a fixed cost and one per em of its width.
_OVERWIDE = 20.0
_INNER_WHITE = 2.0
_BOX_DISTANCE = 0.3
_SPECK = 1.0
_SPECK_WIDTH = 4.0
_MAX_PIECES = 4
# Ink this far (ems) beyond a line's first and last boxes may still be theirs.
_LINE_MARGIN = 0.3


def _align_ink(
    words: list[TsvWord], starts: list[int], ends: list[int], em: float
) -> list[tuple[int, int]] | None:
    """Each character's (first, last + 1) run of inked columns: characters and runs matched in
    order (a character takes one or more runs, a narrow run may be noise), at the least cost of
    widths, white inside characters and distance from tesseract's boxes.  None when no
    matching exists (two characters touching)."""
    n, m = len(words), len(starts)
    inf = float("inf")
    # best[i][j]: cost of the first i characters holding the first j runs; back: the choice.
    best = [[inf] * (m + 1) for _ in range(n + 1)]
    back: list[list[int]] = [[0] * (m + 1) for _ in range(n + 1)]
    best[0][0] = 0.0
    skip = [_SPECK + _SPECK_WIDTH * (e - s) / em for s, e in zip(starts, ends, strict=True)]
    for j in range(1, m + 1):
        best[0][j] = best[0][j - 1] + skip[j - 1]
        back[0][j] = -1
    for i in range(1, n + 1):
        w = words[i - 1]
        centre = w.left + w.width / 2
        widest = (_LETTER_WIDTH if _CONVERTIBLE.match(w.text) else _CJK_WIDTH) * em
        for j in range(1, m + 1):
            # Only runs near the character's box (tesseract's boxes stray, but not by ems).
            if abs((starts[j - 1] + ends[j - 1]) / 2 - centre) > 2.5 * em:
                if best[i][j - 1] + skip[j - 1] < best[i][j]:
                    best[i][j], back[i][j] = best[i][j - 1] + skip[j - 1], -1
                continue
            cost, choice = inf, 0
            if best[i][j - 1] + skip[j - 1] < cost:
                cost, choice = best[i][j - 1] + skip[j - 1], -1
            inner = 0.0
            for g in range(1, min(_MAX_PIECES, j) + 1):
                first = j - g
                if g > 1:
                    inner += starts[first + 1] - ends[first]
                prev = best[i - 1][first]
                if prev == inf:
                    continue
                a, b = starts[first], ends[j - 1]
                c = prev + _INNER_WHITE * inner / em + _BOX_DISTANCE * abs((a + b) / 2 - centre) / em
                if b - a > widest:
                    c += _OVERWIDE * (b - a - widest) / em
                if c < cost:
                    cost, choice = c, g
            best[i][j] = cost
            back[i][j] = choice
    if best[n][m] == inf:
        return None
    out: list[tuple[int, int]] = [(0, 0)] * n
    i, j = n, m
    while i > 0 or j > 0:
        g = back[i][j]
        if g == -1 or i == 0:
            j -= 1
            continue
        out[i - 1] = (starts[j - g], ends[j - 1])
        i, j = i - 1, j - g
    return out


def snap_to_ink(words: list[TsvWord], ink: np.ndarray, em: float) -> list[TsvWord]:
    """The characters of each line that holds letters, digits or punctuation, with their boxes
    set to their own ink.  Tesseract's character boxes stray by up to an em, yet the width a
    ３ or a 3 was printed in is read from where its neighbours stand (normalize_widths): the
    line's ink is cut into runs of inked columns and matched to its characters in order
    (``_align_ink``).  Lines that do not match (characters touching) keep tesseract's boxes."""
    lines: dict[tuple[int, int, int], list[int]] = {}
    for i, w in enumerate(words):
        lines.setdefault(w.line, []).append(i)
    out = list(words)
    h, wd = ink.shape
    for idx in lines.values():
        if not any(_CONVERTIBLE.search(words[i].text) for i in idx) or any(
            len(words[i].text) != 1 for i in idx
        ):
            continue
        idx = sorted(idx, key=lambda i: words[i].left)
        top = max(int(statistics.median(words[i].top for i in idx)), 0)
        bottom = min(int(statistics.median(words[i].top + words[i].height for i in idx)), h)
        x0 = max(min(words[i].left for i in idx) - int(_LINE_MARGIN * em), 0)
        x1 = min(max(words[i].left + words[i].width for i in idx) + int(_LINE_MARGIN * em), wd)
        if bottom <= top or x1 <= x0:
            continue
        cols = np.flatnonzero(ink[top:bottom, x0:x1].any(axis=0))
        if len(cols) == 0:
            continue
        breaks = np.flatnonzero(np.diff(cols) > 1)
        starts = (cols[np.r_[0, breaks + 1]] + x0).tolist()
        ends = (cols[np.r_[breaks, len(cols) - 1]] + x0 + 1).tolist()
        spans = _align_ink([words[i] for i in idx], starts, ends, em)
        if spans is None:
            continue
        for i, (a, b) in zip(idx, spans, strict=True):
            w = words[i]
            out[i] = TsvWord(w.text, a, w.top, b - a, w.height, w.conf, w.line, w.word, True)
    return out


def _close_edges(rulings: im.Rulings, glyph: float, settings: OcrSettings) -> None:
    """A table cut by the image's edge (or whose outer border did not print) has horizontal
    rulings running past its last vertical one: the border is added where they end."""
    if not rulings.vertical or not rulings.horizontal:
        return
    widest = max(h[2] - h[0] for h in rulings.horizontal)
    long = [h for h in rulings.horizontal if h[2] - h[0] >= 0.5 * widest]
    xs = [(v[0] + v[2]) / 2 for v in rulings.vertical]
    top, bottom = min(h[1] for h in long), max(h[3] for h in long)
    right = int(statistics.median(h[2] for h in long))
    left = int(statistics.median(h[0] for h in long))
    if right - max(xs) > settings.min_cell_em * glyph:
        rulings.vertical.append((right - 2, top, right, bottom))
    if min(xs) - left > settings.min_cell_em * glyph:
        rulings.vertical.append((left, top, left + 2, bottom))


def scan_image(
    gray: np.ndarray,
    dpi: float,
    page: int,
    settings: OcrSettings,
    pool: Executor | None = None,
    parts: int = 1,
) -> PageScan:
    """Deskew, find rulings and OCR one page image (its cells on ``parts`` strips read in
    ``pool``)."""
    t0 = time.perf_counter()
    ink = im.binarize(gray)
    glyph = im.glyph_height(ink, dpi)
    # Tesseract reads best (and a large page fastest) with glyphs of a set size: scale there.
    ratio = settings.target_glyph_px / glyph if glyph > 0 else 1.0
    if not settings.keep_glyph_min <= ratio <= settings.keep_glyph_max:
        import cv2

        interp = cv2.INTER_AREA if ratio < 1 else cv2.INTER_CUBIC
        gray = cv2.resize(gray, None, fx=ratio, fy=ratio, interpolation=interp)
        dpi *= ratio
        ink = im.binarize(gray)
        glyph = im.glyph_height(ink, dpi)
    angle = 0.0
    if settings.max_skew_deg > 0:
        angle = im.skew_angle(
            ink, glyph, settings.ruling_kernel_em, settings.min_ruling_em, settings.max_skew_deg
        )
        if abs(angle) >= settings.min_skew_deg:
            gray = im.rotate(gray, angle)
            ink = im.binarize(gray)
        else:
            angle = 0.0
    rulings = im.find_rulings(
        ink, glyph, settings.ruling_kernel_em, settings.min_ruling_em, settings.min_vertical_em
    )
    _close_edges(rulings, glyph, settings)
    paper = im.paper_tone(gray)
    clean = im.erase(gray, rulings.mask, settings.erase_grow_px, paper)
    # The ink without the rulings: where the text is.
    text_ink = 255 - im.erase(255 - ink, rulings.mask, settings.erase_grow_px)
    h, w = gray.shape
    scan = PageScan(page, dpi, w, h, angle, glyph, rulings.horizontal, rulings.vertical)
    cells = table_cells(scan, settings) if settings.mode == "cells" else []
    if cells:
        scan.words = _ocr_cells(clean, text_ink, cells, glyph, paper, settings, pool, parts)
    else:
        scan.words = tesseract_chars(clean, settings.page_psm, settings.lang)
    scan.words = snap_to_ink(scan.words, text_ink, glyph * settings.em_per_glyph)
    scan.seconds = time.perf_counter() - t0
    return scan


def _split_at(w: Word, xs: list[float]) -> list[Word]:
    """A multi-character word that runs across a column ruling, cut there (proportionally)."""
    inside = [x for x in xs if w.x0 < x < w.x1]
    if not inside or len(w.text) < 2:
        return [w]
    per = (w.x1 - w.x0) / len(w.text)
    out: list[Word] = []
    start = 0
    for x in inside:
        k = round((x - w.x0) / per)
        if start < k < len(w.text):
            out.append(
                Word(
                    w.text[start:k],
                    w.page,
                    w.x0 + start * per,
                    w.x0 + k * per,
                    w.top,
                    w.bottom,
                    "ocr",
                    w.conf,
                )
            )
            start = k
    out.append(Word(w.text[start:], w.page, w.x0 + start * per, w.x1, w.top, w.bottom, "ocr", w.conf))
    return out


# Square brackets stay as read: the form's [○] and [ 選択肢 ] are half width, ［］ rare.
_CONVERTIBLE = regex.compile(r"[\x21-\x5a\x5c\x5e-\x7e\uff01-\uff3a\uff3c\uff3e-\uff5e]")
_JAPANESE = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}ー々、。・「」『』（）＜＞①-⑳]")


def _to_width(ch: str, full: bool) -> str:
    o = ord(ch)
    if full and 0x21 <= o <= 0x7E:
        return chr(o + 0xFEE0)
    if not full and 0xFF01 <= o <= 0xFF5E:
        return chr(o - 0xFEE0)
    return ch


# Where the ink of a full-width character sits in its em box, as the offset of the ink centre
# from the box centre (in ems): closing punctuation hugs the left, opening brackets the right.
_INK_OFFSET = {
    **dict.fromkeys("、。，．）」』】〕］｝〉》", -0.25),
    **dict.fromkeys("（「『【〔［｛〈《", 0.25),
}
_OPEN = "(（<＜"
# Marks whose ink stands to one side of a full-width box: openers right, closers and stops left.
_OPEN_MARKS = "(（[［"
_CLOSE_MARKS = ")）]］.．,，:：;；"
_CLOSE = ")）>＞"


def _blank(ch: str, full: bool, leading: bool) -> float:
    """White space (in ems) between a character's box edge and its ink, on its leading or
    trailing side, were it printed full or half width."""
    if not _CONVERTIBLE.match(ch):
        return 0.6 if (not leading and ch in "、。") else 0.1
    if (ch in "(（[［<＜" and leading) or (ch in ")）]］>＞" and not leading):
        return 0.55 if full else 0.15
    if ch in ".．,，" and not leading:
        return 0.7 if full else 0.3
    return 0.15 if full else 0.05


def normalize_widths(words: list[TsvWord], settings: OcrSettings) -> list[TsvWord]:
    """Letters, digits and punctuation in the width they were printed in.

    Tesseract reads ３．（ＩＤ as 3.(ID.  The print tells them apart: full-width characters
    advance one em (the pitch of the page's kanji), half-width ones about half of that.  A run of
    such characters between two Japanese characters advances (distance of their box centres − 1
    em); at a line's start or end the run's outer ink edge stands in for the missing neighbour.
    A closing bracket whose width geometry cannot tell takes its opening bracket's."""
    lines: dict[tuple[int, int, int], list[int]] = {}
    for i, w in enumerate(words):
        lines.setdefault(w.line, []).append(i)
    per_line: list[list[list]] = []  # [char, ink x0, ink x1, word index]
    pitches: list[float] = []
    heights = [w.height for w in words if KANA_KANJI.fullmatch(w.text[:1] or " ")]
    hmax = 1.6 * (statistics.median(heights) if heights else 1e9)
    line_keys = sorted(lines)
    for key in line_keys:
        idx = sorted(lines[key], key=lambda i: words[i].left)
        chars: list[list] = []
        for i in idx:
            w = words[i]
            text = w.text.replace(" ", "")
            per = w.width / max(len(text), 1)
            chars.extend([ch, w.left + per * k, w.left + per * (k + 1), i, None] for k, ch in enumerate(text))
        per_line.append(chars)
        for a, b in itertools.pairwise(chars):
            d = (b[1] + b[2] - a[1] - a[2]) / 2
            if KANA_KANJI.match(a[0]) and KANA_KANJI.match(b[0]) and 0 < d < hmax:
                pitches.append(d)
    if not pitches:
        return words
    em = statistics.median(pitches)
    # A word that mixes Japanese and convertible characters (20日, 提供先1): its Japanese
    # characters advance one em each, so the rest of its width is the convertible ones'.
    for chars in per_line:
        for i in {c[3] for c in chars}:
            mine = [c for c in chars if c[3] == i]
            conv = [c for c in mine if _CONVERTIBLE.match(c[0])]
            if not conv or len(conv) == len(mine):
                continue
            w = words[i]
            n_wide = len(mine) - len(conv)
            pred = {
                f: (
                    n_wide
                    + len(conv) * (1 if f else 0.5)
                    - _blank(mine[0][0], f, True)
                    - _blank(mine[-1][0], f, False)
                )
                * em
                for f in (True, False)
            }
            full = abs(w.width - pred[True]) < abs(w.width - pred[False])
            step = em if full else em / 2
            scale = w.width / max(em * (len(mine) - len(conv)) + step * len(conv), 1)
            x = w.left
            for c in mine:
                a = (step if c in conv else em) * scale
                c[1], c[2] = x, x + a
                x += a
                if c in conv:
                    c[4] = full

    def box_centre(c: list) -> float:
        return (c[1] + c[2]) / 2 - _INK_OFFSET.get(c[0], 0.0) * em

    def punctuation_width(chars: list[list], m: int, margin: float | None) -> bool | None:
        """Full width (True) or half for a bracket or stop measured on the ink: a full-width
        （ stands in the right half of its em, ．）、： in the left, so the white towards the
        Japanese character on that side is wide (（1．: a full bracket and stop round a
        half-width digit).  An opener that starts a line is measured from where the cell's lines
        start (``margin``).  None when the ink does not tell."""
        c = chars[m]
        side = -1 if c[0] in _OPEN_MARKS else 1 if c[0] in _CLOSE_MARKS else 0
        if side < 0 and m == 0 and margin is not None and words[c[3]].inked:
            return c[1] - margin >= settings.full_white_em * em
        if not side or not 0 <= m + side < len(chars):
            return None
        other = chars[m + side]
        if not (words[c[3]].inked and words[other[3]].inked and _JAPANESE.match(other[0])):
            return None
        white = c[1] - other[2] if side < 0 else other[1] - c[2]
        return white >= settings.full_white_em * em

    def runs(chars: list[list]):  # type: ignore[no-untyped-def]
        """(k, j, adv, threshold, between) of each run of convertible characters in a line: the
        run's advance per character, the advance from which it is full width, and whether it
        was measured between two neighbours."""
        n = len(chars)
        k = 0
        while k < n:
            if not _CONVERTIBLE.match(chars[k][0]):
                k += 1
                continue
            j = k
            while j + 1 < n and _CONVERTIBLE.match(chars[j + 1][0]) and chars[j + 1][1] - chars[j][2] < em:
                j += 1
            size = j - k + 1
            # A neighbour across a space (電話 03-…) says nothing of the run's pitch.
            near = settings.neighbour_gap_em * em
            threshold = settings.edge_full_advance_em if j == k else settings.full_advance_em
            adv: float | None = None
            left = chars[k - 1] if k > 0 and chars[k][1] - chars[k - 1][2] < near else None
            right = chars[j + 1] if j + 1 < n and chars[j + 1][1] - chars[j][2] < near else None
            if left is not None and right is not None:
                adv = (box_centre(right) - box_centre(left) - em) / size
                threshold = settings.full_advance_em
            elif right is not None and chars[k][0].isalnum():
                # A letter or digit sits in the middle of its box: from the neighbour's box edge
                # to the run's first ink centre is (size - 1/2) advances.
                adv = (box_centre(right) - em / 2 - (chars[k][1] + chars[k][2]) / 2) / (size - 0.5)
                threshold = settings.full_advance_em
            elif left is not None and chars[j][0].isalnum():
                adv = ((chars[j][1] + chars[j][2]) / 2 - box_centre(left) - em / 2) / (size - 0.5)
                threshold = settings.full_advance_em
            elif right is not None:
                adv = (box_centre(right) - em / 2 - chars[k][1] + settings.bearing_em * em) / size
            elif left is not None and not (size == 1 and chars[k][0] in _CLOSE):
                adv = (chars[j][2] - box_centre(left) - em / 2 + settings.bearing_em * em) / size
            yield k, j, adv, threshold, left is not None and right is not None
            k = j + 1

    # Runs of two or more digits, and digits between two neighbours, are measured well; a lone
    # digit at a line's edge (月1日 wrapped before 1日) is not, so it takes the width the sure
    # digits of its block have (a cell, when cells are read one by one: a date cell's 10 and 4
    # speak for its 1), else of the page; so does any lone digit measured near the threshold.
    measured = [list(runs(chars)) for chars in per_line]
    votes: dict[int | None, list[int]] = {None: [0, 0]}
    for key, chars, line_runs in zip(line_keys, per_line, measured, strict=True):
        for k, j, adv, threshold, between in line_runs:
            if adv is None or (j == k and not between) or not any(c[0].isdigit() for c in chars[k : j + 1]):
                continue
            if abs(adv / em - threshold) >= settings.sure_margin_em:
                votes.setdefault(key[0], [0, 0])[int(adv >= threshold * em)] += 1
                votes[None][int(adv >= threshold * em)] += 1

    def prior_of(block: int) -> bool | None:
        for v in (votes.get(block), votes[None]):
            if v and v[0] != v[1]:
                return v[1] > v[0]
        return None

    # Where each cell's lines start: the ink of a kanji or kana opening a line.
    margins: dict[int, float] = {}
    for key, chars in zip(line_keys, per_line, strict=True):
        if chars and KANA_KANJI.match(chars[0][0]) and words[chars[0][3]].inked:
            margins[key[0]] = min(margins.get(key[0], chars[0][1]), chars[0][1])
    texts: dict[int, list[str]] = {}
    brackets: list[bool] = []
    for key, chars, line_runs in zip(line_keys, per_line, measured, strict=True):
        n = len(chars)
        prior = prior_of(key[0])
        margin = margins.get(key[0])
        for k, j, adv, threshold, between in line_runs:
            size = j - k + 1
            full: bool | None = None
            if chars[k][4] is not None:
                full = chars[k][4]
            elif adv is not None:
                full = adv >= threshold * em
                if (
                    size == 1
                    and prior is not None
                    and chars[k][0].isdigit()
                    and (not between or abs(adv / em - threshold) < settings.sure_margin_em)
                ):
                    full = prior
            if chars[k][0] in _CLOSE and size == 1 and full is None and brackets:
                full = brackets[-1]
            if full is not None:
                for m in range(k, j + 1):
                    chars[m][0] = _to_width(chars[m][0], full)
            for m in range(k, j + 1):
                own = punctuation_width(chars, m, margin)
                if own is not None:
                    chars[m][0] = _to_width(chars[m][0], own)
            for m in range(k, j + 1):
                if chars[m][0] in _OPEN:
                    brackets.append(chars[m][0] in "（＜")
                elif chars[m][0] in _CLOSE and brackets:
                    brackets.pop()
        # Brackets around Japanese text are printed full width (（委託に伴うものを除く。）,
        # ＜共通基盤システムにおける措置＞): a bracket opening onto, or closing after, a Japanese
        # character follows the text rather than its own (unreliable) box.
        for m, c in enumerate(chars):
            if c[0] in _OPEN and m + 1 < n and _JAPANESE.match(chars[m + 1][0]):
                c[0] = _to_width(c[0], True) if c[0] not in "<＜" else "＜"
            elif c[0] in _CLOSE and (
                (m > 0 and _JAPANESE.match(chars[m - 1][0]))
                or (m == 0 and n > 1 and _JAPANESE.match(chars[1][0]))
            ):
                c[0] = _to_width(c[0], True) if c[0] not in ">＞" else "＞"
        for c in chars:
            texts.setdefault(c[3], []).append(c[0])
    out = []
    for i, w in enumerate(words):
        text = "".join(texts.get(i, [w.text]))
        out.append(
            TsvWord(text, w.left, w.top, w.width, w.height, w.conf, w.line, w.word) if text != w.text else w
        )
    return out


def _merge_words(chars: list[TsvWord]) -> list[TsvWord]:
    """Characters of one tesseract word (hOCR character boxes) back into the word, with the union
    of their boxes and their lowest confidence: tesseract decides the spaces between half-width
    words, and the grid then never sees a gap inside 2022/10/17.  TSV read from image_to_data
    (word number 0 per word already) passes through."""
    out: list[TsvWord] = []
    for c in chars:
        prev = out[-1] if out else None
        if prev is not None and c.word and prev.word == c.word and prev.line == c.line:
            x0, y0 = min(prev.left, c.left), min(prev.top, c.top)
            x1 = max(prev.left + prev.width, c.left + c.width)
            y1 = max(prev.top + prev.height, c.top + c.height)
            out[-1] = TsvWord(
                prev.text + c.text, x0, y0, x1 - x0, y1 - y0, min(prev.conf, c.conf), c.line, c.word
            )
        else:
            out.append(c)
    return out


def scan_to_page_words(scan: PageScan, settings: OcrSettings | None = None) -> PageWords:
    """Pixel words and rulings → PageWords in points (72/dpi), spaces inside words removed."""
    s = 72.0 / scan.dpi
    words: list[Word] = []
    vx = [(v[0] + v[2]) / 2 * s for v in scan.vertical]
    for tw in _merge_words(normalize_widths(scan.words, settings or OcrSettings())):
        text = join_japanese(tw.text)
        if not text.strip():
            continue
        w = Word(
            text,
            scan.page,
            tw.left * s,
            (tw.left + tw.width) * s,
            tw.top * s,
            (tw.top + tw.height) * s,
            "ocr",
            max(tw.conf, 0.0),
        )
        words.extend(_split_at(w, vx))
    rulings = [(x0 * s, t * s, x1 * s, b * s) for x0, t, x1, b in [*scan.horizontal, *scan.vertical]]
    # Rulings as the grid expects them: thin along one axis (the centre line of the stroke).
    thin: list[tuple[float, float, float, float]] = []
    for x0, t, x1, b in rulings:
        if x1 - x0 >= b - t:
            y = (t + b) / 2
            thin.append((x0, y, x1, y))
        else:
            x = (x0 + x1) / 2
            thin.append((x, t, x, b))
    pw = PageWords(scan.page, scan.width * s, scan.height * s, "pt", "ocr", words, thin)
    if scan.angle:
        pw.notes.append(f"page {scan.page}: rotation of {scan.angle:.2f}° undone")
    return pw


# --------------------------------------------------------------------------- finding table pages

_LABEL_KEYS = ("変更日", "項目", "変更前", "変更後", "提出時期", "説明")
MIN_LABEL_KEYS = 3


def _label_hits(text: str) -> int:
    flat = regex.sub(r"\s+", "", text)
    return sum(1 for k in _LABEL_KEYS if k in flat) + (2 if "変更箇所" in flat else 0)


@dataclass(slots=True)
class _Look:
    """A page seen at low resolution: its grid's column rulings (points) and its top band."""

    columns: list[float]
    band: np.ndarray

    @property
    def ruled(self) -> bool:
        return len(self.columns) >= 2


def _quick_look(gray: np.ndarray, dpi: float, settings: OcrSettings) -> _Look:
    """The vertical rulings of a page, and the band above its grid's second horizontal line (the
    title and the label row), or its top band when it has no grid, with the rulings erased."""
    import cv2

    scale = settings.find_dpi / dpi
    small = cv2.resize(gray, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA) if scale < 1 else gray
    sdpi = dpi * min(scale, 1.0)
    ink = im.binarize(small)
    glyph = im.glyph_height(ink, sdpi)
    rul = im.find_rulings(
        ink, glyph, settings.ruling_kernel_em, settings.min_ruling_em, settings.min_vertical_em
    )
    xs = _cuts(rul.vertical, 0, settings.merge_em * glyph)
    h = small.shape[0]
    band_bottom = int(h * settings.find_band)
    columns: list[float] = []
    if len(xs) >= settings.min_grid_columns:
        columns = [x * 72 / sdpi for x in xs]
        ys = _cuts(rul.horizontal, 1, settings.merge_em * glyph)
        if len(ys) >= 2:
            band_bottom = min(int(ys[1] + glyph), h)
    return _Look(columns, im.erase(small[:band_bottom], rul.mask[:band_bottom], 1, im.paper_tone(small)))


def _is_header(look: _Look, settings: OcrSettings) -> bool:
    text = " ".join(w.text for w in parse_tsv(tesseract_tsv(look.band, 6, settings.lang)))
    return _label_hits(text) >= MIN_LABEL_KEYS


def _same_columns(a: _Look, b: _Look, tol: float) -> bool:
    matched = sum(1 for x in a.columns if any(abs(x - y) <= tol for y in b.columns))
    return matched >= min(len(a.columns), len(b.columns)) - 1


def find_table_pages(images: list[tuple[int, np.ndarray, float]], settings: OcrSettings) -> list[int]:
    """Page numbers of the table.  Pages are looked at small: consecutive pages whose grids share
    their columns form a run, and only the first page of a run is read (its top band) for the
    title and the column labels; the last run that has them is the table (a contents page that
    names 変更箇所 comes earlier).  Without ruled grids, every page's top band is read."""
    if len(images) <= settings.find_all_below:
        return [n for n, _, _ in images]
    looks = {n: _quick_look(g, dpi, settings) for n, g, dpi in images}
    order = [n for n, _, _ in images]
    runs: list[list[int]] = []
    for n in order:
        lk = looks[n]
        if not lk.ruled:
            continue
        if runs and runs[-1][-1] == n - 1 and _same_columns(looks[runs[-1][0]], lk, settings.column_match_pt):
            runs[-1].append(n)
        else:
            runs.append([n])
    for run in reversed(runs):
        if _is_header(looks[run[0]], settings):
            return run
    heads = [n for n in order if _is_header(looks[n], settings)]
    if not heads:
        return order
    # An unruled table: from its last header page on to the end.
    return [n for n in order if n >= heads[-1]]


# --------------------------------------------------------------------------- documents


def ocr_settings(settings: Settings | None) -> OcrSettings:
    return (settings or Settings()).ocr


def _pdf_images(path: Path, numbers: list[int], dpi: float, native: OcrSettings | None = None):  # type: ignore[no-untyped-def]
    """Pages rendered at ``dpi``; with ``native`` settings, a page that is one scanned image is
    rendered at that image's own resolution (within native.min_dpi … native.max_dpi)."""
    from .pdf import open_pdf

    doc = open_pdf(path)
    try:
        for n in numbers:
            d = dpi
            if native is not None:
                nd = im.native_dpi(doc, n - 1)
                if nd:
                    d = min(max(nd, native.min_dpi), native.max_dpi)
            yield n, im.render_pdf_page(doc, n - 1, d), d
    finally:
        doc.close()


def ocr_pdf_pages(
    pdf_path: str | Path, numbers: list[int], settings: Settings | None = None
) -> list[PageWords]:
    """OCR of the table pages among the 1-based page ``numbers`` of a PDF (pages without a usable
    text layer): the table pages are found at low resolution first."""
    scans = scan_pdf(Path(pdf_path), numbers, ocr_settings(settings))
    return [scan_to_page_words(s, ocr_settings(settings)) for s in scans]


def scan_images(frames: list[tuple[int, np.ndarray, float]], os_: OcrSettings) -> list[PageScan]:
    """Each page image read.  Tesseract runs as a child process, so threads overlap its calls:
    pages are prepared side by side, and each page's cells are read on one strip per core in a
    shared pool of one tesseract per core (at most ``ocr.workers`` when it is set): a short
    document keeps every core busy, and a page is prepared while another is read."""
    cores = os_.workers or os.cpu_count() or 1
    if cores <= 1 or not frames:
        return [scan_image(g, dpi, n, os_) for n, g, dpi in frames]
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(cores) as pool, ThreadPoolExecutor(min(cores, len(frames))) as pages:
        return list(pages.map(lambda f: scan_image(f[1], f[2], f[0], os_, pool, cores), frames))


def scan_pdf(path: Path, numbers: list[int], os_: OcrSettings) -> list[PageScan]:
    check_tesseract(os_.lang)
    if len(numbers) > os_.find_all_below:
        small = list(_pdf_images(path, numbers, os_.find_dpi))
        numbers = find_table_pages(small, os_)
    return scan_images(list(_pdf_images(path, numbers, os_.dpi, os_)), os_)


def scan_image_file(path: Path, os_: OcrSettings) -> list[PageScan]:
    check_tesseract(os_.lang)
    try:
        pages = im.load_images(path, os_.image_dpi)
    except (OSError, SyntaxError, ValueError) as exc:
        raise InputError(f"{path}: not a readable image ({exc.__class__.__name__}: {exc})") from exc
    frames = [(p.page, p.gray, p.dpi) for p in pages]
    if len(frames) > os_.find_all_below:
        wanted = set(find_table_pages(frames, os_))
        frames = [f for f in frames if f[0] in wanted]
    return scan_images(frames, os_)


def correct_ocr_rows(rows: list[RawRow]) -> list[str]:
    """Dictionary-checked corrections of OCR confusions in the rows' lines (in place); notes."""
    from piatable.normalize.ocr_fix import fix_rows

    fixes = fix_rows(rows)
    return [f"{fixes} OCR line(s) corrected from dictionary or form evidence"] if fixes else []


def flag_ocr_records(rows: list[RawRow], records: list[Record], settings: Settings) -> None:
    """Flag ``ocr`` on every record, ``ocr_low_confidence`` where many of its lines hold a word
    tesseract was unsure of (the line confidences already count in the row's confidence:
    normalize/confidence.py)."""
    threshold = settings.quality.ocr_low_confidence
    for row, rec in zip(rows, records, strict=True):
        confs = [cl.conf for cells in row.cells.values() for cl in cells if cl.conf is not None]
        flags = set(rec.flags) | {"ocr"}
        if confs:
            low = sum(1 for c in confs if c < threshold) / len(confs)
            if low > settings.quality.ocr_low_line_share:
                flags.add("ocr_low_confidence")
        rec.flags = sorted(flags)


def scans_to_result(
    scans: list[PageScan], source: str, kind: str, pages: int, settings: Settings
) -> DocumentResult:
    """PageScans → grid → records, with OCR corrections, confidences and flags."""
    from piatable.models import DocumentResult
    from piatable.normalize.grid import pages_to_rows
    from piatable.normalize.records import rows_to_records

    result = DocumentResult(source, kind=kind, pages=pages)
    page_words = [scan_to_page_words(s, settings.ocr) for s in scans]
    for pw in page_words:
        result.notes.extend(pw.notes)
    grid = pages_to_rows(page_words, settings)
    result.notes.extend(grid.notes)
    result.notes.extend(correct_ocr_rows(grid.rows))
    result.records = rows_to_records(grid.rows, source, settings)
    flag_ocr_records(grid.rows, result.records, settings)
    if not result.records:
        result.notes.append("no amendment table found")
    if grid.unplaced and result.status == "success":
        result.status = "partial"
    return result


def extract_scan_document(path: Path, source: str, settings: Settings) -> DocumentResult:
    """Records of the amendment table in a scanned PDF or a page image (PNG, JPEG, TIFF)."""
    path = Path(path)
    os_ = settings.ocr
    with path.open("rb") as fh:
        head = fh.read(4)
    if path.suffix.lower() == ".pdf" or head == b"%PDF":
        from .pdf import open_pdf

        doc = open_pdf(path)
        n = len(doc)
        doc.close()
        scans = scan_pdf(path, list(range(1, n + 1)), os_)
        kind = "pdf-ocr"
    else:
        scans = scan_image_file(path, os_)
        n = max((s.page for s in scans), default=0)
        kind = "scan"
    result = scans_to_result(scans, source, kind, n, settings)
    secs = sum(s.seconds for s in scans)
    if scans:
        result.notes.append(f"OCR of {len(scans)} page(s) in {secs:.1f} s")
    return result
