"""A form's choice box padded with full-width spaces (``[　事前　]``, ``[　再委託する　]``) in
``pdftotext -layout``-like text (``cell`` units), joined back into one piece.

``pdftotext -layout`` prints a full-width space as a run of spaces, so a choice typed with
full-width padding comes out as ``[   事前   ]``: three pieces two or more spaces apart, which
the column assignment reads as cell openings (the ``[`` left in the after column, ``]`` in the
explanation: issue 12, Calc tables in 8 pt IPAexMincho, branch layout40,
``samples/office-layout40``).  A choice is one value of one cell: its pieces are joined.
"""

from __future__ import annotations

from dataclasses import replace

import regex

from piatable.vocabulary import TIMING

from .lines import Line

# The most spaces between a box's bracket and its text (a full-width space at 8–11 pt prints as
# three to five spaces: samples/office-layout40 shows 3 and 5), and the most pieces of text
# inside one box.
CHOICE_BOX_GAP = 6.0
# A box of 事前 / 事後 alone may stand wider apart: the 提出時期 column prints nothing else, and
# ``pdftotext -layout`` spread ``[　事前　]`` of a Calc cell in 8 pt over 20 characters
# (``[ 事前               ]``: office-layout40, ly40-f-calc-6).
TIMING_BOX_GAP = 16.0
# How many lines below a box of 事前 / 事後 its ``]`` may stand when the narrow column wrapped it
# (``[ 事後`` / ``]``: office-layout40, ly40-f-calc-3 and -12).
WRAPPED_BOX_LINES = 2
CHOICE_BOX_PIECES = 3
# A piece opening a box it does not close (``[``, ``[10人未満``), and one closing a box it did
# not open (``]``, ``10人未満]``).
_OPENS = regex.compile(r"^\[[^\[\]]*$")
_CLOSES = regex.compile(r"^[^\[\]]*\]$")
_BRACKET = regex.compile(r"[\[\]]")


def _box_end(line: list[Line], i: int) -> int | None:
    """The index of the piece closing the box that piece ``i`` opens, or None."""
    if not _OPENS.match(line[i].text.strip()):
        return None
    for k in range(i + 1, min(len(line), i + 2 + CHOICE_BOX_PIECES)):
        text = line[k].text.strip()
        inner = " ".join(p.text for p in line[i : k + 1]).strip("[] ")
        gap = TIMING_BOX_GAP if TIMING.match(inner) else CHOICE_BOX_GAP
        if line[k].x0 - line[k - 1].x1 > gap:
            return None
        if _CLOSES.match(text):
            return k
        if _BRACKET.search(text):
            return None
    return None


def _joined(parts: list[Line]) -> Line:
    text = "[ " + " ".join(p.text.strip().strip("[]").strip() for p in parts).strip() + " ]"
    text = text.replace("[  ]", "[ ]")
    first, last = parts[0], parts[-1]
    words = [replace(first.words[0], text=text, x1=last.x1)] if first.words else first.words
    return replace(first, words=words, text=text, x1=last.x1)


def _open_box_end(line: list[Line], i: int) -> int | None:
    """The index of the piece that ends 事前 / 事後 in a box that piece ``i`` opens and its line
    does not close (``[ 事前`` and then the next cell: the ``]`` wrapped to a line below), or
    None: at most ``CHOICE_BOX_PIECES`` pieces inside, each at most ``CHOICE_BOX_GAP`` apart."""
    if not _OPENS.match(line[i].text.strip()):
        return None
    for k in range(i + 1, min(len(line), i + 1 + CHOICE_BOX_PIECES)):
        if _BRACKET.search(line[k].text.strip()) or line[k].x0 - line[k - 1].x1 > CHOICE_BOX_GAP:
            return None
        if TIMING.match(" ".join(p.text for p in line[i : k + 1]).strip("[] ")):
            return k
    return None


def _wrapped_close(segs: list[list[Line]], j: int, box: list[Line]) -> tuple[int, int] | None:
    """(line, piece) of a lone ``]`` within ``WRAPPED_BOX_LINES`` lines below line ``j``, under
    the box's pieces ``box`` (from its ``[`` to ``TIMING_BOX_GAP`` right of its text)."""
    lo, hi = box[0].x0 - 1, box[-1].x1 + TIMING_BOX_GAP
    for jj in range(j + 1, min(len(segs), j + 1 + WRAPPED_BOX_LINES)):
        for k, p in enumerate(segs[jj]):
            if p.text.strip() == "]" and lo <= p.x0 <= hi:
                return jj, k
    return None


def join_choice_boxes(segs: list[list[Line]]) -> int:
    """Join, in place, each line's pieces that make one choice box (module docstring): a piece
    opening a box (``[``), then at most ``CHOICE_BOX_PIECES`` pieces, the last closing it
    (``]``), each at most ``CHOICE_BOX_GAP`` from the one before, none holding another bracket;
    a box of 事前 / 事後 alone whose ``]`` stands alone on one of the ``WRAPPED_BOX_LINES`` lines
    below, under the box, takes that ``]`` (a line left empty is dropped).
    The joined piece reads ``[ text ]`` (single spaces: whitespace-free, the text is unchanged)
    and spans the pieces' offsets.  ``segs``: each line's pieces, left to right.  Returns the
    number of boxes joined."""
    joined = 0
    for j, line in enumerate(segs):
        out: list[Line] = []
        i = 0
        while i < len(line):
            end = _box_end(line, i)
            if end is None:
                end = _open_box_end(line, i)
                below = _wrapped_close(segs, j, line[i : end + 1]) if end is not None else None
                if end is not None and below is not None:
                    # A box of 事前 / 事後 whose ``]`` wrapped to a line below (a narrow 提出時期
                    # column): the ``]`` joins the box on the box's line.
                    jj, k = below
                    out.append(_joined([*line[i : end + 1], segs[jj][k]]))
                    segs[jj] = segs[jj][:k] + segs[jj][k + 1 :]
                    joined += 1
                    i = end + 1
                    continue
            if end is None or end == i:
                out.append(line[i])
                i += 1
                continue
            out.append(_joined(line[i : end + 1]))
            joined += 1
            i = end + 1
        segs[j] = out
    segs[:] = [line for line in segs if line]
    return joined
