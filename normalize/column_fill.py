"""One column's boxes of column-ordered text (pdfminer, plain ``pdftotext``) handed to the rows,
page by page (``fill_column``): a box per row where the counts match, one per date group, runs
cut as merged dates are, an explanation box cut where it merges several rows' explanations.
Moved out of ``columnar``, which calls it for the timing and explanation columns.
"""

from __future__ import annotations

from piatable.models import Doubt, RawRow

from .boxes import Box
from .explanation_own_runs import explanations_by_own_runs
from .explanation_runs import explanations_after_timings
from .merged_explanations import split_merged_explanations
from .row_doubts import excess_how
from .run_segments import segment_runs as _segment


def fill_column(
    rows: list[RawRow], groups: list, found: list[Box], key: str, order: list[int], pos: dict, timed: list
) -> tuple[list[Box], bool, list[str]]:
    """Hand the boxes of one column to the rows, page by page (a page's cells are printed on
    it): one each where the counts match; where a page has fewer boxes than rows (merged cells),
    one per date group when those match, else cut into runs as merged dates are (``_segment``:
    ``order[k]`` is where row k's item came in the box stream, ``pos`` each box's place).
    Boxes of a page with more boxes than rows go on to the next page; fewer explanations than
    rows are first placed after the timing boxes ``timed`` (``explanation_runs``: an empty 説明).
    Returns the boxes left over, whether every page matched without a guess, and for each row
    how its box was found: "one" (a box per row), "excess" (the page had more boxes), "group"
    (a box per date group), "segment" (cut into runs by the extractor's order), "shared" (none
    on the page), "none"."""

    def order_of(b: Box) -> int:
        return pos.get(id(b), 0)

    pages = sorted({r.cells["item"][0].page or 0 for r in rows if r.cells["item"]})
    row_page = [(r.cells["item"][0].page or 0) if r.cells["item"] else None for r in rows]
    by_page: dict[int, list[Box]] = {}
    for b in found:
        page = b.page or 0
        # A box on a page without rows belongs with the rows of the page before.
        owner = max((p for p in pages if p <= page), default=pages[0] if pages else 0)
        by_page.setdefault(owner, []).append(b)
    sure = True
    how = ["none"] * len(rows)
    carry: list[Box] = []
    last: Box | None = None
    for p in pages:
        idx = [k for k, rp in enumerate(row_page) if rp == p]
        avail, carried, carry = carry + by_page.get(p, []), bool(carry), []
        split: list[tuple[Box | None, str]] | None = None
        if key == "explanation" and 0 < len(avail) < len(idx):
            split = explanations_after_timings(rows, idx, avail, timed, pos)
            if split is None and len(set(groups[k] for k in idx)) != len(avail):
                split = split_merged_explanations(avail, len(idx) - len(avail), pos)
        elif key == "explanation" and len(avail) > len(idx) and not carried:
            split = explanations_by_own_runs(idx, avail, order, pos)  # a cell's paragraphs as boxes
        if split is not None:
            for k, (b, way) in zip(idx, split, strict=True):
                rows[k].cells[key], how[k] = list(b.lines) if b else [], way
            last = next((b for b, _ in reversed(split) if b), last)
            continue
        if len(avail) >= len(idx):
            for k, b in zip(idx, avail, strict=False):
                rows[k].cells[key] = list(b.lines)
                how[k] = "one" if len(avail) == len(idx) else excess_how(b, k, avail, order, pos)
            carry = avail[len(idx) :]
            last = avail[len(idx) - 1] if idx else last
            continue
        if not avail:
            # A page without a box of this column: a merged cell printed once on an earlier
            # page runs over the page break (Writer prints it on its first page only).
            sure = False
            for k in idx:
                if last is not None:
                    rows[k].cells[key] = list(last.lines)
                    rows[k].flags.append("merged_cell_filled")
                    why = f"no {key} on the page: the last one shared"
                    rows[k].doubts.append(Doubt("column_guess", key, why))
                    how[k] = "shared"
            continue
        last = avail[-1]
        page_groups = [groups[k] for k in idx]
        distinct = list(dict.fromkeys(page_groups))
        if len(distinct) == len(avail):
            owner_of = {g: avail[n] for n, g in enumerate(distinct)}
            chosen = [owner_of[g] for g in page_groups]
            for k in idx:
                how[k] = "group"
        else:
            sure = False
            items = [order[k] for k in idx]
            before = [sum(1 for q in items if q < order_of(b)) for b in avail]
            starts, _, _ = _segment(before, len(idx))
            ends = [*starts[1:], len(idx)]
            chosen = [b for b, a, e in zip(avail, starts, ends, strict=True) for _ in range(a, e)]
            for k in idx:
                how[k] = "segment"
        for k, b in zip(idx, chosen, strict=True):
            rows[k].cells[key] = list(b.lines)
            if chosen.count(b) > 1 and "merged_cell_filled" not in rows[k].flags:
                rows[k].flags.append("merged_cell_filled")
    # Rows without a page (no item) take nothing here.
    return carry, sure and not carry, how
