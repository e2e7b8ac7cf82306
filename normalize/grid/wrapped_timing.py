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
    ``WRAPPED_TIMING_LINES`` lines, its offset in characters within ``WRAPPED_TIMING_DX``): the
    lower piece reads 事前 / 事後 (keeping its line, offset and width: the column is one
    character wide) and the 事 piece is removed; a line left empty is dropped.  The lower line
    is kept as the value's: kept on the upper line, a Writer row of centred cells lost a line of
    its after cell to the next row (heldout-layout22, hly22-w-writer-2) and office-narrow25
    read 0.9 points fewer cells.  ``segs``: each line's pieces, left to right.  Returns the number
    of values joined; a 事 with nothing under it is left as it is (the timing is then invalid
    and flagged as such downstream)."""
    pairs: list[tuple[int, int, int, int]] = []
    taken: set[tuple[int, int]] = set()
    for j, line in enumerate(segs):
        for i in range(len(line)):
            if not _lone(line, i, _HEAD):
                continue
            x = _char_offsets(line)[i]
            for jj in range(j + 1, min(len(segs), j + 1 + WRAPPED_TIMING_LINES)):
                k = next(
                    (
                        k
                        for k, (p, xc) in enumerate(zip(segs[jj], _char_offsets(segs[jj]), strict=True))
                        if abs(xc - x) <= WRAPPED_TIMING_DX
                        and p.text.strip() in tuple(_TAILS)
                        and (jj, k) not in taken
                    ),
                    None,
                )
                if k is not None:
                    pairs.append((j, i, jj, k))
                    taken.add((jj, k))
                    break
    dropped: set[tuple[int, int]] = set()
    for j, i, jj, k in pairs:
        tail = segs[jj][k]
        text = _HEAD + tail.text.strip()
        words = [replace(tail.words[0], text=text)] if tail.words else tail.words
        segs[jj][k] = replace(tail, words=words, text=text)
        dropped.add((j, i))
    segs[:] = [[p for k, p in enumerate(line) if (j, k) not in dropped] for j, line in enumerate(segs)]
    segs[:] = [line for line in segs if line]
    return len(pairs)
