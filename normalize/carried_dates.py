"""Doubts about merged dates that may run over a page break in a date column emitted whole
(plain ``pdftotext`` of LibreOffice Calc tables; issues 10 and 12).

LibreOffice Calc draws a merged cell's text once, at the vertical middle of the whole merged
range, on every page the range spans, clipped to that page.  pdfminer keeps every copy (the
one whose middle is on another page lies above or below the page), so a page whose rows go on
from a date group of the page before opens with that date again.  Plain ``pdftotext`` keeps only
the copy on the page holding the range's middle: the rows of the group on the other page print
no date, and nothing in the text says so.  Such a page's date column is emitted whole, before
its items (its dates tell nothing of where their runs begin: ``run_segments``), so its first
rows may belong to the last group of the page before (whose middle was there) and its last
rows to the first group of the page after (whose middle is there).  Set VIII (a new user's
Calc table, dates merged over 4 rows, plain text): the first row of page 2 and of page 3 each
took the date of the page's own group at 0.88 with only ``merged_cell_filled``.

``carried_date_doubts`` raises ``column_guess`` on the 変更日 of each row of such a page whose
group is not the same in every cut that lets a run come from the page before or go on to the
page after (each cut equally borne out by the text); the reader's own choice of cut is kept.
Text that emits a page's dates among its items (pdfminer beside their rows) is left alone: its
copies show where a group runs on.
"""

from __future__ import annotations

from math import comb

from piatable.models import Doubt, RawRow

from .run_segments import SEGMENT_MAX_CUTS, _cuts

CARRIED_DATE_WHY = (
    "a merged date may run over the page break: the text prints it only on the page holding the"
    " middle of its rows, so this row's date may be the page before's or the page after's"
)


def dates_emitted_whole(pages: list[int], dates: dict[int, list[int]], items: dict[int, list[int]]) -> bool:
    """Whether every page emits its dates before all of its items (``dates[p]``, ``items[p]``:
    the stream positions of page p's date and item boxes): the date column emitted whole."""
    return all(not dates.get(p) or not items.get(p) or max(dates[p]) < min(items[p]) for p in pages)


def _labels(n: int, d: int, carry_in: bool, carry_out: bool) -> list[tuple[int, ...]]:
    """Each cut of ``n`` rows into runs (a carried-in run, the page's ``d`` dates, a carried-out
    run): the label of each row's run (-1 in, ``d`` out, else the date's index)."""
    runs = d + carry_in + carry_out
    if runs > n:
        return []
    out = []
    for _key, starts in _cuts([0] * runs, n):
        ends = [*starts[1:], n]
        labels: list[int] = []
        for j, (a, b) in enumerate(zip(starts, ends, strict=True)):
            labels += [j - carry_in] * (b - a)
        out.append(tuple(labels))
    return out


def carried_rows(n: int, d: int, chosen: list[int], carry_in: bool, carry_out: bool) -> set[int]:
    """The rows (0..n-1) of a page of ``n`` rows and ``d`` dates emitted before them whose date
    differs between the reader's ``chosen`` (date index per row) and some cut that lets a run
    come from the page before (``carry_in``) or go on to the page after (``carry_out``)."""
    unsure: set[int] = set()
    for cin in (False, carry_in):
        for cout in (False, carry_out):
            if not (cin or cout):
                continue
            if comb(max(n - 1, 0), d + cin + cout - 1) > SEGMENT_MAX_CUTS:
                return set(range(n))
            for labels in _labels(n, d, cin, cout):
                unsure |= {m for m in range(n) if labels[m] != chosen[m]}
    return unsure


def carried_date_doubts(
    rows: list[RawRow], item_boxes: list, date_boxes: list, pos: dict[int, int], groups: list[int]
) -> None:
    """Add ``column_guess`` on the 変更日 of the rows a merged date run over a page break may
    have given another date (module docstring).  ``item_boxes[k]`` is row k's item box,
    ``date_boxes`` the date boxes the rows were given dates from, ``pos`` each box's place in
    the stream, ``groups[k]`` the number of row k's date (``columnar._rows_and_dates``)."""
    row_page = [b.page or 0 for b in item_boxes[: len(rows)]]
    pages = list(dict.fromkeys(row_page))
    items: dict[int, list[int]] = {}
    for k, p in enumerate(row_page):
        items.setdefault(p, []).append(pos[id(item_boxes[k])])
    dates: dict[int, list[int]] = {}
    for b in date_boxes:
        page = b.page or 0
        owner = max((p for p in pages if p <= page), default=pages[0] if pages else 0)
        dates.setdefault(owner, []).append(pos[id(b)])
    if len(pages) < 2 or not dates_emitted_whole(pages, dates, items):
        return
    for n_page, p in enumerate(pages):
        idx = [k for k, rp in enumerate(row_page) if rp == p]
        d = len(dates.get(p, []))
        if not d or d >= len(idx):
            continue
        first = groups[idx[0]]
        chosen = [groups[k] - first for k in idx]
        unsure = carried_rows(len(idx), d, chosen, n_page > 0, n_page < len(pages) - 1)
        for m in sorted(unsure):
            row = rows[idx[m]]
            if not any(x.why == CARRIED_DATE_WHY for x in row.doubts):
                row.doubts.append(Doubt("column_guess", "change_date", CARRIED_DATE_WHY))
