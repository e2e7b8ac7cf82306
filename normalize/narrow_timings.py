"""A 提出時期 that a one-character column wrapped over two lines, in boxed text (plain ``pdftotext``).

A column one full-width character wide prints 事 over 前; plain ``pdftotext`` sets each piece
beside the line of the next column printed at its height (``事`` / ``前 事務の名称の見直しによる
修正``), so no line reads as a timing and no row is found (issue 10, narrow25;
tools/make_narrow25_samples.py).  ``timings_apart`` makes such a timing a box of its own, as
a wider column prints it.  Used by ``boxes.join_narrow_cells``.
"""

from __future__ import annotations

from dataclasses import replace

from piatable.models import CellLine
from piatable.vocabulary import TIMING

from .compound import numbered_up


def timings_apart(lines: list[CellLine], gaps: list[bool]) -> tuple[list[CellLine], list[bool]]:
    """A 提出時期 that a one-character column wrapped over two lines with another column's lines
    beside them (plain ``pdftotext``: ``事`` / ``前 事務の名称の見直しによる修正``, ``事 特定個人
    情報保護評価の再実施には該当しな`` / ``前 い``; tools/make_narrow25_samples.py) made a box of
    its own, put before the box it was printed in, whose lines keep the other text; the lines
    numbered again so that the boxes read as the extractor's blank lines cut them.  Lines and
    gaps (a blank line before each line) as given when there is no such pair."""
    out: list[CellLine] = []
    out_gaps: list[bool] = []
    box_start = 0
    k = 0
    while k < len(lines):
        if gaps[k]:
            box_start = len(out)
        pair = _timing_pair(lines, gaps, k)
        if pair is None:
            out.append(lines[k])
            out_gaps.append(gaps[k])
            k += 1
            continue
        timing, rests = pair
        out.insert(box_start, replace(lines[k], text=timing))
        out_gaps.insert(box_start, True)
        if box_start + 1 < len(out):
            out_gaps[box_start + 1] = True
        for j, rest in zip((k, k + 1), rests, strict=True):
            if rest:
                out.append(replace(lines[j], text=rest))
                out_gaps.append(len(out) - 1 == box_start + 1)
        box_start += 1
        k += 2
    if out == lines:
        return lines, gaps
    numbered = [replace(cl, line_no=None if cl.line_no is None else 2 * n) for n, cl in enumerate(out)]
    return numbered_up(numbered, out_gaps), out_gaps


def _timing_pair(lines: list[CellLine], gaps: list[bool], k: int) -> tuple[str, tuple[str, str]] | None:
    """The timing wrapped over lines ``k`` and ``k + 1`` of one box (``事 …`` / ``前 …``, one
    character each ahead of a space or the line's end, at least one with other text beside it)
    and the two lines' other text; None when they are no such pair."""
    if k + 1 >= len(lines) or gaps[k + 1] or lines[k].page != lines[k + 1].page:
        return None
    head, _, rest = lines[k].text.strip().partition(" ")
    head2, _, rest2 = lines[k + 1].text.strip().partition(" ")
    if len(head) != 1 or len(head2) != 1 or not TIMING.match(head + head2) or not (rest or rest2):
        return None
    return head + head2, (rest.strip(), rest2.strip())
