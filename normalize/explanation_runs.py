"""Explanations handed to rows by where the extractor emitted them after the rows' timings.

In column-ordered text (pdfminer, plain ``pdftotext``) an empty 説明 cell leaves no box, so a
page has fewer explanation boxes than rows, and handing them out in order slides every later one
up a row (or reads the gap as a merged cell).  Where the extractor interleaves the columns, the
order itself shows the gap: each explanation box comes right after the timing boxes of the rows
it belongs to, left to right (a row's cells run 提出時期, then 説明).  So the box stream is cut
into runs (timing boxes, then the explanation boxes up to the next timing box): a run whose
explanations are as many as its timings gives them one per row in order; a run with none after
its timings (the next row's cells, or the page's end, follow) leaves those rows' 説明 empty.  A
run with some explanations but fewer than its timings cannot tell which row lacks one: then
nothing is decided here (``explanations_after_timings`` returns None) and the caller reads the
page as before (merged cells, ``merged_explanations``).
"""

from __future__ import annotations

from piatable.models import RawRow

from .boxes import Box

# How a row's explanation was found here (``row_doubts.FILL_WORDS``): a box of its own run, or
# none (its timing run had no explanation box after it; flagged, being a reading of the order).
AFTER_TIMING = "after_timing"
NONE_AFTER_TIMING = "none_after_timing"


def explanations_after_timings(
    rows: list[RawRow], idx: list[int], avail: list[Box], timings: list[Box], pos: dict[int, int]
) -> list[tuple[Box | None, str]] | None:
    """For the page's rows ``idx`` (indexes into ``rows``, whose timing cells are filled one per
    row from the boxes ``timings``) and its explanation boxes ``avail``, fewer than the rows:
    each row's explanation box (None: empty) and how it was found, or None when the order does
    not decide (a row's timing not a box of its own, an explanation before every timing, a run
    with fewer explanations than timings but some).  ``pos``: each box's place in the stream
    (``id(box)`` → index)."""
    by_line = {id(b.lines[0]): b for b in timings}
    timing_pos = []
    for k in idx:
        cell = rows[k].cells["timing"]
        box = by_line.get(id(cell[0])) if cell else None
        if box is None or id(box) not in pos:
            return None
        timing_pos.append(pos[id(box)])
    if sorted(timing_pos) != timing_pos or len(set(timing_pos)) != len(timing_pos):
        return None
    expl_pos = [pos.get(id(b), -1) for b in avail]
    if sorted(expl_pos) != expl_pos or expl_pos[0] < timing_pos[0]:
        return None
    # Runs: the rows whose timings come between two explanation boxes' stretches, and the
    # explanation boxes after them up to the next timing.
    out: list[tuple[Box | None, str]] = []
    m = e = 0
    while m < len(idx):
        run = [m]
        while run[-1] + 1 < len(idx) and not any(
            timing_pos[run[-1]] < p < timing_pos[run[-1] + 1] for p in expl_pos
        ):
            run.append(run[-1] + 1)
        end = timing_pos[run[-1] + 1] if run[-1] + 1 < len(idx) else None
        mine = [j for j in range(e, len(avail)) if end is None or expl_pos[j] < end]
        if not mine:
            out += [(None, NONE_AFTER_TIMING)] * len(run)
        elif len(mine) == len(run):
            out += [(avail[j], AFTER_TIMING) for j in mine]
        else:
            return None
        e += len(mine)
        m = run[-1] + 1
    return out if e == len(avail) else None
