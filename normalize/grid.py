"""Grid reconstruction: positioned words (PDF chars, OCR words, layout-text segments) → raw rows.

Shared by every source that knows where its words are.  Per page:

1. the column boundaries come from vertical ruling lines, else from the x positions of the column
   labels (変更日 / 項目 / 変更前の記載 / 変更後の記載 / 提出時期 / 提出時期に係る説明) with the body's
   whitespace gaps between them, else from the whitespace gaps alone, else from the previous page;
2. the row boundaries come from horizontal rulings (a boundary missing under one column means the
   cell is merged vertically over several rows), else from the dates of the first column;
3. each word goes to the cell holding its centre; the words of a cell are grouped into printed
   lines by their vertical centre.

Then, over the whole document: repeated header rows are dropped, a row whose 変更日 and 項目 are
empty at the top of a page continues the previous page's last row, and each line gets its
soft-wrap verdict (``CellLine.wraps``): the break after a line is a wrap when the first piece of
the next line would not have fitted after it before the column's right edge.

Coordinates follow ``models.page``: ``x0, x1, top, bottom`` with a top-left origin; ``pt`` pages in
points (one em = the median glyph height), ``cell`` pages in display columns and text lines (one
em = 2 columns wide and 1 line high).
"""

from __future__ import annotations

import itertools
import statistics
from bisect import bisect_right
from dataclasses import dataclass, field

import regex

from piatable.models import COLUMNS, CellLine, PageWords, RawRow, Word
from piatable.settings import GridSettings, Settings
from piatable.vocabulary import LABEL_PIECES, LABELS, is_page_number, is_title

from .chars import NO_LINE_END, NO_LINE_START, char_width, display_width
from .dates import DATE_AT_START, is_date_head
from .items import heading_score

# Column index of each printed label (and of the pieces a narrow header cell wraps it into).
LABEL_COLUMN: dict[str, int] = {label: k for k, label in enumerate(LABELS)}
N_COLS = len(COLUMNS)

_SPACE = regex.compile(r"[\s　]+")
# A ruled column whose longest line stops this many ems short of the edge the others reach has
# no full line at all.
UNREACHED_EDGE_EM = 1.5
# A full 項目 line followed by a line opening a heading at least this heading-like breaks there.
HEADING_BREAK_SCORE = 0.75
# Rows anchored at dates: a band this high (in line heights) blank in every column separates
# rows; a cell that runs across one costs this much (in line heights of misplacement).
BLANK_BAND_EM = 0.8
BLANK_CROSS_COST = 3.0
# The tail of a date wrapped in a narrow column (日, 1日, 31日) has at most this many characters.
DATE_TAIL_CHARS = 3
# Layout text: cost (in text columns) of putting two segments of one line into one column.
SHARE_PENALTY = 12.0


@dataclass(slots=True)
class GridResult:
    """Rows of the table, notes for the user, and how many words could not be placed in a cell."""

    rows: list[RawRow] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    unplaced: int = 0


# --------------------------------------------------------------------------- lines of words


@dataclass(slots=True)
class _Line:
    """A printed line inside one cell (or, before columns are known, across the page)."""

    words: list[Word]
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    page: int
    line_no: int | None
    conf: float | None
    # Filled once the cell is known:
    column: int = -1
    left: float = 0.0  # the column's left boundary on this page
    width: float | None = None  # the cell's width between its rulings, when ruled
    reaches_bottom: bool = False

    @property
    def mid(self) -> float:
        return (self.top + self.bottom) / 2

    def first_piece_width(self) -> float:
        """Width of what would have to fit at the end of the previous line: the first character,
        or the first word of a run of half-width letters and digits (which wraps as a whole)."""
        if not self.text:
            return 0.0
        m = regex.match(r"[A-Za-z0-9]+", self.text)
        piece = m.group(0) if m else self.text[0]
        # Kinsoku: a character that may not end a line travels with the next one, and characters
        # that may not start a line travel with the one before them.
        rest = self.text[len(piece) :]
        if piece in NO_LINE_END and rest:
            piece, rest = piece + rest[0], rest[1:]
        while rest and rest[0] in NO_LINE_START:
            piece, rest = piece + rest[0], rest[1:]
        return display_width(piece) * _unit_width(self.words)


def _unit_width(words: list[Word]) -> float:
    """Width of one display unit (a half-width character) in the words' coordinates."""
    total_w = sum(max(w.x1 - w.x0, 0.0) for w in words)
    total_u = sum(display_width(w.text) for w in words)
    return total_w / total_u if total_u else 0.0


def _space_between(left: Word, right: Word, hx: float, settings: GridSettings) -> str:
    """The space between two words that do not carry one, read from the gap: between half-width
    words any clear gap; beside a Japanese character only in a PDF, whose character boxes are
    advance widths, and only a gap a space glyph would leave (a full-width one from about an
    em).  Never the spaces extractors invent between touching Japanese characters, nor from
    OCR boxes (ink boxes leave gaps beside narrow kana)."""
    gap = right.x0 - left.x1
    if gap <= min(settings.space_gap_em, settings.cjk_space_em) * hx:
        return ""  # touching (the common case: no space whatever the characters)
    a, b = left.text[-1:], right.text[:1]
    if not a or not b or a.isspace() or b.isspace():
        return ""
    if char_width(a) == 2 or char_width(b) == 2:
        if left.source != "pdf" or right.source != "pdf" or gap < settings.cjk_space_em * hx:
            return ""
        return "\u3000" if gap >= settings.full_width_space_em * hx else " "
    return " " if gap > settings.space_gap_em * hx else ""


def words_to_lines(words: list[Word], hx: float, hy: float, settings: GridSettings) -> list[_Line]:
    """Group words into printed lines by vertical centre, left to right within a line."""
    tol = settings.line_tolerance_em * hy
    groups: list[list[Word]] = []
    centres: list[float] = []
    for w in sorted(words, key=lambda w: ((w.top + w.bottom) / 2, w.x0)):
        c = (w.top + w.bottom) / 2
        if groups and abs(c - centres[-1]) <= tol:
            groups[-1].append(w)
            n = len(groups[-1])
            centres[-1] += (c - centres[-1]) / n
        else:
            groups.append([w])
            centres.append(c)
    lines: list[_Line] = []
    for g in groups:
        g.sort(key=lambda w: w.x0)
        parts: list[str] = []
        for i, w in enumerate(g):
            if i:
                parts.append(_space_between(g[i - 1], w, hx, settings))
            parts.append(w.text)
        confs = [w.conf for w in g if w.conf is not None]
        ink = [w for w in g if w.text.strip()] or g
        lines.append(
            _Line(
                words=g,
                text="".join(parts),
                # A space at either end (printed or inferred) takes no room of its own.
                x0=min(w.x0 for w in ink),
                x1=max(w.x1 for w in ink),
                top=min(w.top for w in g),
                bottom=max(w.bottom for w in g),
                page=g[0].page,
                line_no=min((w.line for w in g if w.line is not None), default=None),
                conf=min(confs) if confs else None,
            )
        )
    return lines


def _split_segments(line: _Line, gap: float) -> list[_Line]:
    """Pieces of a page-wide line separated by gaps wider than ``gap`` (space characters do
    not bridge a gap: they may be a space inferred between two cells)."""
    ink = [w for w in line.words if w.text.strip()]
    if not ink:
        return []
    out: list[list[Word]] = [[ink[0]]]
    for a, b in itertools.pairwise(ink):
        if b.x0 - a.x1 > gap:
            out.append([b])
        else:
            out[-1].append(b)
    return [
        _Line(
            g,
            "".join(w.text for w in g),
            min(w.x0 for w in g),
            max(w.x1 for w in g),
            min(w.top for w in g),
            max(w.bottom for w in g),
            line.page,
            line.line_no,
            line.conf,
        )
        for g in out
    ]


# --------------------------------------------------------------------------- page geometry


def _ems(pages: list[PageWords]) -> tuple[float, float]:
    """(horizontal em, vertical em) of the document: the median glyph height, or for text cells
    two columns by one line."""
    if pages and pages[0].unit == "cell":
        return 2.0, 1.0
    heights = [w.bottom - w.top for p in pages for w in p.words if w.bottom > w.top and w.text.strip()]
    h = statistics.median(heights) if heights else 10.0
    return h, h


def _label_column(text: str) -> int | None:
    t = _SPACE.sub("", text)
    if t in LABEL_COLUMN:
        return LABEL_COLUMN[t]
    if "係る" in t or "説明" in t:
        return 5
    if "提出" in t or t in ("時期", "期"):
        return 4
    if t.startswith("変更前"):
        return 2
    if t.startswith("変更後"):
        return 3
    if t.startswith("変更日"):
        return 0
    if t == "項目":
        return 1
    return None


@dataclass(slots=True)
class _Header:
    top: float
    bottom: float
    # Column index → (x0, x1) of its label.
    labels: dict[int, tuple[float, float]]


_PIECES_LONGEST_FIRST = tuple(sorted(LABEL_PIECES, key=len, reverse=True))
# Every label piece starts with one of these: lines without any cannot hold a label.
_LABEL_CHARS = frozenset(p[0] for p in LABEL_PIECES)


def _label_runs(line: _Line, hx: float, settings: GridSettings) -> list[_Line]:
    """Label pieces printed as a run of their own on a line: set apart from other text by a
    column gap, their own characters possibly spread out (変　更　日, or spaced to fill the cell)."""
    chars: list[tuple[str, float, float, Word]] = []
    for w in sorted(line.words, key=lambda w: w.x0):
        text = w.text
        step = (w.x1 - w.x0) / max(len(text), 1)
        for k, ch in enumerate(text):
            if not ch.isspace():
                chars.append((ch, w.x0 + k * step, w.x0 + (k + 1) * step, w))
    flat = "".join(c[0] for c in chars)
    gap = settings.column_gap_em * hx
    spread = settings.label_spread_em * hx
    out: list[_Line] = []
    i = 0
    while i < len(chars):
        if i and chars[i][1] - chars[i - 1][2] <= gap:
            i += 1
            continue  # not the start of a run
        for piece in _PIECES_LONGEST_FIRST:
            j = i + len(piece)
            if (
                flat.startswith(piece, i)
                and (j == len(chars) or chars[j][1] - chars[j - 1][2] > gap)
                and all(chars[k][1] - chars[k - 1][2] <= spread for k in range(i + 1, j))
            ):
                ws = list({id(c[3]): c[3] for c in chars[i:j]}.values())
                out.append(
                    _Line(
                        ws,
                        piece,
                        chars[i][1],
                        chars[j - 1][2],
                        line.top,
                        line.bottom,
                        line.page,
                        line.line_no,
                        None,
                    )
                )
                i = j
                break
        else:
            i += 1
    return out


def _is_label_line(line: _Line, hx: float, settings: GridSettings) -> bool:
    """A line of column labels and nothing else (a label row repeated inside the text, or a
    piece of one: 提出時 / 期)."""
    runs = _label_runs(line, hx, settings)
    if not runs:
        return False
    ink = len(_SPACE.sub("", line.text))
    covered = sum(len(r.text) for r in runs)
    return covered >= ink and (len(runs) >= 3 or all(_label_column(r.text) in (4, 5) for r in runs))


def find_header(lines: list[_Line], hx: float, hy: float, settings: GridSettings) -> _Header | None:
    """The column-label row: label segments of at least three columns within a few lines."""
    segs = [s for ln in lines if _LABEL_CHARS.intersection(ln.text) for s in _label_runs(ln, hx, settings)]
    anchors = [s for s in segs if _SPACE.sub("", s.text) in LABEL_COLUMN]
    best: _Header | None = None
    for a in anchors:
        band = [s for s in segs if abs(s.mid - a.mid) <= settings.header_band_em * hy]
        # Segments above each other in one header cell form one label.
        band.sort(key=lambda s: s.x0)
        # Whole labels stand alone; pieces above each other (a wrapped label) group together.
        groups: list[list[_Line]] = [[s] for s in band if _SPACE.sub("", s.text) in LABEL_COLUMN]
        pieces: list[list[_Line]] = []
        for s in band:
            if _SPACE.sub("", s.text) in LABEL_COLUMN:
                continue
            if pieces and s.x0 < max(g.x1 for g in pieces[-1]) and s.x1 > min(g.x0 for g in pieces[-1]):
                pieces[-1].append(s)
            else:
                pieces.append([s])
        groups += pieces
        labels: dict[int, tuple[float, float]] = {}
        for g in groups:
            g.sort(key=lambda s: s.top)
            col = _label_column("".join(s.text for s in g))
            if col is not None and col not in labels:
                labels[col] = (min(s.x0 for s in g), max(s.x1 for s in g))
        if len(labels) >= 3 and (best is None or len(labels) > len(best.labels)):
            best = _Header(min(s.top for s in band), max(s.bottom for s in band), labels)
    return best


def _cluster(values: list[tuple[float, float, float]], tol: float) -> list[tuple[float, float, float, float]]:
    """Cluster (position, start, end) segments by position: (position, start, end, total length)."""
    out: list[list[float]] = []
    for pos, a, b in sorted(values):
        if out and pos - out[-1][0] <= tol:
            c = out[-1]
            c[0] = (c[0] * c[4] + pos) / (c[4] + 1)
            c[1], c[2], c[3], c[4] = min(c[1], a), max(c[2], b), c[3] + (b - a), c[4] + 1
        else:
            out.append([pos, a, b, b - a, 1])
    return [(c[0], c[1], c[2], c[3]) for c in out]


def _verticals(
    page: PageWords, hx: float, hy: float, settings: GridSettings
) -> list[tuple[float, float, float]]:
    """Vertical rulings as (x, top, bottom), clustered."""
    segs = [
        ((x0 + x1) / 2, min(t, b), max(t, b))
        for x0, t, x1, b in page.rulings
        if abs(x1 - x0) <= settings.ruling_thickness_em * hx and abs(b - t) >= settings.min_ruling_em * hy
    ]
    return [(x, a, b) for x, a, b, _ in _cluster(segs, settings.ruling_merge_em * hx)]


def _horizontals(
    page: PageWords, hx: float, hy: float, settings: GridSettings
) -> list[tuple[float, list[tuple[float, float]]]]:
    """Horizontal rulings as (y, covered x intervals), clustered by y."""
    segs = sorted(
        ((t + b) / 2, min(x0, x1), max(x0, x1))
        for x0, t, x1, b in page.rulings
        if abs(b - t) <= settings.ruling_thickness_em * hy and abs(x1 - x0) >= settings.min_ruling_em * hx / 2
    )
    out: list[tuple[float, list[tuple[float, float]]]] = []
    tol = settings.ruling_merge_em * hy
    for y, a, b in segs:
        if out and y - out[-1][0] <= tol:
            out[-1][1].append((a, b))
        else:
            out.append((y, [(a, b)]))
    return out


def _covered(intervals: list[tuple[float, float]], a: float, b: float) -> float:
    """Length of [a, b] covered by the union of the intervals."""
    pts = sorted((max(x0, a), min(x1, b)) for x0, x1 in intervals if x1 > a and x0 < b)
    total, end = 0.0, a
    for x0, x1 in pts:
        if x1 > end:
            total += x1 - max(x0, end)
            end = x1
    return total


def _gap_boundary(body: list[_Line], lo: float, hi: float, step: float) -> float | None:
    """The middle of the widest x range in (lo, hi) that no body line crosses."""
    if hi - lo <= step:
        return None
    spans = sorted((max(ln.x0, lo), min(ln.x1, hi)) for ln in body if ln.x1 > lo and ln.x0 < hi)
    best: tuple[float, float] | None = None
    cur = lo
    for a, b in [*spans, (hi, hi)]:
        if a > cur and (best is None or a - cur > best[1] - best[0]):
            best = (cur, a)
        cur = max(cur, b)
    if best is None or best[1] - best[0] < step:
        return None
    return (best[0] + best[1]) / 2


def _bounds_from_labels(
    header: _Header, verticals: list[float], body: list[_Line], hx: float, settings: GridSettings
) -> list[float] | None:
    """Seven x boundaries: the rulings around each label, else the body's gaps between labels."""
    bounds: list[float | None] = [None] * (N_COLS + 1)
    slack = settings.ruling_merge_em * hx
    xs = sorted(verticals)
    for col, (x0, x1) in header.labels.items():
        left = [x for x in xs if x <= x0 + slack]
        right = [x for x in xs if x >= x1 - slack]
        if left:
            bounds[col] = left[-1]
        if right:
            bounds[col + 1] = right[0]
    # Fill the boundaries no label fixed from the neighbouring rulings.
    for _ in range(N_COLS):
        for i in range(N_COLS + 1):
            if bounds[i] is not None:
                continue
            if i + 1 <= N_COLS and bounds[i + 1] is not None:
                cand = [x for x in xs if x < bounds[i + 1] - hx]  # type: ignore[operator]
                if cand and (i == 0 or bounds[i - 1] is None or cand[-1] > bounds[i - 1] + hx):  # type: ignore[operator]
                    bounds[i] = cand[-1]
            elif i - 1 >= 0 and bounds[i - 1] is not None:
                cand = [x for x in xs if x > bounds[i - 1] + hx]  # type: ignore[operator]
                if cand:
                    bounds[i] = cand[0]
    # No rulings there: the body's whitespace between the neighbouring labels.
    centres = {c: (a + b) / 2 for c, (a, b) in header.labels.items()}
    for i in range(1, N_COLS):
        if bounds[i] is None and i - 1 in centres and i in centres:
            left_edge = max(header.labels[i - 1][1], centres[i - 1])
            g = _gap_boundary(body, left_edge, header.labels[i][0], settings.column_gap_em * hx / 2)
            bounds[i] = g if g is not None else (header.labels[i - 1][1] + header.labels[i][0]) / 2
    if bounds[0] is None and 0 in header.labels:
        bounds[0] = min([header.labels[0][0], *(ln.x0 for ln in body)]) - hx / 2
    if bounds[N_COLS] is None and N_COLS - 1 in header.labels:
        bounds[N_COLS] = max([header.labels[N_COLS - 1][1], *(ln.x1 for ln in body)]) + hx / 2
    if any(b is None for b in bounds):
        return None
    out = [float(b) for b in bounds]  # type: ignore[arg-type]
    return out if all(a < b for a, b in itertools.pairwise(out)) else None


def _bounds_from_gaps(
    body: list[_Line], hx: float, settings: GridSettings, step: float | None = None
) -> list[float] | None:
    """Seven boundaries from the five best whitespace valleys of the body: x ranges that few
    text segments cross (a few may, where an extractor shifted a line)."""
    if not body:
        return None
    step = step or hx / 4
    lo, hi = min(ln.x0 for ln in body), max(ln.x1 for ln in body)
    n = int((hi - lo) / step) + 1
    cover = [0] * n
    for ln in body:
        for k in range(int((ln.x0 - lo) / step), min(int((ln.x1 - lo) / step) + 1, n)):
            cover[k] += 1
    allowed = max(1, int(settings.gap_cross_share * len(body)))
    valleys: list[tuple[float, float, float]] = []  # (score, x0, x1)
    k = 0
    while k < n:
        if cover[k] <= allowed:
            j = k
            while j + 1 < n and cover[j + 1] <= allowed:
                j += 1
            width = (j - k + 1) * step
            if width >= settings.column_gap_em * hx / 2 and k > 0 and j < n - 1:
                crossing = sum(cover[k : j + 1]) / (j - k + 1)
                valleys.append((width - crossing * step, lo + k * step, lo + (j + 1) * step))
            k = j + 1
        else:
            k += 1
    if len(valleys) < N_COLS - 1:
        return None
    best = sorted(sorted(valleys, reverse=True)[: N_COLS - 1], key=lambda v: v[1])
    return [lo - hx / 2, *((a + b) / 2 for _, a, b in best), hi + hx / 2]


# --------------------------------------------------------------------------- one page


@dataclass(slots=True)
class _PageRows:
    rows: list[dict[int, list[_Line]]]
    merged: list[bool]
    header_seen: bool
    bounds: list[float]
    ruled: bool
    unplaced: int = 0
    notes: list[str] = field(default_factory=list)
    # Vertical alignment of cells ("top", "centre", "bottom") when rows are anchored at dates;
    # None until a page with two or more dates decides it for the pages after it.
    align: str | None = None


def _column_of(x: float, bounds: list[float]) -> int | None:
    k = bisect_right(bounds, x) - 1
    return k if 0 <= k < N_COLS else None


def _is_furniture(text: str) -> bool:
    t = text.strip()
    return is_title(t) or is_page_number(t)


def _is_header_row(cells: dict[int, list[_Line]]) -> bool:
    hits = 0
    for lines in cells.values():
        t = _SPACE.sub("", "".join(ln.text for ln in lines))
        if t and t in LABEL_PIECES and _label_column(t) is not None:
            hits += 1
    return hits >= 3


def _page_rows(
    page: PageWords,
    prev_bounds: list[float] | None,
    hx: float,
    hy: float,
    settings: GridSettings,
    align: str | None = None,
) -> _PageRows | None:
    # Space characters the source carries are text (ASCII phrases, ア　…); only blank pages go.
    words = [w for w in page.words if w.text.strip() or w.text in (" ", "\u3000")]
    if not any(w.text.strip() for w in words):
        return None
    all_lines = words_to_lines(words, hx, hy, settings)
    header = find_header(all_lines, hx, hy, settings)
    verticals = _verticals(page, hx, hy, settings)
    vxs = [x for x, _, _ in verticals]
    body = [
        seg
        for ln in all_lines
        if (header is None or ln.top > header.bottom - hy / 2) and not _is_furniture(ln.text)
        for seg in _split_segments(ln, settings.column_gap_em * hx)
    ]
    bounds: list[float] | None = None
    if page.unit == "cell" and not vxs:
        # Text columns placed by an extractor: its label positions drift more than its body.
        bounds = _bounds_from_gaps(body, hx, settings, step=1.0)
    if bounds is None and header is not None:
        bounds = _bounds_from_labels(header, vxs, body, hx, settings)
    if bounds is None and prev_bounds is not None:
        slack = settings.ruling_merge_em * hx * 2
        matched = sum(1 for b in prev_bounds if any(abs(x - b) <= slack for x in vxs))
        if vxs and matched < N_COLS - 1:
            return None  # ruled, but not in the table's columns: another part of the document
        bounds = [
            min(vxs, key=lambda x: abs(x - b)) if vxs and min(abs(x - b) for x in vxs) <= slack else b
            for b in prev_bounds
        ]
    if bounds is None and len(vxs) == N_COLS + 1:
        bounds = sorted(vxs)
    if bounds is None:
        bounds = _bounds_from_gaps(body, hx, settings)
    if bounds is None:
        return None
    used = [v for v in verticals if any(abs(v[0] - b) <= settings.ruling_merge_em * hx for b in bounds)]
    ruled = len(used) >= 2
    if ruled:
        table_top = min(v[1] for v in used)
        table_bottom = max(v[2] for v in used)
        if header is not None:
            # Another ruled table above the label row (the end of the previous section).
            table_top = max(table_top, header.top - hy)
    else:
        table_top = header.top - hy / 2 if header else min(ln.top for ln in all_lines) - hy / 2
        table_bottom = page.height + hy if page.height else max(ln.bottom for ln in all_lines) + hy
    res = _PageRows([], [], header is not None, bounds, ruled, align=align)

    # Words of the table region, by column; the rest is furniture or unplaced.
    in_table: list[Word] = []
    for ln in all_lines:
        inside_y = table_top - hy / 2 <= ln.mid <= table_bottom + hy / 2
        if not inside_y or (not ruled and (_is_furniture(ln.text) or (header and ln.mid < header.top))):
            if inside_y and not _is_furniture(ln.text) and not header:
                res.unplaced += len(ln.words)
            continue
        for w in ln.words:
            if _column_of((w.x0 + w.x1) / 2, bounds) is None:
                res.unplaced += 1
            else:
                in_table.append(w)
    if not in_table:
        return res

    hrules = _horizontals(page, hx, hy, settings) if ruled else []
    ys: list[float] = []
    closed: list[list[bool]] = []
    for y, cover in hrules:
        if not table_top - hy <= y <= table_bottom + hy:
            continue
        flags = [
            _covered(cover, bounds[c], bounds[c + 1]) >= settings.closed_share * (bounds[c + 1] - bounds[c])
            for c in range(N_COLS)
        ]
        if any(flags):
            ys.append(y)
            closed.append(flags)
    if len(ys) >= 2:
        if ys[0] - table_top > hy / 2:
            ys.insert(0, table_top)
            closed.insert(0, [True] * N_COLS)
        if table_bottom - ys[-1] > hy / 2:
            ys.append(table_bottom)
            closed.append([True] * N_COLS)
        _ruled_rows(res, in_table, ys, closed, hx, hy, settings)
    else:
        if header is not None:
            # No row rulings to hold the label row apart: it and whatever is above it go.
            in_table = [w for w in in_table if (w.top + w.bottom) / 2 > header.bottom]
        _anchored_rows(res, in_table, hx, hy, settings)
    return res


def _ruled_rows(
    res: _PageRows,
    words: list[Word],
    ys: list[float],
    closed: list[list[bool]],
    hx: float,
    hy: float,
    settings: GridSettings,
) -> None:
    """Rows between horizontal rulings; a cell with no ruling below it spans the next row too."""
    n_rows = len(ys) - 1
    rows: list[dict[int, list[_Line]]] = [{} for _ in range(n_rows)]
    merged = [False] * n_rows
    bounds = res.bounds
    by_column: dict[int | None, list[Word]] = {}
    for w in words:
        by_column.setdefault(_column_of((w.x0 + w.x1) / 2, bounds), []).append(w)
    for c in range(N_COLS):
        # Spans of this column: row ranges between the boundaries closed under it.
        cuts = [0] + [k for k in range(1, n_rows) if closed[k][c]] + [n_rows]
        spans = list(itertools.pairwise(cuts))
        span_tops = [ys[a] for a, _ in spans]
        by_span: dict[int, list[Word]] = {}
        for w in by_column.get(c, []):
            s = bisect_right(span_tops, (w.top + w.bottom) / 2) - 1
            if s < 0:
                res.unplaced += 1
                continue
            by_span.setdefault(s, []).append(w)
        for s, ws in by_span.items():
            a, b = spans[s]
            lines = words_to_lines(ws, hx, hy, settings)
            for ln in lines:
                ln.column, ln.left, ln.width = c, bounds[c], bounds[c + 1] - bounds[c]
            if lines:
                lines[-1].reaches_bottom = ys[b] - lines[-1].bottom < settings.reach_bottom_em * hy
            for r in range(a, b):
                rows[r][c] = lines
                if b - a > 1:
                    merged[r] = True
    res.rows, res.merged = rows, merged


def _anchored_rows(res: _PageRows, words: list[Word], hx: float, hy: float, settings: GridSettings) -> None:
    """No horizontal rulings: rows start at the dates of the first column (cells top-aligned),
    or, when the timing column's words sit level with the dates' centres, at the midpoints."""
    bounds = res.bounds
    cols: dict[int, list[_Line]] = {}
    for c in range(N_COLS):
        ws = [w for w in words if _column_of((w.x0 + w.x1) / 2, bounds) == c]
        lines = words_to_lines(ws, hx, hy, settings)
        for ln in lines:
            ln.column, ln.left = c, bounds[c]
        cols[c] = lines
    _lines_to_anchored_rows(res, cols, hy)


def _best_alignment(
    cols: dict[int, list[_Line]],
    spans: list[tuple[float, float]],
    modes: tuple[str, ...],
    hy: float,
    blanks: list[float],
) -> tuple[float, str, dict[int, list[int]]]:
    """The vertical alignment (of ``modes``, first wins ties) that fits every column's lines to
    the row spans best: (total cost, mode, the row of each line per column)."""
    best: tuple[float, str, dict[int, list[int]]] | None = None
    for mode in modes:
        total, assignment = 0.0, {}
        for c, lines in cols.items():
            cost, rows_of = _group_lines(lines, spans, mode, hy, blanks)
            total += cost
            assignment[c] = rows_of
        if best is None or total < best[0] - 1e-6:
            best = (total, mode, assignment)
    assert best is not None
    return best


def _lines_to_anchored_rows(res: _PageRows, cols: dict[int, list[_Line]], hy: float) -> None:
    """Rows of a page from its column lines, anchored at the dates of the first column.

    Each column's lines are split into consecutive groups, one per date (or none), so that each
    group sits where the date sits: level with its top (top-aligned cells), centred on it
    (vertically centred) or level with its bottom; the alignment that fits the page best wins
    (a page with a single date keeps the alignment of the pages before it).
    With top-aligned cells, lines above the page's first date continue the previous page's
    last row."""
    words = [w for lines in cols.values() for ln in lines for w in ln.words]
    if not words:
        return
    date_lines = cols.get(0, [])
    anchors = [
        i
        for i, ln in enumerate(date_lines)
        if DATE_AT_START.match(ln.text) or (is_date_head(ln.text) and i + 1 < len(date_lines))
    ]
    # A date wrapped over two lines gives one anchor; its extent covers both lines, and the
    # tail of a wrapped date (日, 1日) right under it too.
    spans: list[tuple[float, float]] = []
    last = -1
    anchor_set = set(anchors)
    for i in anchors:
        ln = date_lines[i]
        if (
            spans
            and i == last + 1
            and is_date_head(date_lines[last].text)
            and ln.top - date_lines[last].bottom < hy
        ):
            spans[-1] = (spans[-1][0], ln.bottom)
            last = i
            continue
        spans.append((ln.top, ln.bottom))
        last = i
        j = i + 1
        while (
            j < len(date_lines)
            and j not in anchor_set
            and date_lines[j].top - date_lines[j - 1].bottom < hy / 2
            and len(date_lines[j].text.strip()) <= DATE_TAIL_CHARS
        ):
            spans[-1] = (spans[-1][0], date_lines[j].bottom)
            j += 1
    if not spans:
        # No date on this page: all of it continues the previous page's last row.
        res.rows, res.merged = [{c: lines for c, lines in cols.items() if lines}], [False]
        return
    item_spans = _section_spans(cols.get(1, []))
    if len(item_spans) > len(spans) and res.align != "top":
        # More 項目 paths (each opens with its section Ⅰ…Ⅵ) than dates: dates printed once for
        # several rows (merged cells).  The paths anchor the rows then.
        if _rows_from_paths(res, cols, item_spans, hy):
            return
    blanks = _blank_bands(cols, hy)
    modes = ("top", "centre", "bottom") if res.align is None or len(spans) > 1 else (res.align,)
    _, mode, assignment = _best_alignment(cols, spans, modes, hy, blanks)
    res.align = mode
    rows: list[dict[int, list[_Line]]] = [{} for _ in range(len(spans) + 1)]  # [0]: continued row
    for c, lines in cols.items():
        for ln, r in zip(lines, assignment[c], strict=True):
            rows[r + 1].setdefault(c, []).append(ln)
    if (
        mode != "top"
        and len(item_spans) == len(spans) >= 2
        and any(_path_count(row.get(1)) != 1 for row in rows[1:])
        and _rows_from_path_extents(res, cols, item_spans, hy)
    ):
        # Dates centred but text at the top (each column its own alignment): the paths, one
        # per date, anchor the rows better than the dates did.
        return
    continued = [rows[0]] if rows[0] else []
    out: list[dict[int, list[_Line]]] = list(continued)
    merged: list[bool] = [False] * len(continued)
    for row in rows[1:]:
        for sub, shared in _split_shared(row, mode, hy):
            out.append(sub)
            merged.append(shared)
    res.rows, res.merged = out, merged


SECTION_HEADING = regex.compile(r"^[ⅠⅡⅢⅣⅤⅥ]")


def _path_count(item: list[_Line] | None) -> int:
    return sum(1 for ln in item or [] if SECTION_HEADING.match(ln.text.strip()))


def _rows_from_path_extents(
    res: _PageRows, cols: dict[int, list[_Line]], paths: list[tuple[float, float]], hy: float
) -> bool:
    """Rows from path to path (each row from its path's first line to the next path's), every
    column split by the alignment that fits it best; False unless each row gets one date."""
    bottom = max(ln.bottom for lines in cols.values() for ln in lines)
    spans = [(top, nxt - hy / 4) for (top, _), (nxt, _) in itertools.pairwise(paths)]
    spans.append((paths[-1][0], bottom))
    blanks = _blank_bands(cols, hy)
    rows: list[dict[int, list[_Line]]] = [{} for _ in spans]
    modes = ("top", "centre", "bottom")
    date_mode = None
    for c in sorted(cols):
        lines = cols[c]
        fits = {m: _group_lines(lines, spans, m, hy, blanks) for m in modes}
        # 提出時期 is printed like 変更日 (one short line): it follows the date's alignment.
        mode = date_mode if c == 4 and date_mode else min(modes, key=lambda m: fits[m][0])
        if c == 0:
            date_mode = mode
        rows_of = fits[mode][1]
        if any(r < 0 for r in rows_of):
            return False
        for ln, r in zip(lines, rows_of, strict=True):
            rows[r].setdefault(c, []).append(ln)
    if any(not DATE_AT_START.match(_cell_text(row.get(0))) for row in rows):
        return False
    if any(len(row.get(4, [])) > 1 for row in rows):
        return False  # two 事前/事後 in one row: the paths did not separate the rows either
    res.rows, res.merged = rows, [False] * len(rows)
    return True


def _section_spans(item: list[_Line]) -> list[tuple[float, float]]:
    """Extents of the 項目 paths: from each line opening a section (Ⅰ…Ⅵ) to the next one."""
    heads = [i for i, ln in enumerate(item) if SECTION_HEADING.match(ln.text.strip())]
    if not heads:
        return []
    cuts = [*heads, len(item)]
    return [(item[a].top, item[b - 1].bottom) for a, b in itertools.pairwise(cuts)]


def _rows_from_paths(
    res: _PageRows, cols: dict[int, list[_Line]], spans: list[tuple[float, float]], hy: float
) -> bool:
    """Rows anchored at the 項目 paths; a row that got no date, timing or explanation shares
    those of its nearest neighbour (a merged cell), flagged.  False when the lines do not fit."""
    blanks = _blank_bands(cols, hy)
    _, mode, assignment = _best_alignment(cols, spans, ("centre", "bottom", "top"), hy, blanks)
    if any(r < 0 for rows_of in assignment.values() for r in rows_of):
        return False
    rows: list[dict[int, list[_Line]]] = [{} for _ in spans]
    for c, lines in cols.items():
        for ln, r in zip(lines, assignment[c], strict=True):
            rows[r].setdefault(c, []).append(ln)
    merged = [False] * len(rows)
    centres = [(a + b) / 2 for a, b in spans]
    for c in (0, 4, 5):
        have = [k for k, row in enumerate(rows) if row.get(c)]
        if not have:
            continue
        for k, row in enumerate(rows):
            if row.get(c):
                continue
            # The merged cell's text sits in one of the rows it covers: the nearest that has it.
            src = min(have, key=lambda j: (abs(centres[j] - centres[k]), j > k))
            row[c] = rows[src][c]
            merged[k] = merged[src] = True
    res.align = mode
    res.rows, res.merged = rows, merged
    return True


def _split_shared(
    row: dict[int, list[_Line]], mode: str, hy: float
) -> list[tuple[dict[int, list[_Line]], bool]]:
    """Rows that share one printed date (a merged cell) come out as one anchored row whose 項目
    holds several section paths (Ⅰ…Ⅵ).  Split it there: each column's lines go to the sub-row
    they are aligned with, or, printed once for all (merged), to every sub-row."""
    item = row.get(1, [])
    heads = [i for i, ln in enumerate(item) if SECTION_HEADING.match(ln.text.strip())]
    if len(heads) < 2:
        return [(row, False)]
    cuts = [0, *heads[1:], len(item)]
    blocks = [item[a:b] for a, b in itertools.pairwise(cuts)]
    if any(len(blk) < 2 for blk in blocks):
        # A path of the form has a section and at least one heading under it; a lone section
        # line is the neighbouring row's, pulled in by the alignment, not a row of its own.
        return [(row, False)]
    spans = [(blk[0].top, blk[-1].bottom) for blk in blocks]
    subs: list[dict[int, list[_Line]]] = [{1: blk} for blk in blocks]
    shared = False
    whole = (spans[0][0], spans[-1][1])
    for c, lines in row.items():
        if c == 1 or not lines:
            continue
        split_cost, rows_of = _group_lines(lines, spans, mode, hy)
        merged_cost, _ = _group_lines(lines, [whole], mode, hy)
        if c == 0 or merged_cost <= split_cost:
            for sub in subs:
                sub[c] = lines
            shared = True
        else:
            for ln, r in zip(lines, rows_of, strict=True):
                subs[max(r, 0)].setdefault(c, []).append(ln)
    return [(sub, shared) for sub in subs]


def _group_fits(
    first: float, last: float, spans: list[tuple[float, float]], r: int, mode: str, hy: float
) -> bool:
    """Whether lines from ``first`` to ``last`` (centres) can be the cell of date ``r``: a
    top-aligned cell lies between its date's top and the next date's top, a bottom-aligned one
    between the previous date's bottom and its own, a centred one between the neighbours' centres."""
    tol = hy / 4
    if mode == "top":
        return first >= spans[r][0] - tol and (r + 1 == len(spans) or last < spans[r + 1][0] - tol)
    if mode == "bottom":
        return last <= spans[r][1] + tol and (r == 0 or first > spans[r - 1][1] + tol)
    lo = (spans[r - 1][0] + spans[r - 1][1]) / 2 if r else -float("inf")
    hi = (spans[r + 1][0] + spans[r + 1][1]) / 2 if r + 1 < len(spans) else float("inf")
    return lo < first and last < hi


def _blank_bands(cols: dict[int, list[_Line]], hy: float) -> list[float]:
    """Middles of the horizontal bands (at least a line high) where no column prints anything:
    the blank lines some layouts leave between rows."""
    spans = sorted((ln.top, ln.bottom) for lines in cols.values() for ln in lines)
    out: list[float] = []
    end = spans[0][1] if spans else 0.0
    for top, bottom in spans[1:]:
        if top - end >= BLANK_BAND_EM * hy:
            out.append((top + end) / 2)
        end = max(end, bottom)
    return out


def _group_lines(
    lines: list[_Line],
    spans: list[tuple[float, float]],
    mode: str,
    hy: float,
    blanks: list[float] = (),  # type: ignore[assignment]
) -> tuple[float, list[int]]:
    """Split one column's lines (top to bottom) into consecutive groups, one per date span, at
    the least total distance between each group and its date (by ``mode``).  Returns the cost
    and each line's row (-1: before the first date, a continued row, only for ``top``)."""
    m, n = len(lines), len(spans)
    if m == 0:
        return 0.0, []

    def key(i: int, j: int) -> float:  # lines[i:j], j > i
        top, bottom = lines[i].top, lines[j - 1].bottom
        return top if mode == "top" else bottom if mode == "bottom" else (top + bottom) / 2

    def ref(r: int) -> float:
        t, b = spans[r]
        return t if mode == "top" else b if mode == "bottom" else (t + b) / 2

    inf = float("inf")
    # f[r][i]: best cost with rows < r holding lines < i.  Row -1 (continued) holds a prefix.
    lead = 0
    if mode == "top":
        while lead < m and lines[lead].mid < spans[0][0] - hy / 4:
            lead += 1
    f = [[inf] * (m + 1) for _ in range(n + 1)]
    back = [[0] * (m + 1) for _ in range(n + 1)]
    f[0][lead] = 0.0
    for r in range(n):
        for i in range(m + 1):
            if f[r][i] == inf:
                continue
            # Row r takes lines i..j-1 (none when j == i).
            for j in range(i, m + 1):
                cost = 0.0 if j == i else abs(key(i, j) - ref(r)) / hy
                if j > i and not _group_fits(lines[i].mid, lines[j - 1].mid, spans, r, mode, hy):
                    cost += m + 1
                if j > i and blanks:
                    # A cell rarely runs across a line left blank in every column.
                    cost += BLANK_CROSS_COST * sum(1 for y in blanks if lines[i].mid < y < lines[j - 1].mid)
                if f[r][i] + cost < f[r + 1][j]:
                    f[r + 1][j] = f[r][i] + cost
                    back[r + 1][j] = i
    rows_of = [-1] * m
    j = m
    for r in range(n, 0, -1):
        i = back[r][j]
        for k in range(i, j):
            rows_of[k] = r - 1
        j = i
    return f[n][m], rows_of


# --------------------------------------------------------------------------- layout text

_CJK_SPACE_CJK = regex.compile(r"(?<=[^\x00-\x7f]) (?=\S)|(?<=\S) (?=[^\x00-\x7f])")


def _layout_segments(line: _Line, by_chars: bool = False) -> list[_Line]:
    """A text line's segments; a single space beside a Japanese character also separates
    (Japanese text has no spaces: the extractor squeezed a column gap)."""
    out: list[_Line] = []
    for w in line.words:
        x = w.x0
        for part in _CJK_SPACE_CJK.split(w.text):
            width = len(part) if by_chars else display_width(part)
            piece = Word(part, w.page, x, x + width, w.top, w.bottom, w.source, w.conf, w.line)
            out.append(_Line([piece], part, x, x + width, w.top, w.bottom, w.page, w.line, w.conf))
            x += width + 1
    return out


def _assign(segs: list[_Line], starts: list[float]) -> list[int]:
    """Columns of a line's segments (left to right): increasing, each segment's start as close
    as possible to its column's start."""
    n, m = len(segs), len(starts)
    inf = float("inf")
    # cost[i][k]: best cost placing segments i.. with segment i in column >= k
    best = [[inf] * (m + 1) for _ in range(n + 1)]
    for k in range(m + 1):
        best[n][k] = 0.0
    for i in range(n - 1, -1, -1):
        for k in range(m - 1, -1, -1):
            take = abs(segs[i].x0 - starts[k]) + best[i + 1][k + 1]
            # Two segments of one line may share a column (a cell line with a wide space in it).
            share = abs(segs[i].x0 - starts[k]) + (best[i + 1][k] if i + 1 < n else 0.0) + SHARE_PENALTY
            best[i][k] = min(take, share, best[i][k + 1])
    cols: list[int] = []
    i, k = 0, 0
    while i < n and k < m:
        take = abs(segs[i].x0 - starts[k]) + best[i + 1][k + 1]
        share = abs(segs[i].x0 - starts[k]) + (best[i + 1][k] if i + 1 < n else 0.0) + SHARE_PENALTY
        if best[i][k] == take:
            cols.append(k)
            i, k = i + 1, k + 1
        elif best[i][k] == share:
            cols.append(k)
            i += 1
        else:
            k += 1
    while len(cols) < n:
        cols.append(m - 1)
    return cols


def _char_offsets(page: PageWords) -> PageWords:
    """The page with x positions counted in characters instead of display columns:
    ``pdftotext -layout`` places text by character count, a full-width character counting one."""
    words: list[Word] = []
    by_top: dict[float, list[Word]] = {}
    for w in page.words:
        by_top.setdefault(w.top, []).append(w)
    for ws in by_top.values():
        ws.sort(key=lambda w: w.x0)
        c, end = 0.0, 0.0
        for w in ws:
            c += w.x0 - end  # the spaces between segments count the same either way
            n = len(w.text)
            words.append(Word(w.text, w.page, c, c + n, w.top, w.bottom, w.source, w.conf, w.line))
            c += n
            end = w.x1
    return PageWords(
        page.page, page.width, page.height, page.unit, page.source, words, page.rulings, page.notes
    )


def _starts_from_full_lines(segs: list[list[_Line]]) -> list[float] | None:
    """Column starts from the lines that show all six cells: a date, four more, 事前/事後 fifth."""
    full = [
        line
        for line in segs
        if len(line) == N_COLS
        and DATE_AT_START.match(line[0].text)
        and line[4].text.strip() in ("事前", "事後")
    ]
    if not full:
        return None
    return [statistics.median(line[k].x0 for line in full) for k in range(N_COLS)]


def _initial_starts(header: _Header | None, prev_starts: list[float] | None, segs, hx, settings):  # type: ignore[no-untyped-def]
    full = _starts_from_full_lines(segs)
    if full is not None:
        return full
    if header is not None:
        known = {k: float(x0) for k, (x0, _) in header.labels.items()}
        known[0] = 0.0
        ks = sorted(known)
        starts = []
        for k in range(N_COLS):
            if k in known:
                starts.append(known[k])
                continue
            left = max((j for j in ks if j < k), default=None)
            right = min((j for j in ks if j > k), default=None)
            if left is not None and right is not None:
                starts.append(known[left] + (known[right] - known[left]) * (k - left) / (right - left))
            elif left is not None:
                starts.append(known[left] + (k - left) * 10 * hx)
            else:
                starts.append(0.0)
        return starts
    if prev_starts is not None:
        return list(prev_starts[:N_COLS])
    bounds = _bounds_from_gaps([s for line in segs for s in line], hx, settings, step=1.0)
    if bounds is not None:
        return [bounds[0] + hx / 2, *bounds[1:N_COLS]]
    return None


def _fit_starts(segs: list[list[_Line]], starts: list[float]) -> tuple[list[float], float]:
    """Column starts re-estimated from the segments that open a cell line there, and the mean
    distance of the segments from their column's start (how well the columns fit)."""
    cost = 0.0
    # Columns keep at least half their first estimated width (a sparse column such as 提出時期
    # must not be swallowed by its neighbour).
    gaps = [max(1.0, (b - a) / 2) for a, b in itertools.pairwise(starts)]
    for _ in range(4):
        got: dict[int, list[float]] = {}
        for line in segs:
            for seg, c in zip(line, _assign(line, starts), strict=True):
                got.setdefault(c, []).append(seg.x0)
        starts = [statistics.median(got[k]) if got.get(k) else starts[k] for k in range(N_COLS)]
        for k in range(1, N_COLS):
            starts[k] = max(starts[k], starts[k - 1] + gaps[k - 1])
        n = sum(len(v) for v in got.values())
        cost = sum(abs(x - starts[k]) for k, v in got.items() for x in v) / max(n, 1)
    return starts, cost


def _layout_page_rows(
    page: PageWords,
    prev_starts: list[float] | None,
    hx: float,
    hy: float,
    settings: GridSettings,
    align: str | None = None,
) -> _PageRows | None:
    """A page of ``pdftotext -layout``-like text.  Such extractors place each line's segments at
    roughly proportional offsets, so one column's text starts a few columns apart from line to
    line: segments are matched to columns in order, each to the nearest column start, and the
    starts re-estimated from what they received.  Offsets are read as display columns and as
    character counts; the reading whose columns line up better wins."""
    best = None
    for by_chars, variant in ((False, page), (True, _char_offsets(page))):
        words = [w for w in variant.words if w.text.strip()]
        if not words:
            return None
        all_lines = words_to_lines(words, hx, hy, settings)
        header = find_header(all_lines, hx, hy, settings)
        body = [
            ln
            for ln in all_lines
            if (header is None or ln.top > header.bottom - hy / 2)
            and not _is_furniture(ln.text)
            and not _is_label_line(ln, hx, settings)
        ]
        if not body:
            continue
        segs = [_layout_segments(ln, by_chars) for ln in body]
        init = _initial_starts(header, prev_starts, segs, hx, settings)
        if init is None:
            continue
        starts, cost = _fit_starts(segs, init)
        if best is None or cost < best[0]:
            best = (cost, header, segs, starts)
    if best is None:
        return None
    _, header, segs, starts = best
    cols: dict[int, list[_Line]] = {c: [] for c in range(N_COLS)}
    for line in segs:
        placed: dict[int, list[_Line]] = {}
        for seg, c in zip(line, _assign(line, starts), strict=True):
            placed.setdefault(c, []).append(seg)
        for c, parts in placed.items():
            text = parts[0].text
            for a_, b in itertools.pairwise(parts):
                # One space apart in one column: a space of the text (a wider gap between
                # two pieces of one column is the extractor's, kept as one space only
                # between half-width words).
                near = b.x0 - a_.x1 <= 1.5
                text += (
                    " " if near or (char_width(text[-1]) == 1 and char_width(b.text[0]) == 1) else ""
                ) + b.text
            ws = [w for p_ in parts for w in p_.words]
            ln = _Line(
                ws,
                text,
                parts[0].x0,
                parts[-1].x1,
                parts[0].top,
                parts[0].bottom,
                page.page,
                parts[0].line_no,
                None,
                column=c,
                left=starts[c],
            )
            cols[c].append(ln)
    res = _PageRows([], [], header is not None, [*starts, starts[-1] + 1], False, align=align)
    _lines_to_anchored_rows(res, cols, hy)
    return res


# --------------------------------------------------------------------------- the document


@dataclass(slots=True)
class _Row:
    cells: dict[int, list[_Line]]
    page_start: int
    page_end: int
    flags: list[str]


def _opens_path(lines: list[_Line] | None) -> bool:
    """True when a 項目 cell starts a heading path of its own (Ⅰ…Ⅵ): a row, not the rest of one."""
    return bool(lines) and bool(SECTION_HEADING.match(lines[0].text.strip()))  # type: ignore[index]


def _cell_text(lines: list[_Line] | None) -> str:
    return "".join(ln.text for ln in lines or []).strip()


def pages_to_rows(pages: list[PageWords], settings: Settings) -> GridResult:
    """Raw rows of the amendment table printed on ``pages`` (positioned words, rulings optional)."""
    gs = settings.grid
    result = GridResult()
    if not pages:
        return result
    hx, hy = _ems(pages)
    rows: list[_Row] = []
    prev_bounds: list[float] | None = None
    layout = pages[0].unit == "cell"
    align: str | None = None
    for page in pages:
        pr = (
            _layout_page_rows(page, prev_bounds, hx, hy, gs, align)
            if layout
            else _page_rows(page, prev_bounds, hx, hy, gs, align)
        )
        if pr is None:
            if any(w.text.strip() for w in page.words):
                result.notes.append(f"page {page.page}: no table columns found")
            continue
        prev_bounds, align = pr.bounds, pr.align
        result.unplaced += pr.unplaced
        result.notes.extend(pr.notes)
        first = True
        for cells, merged in zip(pr.rows, pr.merged, strict=True):
            if not any(_cell_text(v) for v in cells.values()):
                continue
            if _is_header_row(cells):
                continue
            flags = ["merged_cell_filled"] if merged else []
            if first and rows and not _cell_text(cells.get(0)) and _opens_path(cells.get(1)):
                # A new row whose date sits in a cell merged across the page break (printed on
                # the page before): it shares the previous row's date, and timing and
                # explanation where its own are empty.
                prev = rows[-1]
                cells = dict(cells)
                for c in (0, 4, 5):
                    if not _cell_text(cells.get(c)) and prev.cells.get(c):
                        cells[c] = prev.cells[c]
                rows.append(_Row(cells, page.page, page.page, [*flags, "merged_cell_filled"]))
                first = False
                continue
            if (
                first
                and rows
                and not _cell_text(cells.get(0))
                and (not _cell_text(cells.get(1)) or not _cell_text(cells.get(4)))
            ):
                prev = rows[-1]
                for c, lines in cells.items():
                    prev.cells.setdefault(c, []).extend(lines)
                prev.page_end = page.page
                if "row_continued" not in prev.flags:
                    prev.flags.append("row_continued")
                first = False
                continue
            first = False
            rows.append(_Row(dict(cells), page.page, page.page, flags))
    if result.unplaced:
        result.notes.append(f"{result.unplaced} words of the table pages could not be placed in a cell")
    if layout:
        # Text cells: extractors shift lines, so the wrap verdict is left to the rejoin step,
        # which compares each line's display width with its column's (the widest line).
        widths: dict[int, float] = {}
        for r in rows:
            for c, lines in r.cells.items():
                for ln in lines:
                    widths[c] = max(widths.get(c, 0.0), float(display_width(ln.text)))
        for r in rows:
            raw = _to_raw_row(r, {}, hx, gs)
            for c, name in enumerate(COLUMNS):
                for cl in raw.cells[name]:
                    cl.wraps = None
                raw.widths[name] = widths.get(c)
            result.rows.append(raw)
        return result
    limits = _column_limits(rows, hx)
    for r in rows:
        result.rows.append(_to_raw_row(r, limits, hx, gs))
    return result


def _column_limits(rows: list[_Row], hx: float) -> dict[int, float]:
    """Per column, the furthest any line reaches from the column's left boundary: its wrap edge.

    With ruled cells, a column none of whose lines comes near its right ruling (short entries
    such as [○]紙 only) gets the edge the other columns show (width less their padding), so that
    its longest line is not taken for a full one."""
    limits: dict[int, float] = {}
    widths: dict[int, float] = {}
    for r in rows:
        for c, lines in r.cells.items():
            for ln in lines:
                limits[c] = max(limits.get(c, 0.0), ln.x1 - ln.left)
                if ln.width is not None:
                    widths[c] = min(widths.get(c, ln.width), ln.width)
    slack = [widths[c] - limits[c] for c in limits if c in widths and widths[c] - limits[c] >= 0]
    if len(slack) >= 3:
        pad = statistics.median(sorted(slack)[: max(3, len(slack) // 2)])
        for c in limits:
            if c in widths and limits[c] < widths[c] - pad - UNREACHED_EDGE_EM * hx:
                limits[c] = widths[c] - pad
    return limits


def _to_raw_row(r: _Row, limits: dict[int, float], hx: float, gs: GridSettings) -> RawRow:
    raw = RawRow(page_start=r.page_start, page_end=r.page_end, flags=list(r.flags))
    for c, name in enumerate(COLUMNS):
        lines = r.cells.get(c) or []
        limit = limits.get(c, 0.0)
        out: list[CellLine] = []
        for i, ln in enumerate(lines):
            reach = ln.x1 - ln.left
            space_after = False
            if i + 1 < len(lines):
                nxt = lines[i + 1]
                wraps = reach + nxt.first_piece_width() > limit + gs.wrap_fit_em * hx
                # Half-width words broken at a space: the line had room for the space (not
                # printed at a line end) but not for the next word.  Between Japanese
                # characters a break is as likely mid-word, so no space is guessed there.
                a, b = ln.text.strip()[-1:], nxt.text.strip()[:1]
                space_after = (
                    wraps
                    and a.isascii()
                    and a.isalnum()
                    and b.isascii()
                    and b.isalnum()
                    and (" " in ln.text.strip() or " " in nxt.text.strip())
                    and limit - reach >= _unit_width(ln.words) * gs.space_room_units
                )
            else:
                wraps = reach >= limit - gs.wrap_edge_em * hx
            out.append(CellLine(ln.text, ln.page, ln.line_no, wraps, ln.conf, ln.reaches_bottom, space_after))
        if name == "item":
            _heading_breaks(out)
        raw.cells[name] = out
        raw.widths[name] = None
    confs = [cl.conf for cls in raw.cells.values() for cl in cls if cl.conf is not None]
    if confs:
        raw.confidence = min(1.0, statistics.median(confs) / 100)
    return raw


def _heading_breaks(lines: list[CellLine]) -> None:
    """In the 項目 column a heading may end exactly at the cell's edge: a full line followed by
    a line that opens a heading of the form (and reads worse joined) is a paragraph break."""
    start = 0
    for i in range(len(lines) - 1):
        if not lines[i].wraps:
            start = i + 1
            continue
        left = "".join(cl.text.strip() for cl in lines[start : i + 1])
        j = i + 1
        right = lines[j].text.strip()
        while lines[j].wraps and j + 1 < len(lines):
            j += 1
            right += lines[j].text.strip()
        if not left or not right:
            continue
        score = heading_score(right)
        if (
            score >= HEADING_BREAK_SCORE
            and score >= heading_score(left + right)
            and heading_score(left) >= 0.5
        ):
            lines[i].wraps = False
            start = i + 1


def layout_pages_to_rows(pages: list[PageWords], settings: Settings) -> GridResult:
    """Rows of ``pdftotext -layout``-like text: words at character offsets, no rulings."""
    return pages_to_rows(pages, settings)
