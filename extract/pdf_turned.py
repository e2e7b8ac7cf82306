"""Characters turned 90° or 270° (a vertical 提出時期 cell) read in their reading order.

Split from ``pdf`` (the reader): the turned characters of a page are gathered there and made
into words here.
"""

from __future__ import annotations

import itertools
import math
import statistics

from piatable.models import Word

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
