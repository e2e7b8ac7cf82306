"""PDF text clipped away at a cell's edge: the rest of the cell's text, which the page does not show.

A spreadsheet clips a cell's text at the cell's edges: the lines of a row too short for them,
or the part of a cell merged over a page break that falls on the next page (LibreOffice Calc
draws the whole text and clips it to the part of the cell on the page).  The PDF reader leaves
such characters out (they are not visible) and keeps them aside (``PageWords.unseen``); here
those that continue a cell's printed text are tied to the cell, so that its row can say the cell
is cut short (``truncated:<field>``, normalize/flags.py) instead of passing as whole.

A clipped character continues a cell's text when

* its clipping path is the cell's box on that side: the path's edge lies within
  ``GridSettings.clipped_edge_em`` of the cell's ruling, and the character lies beyond it;
* the nearest of the cell's clipped characters on that side is within
  ``GridSettings.clipped_near_em`` of the cell's printed text (the next line, or the rest of a
  line).

Text hidden on purpose is not: white text or text under a white box is never ``clipped``, and a
clipping path that ends inside its cell (a line hidden under the others) leaves the character
inside the cell, not beyond its edge.  Nor is a merged cell's text that the next page draws off
the page, above its top, in a cell that prints nothing: it continues no printed text.
"""

from __future__ import annotations

from dataclasses import dataclass

from piatable.models import Unseen, Word
from piatable.settings import GridSettings

from .lines import Line

Clip = tuple[float, float, float, float]  # a clipping box: x0, top, x1, bottom


@dataclass(slots=True)
class CellBox:
    """A cell of a ruled page (x0, top, x1, bottom between its rulings) and its printed lines."""

    x0: float
    top: float
    x1: float
    bottom: float
    lines: list[Line]


def _side(w: Word, clip: Clip) -> str | None:
    """Where the character lies outside its clipping box: below, above, right or left (None:
    inside it)."""
    cx, cy = (w.x0 + w.x1) / 2, (w.top + w.bottom) / 2
    x0, top, x1, bottom = clip
    if cy > bottom:
        return "below"
    if cy < top:
        return "above"
    if cx > x1:
        return "right"
    if cx < x0:
        return "left"
    return None


def _cell_of(w: Word, clip: Clip, cells: list[CellBox], hy: float) -> CellBox | None:
    """The cell the clipping box belongs to: the one holding the point of the box nearest the
    character, taken a little inside the box."""
    x0, top, x1, bottom = clip
    inset = max(0.0, min(hy / 2, (x1 - x0) / 2, (bottom - top) / 2))
    ax = min(max((w.x0 + w.x1) / 2, x0 + inset), x1 - inset)
    ay = min(max((w.top + w.bottom) / 2, top + inset), bottom - inset)
    for c in cells:
        if c.x0 <= ax < c.x1 and c.top <= ay < c.bottom:
            return c
    return None


def _at_edge(w: Word, side: str, clip: Clip, cell: CellBox, edge: float) -> bool:
    """The clipping box ends at the cell's edge on ``side`` and the character lies beyond it."""
    cx, cy = (w.x0 + w.x1) / 2, (w.top + w.bottom) / 2
    x0, top, x1, bottom = clip
    if side == "below":
        return abs(bottom - cell.bottom) <= edge and cy >= cell.bottom - edge
    if side == "above":
        return abs(top - cell.top) <= edge and cy <= cell.top + edge
    if side == "right":
        return abs(x1 - cell.x1) <= edge and cx >= cell.x1 - edge
    return abs(x0 - cell.x0) <= edge and cx <= cell.x0 + edge


def _gap(chars: list[Word], side: str, lines: list[Line]) -> tuple[float, Line]:
    """How far the nearest clipped character lies from the cell's printed text, and the line it
    continues."""
    if side == "below":
        return min(w.top for w in chars) - lines[-1].bottom, lines[-1]
    if side == "above":
        return lines[0].top - max(w.bottom for w in chars), lines[0]
    best: tuple[float, Line] | None = None
    for w in chars:
        cy = (w.top + w.bottom) / 2
        for ln in lines:
            if ln.top <= cy <= ln.bottom:
                gap = w.x0 - ln.x1 if side == "right" else ln.x0 - w.x1
                if best is None or gap < best[0]:
                    best = (gap, ln)
    return best if best is not None else (float("inf"), lines[-1])


def attach_clipped(unseen: list[Unseen], cells: list[CellBox], hy: float, settings: GridSettings) -> int:
    """Tie the characters of ``unseen`` clipped away beyond the edge of one of ``cells`` (cells
    with printed lines), next to its text, to the cell: their text, in reading order, goes to
    ``Line.clipped`` of the line they continue (the last for text below, the first for text
    above).  Returns the number of characters tied."""
    groups: dict[tuple[int, str], tuple[CellBox, list[Word]]] = {}
    edge = settings.clipped_edge_em * hy
    for u in unseen:
        if u.why != "clipped" or u.clip is None or not u.word.text.strip():
            continue
        side = _side(u.word, u.clip)
        if side is None:
            continue
        cell = _cell_of(u.word, u.clip, cells, hy)
        if cell is None or not cell.lines or not _at_edge(u.word, side, u.clip, cell, edge):
            continue
        groups.setdefault((id(cell), side), (cell, []))[1].append(u.word)
    tied = 0
    for (_, side), (cell, chars) in groups.items():
        gap, line = _gap(chars, side, cell.lines)
        if gap > settings.clipped_near_em * hy:
            continue
        chars = reading_order(chars, hy)
        line.clipped += "".join(w.text for w in chars)
        tied += len(chars)
    return tied


def clipped_cell_words(unseen: list[Unseen], cell: CellBox, hy: float, settings: GridSettings) -> list[Word]:
    """The characters of ``unseen`` that ``cell``'s clipping box (its own, or its row's band)
    hides beyond its top or bottom edge (in reading order): the text of a cell merged over a
    page break that the spreadsheet placed (centred or at the foot of the whole merged cell) on
    the part of the cell another page shows.  LibreOffice Calc draws it on every page the cell
    spans and clips it to the part on the page: the part that prints nothing still holds its
    value here."""
    edge = settings.clipped_edge_em * hy
    out: list[Word] = []
    for u in unseen:
        if u.why != "clipped" or u.clip is None or not u.word.text.strip():
            continue
        x0, top, x1, bottom = u.clip
        cx = (u.word.x0 + u.word.x1) / 2
        # The box is the cell's, or its row's band across the table (Calc clips a row's cells
        # to the row at a page's foot); the character stands in the cell's column.
        if not (x0 <= cell.x0 + edge and x1 >= cell.x1 - edge and cell.x0 <= cx <= cell.x1):
            continue
        if abs(top - cell.top) > edge or abs(bottom - cell.bottom) > edge:
            continue
        if _side(u.word, u.clip) in ("below", "above"):
            out.append(u.word)
    return reading_order(out, hy)


def reading_order(chars: list[Word], hy: float) -> list[Word]:
    """Characters line by line (a character whose top is within ``hy / 2`` of the line's first
    joins it), each line left to right."""
    lines: list[list[Word]] = []
    for w in sorted(chars, key=lambda w: w.top):
        if lines and w.top - lines[-1][0].top <= hy / 2:
            lines[-1].append(w)
        else:
            lines.append([w])
    return [w for ln in lines for w in sorted(ln, key=lambda w: w.x0)]


# The evidence quotes this many characters of the clipped text at most.
CLIPPED_SHOWN_CHARS = 40


def clipped_why(clipped: list[tuple[int | None, str]]) -> str:
    """The evidence of a cell whose text goes on clipped away: how much, where, and its start
    (moved from ``rows``)."""
    text = "".join(t for _, t in clipped)
    pages = ", ".join(str(p) for p in dict.fromkeys(p for p, _ in clipped) if p)
    shown = text if len(text) <= CLIPPED_SHOWN_CHARS else text[:CLIPPED_SHOWN_CHARS] + "…"
    return f"{len(text)} characters of the cell clipped away at its edge on page {pages}, not read: {shown}"
