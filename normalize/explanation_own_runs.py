"""Explanations handed to rows by the rows' own runs, on a page with more explanation boxes than rows.

In column-ordered text (pdfminer, plain ``pdftotext``) a page whose 説明 column gives more boxes
than the page has rows was read by order: row k took the page's k-th box and the rest went on
to the next page.  One 説明 cell printed as two paragraphs gives two boxes (Gnumeric in plain
``pdftotext``: ``コンビニ交付サービスの導入に伴う新規追加`` / ``重要な変更に該当しない``): every
later row of the page then took the box of the row above, and the row that lost its second
paragraph was the only one whose cells still came in its own run, so it went unwarned (set XIII
t09, FAULTS kind 5).

Where the extractor emits each row whole (its item box, then its other cells, before the next
row's item box), the order says which row each box belongs to: a row's run reaches from its item
box to the next row's item box, and the page's first row also owns the boxes emitted before its
item box (Gnumeric prints the first row's 提出時期 and 説明 before its date).  When every row of
the page has at least one explanation box in its own run, and a row with several has them one
right after the other in the stream (nothing of another column between: paragraphs of one
cell), the boxes are handed out so, the several joined in order.  Otherwise nothing is decided
here (None) and the page is read by order as before.  Used by ``columnar._fill_column``.
"""

from __future__ import annotations

from .boxes import Box

# How a row's explanation was found here (``row_doubts.FILL_WORDS``): the one box of its run, or
# several boxes of its run emitted one right after another, joined (paragraphs of one cell).
OWN_RUN = "own_run"
OWN_RUN_JOINED = "own_run_joined"


def explanations_by_own_runs(
    idx: list[int], avail: list[Box], order: list[int], pos: dict[int, int]
) -> list[tuple[Box | None, str]] | None:
    """For the page's rows ``idx`` (indexes into the rows; ``order[k]``: where row k's item box
    is in the stream) and its explanation boxes ``avail``, more than the rows and all printed on
    the page: each row's explanation (its boxes' lines as one ``Box``) and how it was found, or
    None when the order does not decide (see the module's docstring).  ``pos``: each box's place
    in the stream (``id(box)`` → index)."""
    if len(avail) <= len(idx) or any(k >= len(order) for k in idx):
        return None
    items = [order[k] for k in idx]
    if sorted(items) != items or len(set(items)) != len(items):
        return None
    places = [pos.get(id(b), -1) for b in avail]
    if min(places) < 0:
        return None
    owned: list[list[int]] = [[] for _ in idx]
    for n, p in enumerate(places):
        # The last item box at or before the box (the page's first row for boxes before any).
        j = max((m for m, q in enumerate(items) if q < p), default=0)
        owned[j].append(n)
    out: list[tuple[Box | None, str]] = []
    for mine in owned:
        if not mine:
            return None
        run = sorted(places[n] for n in mine)
        if run != list(range(run[0], run[0] + len(run))):
            return None
        lines = [cl for n in sorted(mine, key=lambda n: places[n]) for cl in avail[n].lines]
        out.append((Box(lines), OWN_RUN if len(mine) == 1 else OWN_RUN_JOINED))
    return out
