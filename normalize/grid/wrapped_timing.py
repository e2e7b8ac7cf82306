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

from ..chars import without_whitespace
from ..timing_boxes import read_choice
from ..timing_cells import TIMING_WORDS, is_qualifier, may_open_qualifier, timing_of_lines
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


def is_timing_piece(text: str) -> bool:
    """A piece of text that is a 提出時期 value: 事前 / 事後 (spaced or not), in a choice box, or
    with its qualifier joined to it (``join_timing_qualifiers``; ``timing_cells.read_timing``), or
    an option of check boxes, ticked or not (``□事後``: ``timing_boxes.read_choice``)."""
    return timing_of_lines([text]) is not None or read_choice(text) is not None


def is_timing_token(text: str) -> bool:
    """A piece that is the word 事前 / 事後 alone (``事 前`` not), or one option of check boxes
    (``■事前``, ``□事後``): the 提出時期 column's start is fitted to these (``layout_text``)."""
    return (len(text) == 2 and text in TIMING_WORDS) or read_choice(text) is not None


# Lines below a 提出時期 value over which its qualifier may wrap, and how far apart (in the
# text's line units) two of its lines may stand (a blank line between: a line of another cell).
QUALIFIER_LINES = 4
QUALIFIER_LINE_GAP = 2.0


def join_timing_qualifiers(segs: list[list[Line]]) -> int:
    """Join, in place, each lone 事前 / 事後 piece with the qualifier printed under it in its cell
    (「事前」 over 「（重要な」 / 「変更）」, 「事後」 over 「【重要】」: ``timing_cells``): the pieces
    standing at its offset in characters (within ``WRAPPED_TIMING_DX``) on the next lines (up to
    ``QUALIFIER_LINES``, each within ``QUALIFIER_LINE_GAP`` of the one above), as long as their
    text, joined, may still open a qualifier (``may_open_qualifier``), up to the longest that is
    one (``is_qualifier``; a bracketed phrase closed).  The timing piece reads 事前, a full-width
    space and the qualifier (keeping its offset and width) and the qualifier's pieces are
    removed; a line left empty is dropped.  Asked once the page's column starts are fitted (the
    starts are found from the timings' pieces, 事前 / 事後 alone).  No bare word (「再評価」) is
    taken: in pdfplumber text placed in columns, another cell's line stood there (「株式会社」,
    「００」 of a 〒 number: set XI).  A qualifier wider than the column stands across the gap
    to the explanation: read as it stood, it opened or ended the explanation (set XII w5,
    samples/office-timing51).  Returns the number of timings given a qualifier."""
    joined = 0
    taken: set[tuple[int, int]] = set()
    for j, line in enumerate(segs):
        for i, seg in enumerate(line):
            if seg.text.strip() not in TIMING_WORDS:
                continue
            x, top, text, parts = _char_offsets(line)[i], seg.top, "", []
            best: tuple[str, list[tuple[int, int]]] | None = None
            for jj in range(j + 1, min(len(segs), j + 1 + QUALIFIER_LINES)):
                below = segs[jj]
                k = next(
                    (
                        k
                        for k, xc in enumerate(_char_offsets(below))
                        if abs(xc - x) <= WRAPPED_TIMING_DX and (jj, k) not in taken
                    ),
                    None,
                )
                if k is None or below[k].top - top > QUALIFIER_LINE_GAP:
                    break
                text, top = text + without_whitespace(below[k].text), below[k].top
                if not may_open_qualifier(text, bare=False):
                    break
                parts.append((jj, k))
                if is_qualifier(text, bare=False):
                    best = (text, list(parts))  # the longest: a ※ note may wrap (※重要な変 / 更)
            if best is not None:
                value = seg.text.strip() + "\u3000" + best[0]  # apart: a bare word is the cell's
                line[i] = replace(
                    seg, words=[replace(seg.words[0], text=value)] if seg.words else seg.words, text=value
                )
                taken.update(best[1])
                joined += 1
    segs[:] = [[p for k, p in enumerate(line) if (j, k) not in taken] for j, line in enumerate(segs)]
    segs[:] = [line for line in segs if line]
    return joined
