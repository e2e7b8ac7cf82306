"""Raw rows of the whole document: page by page (ruled/positioned or layout text), header rows
dropped, rows continued across page breaks, then each line's soft-wrap verdict from its
column's wrap edge and heading breaks in 項目.
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass

from piatable.models import COLUMNS, CellLine, PageWords, RawRow
from piatable.settings import GridSettings, Settings

from ..chars import display_width
from ..items import heading_score
from .common import SECTION_HEADING, GridResult, cell_text
from .labels import is_header_row
from .layout_text import layout_page_rows
from .lines import Line, ems, unit_width
from .ruled import page_rows

# A ruled column whose longest line stops this many ems short of the edge the others reach has
# no full line at all.
UNREACHED_EDGE_EM = 1.5


# A full 項目 line followed by a line opening a heading at least this heading-like breaks there.
HEADING_BREAK_SCORE = 0.75


@dataclass(slots=True)
class _Row:
    cells: dict[int, list[Line]]
    page_start: int
    page_end: int
    flags: list[str]


def _opens_path(lines: list[Line] | None) -> bool:
    """True when a 項目 cell starts a heading path of its own (Ⅰ…Ⅵ): a row, not the rest of one."""
    return bool(lines) and bool(SECTION_HEADING.match(lines[0].text.strip()))  # type: ignore[index]


def pages_to_rows(pages: list[PageWords], settings: Settings) -> GridResult:
    """Raw rows of the amendment table printed on ``pages`` (positioned words, rulings optional)."""
    gs = settings.grid
    result = GridResult()
    if not pages:
        return result
    hx, hy = ems(pages)
    rows: list[_Row] = []
    prev_bounds: list[float] | None = None
    layout = pages[0].unit == "cell"
    align: str | None = None
    for page in pages:
        pr = (
            layout_page_rows(page, prev_bounds, hx, hy, gs, align)
            if layout
            else page_rows(page, prev_bounds, hx, hy, gs, align)
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
            if not any(cell_text(v) for v in cells.values()):
                continue
            if is_header_row(cells):
                continue
            flags = ["merged_cell_filled"] if merged else []
            if first and rows and not cell_text(cells.get(0)) and _opens_path(cells.get(1)):
                # A new row whose date sits in a cell merged across the page break (printed on
                # the page before): it shares the previous row's date, and timing and
                # explanation where its own are empty.
                prev = rows[-1]
                cells = dict(cells)
                for c in (0, 4, 5):
                    if not cell_text(cells.get(c)) and prev.cells.get(c):
                        cells[c] = prev.cells[c]
                rows.append(_Row(cells, page.page, page.page, [*flags, "merged_cell_filled"]))
                first = False
                continue
            if (
                first
                and rows
                and not cell_text(cells.get(0))
                and (not cell_text(cells.get(1)) or not cell_text(cells.get(4)))
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
                    and limit - reach >= unit_width(ln.words) * gs.space_room_units
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
