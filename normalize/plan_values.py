"""Which rows a pass-1 alignment leaves open: near-best readings that give a row other values.

In ``pdftotext -raw`` and pypdfium2 text of a Calc table (``twophase``, ``passone``) a page's
one-line cells (dates, timings, short text cells) come first, row by row, and a merged cell is
printed once.  ``passone.best_path`` aligns them with the rows; where several alignments cost
the same (three rows under two merged dates: which row opens the second date?) the rows are
``unsure``.  Most such ties do not matter: the alignments differ in which row *takes* a 事後
that the next row would inherit anyway, and every row ends up with the same date and timing.
Some do: the rows between two merged dates take one date in one reading and the other in the
next, and nothing in the text (no row prints a date of its own there) tells which.

``rows_left_open`` says, per row, whether the near-best alignments give it more than one
value: its date, its timing, or the one-line text cells it takes (and the columns they go to).
Only those rows are in doubt about their cells; the others read the same whatever the tie.

``chosen_shares`` says, per row, what share of those alignments gives it the values the one
taken gives it.  Where most of them agree (three rows under two merged dates: the middle row
takes the first date in two readings of three), the row is less in doubt than where the reading
taken is the odd one out (issue 12, branch warn43: on the -raw / pypdfium2 rows left open, those
whose values at least 60% of the near-best readings share and that no other check warned were
right 19 times in 25 on the tuning sets and 54 in 62 held out; those given values fewer readings
share were mostly wrong).

Exact over the alignments within ``margin`` of the least cost: states (piece reached, date and
timing carried) are followed row by row with their least cost, and a step is kept when the
least cost of finishing from it stays within the margin.  Polynomial: at most (pieces + 1) ×
(dates + rows + 1) × (timings + 1) states per row.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

Option = TypeVar("Option", bound=tuple)

# Cost tolerance of float sums of the alignment's costs.
_EPS = 1e-9


def finish_costs(
    n: int,
    m: int,
    step: Callable[[int, int, Option], tuple[float, int] | None],
    options: Sequence[Option],
    untaken: float,
) -> list[list[float]]:
    """``bwd[r][t]``: the least cost of rows ``r..n-1`` taking pieces from ``t`` on (pieces no
    row takes cost ``untaken`` each): the backward table of ``passone.best_path`` too."""
    inf = float("inf")
    bwd = [[inf] * (m + 1) for _ in range(n + 1)]
    for t in range(m + 1):
        bwd[n][t] = untaken * (m - t)
    for r in range(n - 1, -1, -1):
        for t in range(m + 1):
            for opt in options:
                s = step(r, t, opt)
                if s is not None:
                    bwd[r][t] = min(bwd[r][t], s[0] + bwd[r + 1][s[1]])
    return bwd


def row_values(
    texts: Sequence[str],
    kinds: Sequence[str],
    own_date: Sequence[bool],
    r: int,
    pieces: tuple[int, int],
    opt: Any,
    date: object,
    timing: object,
) -> tuple:
    """The values row ``r`` reads taking ``pieces`` (from, to) by ``opt`` after ``date`` and
    ``timing``: (date, timing, text cells before and after the timing, their texts); a row that
    printed its own date reads ``("own", r)``."""
    cells = []
    for k in range(*pieces):
        if kinds[k] == "d":
            date = texts[k]
        elif kinds[k] == "t":
            timing = texts[k]
        else:
            cells.append(texts[k])
    if own_date[r]:
        date = ("own", r)
    return date, timing, opt[1], opt[3], tuple(cells)


def rows_left_open(
    texts: Sequence[str],
    kinds: Sequence[str],
    own_date: Sequence[bool],
    step: Callable[[int, int, Option], tuple[float, int] | None],
    options: Sequence[Option],
    untaken: float,
    margin: float = 0.0,
    above: tuple[str | None, str | None] = (None, None),
) -> list[bool]:
    """Per row: whether the alignments within ``margin`` of the least cost give it more than one
    value (its date, its timing, or the texts and columns of its one-line text cells).

    ``texts`` / ``kinds``: pass 1's pieces and their kinds (``d`` date, ``t`` timing, ``x``
    text); ``own_date[r]``: row r printed its date in pass 2; ``step`` and ``options``: the
    alignment's (``passone.step_costs``); ``untaken``: the cost of a piece no row takes;
    ``above``: the date and timing read before these rows (a page before), None when unknown.
    An option's second and fourth items are the text cells taken before and after the timing.
    Texts are compared whitespace-free (a page that prints the date again, as Calc does when a
    page break cuts a merged cell, gives its first rows the same date either way)."""
    n, m = len(own_date), len(texts)
    bwd = finish_costs(n, m, step, options, untaken)
    limit = bwd[0][0] + margin + _EPS
    texts = ["".join(t.split()) for t in texts]
    start = tuple(None if t is None else "".join(t.split()) for t in above)
    # (piece reached, date carried, timing carried) -> least cost.
    states: dict[tuple[int, object, object], float] = {(0, *start): 0.0}
    out: list[bool] = []
    for r in range(n):
        after: dict[tuple[int, object, object], float] = {}
        values: set[tuple] = set()
        for (t, date, timing), cost in states.items():
            for opt in options:
                s = step(r, t, opt)
                if s is None or cost + s[0] + bwd[r + 1][s[1]] > limit:
                    continue
                v = row_values(texts, kinds, own_date, r, (t, s[1]), opt, date, timing)
                values.add(v)
                key = (s[1], v[0], v[1])
                if cost + s[0] < after.get(key, float("inf")):
                    after[key] = cost + s[0]
        out.append(len(values) > 1)
        states = after
    return out


def _completions(
    n: int,
    m: int,
    step: Callable[[int, int, Option], tuple[float, int] | None],
    options: Sequence[Option],
    untaken: float,
    bwd: list[list[float]],
    limit: float,
) -> list[list[dict[float, int]]]:
    """``done[r][t]``: {cost: number of ways} of rows ``r..n-1`` taking pieces from ``t`` on,
    kept to the costs an alignment within ``limit`` can still spend there (costs rounded to 9
    places, so float sums of the same steps meet)."""
    done: list[list[dict[float, int]]] = [[{} for _ in range(m + 1)] for _ in range(n + 1)]
    for t in range(m + 1):
        done[n][t] = {round(untaken * (m - t), 9): 1}
    for r in range(n - 1, -1, -1):
        for t in range(m + 1):
            if bwd[r][t] > limit:
                continue
            ways: dict[float, int] = defaultdict(int)
            for opt in options:
                s = step(r, t, opt)
                if s is None:
                    continue
                for c, k in done[r + 1][s[1]].items():
                    total = round(s[0] + c, 9)
                    if total <= limit:
                        ways[total] += k
            done[r][t] = dict(ways)
    return done


@dataclass(frozen=True, slots=True)
class Alignment:
    """Pass 1's pieces aligned with the rows, as ``rows_left_open`` takes them: the pieces'
    ``texts`` and ``kinds``, ``own_date``, the ``step`` and its ``options``, the ``untaken``
    cost, the ``margin`` and the texts read ``above``."""

    texts: Sequence[str]
    kinds: Sequence[str]
    own_date: Sequence[bool]
    step: Callable[[int, int, Any], tuple[float, int] | None]
    options: Sequence[Any]
    untaken: float
    margin: float = 0.0
    above: tuple[str | None, str | None] = (None, None)


def chosen_shares(plan: Alignment, chosen: Sequence[Any | None]) -> list[float]:
    """Per row: the share of the alignments within ``plan.margin`` of the least cost that give
    it the values (date, timing, one-line text cells and their columns, as ``rows_left_open``
    compares them) that ``chosen`` (the options of the alignment taken, row by row) gives it;
    1.0 for a row all of them agree on, 0.0 past a row ``chosen`` does not reach.  Counted, not
    listed: ways are summed over (piece reached, date and timing carried, cost so far) row by
    row, and the ways to finish from each step looked up."""
    texts, kinds, own_date, step = plan.texts, plan.kinds, plan.own_date, plan.step
    options, untaken, margin, above = plan.options, plan.untaken, plan.margin, plan.above
    n, m = len(own_date), len(texts)
    bwd = finish_costs(n, m, step, options, untaken)
    limit = round(bwd[0][0] + margin, 9) + _EPS
    done = _completions(n, m, step, options, untaken, bwd, limit)
    texts = ["".join(t.split()) for t in texts]
    start = tuple(None if t is None else "".join(t.split()) for t in above)

    def values(r: int, t: int, nxt: int, opt: Option, date: object, timing: object) -> tuple:
        return row_values(texts, kinds, own_date, r, (t, nxt), opt, date, timing)

    # The values the chosen alignment gives each row.
    want: list[tuple | None] = []
    t, date, timing = 0, *start
    for r, opt in enumerate(chosen):
        s = step(r, t, opt) if opt is not None else None
        if s is None:
            want += [None] * (n - r)
            break
        v = values(r, t, s[1], opt, date, timing)
        want.append(v)
        t, date, timing = s[1], v[0], v[1]
    # (piece reached, date carried, timing carried, cost so far) -> ways.
    states: dict[tuple[int, object, object, float], int] = {(0, *start, 0.0): 1}
    out: list[float] = []
    timing_out: list[float] = []  # the share giving each row the timing taken
    for r in range(n):
        after: dict[tuple[int, object, object, float], int] = defaultdict(int)
        agree = agree_timing = total = 0
        for (t, date, timing, cost), ways in states.items():
            for opt in options:
                s = step(r, t, opt)
                if s is None:
                    continue
                spent = round(cost + s[0], 9)
                finish = sum(k for c, k in done[r + 1][s[1]].items() if spent + c <= limit)
                if not finish:
                    continue
                v = values(r, t, s[1], opt, date, timing)
                total += ways * finish
                agree += ways * finish if v == want[r] else 0
                agree_timing += ways * finish if want[r] is not None and v[1] == want[r][1] else 0
                after[(s[1], v[0], v[1], spent)] += ways
        out.append(agree / total if total else 0.0)
        timing_out.append(agree_timing / total if total else 0.0)
        states = after
    return inherited_shares(out, timing_out, [opt is not None and not opt[2] for opt in chosen])


def inherited_shares(shares: list[float], timing_shares: list[float], inherits: list[bool]) -> list[float]:
    """``shares`` (per row, of the near-best alignments, the share giving the row the values
    taken), a row that takes its timing from the row above (``inherits``: its option takes no
    timing piece; a merged cell printed once) counting at most the share giving that row above
    the timing taken (``timing_shares``): both read the one merged cell, so the row below is no
    surer of it than the row above.  The timing alone, and the row above only: a row is surer of
    a merged date, or of a timing that every reading gives it from one cell or another, than the
    rows above it (``office-raw23`` calc1-raw23-juki and -kokuho: the later rows under two
    merged values take the second in more readings, rightly).  ``samples/office-rightwarn58``
    rw58-calc-top (-raw, pypdfium2, pypdf, PyMuPDF): pass 1 prints four 提出時期 for twelve rows;
    ①委託内容 takes 事後 in 56% of the readings, ⑧再委託の許諾方法 below it the same 事後 in 73% (both
    wrong, truth 事前): ⑧ now counts 56%, under ``quality.plan_majority_share``.  Measured on
    every fifth row-ordered text of the samples (872 texts, branch rightwarn59): 17 rows newly
    below that share, 6 of them wrong (unwarned before), 11 right (capping by the row above's
    whole share instead: 8 and 17; by a chain of timing shares: 7 and 15); on another fifth
    (with the -layout texts, 1,357 texts) 5 wrong and 16 right.  Such rows are wrong about one
    time in three; rows quiet at a majority share about one in seven (branch warn43)."""
    return [min(s, timing_shares[r - 1]) if r and inherits[r] else s for r, s in enumerate(shares)]
