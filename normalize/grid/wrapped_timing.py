"""A 提出時期 column one character wide in ``pdftotext -layout``-like text (``cell`` units):
事前 / 事後 wrapped one character per line (事 over 前) joined back into one piece.

A Calc or Writer column one to one and a half full-width characters wide prints each value a
character a line; ``-layout`` text then holds a lone 事 and, a line or two below at the same
offset, 前 or 後 followed (one space apart) by the explanation's first line.  Read as they are,
the column's pieces are one character wide, 事前/事後 is never seen, and the explanation is
read into the timing column (issue 10, samples/office-narrow25).
"""

from __future__ import annotations

from dataclasses import replace

from .lines import Line

# The first and second characters of a 提出時期 value.
_HEAD = "事"
_TAILS = "前後"
# How far (in characters: ``pdftotext -layout`` places text by character count, so a line of
# full-width text drifts from its neighbours in display columns) the second character may stand
# from the first's offset (measured on office-narrow25: 0, at most 2), and how many lines below
# it (a blank line between: a line of another column's cell).
WRAPPED_TIMING_DX = 2.0
WRAPPED_TIMING_LINES = 2


def _lone(line: list[Line], i: int, text: str) -> bool:
    return line[i].text.strip() == text


def _char_offsets(line: list[Line]) -> list[float]:
    """Each piece's offset counted in characters, whatever the pieces' units (display columns or
    characters): the offset less what the pieces before it are wider than their length."""
    out, extra = [], 0.0
    for p in line:
        out.append(p.x0 - extra)
        extra += (p.x1 - p.x0) - len(p.text)
    return out


def join_wrapped_timing(segs: list[list[Line]]) -> int:
    """Join, in place, each lone 事 piece with the lone 前 / 後 piece standing under it (within
    ``WRAPPED_TIMING_LINES`` lines, its offset in characters within ``WRAPPED_TIMING_DX``): the 事 piece reads
    事前 / 事後 (keeping its offset and width: the column is one character wide) and the
    second piece is removed.  ``segs``: each line's pieces, left to right.  Returns the number
    of values joined; a 事 with nothing under it is left as it is (the timing is then invalid
    and flagged as such downstream)."""
    joined = 0
    for j, line in enumerate(segs):
        for i in range(len(line)):
            if not _lone(line, i, _HEAD):
                continue
            x = _char_offsets(line)[i]
            for jj in range(j + 1, min(len(segs), j + 1 + WRAPPED_TIMING_LINES)):
                below = segs[jj]
                k = next(
                    (
                        k
                        for k, (p, xc) in enumerate(zip(below, _char_offsets(below), strict=True))
                        if abs(xc - x) <= WRAPPED_TIMING_DX and p.text.strip() in tuple(_TAILS)
                    ),
                    None,
                )
                if k is None:
                    continue
                tail = below.pop(k).text.strip()
                head = line[i]
                words = [replace(head.words[0], text=_HEAD + tail)] if head.words else head.words
                line[i] = replace(head, words=words, text=_HEAD + tail)
                joined += 1
                break
    segs[:] = [line for line in segs if line]
    return joined
