"""Columns printed in another order than the form's (issue 11): a template that puts 変更日 on
the right, 提出時期 before 変更前の記載, or the explanation before 提出時期.

When the page's label row shows all six labels in another order, each printed column is moved,
words, rulings and hidden characters alike, to the place its label gives it in the form's order
(変更日 / 項目 / 変更前 / 変更後 / 提出時期 / 説明), keeping its width; the grid then reads the page
as it reads any other.  A page without a label row is moved as the page before it was.  Without
all six labels nothing is moved: the columns are taken in the form's order, and the content
checks (dates, 事前 / 事後 cells) warn ``column_guess`` as before.
"""

from __future__ import annotations

import copy
import dataclasses
import itertools
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass

import regex

from piatable.models import PageWords, Unseen, Word
from piatable.settings import GridSettings
from piatable.vocabulary import LABELS

from ..chars import display_width
from .columns import bounds_from_labels
from .common import N_COLS, is_furniture
from .labels import Header, find_header, is_label_line, with_label_tails
from .lines import Line, split_segments, words_to_lines


@dataclass(frozen=True, slots=True)
class ColumnMove:
    """How a page's printed columns are moved into the form's order."""

    # The role (index of ``LABELS``) of each printed column, left to right.
    roles: tuple[int, ...]
    # The seven printed column boundaries, left to right, in page units.
    bounds: tuple[float, ...]
    # The role whose label was not read, given to the one ruled column without a label
    # (``with_lost_label``); None when all six labels were read.
    placed: int | None = None
    # What told the order: "labels" (the label row), or "cells" (the columns' dates and
    # 事前/事後, its labels not read: ``content_order``).
    read_by: str = "labels"

    def shifts(self) -> list[float]:
        """Per printed column, how far its contents move (page units)."""
        widths = {r: self.bounds[p + 1] - self.bounds[p] for p, r in enumerate(self.roles)}
        starts, left = {}, self.bounds[0]
        for r in range(N_COLS):
            starts[r] = left
            left += widths[r]
        return [starts[r] - self.bounds[p] for p, r in enumerate(self.roles)]

    def note(self) -> str:
        """The note that says the columns were read by their labels."""
        printed = " | ".join(LABELS[r] for r in self.roles)
        if self.read_by == "cells":
            return (
                f"the table prints its columns in another order ({printed}): told by the columns' "
                "dates and 事前/事後 (its column labels not read), each read as such"
            )
        note = f"the table prints its columns in another order ({printed}): each was read by its label"
        if self.placed is not None:
            note += f", {LABELS[self.placed]} (its label not read) as the one ruled column left without one"
        return note


def printed_roles(header: Header) -> tuple[int, ...] | None:
    """The roles of the printed columns left to right, when the label row shows all six labels,
    each once (``Header.twice``), and not in the form's order; else None."""
    if len(header.labels) != N_COLS or header.twice:
        return None
    roles = tuple(sorted(header.labels, key=lambda c: header.labels[c][0]))
    return None if roles == tuple(range(N_COLS)) else roles


def with_lost_label(header: Header, verticals: list[float]) -> tuple[Header, int | None]:
    """``header`` with the one label it lacks placed in the one ruled column that holds no label,
    and that label's role (None: nothing placed).

    A scan's narrow label cell (提出時 / 期 wrapped in a column two glyphs wide, set XIX's
    t02-600dpi-grey.png) may be read as no label at all: five labels then told no order, and
    every cell of a table printing 変更日 on the right was read one column off.  Placed only when
    the page's vertical rulings make exactly six columns and each of the five labels read stands
    in a column of its own: the sixth is the lost label's.  A page with more rulings (a numbering
    or remarks column, a stamp's box) or fewer is left as read."""
    if len(header.labels) != N_COLS - 1 or header.twice:
        return header, None
    xs = sorted(verticals)
    if len(xs) != N_COLS + 1:
        return header, None
    cols = list(itertools.pairwise(xs))
    held: set[int] = set()
    for x0, x1 in header.labels.values():
        mid = (x0 + x1) / 2
        at = [k for k, (a, b) in enumerate(cols) if a < mid < b]
        if len(at) != 1 or at[0] in held:
            return header, None
        held.add(at[0])
    (free,) = set(range(N_COLS)) - held
    (lost,) = set(range(N_COLS)) - set(header.labels)
    a, b = cols[free]
    third = (b - a) / 3
    return dataclasses.replace(header, labels={**header.labels, lost: (a + third, b - third)}), lost


def column_move(
    header: Header,
    verticals: list[float],
    body: Callable[[], list[Line]],
    hx: float,
    settings: GridSettings,
    from_centres: bool = False,
) -> ColumnMove | None:
    """The move that puts the columns of ``header``'s page into the form's order (its printed
    boundaries from the rulings round each label, else the body's gaps between labels:
    ``bounds_from_labels``, ``from_centres`` as there); None when the columns are in the form's
    order or cannot be bounded.  One label not read is placed by the rulings (``with_lost_label``)."""
    header, placed = with_lost_label(header, verticals)
    roles = printed_roles(header)
    if roles is None:
        return None
    printed = Header(header.top, header.bottom, {p: header.labels[r] for p, r in enumerate(roles)})
    bounds = bounds_from_labels(printed, verticals, body, hx, settings, from_centres)
    return None if bounds is None else ColumnMove(roles, tuple(bounds), placed)


def _follows(header: Header, roles: tuple[int, ...]) -> bool:
    """True when the labels ``header`` found (three or more, those read twice left aside) stand
    in the order of ``roles`` (the printed order a page before read), whatever labels are
    missing."""
    found = sorted((c for c in header.labels if c not in header.twice), key=lambda c: header.labels[c][0])
    if len(found) < 3:
        return False
    at = {r: k for k, r in enumerate(roles)}
    return all(at[a] < at[b] for a, b in itertools.pairwise(found))


def page_move(
    header: Header | None,
    before: ColumnMove | None,
    verticals: list[float],
    body: Callable[[], list[Line]],
    hx: float,
    settings: GridSettings,
) -> ColumnMove | None:
    """The move of a page whose label row is ``header`` (None: no label row), after a page
    moved by ``before``: its own when it shows all six labels; else ``before``'s when there is
    no label row, or when the labels it found stand in ``before``'s printed order (OCR misread
    or lost one: 提出時其, a 変更前の記載 not read, on the next page of the same table; without
    this the page was read in the form's order or not at all, and its rows were lost)."""
    if header is None:
        return before
    move = column_move(header, verticals, body, hx, settings)
    if move is None and before is not None and _follows(header, before.roles):
        return before
    return move


def _moved_word(w: Word, shift: float) -> Word:
    out = copy.copy(w)
    out.x0, out.x1 = w.x0 + shift, w.x1 + shift
    return out


def _cut_at_boundaries(w: Word, bounds: list[float]) -> list[Word]:
    """``w`` cut at the spaces nearest the inner printed boundaries it crosses: a piece of text
    the extractor printed one space apart from the next column's (``…の移設 2019年5月1日``) is
    two cells' text.  A word without a space there stays whole."""
    inner = [bx for bx in bounds[1:-1] if w.x0 < bx < w.x1]
    if not inner or " " not in w.text:
        return [w]
    # Where each character starts: display columns, or characters (one each).
    widths = [display_width(ch) for ch in w.text]
    if abs((w.x1 - w.x0) - sum(widths)) > abs((w.x1 - w.x0) - len(w.text)):
        widths = [1] * len(w.text)
    starts = list(itertools.accumulate(widths, initial=w.x0))
    cuts: set[int] = set()
    for bx in inner:
        spaces = [i for i, ch in enumerate(w.text) if ch == " " and 0 < i < len(w.text) - 1]
        if spaces:
            cuts.add(min(spaces, key=lambda i: abs(starts[i] + widths[i] / 2 - bx)))
    out: list[Word] = []
    a = 0
    for i in sorted(cuts):
        out.append(_piece(w, w.text[a:i], starts[a], starts[i]))
        a = i + 1
    out.append(_piece(w, w.text[a:], starts[a], w.x1))
    return [p for p in out if p.text.strip()]


def _piece(w: Word, text: str, x0: float, x1: float) -> Word:
    out = copy.copy(w)
    out.text, out.x0, out.x1 = text, x0, x1
    return out


def moved_page(page: PageWords, move: ColumnMove, hx: float, settings: GridSettings) -> PageWords:
    """``page`` with each printed column's words, rulings and hidden characters moved to its
    place in the form's order (``ColumnMove``).  A word moves with the column of its centre; a
    vertical ruling on a printed boundary becomes the edges of the two columns it parts; a
    horizontal ruling is cut at the printed boundaries and each piece moves with its column.
    Whatever lies outside the table's outer boundaries stays."""
    bounds = list(move.bounds)
    shifts = move.shifts()
    slack = settings.ruling_merge_em * hx

    def shift_at(x: float) -> float:
        p = bisect_right(bounds, x) - 1
        return shifts[p] if 0 <= p < N_COLS else 0.0

    words = [
        _moved_word(p, shift_at((p.x0 + p.x1) / 2))
        for w in page.words
        for p in (_cut_at_boundaries(w, bounds) if page.unit == "cell" else (w,))
    ]
    rulings: list[tuple[float, float, float, float]] = []
    for x0, t, x1, b in page.rulings:
        if abs(x1 - x0) <= abs(b - t):  # vertical
            x = (x0 + x1) / 2
            near = [k for k, bx in enumerate(bounds) if abs(x - bx) <= slack]
            if not near:
                s = shift_at(x)
                rulings.append((x0 + s, t, x1 + s, b))
                continue
            k = near[0]
            for p in (k - 1, k):
                if 0 <= p < N_COLS:
                    s = bounds[k] - x + shifts[p]
                    rulings.append((x0 + s, t, x1 + s, b))
            continue
        lo, hi = min(x0, x1), max(x0, x1)
        cuts = [lo, *(bx for bx in bounds if lo < bx < hi), hi]
        for a, c in itertools.pairwise(cuts):
            s = shift_at((a + c) / 2)
            rulings.append((a + s, t, c + s, b))
    unseen = [
        Unseen(
            _moved_word(u.word, s := shift_at((u.word.x0 + u.word.x1) / 2)),
            u.why,
            None if u.clip is None else (u.clip[0] + s, u.clip[1], u.clip[2] + s, u.clip[3]),
        )
        for u in page.unseen
    ]
    return dataclasses.replace(page, words=words, rulings=rulings, unseen=unseen)


# One space beside a Japanese character: a column gap the extractor squeezed (Japanese text has
# no spaces), as ``layout_text._layout_segments`` reads it.
_CJK_SPACE = regex.compile(r"(?<=[^\x00-\x7f]) (?=\S)|(?<=\S) (?=[^\x00-\x7f])")


def _squeezed_pieces(seg: Line) -> list[Line]:
    """``seg`` parted at each single space beside a Japanese character, each piece placed where
    it is printed (in the page's units: display columns, or characters as ``_char_offsets``
    counts them).  A cell's last characters set one space before the next column's
    (``…住民基本台 の概要``, set XXI t11, Chromium, columns right to left) would otherwise close the
    body's gap between the two columns, and the boundary was taken inside the next column."""
    out: list[Line] = []
    for w in seg.words:
        parts = _CJK_SPACE.split(w.text)
        if len(parts) == 1:
            out.append(Line([w], w.text, w.x0, w.x1, w.top, w.bottom, seg.page, seg.line_no, seg.conf))
            continue
        widths = [display_width(ch) for ch in w.text]
        by_chars = abs((w.x1 - w.x0) - len(w.text)) < abs((w.x1 - w.x0) - sum(widths))
        x = w.x0
        for part in parts:
            width = len(part) if by_chars else display_width(part)
            if part.strip():
                piece = _piece(w, part, x, x + width)
                out.append(
                    Line([piece], part, x, x + width, w.top, w.bottom, seg.page, seg.line_no, seg.conf)
                )
            x += width + 1
    return out


# Label pieces the six labels' row cannot lack (a wrapped 提出時 / 期 aside): a page of text
# without them has no label row to read the order from.
_MUST_PIECES = ("変更前", "変更後", "項目")


def layout_move(
    page: PageWords, move: ColumnMove | None, hx: float, hy: float, settings: GridSettings
) -> tuple[PageWords, ColumnMove | None]:
    """A page of ``pdftotext -layout``-like text (in one reading of its offsets) with its columns
    moved into the form's order when its label row prints them in another order, or, without a
    label row, as the page before moved them (``move``); and the move made (None: none)."""
    text = "".join(w.text for w in page.words)
    if all(p in text for p in _MUST_PIECES):
        lines = words_to_lines([w for w in page.words if w.text.strip()], hx, hy, settings)
        header = find_header(lines, hx, hy, settings)
        if header is not None:
            header = with_label_tails(header, lines, hy)
            top, gap = header.bottom - hy / 2, settings.column_gap_em * hx

            def body() -> list[Line]:
                return [
                    piece
                    for ln in lines
                    if ln.top > top and not is_furniture(ln.text) and not is_label_line(ln, hx, settings)
                    for seg in split_segments(ln, gap)
                    for piece in _squeezed_pieces(seg)
                ]

            move = column_move(header, [], body, hx, settings, from_centres=True)
    return (page if move is None else moved_page(page, move, hx, settings)), move
