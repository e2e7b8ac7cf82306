"""A second read of the text lines tesseract lost or garbled, each line cut out alone.

A cell's lines with ordinary spacing are read together (strips._cut_cells), and tesseract's
line finder then sometimes runs two lines into one or drops most of a line: ``2023年3月31`` over
a centred ``日`` came back ``20``; ``・サーバー室には監視カメラを設置している。`` came back
``ラを設置してい4``.  Read alone, each of those lines reads right.  The sign is on the page: ink
of the line that no character of the read stands on (a character was lost), or one tesseract
line whose characters stand on two lines of ink (lines run together).  Such a line is read
again, alone, and the second read is kept when it reads what the first lost, or, leaving as
little ink unread, is surer or reads more easily by the dictionary (``_second_is_better``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from piatable.settings import OcrSettings

from .engine import TsvWord

# Line numbers of the second read start here, so that they never meet the first read's.
REREAD_LINE_BASE = 100_000


@dataclass(slots=True)
class _Band:
    """One line of ink of a piece, in page pixels (rows top…bottom, the piece's columns)."""

    piece: int
    top: int
    bottom: int
    cols: np.ndarray  # inked columns, page x


def ink_runs(inked: np.ndarray, min_height: float) -> list[list[int]]:
    """[first, last + 1] of each run of inked rows (``inked``: one bool per row); a run lower
    than ``min_height`` (a speck, a stroke apart) joins its neighbour, and so does a run after
    such a low one.  The lines of a cell's or a piece's text (``strips``, ``ink_lines``)."""
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
    return lines


def ink_lines(sub_ink: np.ndarray, min_height: float, tallest: float) -> list[tuple[int, int]]:
    """(first, last + 1) rows of each line of ink in a piece (a run of inked rows lower than
    ``min_height`` — a speck, a stroke apart — joins its neighbour).  A run taller than
    ``tallest`` is lines touching (a bracket reaching into the next line): it is cut at its
    least inked row, at least ``min_height`` from either end, until no part is that tall."""
    lines = ink_runs(sub_ink.any(axis=1), min_height)
    if not lines:
        return []
    counts = sub_ink.sum(axis=1)
    out: list[tuple[int, int]] = []
    todo = [(a, b) for a, b in lines]
    while todo:
        a, b = todo.pop(0)
        lo, hi = a + int(min_height), b - int(min_height)
        if b - a <= tallest or hi <= lo:
            out.append((a, b))
            continue
        cut = lo + int(np.argmin(counts[lo:hi]))
        todo[:0] = [(a, cut), (cut, b)]
    return out


def _bands(pieces, ink: np.ndarray, glyph: float, settings: OcrSettings) -> list[_Band]:  # type: ignore[no-untyped-def]
    out: list[_Band] = []
    for n, (_, box, _) in enumerate(pieces):
        sub = ink[box.top : box.bottom, box.x0 : box.x1] > 0
        for a, b in ink_lines(sub, settings.min_line_em * glyph, settings.reread_max_line_em * glyph):
            cols = np.flatnonzero(sub[a:b].any(axis=0)) + box.x0
            out.append(_Band(n, box.top + a, box.top + b, cols))
    return out


def _bands_of(bands: list[_Band], words: list[TsvWord]) -> list[int | None]:
    """Index of the band each character stands on (its box's vertical centre; the nearest band,
    the first of equals, among those whose inked columns reach its horizontal centre within a
    pixel), None for none: one array of characters × bands (a loop over both took about a
    second of Python per scanned page)."""
    if not words or not bands:
        return [None] * len(words)
    inked = np.array([b.cols.size > 0 for b in bands])
    lo = np.array([b.cols[0] - 1 if b.cols.size else 0 for b in bands], dtype=np.float64)
    hi = np.array([b.cols[-1] + 1 if b.cols.size else -1 for b in bands], dtype=np.float64)
    top = np.array([b.top for b in bands], dtype=np.float64)
    bottom = np.array([b.bottom for b in bands], dtype=np.float64)
    x = np.array([w.left + w.width / 2 for w in words], dtype=np.float64)[:, None]
    y = np.array([w.top + w.height / 2 for w in words], dtype=np.float64)[:, None]
    near = inked & (lo <= x) & (x <= hi)
    inside = (top <= y) & (y < bottom)
    d = np.where(inside, 0.0, np.minimum(np.abs(y - top), np.abs(y - bottom)))
    d = np.where(near, d, np.inf)
    best = np.argmin(d, axis=1)
    found = near.any(axis=1)
    return [int(k) if ok else None for k, ok in zip(best.tolist(), found.tolist(), strict=True)]


def unread_ink(band: _Band, words: list[TsvWord], reach: float, widest: float) -> int:
    """Inked columns of a band that no character's box covers: each box widened by ``reach``
    pixels, and one wider than ``widest`` taken as ``widest`` about its centre (tesseract gave
    the ``0`` of a line it dropped a box over the whole line)."""
    covered = np.zeros(band.cols.size, dtype=bool)
    for w in words:
        a, b = w.left, w.left + w.width
        if b - a > widest:
            a, b = (a + b - widest) / 2, (a + b + widest) / 2
        covered |= (band.cols >= a - reach) & (band.cols < b + reach)
    return int((~covered).sum())


def _text(words: list[TsvWord]) -> str:
    return "".join(w.text for w in sorted(words, key=lambda w: w.left)).replace(" ", "")


def _cost(text: str) -> float:
    """SudachiPy's path cost per character of ``text`` (0 for a text of one character)."""
    from piatable.normalize.tokenizer import default_tokenizer

    return default_tokenizer().path_cost(text) / len(text) if len(text) > 1 else 0.0


def _mean_conf(words: list[TsvWord]) -> float:
    return sum(w.conf for w in words) / len(words) if words else 0.0


def reread_lost_lines(
    words: list[TsvWord],
    pieces,  # type: ignore[no-untyped-def]
    ink: np.ndarray,
    glyph: float,
    settings: OcrSettings,
    read: Callable[[list], list[TsvWord]],
) -> list[TsvWord]:
    """``words`` with each line that lost ink or ran into another replaced by its second read
    (``read``: pieces → words on the page, as strips._read_strip) where that read is better
    (``_second_is_better``).  Lines are bands of ink (``ink_lines``) of the ``pieces`` cut from
    the cells; a character belongs to the band its box's centre stands on."""
    if not settings.reread_lines or not pieces:
        return words
    bands = _bands(pieces, ink, glyph, settings)
    if not bands:
        return words
    reach, widest = settings.reread_reach_em * glyph, settings.reread_widest_em * glyph
    on_band: dict[int, list[int]] = {}
    for i, k in enumerate(_bands_of(bands, words)):
        if k is not None:
            on_band.setdefault(k, []).append(i)
    # Tesseract lines whose characters stand on two bands: lines run together.
    bands_of_line: dict[tuple[int, int, int], set[int]] = {}
    for k, idx in on_band.items():
        for i in idx:
            bands_of_line.setdefault(words[i].line, set()).add(k)
    run_together = {k for ks in bands_of_line.values() if len(ks) > 1 for k in ks}
    suspect = [
        k
        for k, b in enumerate(bands)
        if (
            k in run_together
            or (k not in on_band and b.cols.size >= settings.reread_lost_em * glyph)
            or unread_ink(b, [words[i] for i in on_band.get(k, [])], reach, widest)
            >= settings.reread_unread_em * glyph
        )
    ]
    if not suspect:
        return words
    m = max(int(settings.crop_margin_em * glyph), 2)
    lines = []
    for k in suspect:
        b = bands[k]
        index, box, _ = pieces[b.piece]
        # Up to the middle of the white towards the piece's line above and below.
        above = [o.bottom for o in bands if o.piece == b.piece and o.bottom <= b.top]
        below = [o.top for o in bands if o.piece == b.piece and o.top >= b.bottom]
        top = max(b.top - m, box.top, (max(above) + b.top + 1) // 2 if above else box.top)
        bottom = min(b.bottom + m, box.bottom, (min(below) + b.bottom) // 2 if below else box.bottom)
        crop = ink_crop(pieces[b.piece], top, bottom)
        lines.append((index, type(box)(box.x0, top, box.x1, bottom), crop))
    again = read(lines)
    new_on: dict[int, list[TsvWord]] = {}
    for w, k in zip(again, _bands_of(bands, again), strict=True):
        if k is not None and k in suspect:
            line = (w.line[0], w.line[1], REREAD_LINE_BASE + w.line[2])
            new_on.setdefault(k, []).append(
                TsvWord(w.text, w.left, w.top, w.width, w.height, w.conf, line, w.word + REREAD_LINE_BASE)
            )
    drop: set[int] = set()
    add: list[TsvWord] = []
    for k in suspect:
        old = [words[i] for i in on_band.get(k, [])]
        new = new_on.get(k, [])
        if new and _second_is_better(bands[k], old, new, glyph, settings):
            drop.update(on_band.get(k, []))
            add.extend(new)
    if not add:
        return words
    return [w for i, w in enumerate(words) if i not in drop] + add


def _second_is_better(
    band: _Band, old: list[TsvWord], new: list[TsvWord], glyph: float, settings: OcrSettings
) -> bool:
    """Whether a line's second read (``new``) replaces its first (``old``): it reads what the
    first lost (less ink left unread, more characters, not garbage by the dictionary's cost per
    character), or it leaves as little unread and is surer or reads more easily (see the
    ``reread_*`` settings).  Never a read below ``reread_min_conf``, nor the same text."""
    reach, widest = settings.reread_reach_em * glyph, settings.reread_widest_em * glyph
    u_old, u_new = unread_ink(band, old, reach, widest), unread_ink(band, new, reach, widest)
    t_old, t_new = _text(old), _text(new)
    if t_new == t_old or _mean_conf(new) < settings.reread_min_conf:
        return False
    c_old, c_new = _cost(t_old), _cost(t_new)
    tie = abs(u_old - u_new) <= settings.reread_tie_em * glyph
    if u_new < u_old and not tie:
        return len(t_new) > len(t_old) and (
            not t_old or c_new <= max(c_old + settings.reread_cost_worse, settings.reread_cost_plain)
        )
    if not tie or len(t_new) < 2:
        # One character alone reads worse than among its fellows: no tie goes its way.
        return False
    gain = _mean_conf(new) - _mean_conf(old)
    return (gain > settings.reread_conf_gain and c_new <= c_old + settings.reread_cost_margin) or (
        c_new <= c_old - settings.reread_cost_margin and gain >= -settings.reread_conf_gain
    )


def ink_crop(piece, top: int, bottom: int) -> np.ndarray:  # type: ignore[no-untyped-def]
    """The rows ``top``…``bottom`` (page pixels) of a piece's image."""
    _, box, crop = piece
    return crop[top - box.top : bottom - box.top]
