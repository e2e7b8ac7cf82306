"""An after-column box that holds several rows' after cells, cut where each opens as its row's
before cell opens.

Plain ``pdftotext`` (and pdfminer) merge vertically adjacent cells of one column into one box:
a Writer table's after column comes out as one box after the page's before cells, each its
own box (set XI's w1_mincho9: five befores, then one box of the page's six after cells).  An
amended cell mostly keeps its old text's opening (``行政手続における…`` → ``行政手続における…``),
so where the box's lines from some line on open with the opening of one of the befores emitted
before it on its page (``OPENING_CHARS`` characters, whitespace aside), in the befores' order,
the box is cut there: at least ``MATCHES_MIN`` such openings, one at its first line or after a
cut of a paragraph's end.  The pieces go to ``body_pairing`` as boxes of their own; a piece that
still holds two rows' cells is cut there as any box is.  Used by ``columnar``.
"""

from __future__ import annotations

from itertools import pairwise

from .boxes import Box

# Characters (whitespace aside) of a before cell's opening that an after cell must repeat.
OPENING_CHARS = 8
# Openings of befores found in a box, in order, before it is cut.
MATCHES_MIN = 2


def _squash(text: str) -> str:
    return "".join(text.split())


def _openings(box: Box) -> list[str]:
    """For each line k of the box, the first ``OPENING_CHARS`` characters from line k on."""
    out = []
    for k in range(len(box.lines)):
        text = ""
        for cl in box.lines[k:]:
            text += _squash(cl.text)
            if len(text) >= OPENING_CHARS:
                break
        out.append(text[:OPENING_CHARS])
    return out


def _matches(box: Box, befores: list[Box]) -> list[tuple[int, int]]:
    """(index in ``befores``, line index of the box) where the box opens as those befores open,
    in their order (line 0 included when its first line does)."""
    opens = _openings(box)
    found: list[tuple[int, int]] = []
    k = 0
    for n, before in enumerate(befores):
        head = _squash(before.text)[:OPENING_CHARS]
        if len(head) < OPENING_CHARS:
            continue
        at = next((j for j in range(k, len(opens)) if opens[j] == head), None)
        if at is not None:
            found.append((n, at))
            k = at + 1
    return found


def cut_merged_cells(
    boxes: list[Box], bodies: list[Box], doubtful: set[tuple[int | None, int | None]]
) -> tuple[list[Box], list[Box]]:
    """``boxes`` (the extractor's order) and ``bodies`` (the before/after boxes among them) with
    each body box that holds several rows' after cells (see the module's doc) replaced by its
    pieces; in ``bodies`` each piece goes right after the before cell whose opening it repeats
    (a first piece that repeats none right after the before cell above the first that it does),
    the order of a row's before then its after that ``body_pairing`` reads best.  The (page,
    line number) of each line of a piece that may hold more rows' cells go into ``doubtful``
    (their rows are warned, ``columnar``): a first piece that repeats no opening, and the last
    piece when befores emitted after the last one whose opening it repeats are left."""
    out_boxes, out_bodies = list(boxes), list(bodies)
    for b in bodies:
        above = out_bodies[: out_bodies.index(b)]
        befores = [x for x in above if x.page == b.page and len(x.lines) < len(b.lines)]
        found = _matches(b, befores)
        if len(found) < MATCHES_MIN:
            continue
        points = sorted({0, *(at for _, at in found), len(b.lines)})
        pieces = {i: Box(b.lines[i:j], b.after_date and i == 0) for i, j in pairwise(points)}
        k = out_boxes.index(b)
        out_boxes[k : k + 1] = list(pieces.values())
        owner = {at: befores[n] for n, at in found}
        if 0 not in owner and found[0][0] > 0:
            owner[0] = befores[found[0][0] - 1]
        unsure = [0] if found[0][1] > 0 else []
        if found[-1][0] < len(befores) - 1:  # befores left below the last piece's
            unsure.append(points[-2])
        doubtful |= {(cl.page, cl.line_no) for i in unsure for cl in pieces[i].lines}
        out_bodies.remove(b)
        for i, piece in pieces.items():
            if i in owner:
                out_bodies.insert(out_bodies.index(owner[i]) + 1, piece)
            else:
                last = max((out_bodies.index(p) for p in pieces.values() if p in out_bodies), default=None)
                out_bodies.insert(len(out_bodies) if last is None else last + 1, piece)
    return out_boxes, out_bodies
