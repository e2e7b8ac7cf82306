"""Rows of a page of column-ordered text cut into runs, one per merged cell (a date, a timing, an
explanation printed once over several rows), from where the extractor emitted each cell among
the rows' items.  Used by ``columnar``.
"""

from __future__ import annotations

from math import comb

# A page whose merged dates could be cut in more ways than this has them handed out in order.
SEGMENT_MAX_CUTS = 5000


def _cuts(before: list[int], n: int):
    """Every cut of ``n`` rows into ``len(before)`` runs (first row of each), with its sort key
    (cost, spread, offset): see ``segment_runs``.  Nothing when there are too many."""
    d = len(before)

    def runs(j: int, start: int) -> list[list[int]]:
        if j == d:
            return [[]]
        if j == 0:
            return [[0, *rest] for rest in runs(1, 1)]
        out = []
        for a in range(start, n - (d - j) + 1):
            out.extend([[a, *rest] for rest in runs(j + 1, a + 1)])
        return out

    for starts in runs(0, 0) if d and comb(n - 1, d - 1) <= SEGMENT_MAX_CUTS else []:
        ends = [*starts[1:], n]
        cost = 0.0
        for j, (a, b) in enumerate(zip(starts, ends, strict=True)):
            c = before[j]
            # Emitted before or after every item of the page, a date tells nothing of its run.
            if 0 < c < n:
                cost += max(0, a - c, c - (b - 1))
        spread = sum((b - a) ** 2 for a, b in zip(starts, ends, strict=True))
        # Among runs as even, a date emitted just before a row's item opens that row's run.
        offset = sum(abs(a - before[j]) for j, a in enumerate(starts) if 0 < before[j] < n)
        yield (cost, spread, offset), starts


def segment_runs(before: list[int], n: int) -> tuple[list[int], float, bool]:
    """Cut ``n`` rows into ``len(before)`` runs, one per merged date, in order.

    ``before[j]``: how many of the page's item boxes the extractor emitted before date j; a
    date printed over rows a..b is expected with a ≤ before[j] ≤ b (pdfminer puts a merged date
    beside its first row or within its run).  The cost of a cut is the distance of each date from
    its run (a date emitted before or after all of them tells nothing); ties go to the runs most
    even in size.  Returns the first row of each run, the cost,
    and whether another cut had the same cost (the call was a guess)."""
    best: tuple[float, float, int, list[int]] | None = None
    tied = False
    for key, starts in _cuts(before, n):
        if best is None or key < best[:3]:
            tied = best is not None and best[0] == key[0]
            best = (*key, starts)
        elif key[0] == best[0]:
            tied = True
    if best is None:  # too many dates to try every cut: in order, the last run taking the rest
        return list(range(len(before))), float(n), True
    return best[3], best[0], tied


def unsure_rows(before: list[int], n: int) -> set[int]:
    """The rows (0..n-1) whose run is not the same in every cut that agrees with where each
    date was emitted (cost 0; ``segment_runs``' tie-break by even runs chose among them): a row
    that every such cut gives the same date is sure of it, whatever becomes of its neighbours.
    Every row when no cut agrees (the extractor's order contradicts itself) or the cuts were too
    many to try."""
    cuts = list(_cuts(before, n))
    least = min((key[0] for key, _ in cuts), default=None)
    if least is None or least > 0:
        return set(range(n))
    seen: list[set[int]] = [set() for _ in range(n)]
    for key, starts in cuts:
        if key[0] != least:
            continue
        ends = [*starts[1:], n]
        for j, (a, b) in enumerate(zip(starts, ends, strict=True)):
            for m in range(a, b):
                seen[m].add(j)
    return {m for m in range(n) if len(seen[m]) > 1}


# A merged date (over 2 rows or more) centred on an even number of rows stands at the boundary
# of its two middle rows: pdfminer emits it after the upper or the lower one's item box alike
# (LibreOffice Calc tables: office-plain48's p48-calc-v3, a date of two rows emitted after both
# their items).  A cut
# that puts such a date one row past its run's last row is as well borne out as the reader's.
BOUNDARY_SLACK_ROWS = 1
BOUNDARY_WHY = "a merged date printed at the boundary of two rows may belong to the row above or below"


def boundary_rows(before: list[int], n: int, starts: list[int]) -> set[int]:
    """The rows (0..n-1) whose run differs between the cut ``starts`` (``segment_runs``'
    choice) and some cut in which every date's place ``before[j]`` (a place that tells
    something: 0 < before[j] < n) lies within its run or, for a run of two rows or more (a
    merged cell), ``BOUNDARY_SLACK_ROWS`` past its end.
    Every row when the cuts are too many to try."""
    d = len(before)
    if not d or comb(n - 1, d - 1) > SEGMENT_MAX_CUTS:
        return set(range(n)) if d else set()
    ends = [*starts[1:], n]
    chosen = [j for j, (a, b) in enumerate(zip(starts, ends, strict=True)) for _ in range(a, b)]
    unsure: set[int] = set()
    for _key, cut in _cuts(before, n):
        cut_ends = [*cut[1:], n]
        if any(
            0 < c < n and not a <= c <= b - 1 + (BOUNDARY_SLACK_ROWS if b - a > 1 else 0)
            for c, a, b in zip(before, cut, cut_ends, strict=True)
        ):
            continue
        labels = [j for j, (a, b) in enumerate(zip(cut, cut_ends, strict=True)) for _ in range(a, b)]
        unsure |= {m for m in range(n) if labels[m] != chosen[m]}
    return unsure


def doubted_rows(
    before: list[int], n: int, starts: list[int], guessed: bool, order_why: str
) -> dict[int, str]:
    """The rows of a page whose merged date is in doubt, each with why: where the cut
    ``starts`` was a guess (``guessed``: it cost something or tied), those another cut as cheap
    gives another date (``unsure_rows``: the others' date is the same however the tie is
    broken), ``order_why``; and always those a date at its run's boundary could give another
    (``boundary_rows``), ``BOUNDARY_WHY`` (a doubt that the row's own run does not take back:
    the boundary's date box opens the next row's run).  Keys in row order."""
    out = dict.fromkeys(sorted(unsure_rows(before, n)) if guessed else [], order_why)
    for m in sorted(boundary_rows(before, n, starts) - set(out)):
        out[m] = BOUNDARY_WHY
    return out
