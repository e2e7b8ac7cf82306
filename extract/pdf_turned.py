"""Characters turned 90° or 270° (a vertical 提出時期 cell) read in their reading order, and
pages read the way their characters stand upright.

Split from ``pdf`` (the reader): the turned characters of a page are gathered there and made
into words here.
"""

from __future__ import annotations

import itertools
import math
import statistics

from piatable.models import Unseen, Word

# Lines of turned text this many ems apart (across) are one block.
TURN_LINE_GAP_EM = 1.8
# Turned characters of one line further apart than this (ems, centre to centre) are two pieces.
TURN_CHAR_GAP_EM = 1.6


def turned_runs(turned: list[tuple[float, Word]]) -> list[Word]:
    """Characters turned by ``angle`` (pdfium's, clockwise) as words read in their own order.

    Each character is placed along its reading direction and across it (the direction its
    lines advance); characters of one line (same place across, within half an em) are read
    along it, and lines that follow each other within ``TURN_LINE_GAP_EM`` are one block, one
    word whose box covers them.  A cell of vertical text thus gives ``事後``, not ``後事`` or
    one character per line."""
    out: list[Word] = []
    by_angle: dict[float, list[Word]] = {}
    for angle, w in turned:
        by_angle.setdefault(angle, []).append(w)
    for angle, ws in by_angle.items():
        rad = math.radians(angle)
        # Reading direction in top-left coordinates (y down): pdfium's angle turns clockwise on
        # the page, so 270° reads upwards.  Lines advance a quarter turn clockwise from it.
        dx, dy = round(math.cos(rad), 6), round(math.sin(rad), 6)
        nx, ny = -dy, dx

        def along(w: Word, dx: float = dx, dy: float = dy) -> float:
            return (w.x0 + w.x1) / 2 * dx + (w.top + w.bottom) / 2 * dy

        def across(w: Word, nx: float = nx, ny: float = ny) -> float:
            return (w.x0 + w.x1) / 2 * nx + (w.top + w.bottom) / 2 * ny

        em = statistics.median(min(w.x1 - w.x0, w.bottom - w.top) for w in ws) or 1.0
        lines: list[list[Word]] = []
        for w in sorted(ws, key=across):
            if lines and across(w) - across(lines[-1][-1]) <= em / 2:
                lines[-1].append(w)
            else:
                lines.append([w])
        runs: list[list[Word]] = []
        for ln in lines:
            ln.sort(key=along)
            runs.append([ln[0]])
            for a, b in itertools.pairwise(ln):
                if along(b) - along(a) > TURN_CHAR_GAP_EM * em:
                    runs.append([b])  # another cell on the same line
                else:
                    runs[-1].append(b)
        runs.sort(key=lambda r: (across(r[0]), along(r[0])))
        lines = runs
        blocks: list[list[list[Word]]] = []
        for ln in lines:
            for block in reversed(blocks):
                prev = block[-1]
                if (
                    0 < across(ln[0]) - across(prev[0]) <= TURN_LINE_GAP_EM * em
                    and along(ln[0]) <= along(prev[-1]) + em
                    and along(prev[0]) <= along(ln[-1]) + em
                ):
                    block.append(ln)
                    break
            else:
                blocks.append([ln])
        for block in blocks:
            chars = [w for ln in block for w in ln]
            out.append(
                Word(
                    "".join(w.text for w in chars),
                    chars[0].page,
                    min(w.x0 for w in chars),
                    max(w.x1 for w in chars),
                    min(w.top for w in chars),
                    max(w.bottom for w in chars),
                    "pdf",
                )
            )
    return out


def _quarter(angle: float) -> int:
    """An angle (degrees) to the nearest of 0, 90, 180, 270."""
    return round(angle / 90) % 4 * 90


def upright_majority(
    words: list[Word], places: list[tuple[str, int, int]], turned: list[tuple[float, Word]], grid: int
) -> tuple[list[Word], list[tuple[str, int, int]], list[tuple[float, Word]], int]:
    """A page whose characters mostly stand turned by one quarter turn ``a`` (pdfium's angle,
    clockwise): its words are those characters, and the page is to be read turned ``360 - a``
    (``turn_page``) so that they stand upright; the characters upright in the content's space
    are then the turned ones (read along their own direction).  ``places``: each word's dedupe
    key at ``1/grid`` pt (kept parallel to the words).

    A producer draws a landscape table turned in a portrait page and shows it upright with
    /Rotate; a page that only displays turned (/Rotate on upright content) is read as its
    characters stand, whatever /Rotate says.  Returns ``(words, places, turned, turn)``; the
    arguments as they were and turn 0 when upright characters are the most."""
    counts: dict[int, int] = {}
    for angle, w in turned:
        if w.text.strip():
            q = _quarter(angle)
            counts[q] = counts.get(q, 0) + 1
    if not counts:
        return words, places, turned, 0
    a, n = max(counts.items(), key=lambda kv: kv[1])
    upright = sum(1 for w in words if w.text.strip())
    if a == 0 or n <= upright:
        return words, places, turned, 0
    own = [w for angle, w in turned if _quarter(angle) == a]
    rest = [(angle, w) for angle, w in turned if _quarter(angle) != a]
    new_places = [(w.text, round(w.x0 * grid), round(w.top * grid)) for w in own]
    return own, new_places, rest + [(0.0, w) for w in words if w.text.strip()], (360 - a) % 360


def turn_page(  # type: ignore[no-untyped-def]
    words: list[Word], rulings, unseen: list[Unseen], rotation: int, width: float, height: float
):
    """Coordinates of a page turned ``rotation`` (90, 180 or 270, clockwise) from its content's
    own space (``width`` × ``height`` pt, top-left origin): of the words, the ruling segments and
    the left-out characters (and their clipping boxes); and the turned page's width and height."""

    def box(x0: float, top: float, x1: float, bottom: float) -> tuple[float, float, float, float]:
        if rotation == 90:
            return height - bottom, x0, height - top, x1
        if rotation == 180:
            return width - x1, height - bottom, width - x0, height - top
        return top, width - x1, bottom, width - x0  # 270

    out = []
    for w in words:
        x0, top, x1, bottom = box(w.x0, w.top, w.x1, w.bottom)
        out.append(Word(w.text, w.page, x0, x1, top, bottom, w.source, w.conf, w.line))
    rules = [box(*r) for r in rulings]
    gone = []
    for u in unseen:
        x0, top, x1, bottom = box(u.word.x0, u.word.top, u.word.x1, u.word.bottom)
        w = Word(u.word.text, u.word.page, x0, x1, top, bottom, "pdf")
        gone.append(Unseen(w, u.why, box(*u.clip) if u.clip else None))
    if rotation in (90, 270):
        width, height = height, width
    return out, rules, gone, width, height
