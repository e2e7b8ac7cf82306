"""Calc's first pass holds every one-line cell, not only dates and timings.

LibreOffice Calc draws a page's cells that fit on one line first (row by row, column by column),
then its wrapped cells (``twophase``).  A short before, after or explanation cell (``市民課``,
``新規追加``, ``組織改正``) fits one line as well as a date does, so the first pass reads::

    令和2年4月1日 市民課 市民窓口課 事後 組織改正   ← one row's one-line cells
    事前 時点修正                                  ← the next row's (its date merged above)
    Ⅰ基本情報 …                                    ← pass 2: each row's wrapped cells

Pages are the extractor's own (form feeds: ``pdftotext -raw`` and pypdfium2 print one per
page); on each, pass 1 is what comes before the first line that opens a wrapped row (a wrapped
date, or an item's section Ⅰ…Ⅵ).  Pass 1's pieces go to the rows by a least-cost alignment: each
row takes its date, up to two text cells (before, after), its timing and one more text cell
(the explanation), in that order; a row without its own date or timing shares the merged cell
above at a cost; a printed line split between two rows costs.  A text cell read beside a row
whose timing it cannot be placed against (the timing merged) is a guess and says so.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Protocol, TypeVar

import regex

from piatable.models import CellLine, Doubt, RawRow
from piatable.settings import Settings
from piatable.vocabulary import TIMING

from .captions import is_caption
from .chars import display_width
from .crowded_values import CROWDED_WHY, join_crowded_values
from .cut_checks import cut_margins
from .dates import DATE, DATE_AT_START, is_date_line
from .merged_reasons import reads_without_reason, share_reason
from .pass_one_pairs import beside_pair
from .plan_values import Alignment, chosen_shares, finish_costs, rows_left_open
from .reason_tails import reads_as_reason
from .rejoin import is_soft_break, same_printed_line
from .rowless_dates import give_untaken_dates
from .single_cells import put_date_and_timing
from .singlepass import explanation_cut_confidence, put_cells, split_row_scored
from .tokenizer import Tokenizer
from .untaken_timings import doubt_untaken_timings

# Costs of the pass-1 alignments (here and twophase.align_singles): a row taking its date or
# timing from the row above (a merged cell), a printed line shared by two rows, a piece no row
# takes.
INHERIT_COST = 1.0
SPLIT_LINE_COST = 5.0
UNTAKEN_COST = 10.0
# A one-line text cell that reads wholly as a reason (``reason_tails.reads_as_reason``: 組織改編に
# 伴う変更) taken as a row's before / after value rather than as the explanation after a timing:
# Calc prints a row's one-line cells before, after, timing, explanation, and a value does not end
# as a reason does (issues 10 and 12, branch raw47: new users' Calc tables printing each of those
# on a line of its own, where a reason between two timings was handed to the row below).
REASON_AS_VALUE_COST = 0.5
# The first row of a table going without a date or timing that pass 1 could give it (no row
# above to share a merged cell with): more than taking it costs in all.
NOTHING_ABOVE_COST = 3.0
# Cost of reading a date on its own line before the first row's item as that row's, not as
# pass 1's last date (twophase uses it too).
LOOSE_DATE_COST = 0.5
# Confidence of a row whose pass-1 assignment has an equally good alternative.
AMBIGUOUS_CONFIDENCE = 0.45
# Why a row's dates and timings (pass 1) or its after/explanation cut is a guess.
UNSURE_PLAN_WHY = "the one-line cells (dates, timings) could go to these rows in another way about as well"
# ... and that other way gives this row another date, timing or one-line cell (``plan_values``).
OPEN_PLAN_WHY = (
    "the merged dates / timings (one-line cells printed once) could go to these rows in another way"
    " as well, and that way gives this row other values: which row each opens is not printed"
)
# ... and most such ways (``quality.plan_majority_share``) give this row the values taken.
MAJORITY_PLAN_WHY = (
    "the merged dates / timings (one-line cells printed once) could go to these rows in another way"
    " as well; {share:.0%} of those ways give this row the values taken"
)
# ... and every such way gives this row the same values (the tie is about its neighbours).
SETTLED_PLAN_WHY = UNSURE_PLAN_WHY + ", each giving this row the same values"
RUN_ON_WHY = "the after cell's last line runs on into the explanation's first: the cut is a guess"
# Words after a date that make it a cell's text (平成31年4月1日 時点), not a row's date.
DATE_QUALIFIER = regex.compile(r"^(?:時点|現在|以降|以前|から|まで|付)")
# One space between two runs of non-ASCII text: two cells printed on one baseline.
_TWO_CELLS = regex.compile(r"^([^ ]*[^\x00-\x7f]) ([^\x00-\x7f][^ ]*)$")
# A before/after cell's last line this much wider than the explanation column may still be the
# explanation's first line (``runs_into_explanation``), and the confidence of such a row.
RUN_ON_SLACK_UNITS = 1
RUN_ON_CONFIDENCE = 0.6
RUN_ON_ENDINGS = frozenset("にのをはがでとへもや、")
_HIRAGANA = regex.compile(r"\p{Hiragana}")
_KATAKANA = regex.compile(r"[\p{Katakana}ー]")
# After cells that close a row (新規追加 …): a lone one-line text cell so written is the after cell.
CLOSING_AFTER = frozenset({"新規追加", "上記を新規追加", "削除", "上記を削除", "追加"})


@dataclass(frozen=True, slots=True)
class Take:
    """What one row takes of pass 1: its date, its text cells before the timing, its timing,
    its text cell after the timing; ``unsure`` when another reading costs as little (``tied``:
    for that reason alone, not for a text cell beside no timing of its own or a loose date),
    ``open`` when such a reading gives the row another date, timing or text cell."""

    date: bool
    pre: int
    timing: bool
    post: int
    unsure: bool = False
    open: bool = False  # the near-best readings give the row other values (``plan_values``)
    tied: bool = False
    share: float = 1.0  # of the near-best readings, those giving the row the values taken


_OPTIONS = tuple(
    (d, pre, t, post)
    for d in (True, False)
    for t in (True, False)
    for pre in range(0, 3 if t else 4)
    for post in ((0, 1) if t else (0,))
)


def kind(cl: CellLine) -> str:
    """``d`` a date, ``t`` a timing, ``x`` any other one-line cell (a date that is a cell's
    value, ``cell_dates``, too)."""
    if is_date_line(cl.text) and not cl.cell_date:
        return "d"
    return "t" if TIMING.match(cl.text) else "x"


def doubt_plan(
    row: RawRow, unsure: bool, is_open: bool, tied: bool, settings: Settings, share: float = 0.0
) -> None:
    """The doubts of a row's pass-1 take (here and ``twophase``).  ``unsure`` (another alignment
    costs as little, or a text cell beside no timing of its own, or a loose date's place): a
    confidence-only ``cut_guess`` at ``quality.unsure_plan_strength``; ``is_open`` (such an
    alignment gives the row another date, timing or one-line cell, ``plan_values``): the flag
    ``row_split_guess``.  Both hold the row at ``AMBIGUOUS_CONFIDENCE``, but for a tie alone
    (``tied``) that is not open: every alignment as cheap gives this row the same values, so
    which is taken changes none of its cells (issue 12, branch warn42: on the office -raw /
    pypdfium2 tuning samples such rows with no flag were right 144 times of 144, 16 of them held
    below 0.5, 11 by that hold alone; held out 91 of 94, 23 held below 0.5 by it alone).
    Callers pass ``tied`` False for a row that took the explanation above as merged
    (``merged_reasons``): it does so only when it shares the timing, which the tie decides
    (office-boxes40 b40-calc-kokuho: three such wrong rows were left unwarned).

    ``share``: of the near-best alignments, the share giving this row the values taken
    (``plan_values.chosen_shares``).  An open row at ``quality.plan_majority_share`` or more is
    not held nor flagged: the values most readings give it were taken, and the confidence-only
    ``cut_guess`` says so (issue 12, branch warn43: on the -raw / pypdfium2 rows such rows
    with no other warning were right 19 times in 25 on the tuning sets, 54 in 62 held out, yet
    every one was warned)."""
    if is_open and share >= settings.quality.plan_majority_share:
        is_open = False
        why = MAJORITY_PLAN_WHY.format(share=share)
        if not tied:
            row.confidence = min(row.confidence, AMBIGUOUS_CONFIDENCE)
        row.doubts.append(Doubt("cut_guess", None, why, settings.quality.unsure_plan_strength))
        return
    if unsure:
        if is_open or not tied:
            row.confidence = min(row.confidence, AMBIGUOUS_CONFIDENCE)
        why = SETTLED_PLAN_WHY if tied and not is_open else UNSURE_PLAN_WHY
        row.doubts.append(Doubt("cut_guess", None, why, settings.quality.unsure_plan_strength))
    if is_open:
        row.confidence = min(row.confidence, AMBIGUOUS_CONFIDENCE)
        row.doubts.append(Doubt("row_split_guess", None, OPEN_PLAN_WHY))


def step_costs(
    kinds: list[str],
    pieces: list[CellLine],
    own_date: list[bool],
    above: tuple[bool, bool],
    apart_cost: float = 0.0,
) -> Callable[[int, int, tuple[bool, int, bool, int]], tuple[float, int] | None]:
    """The step of a pass-1 alignment (``best_path``): row ``r`` taking, from piece ``t`` on, an
    option (its date, ``pre`` text cells, its timing, ``post`` text cells) of the pieces of
    ``kinds`` (``d`` date, ``t`` timing, ``x`` text); its (cost, next piece), or None when the
    pieces there are not of those kinds.  Costs: ``INHERIT_COST`` for a date or timing taken
    from the row above, ``NOTHING_ABOVE_COST`` for one the first row goes without,
    ``SPLIT_LINE_COST`` for a printed line shared with the next row, ``REASON_AS_VALUE_COST`` for
    a text cell read as a reason taken before the timing, ``apart_cost`` for a date
    and a timing taken from two printed lines (twophase: a row's own date and timing share their
    baseline)."""
    m = len(pieces)
    reasons = [k == "x" and reads_as_reason(cl.text) for k, cl in zip(kinds, pieces, strict=True)]

    def step(r: int, t: int, opt: tuple[bool, int, bool, int]) -> tuple[float, int] | None:
        take_d, pre, take_t, post = opt
        cost = 0.0
        start = t
        if r == 0:
            cost += NOTHING_ABOVE_COST * (
                (not take_d and not own_date[0] and not above[0]) + (not take_t and not above[1])
            )
        if own_date[r] and take_d:
            return None
        if take_d:
            if t >= m or kinds[t] != "d":
                return None
            t += 1
        elif not own_date[r]:
            cost += INHERIT_COST
        for _ in range(pre):
            if t >= m or kinds[t] != "x":
                return None
            cost += REASON_AS_VALUE_COST * reasons[t]
            t += 1
        if take_t:
            if t >= m or kinds[t] != "t":
                return None
            t += 1
        else:
            cost += INHERIT_COST
        for _ in range(post):
            if t >= m or kinds[t] != "x":
                return None
            t += 1
        if t > start and 0 < t < m and same_printed_line(pieces[t - 1], pieces[t]):
            cost += SPLIT_LINE_COST
        if apart_cost and take_d and take_t and not pre:
            date, timing = pieces[t - 2 - post], pieces[t - 1 - post]
            if not same_printed_line(date, timing):
                cost += apart_cost
        return cost, t

    return step


def align_pieces(
    pieces: list[CellLine],
    own_date: list[bool],
    above: tuple[bool, bool],
    above_texts: tuple[str | None, str | None] = (None, None),
) -> tuple[list[Take], float]:
    """Each row's share of pass 1's ``pieces`` (see the module's docstring) and the cost.
    ``own_date[r]``: the row printed its date in pass 2.  ``above``: a date and a timing were
    read before these rows; ``above_texts``: which (None: not known)."""
    n, m = len(own_date), len(pieces)
    kinds = [kind(cl) for cl in pieces]

    step = step_costs(kinds, pieces, own_date, above)

    best, path = best_path(n, m, step, _OPTIONS, UNTAKEN_COST)
    texts = [cl.text for cl in pieces]
    left_open = rows_left_open(texts, kinds, own_date, step, _OPTIONS, UNTAKEN_COST, above=above_texts)
    chosen = [opt for opt, _ in path]
    alignment = Alignment(texts, kinds, own_date, step, _OPTIONS, UNTAKEN_COST, above=above_texts)
    shares = chosen_shares(alignment, chosen)
    out: list[Take] = []
    for (opt, near), is_open, share in zip(path, left_open, shares, strict=True):
        if opt is None:
            out.append(Take(False, 0, False, 0, True, True, share=0.0))
            continue
        take_d, pre, take_t, post = opt
        # A text cell beside no timing of its own cannot be told before / after / explanation.
        loose_text = not take_t and pre > 0
        unsure = len(near) > 1 or loose_text
        out.append(Take(take_d, pre, take_t, post, unsure, is_open, unsure and not loose_text, share))
    return out, best


Option = TypeVar("Option")


def best_path(
    n: int,
    m: int,
    step: Callable[[int, int, Option], tuple[float, int] | None],
    options: tuple[Option, ...],
    untaken_cost: float,
    near_margin: float = 0.0,
) -> tuple[float, list[tuple[Option | None, set[Option]]]]:
    """The least-cost alignment of ``n`` rows with ``m`` pass-1 pieces taken in order: ``step(r,
    t, option)`` is the (cost, next piece) of row ``r`` taking pieces from ``t`` by ``option``,
    or None when it cannot; pieces no row takes cost ``untaken_cost`` each.  Returns the least
    cost and, per row, the option of a least-cost path (followed from the previous row's end;
    None when no such path reaches the row) with the options of any path within ``near_margin``
    of the least (more than one: the row's take is in doubt).  Forward and backward tables, so
    that every row sees all paths."""
    inf = float("inf")
    fwd = [[inf] * (m + 1) for _ in range(n + 1)]
    fwd[0][0] = 0.0
    for r in range(n):
        for t in range(m + 1):
            if fwd[r][t] == inf:
                continue
            for opt in options:
                s = step(r, t, opt)
                if s is not None and fwd[r][t] + s[0] < fwd[r + 1][s[1]]:
                    fwd[r + 1][s[1]] = fwd[r][t] + s[0]
    bwd = finish_costs(n, m, step, options, untaken_cost)
    best = bwd[0][0]
    out: list[tuple[Option | None, set[Option]]] = []
    t = 0
    for r in range(n):
        reach, near = [], set()
        for t0 in range(m + 1):
            for opt in options:
                s = step(r, t0, opt)
                if s is None:
                    continue
                total = fwd[r][t0] + s[0] + bwd[r + 1][s[1]]
                if total <= best + 1e-9:
                    reach.append((t0, opt, s[1]))
                if total <= best + near_margin + 1e-9:
                    near.add(opt)
        mine = [x for x in reach if x[0] == t] or reach
        if not mine:
            out.append((None, near))
            continue
        _, opt, t = mine[0]
        out.append((opt, near))
    return best, out


def text_columns(take: Take, texts: list[CellLine], body_in_pass_two: bool) -> dict[str, CellLine]:
    """The columns of a row's one-line text cells (``texts``: its ``pre`` then ``post`` pieces).
    Before the timing: two are before and after; one is the after cell when it closes a row
    (新規追加, 削除) or when pass 2 gives the row no before / after text to go with it... else the
    before cell.  After the timing: the explanation.  Without a timing: before, after,
    explanation in turn."""
    pre, post = texts[: take.pre], texts[take.pre :]
    out: dict[str, CellLine] = {}
    if not take.timing:
        keys = ["before", "after", "explanation"]
        if len(pre) == 1 and "".join(pre[0].text.split()) in CLOSING_AFTER:
            keys = ["after"]
        for key, cl in zip(keys, pre, strict=False):
            out[key] = cl
        return out
    if len(pre) == 2:
        out["before"], out["after"] = pre
    elif len(pre) == 1 and not body_in_pass_two and _TWO_CELLS.match(pre[0].text):
        # Two one-line cells on one baseline, one space apart, and no before / after text in
        # pass 2: the before and the after cell (a space inside one cell is rarer than that).
        m = _TWO_CELLS.match(pre[0].text)
        out["before"] = CellLine(m.group(1), pre[0].page, pre[0].line_no)
        out["after"] = CellLine(m.group(2), pre[0].page, pre[0].line_no)
    elif len(pre) == 1:
        closing = "".join(pre[0].text.split()) in CLOSING_AFTER
        out["after" if closing or not body_in_pass_two else "before"] = pre[0]
    if post:
        out["explanation"] = post[0]
    return out


def dates_apart(pieces: list[CellLine]) -> list[CellLine]:
    """Pass 1's pieces with a date that opens a piece split off it: ``pdftotext -raw`` joins a
    date and the one-line cell beside it with one space (``2020/07/01 国民健康保険情報ファイル``).
    A date split off so is the row's 変更日 (the leftmost column); when the rest is a whole date
    too (``2023/2/6 令和元年８月２０日``: a 第三者点検 実施日 row's before cell), the rest is that
    cell's value, marked ``cell_date`` as ``cell_dates`` marks a date after another piece."""
    out: list[CellLine] = []
    for cl in pieces:
        m = DATE_AT_START.match(cl.text)
        if m and not is_date_line(cl.text):
            date, rest = cl.text[: m.end()].strip(), cl.text[m.end() :].strip()
            if is_date_line(date) and rest and not DATE_QUALIFIER.match(rest):
                value = CellLine(rest, cl.page, cl.line_no, cell_date=is_date_line(rest))
                out += [CellLine(date, cl.page, cl.line_no), value]
                continue
        out.append(cl)
    return out


def first_wrapped(lines: list[CellLine], opens_row) -> int:
    """Index of the first line of ``lines`` (one page) that opens a wrapped row."""
    for k in range(len(lines)):
        if opens_row(lines, k):
            return k
    return len(lines)


def title_breaks_closed(chunks: list[list[CellLine]], opens_row) -> list[list[CellLine]]:
    """The extractor's pages (``paged``) with a break that cuts pass 1 from its own pass 2
    undone: a page of one-line cells alone (timings among them, no line that ``opens_row``)
    followed by one that opens with a wrapped row (no pass 1 of its own) is one page.  A title
    printed between the two passes (Calc draws a cell above the table so) is read as a page's
    start; left apart, the first page's one-line cells went to no row (office8 calc-mdate-t4:
    22 rows read for 6)."""
    out: list[list[CellLine]] = []
    for lines in chunks:
        prev = out[-1] if out else None
        if (
            prev is not None
            and first_wrapped(prev, opens_row) == len(prev)
            and any(TIMING.match(cl.text) for cl in prev)
            and first_wrapped(lines, opens_row) == 0
        ):
            out[-1] = prev + lines
        else:
            out.append(lines)
    return out


def paged(region: list[CellLine]) -> list[list[CellLine]]:
    """The region cut at the extractor's page breaks (consecutive lines of one page)."""
    out: list[list[CellLine]] = []
    for cl in region:
        if out and out[-1][-1].page == cl.page:
            out[-1].append(cl)
        else:
            out.append([cl])
    return out


def runs_into_explanation(row: RawRow, width: int, settings: Settings, tok: Tokenizer) -> bool:
    """Whether the after (or before) cell's last line may as well be the explanation's first:
    it fits the explanation column and runs on into the explanation's first line as one
    wrapped phrase (``…への移行に`` / ``伴う変更``).  The cut between the two cells is then a
    guess the text cannot settle."""
    expl = row.cells["explanation"]
    body = row.cells["after"] or row.cells["before"]
    if not expl or not body:
        return False
    last, first = body[-1], expl[0]
    if display_width(last.text) > width + RUN_ON_SLACK_UNITS or not last.text or not first.text:
        return False
    a, b = last.text[-1], first.text[0]
    # Inside a phrase: the next line opens with kana that continue a word or follow a particle,
    # or the line ends on a particle or a comma (a heading-like explanation, 研修体制の見直し,
    # after a complete cell is a new cell, not a run-on).
    # The で of a period's まで (``…から令和5年2月3日まで``) closes a value, unless a value follows.
    ending = a in RUN_ON_ENDINGS and not _closed_period("".join(cl.text for cl in body), first.text)
    inside = _HIRAGANA.match(b) or (_KATAKANA.match(a) and _KATAKANA.match(b)) or ending
    return bool(inside) and (ending or is_soft_break(last, first, width, settings.rejoin, tok))


def _closed_period(body: str, first: str) -> bool:
    """A period ``…から…まで`` ending ``body`` beside an explanation line ``first`` opening with no
    date or digit (a date item beside its reason).  Measured (branch calib65): RUN_ON_WHY stood
    alone on 7 right -raw / pypdfium2 tuning rows so (``…から令和5年2月3日まで`` | ``再評価の…``)."""
    value = first[:1].isdigit() or DATE.match(first)
    return body.endswith("まで") and "から" in body and not value


# How a doubt about the cut between the item and the next cell begins (normalize/shared_lines.py
# drops it where the item's last headings, found at the body's opening, decided that cut).
ITEM_CUT_WHY = "the cut between the item and the next cell"
BEFORE_AFTER_CUT_WHY = "the cut between the before and after cells"


def close_cut_doubts(detail: dict, put: dict[str, CellLine], settings: Settings) -> list[Doubt]:
    """``column_guess`` doubts where a pass-2 cut that stands in the row (not replaced by pass-1
    cells) won by little over the best reading that moves only that boundary (``detail``:
    ``split_row_scored``'s): the before/after cut within ``quality.pass_one_cut_margin``, the
    item/before cut within ``quality.pass_one_item_margin``.  Measured on the tuning samples:
    on 26 wrong rows and no right one (on rows read by ``twophase``, whose pass 1 holds no text
    cells, the same margins fired on right rows as often as on wrong ones: not used there)."""
    q = settings.quality
    p = detail["p"]
    ib, ba = cut_margins(detail["scorer"], p.item, p.before)
    out: list[Doubt] = []
    if "before" not in put and "after" not in put and ba < q.pass_one_cut_margin:
        why = f"{BEFORE_AFTER_CUT_WHY} won by {ba:.2f} over moving it"
        out += [Doubt("column_guess", "before", why), Doubt("column_guess", "after", why)]
    if not ("before" in put and "after" in put) and ib < q.pass_one_item_margin:
        why = f"{ITEM_CUT_WHY} won by {ib:.2f} over moving it"
        out += [Doubt("column_guess", "item", why), Doubt("column_guess", "before", why)]
    return out


class RowLike(Protocol):
    date: CellLine | None
    lines: list[CellLine]


class PageLike(Protocol):
    singles: list[CellLine]
    rows: list  # of RowLike
    loose_date: bool


def text_page_rows(
    page: PageLike,
    last: tuple[CellLine | None, CellLine | None],
    out: list[RawRow],
    widths: tuple[int, int, int],
    settings: Settings,
    tok: Tokenizer,
    no_expl: bool = False,
) -> tuple[CellLine | None, CellLine | None]:
    """The rows of a page whose pass 1 holds one-line text cells (``passone``), appended to
    ``out``; returns the last date and timing read (a merged cell goes on to the next page).
    ``no_expl``: the wrapped lines hold no explanation (``empty_explanations``)."""
    narrow, body, expl = widths
    last_date, last_timing = last
    first = len(out)
    from .pass_one_items import place_pass_one_items

    place_pass_one_items(page, widths, settings, tok)
    # A caption among pass 1's one-line cells is no row's (``captions``: noted from the region).
    page.singles = [cl for cl in page.singles if not is_caption(cl.text)]
    # Before / after cells whose own spaces (-raw) split them into more pieces: joined again.
    page.singles, crowded = join_crowded_values(page.singles)
    own = [r.date is not None for r in page.rows]
    above = (last_date is not None, last_timing is not None)
    known = (last_date.text if last_date else None, last_timing.text if last_timing else None)
    plan, cost = align_pieces(page.singles, own, above, known)
    moved = page.rows[0].date if page.loose_date and page.rows else None
    if moved is not None:
        # The first row's date read as pass 1's last date instead (``two_phase_rows``).
        alt, alt_cost = align_pieces([*page.singles, moved], [False, *own[1:]], above, known)
        if alt_cost < cost + LOOSE_DATE_COST:
            page.singles = [*page.singles, moved]
            page.rows[0].date = None
            plan = (
                alt
                if alt_cost <= cost - LOOSE_DATE_COST
                else [replace(t, unsure=True, tied=False) for t in alt]
            )
    k, filled = 0, []
    for prow, take in zip(page.rows, plan, strict=True):
        row = RawRow()
        if prow.date is not None:
            last_date = prow.date
        elif take.date:
            last_date = page.singles[k]
            k += 1
        else:
            row.flags.append("merged_cell_filled")
            filled.append(row)
        texts = page.singles[k : k + take.pre]
        k += take.pre
        if take.timing:
            last_timing = page.singles[k]
            k += 1
        elif last_timing is not None:
            row.flags.append("merged_cell_filled")
        texts += page.singles[k : k + take.post]
        k += take.post
        put_date_and_timing(row, last_date, last_timing, prow.listed if prow.date is not None else [])
        fixed_expl = take.post > 0 or (not take.timing and take.pre >= 3)
        detail: dict = {}
        cells: list[list[CellLine]] = [[], [], [], []]
        confidence, margin = 1.0, 5.0
        merged_reason = False
        if prow.lines:  # (none: a row of pass 1 alone, ``pass_one_items``)
            args = (prow.lines, narrow, body, settings, tok, expl)
            cells, confidence, margin, cost = split_row_scored(
                *args, strict=True, no_explanation=fixed_expl or no_expl, detail=detail
            )
            shared_timing = not take.timing and last_timing is not None
            if shared_timing and not fixed_expl and out and out[-1].cells["explanation"]:
                # Under a merged timing: the explanation may be merged too (``merged_reasons``).
                alt_detail: dict = {}
                alt = split_row_scored(*args, strict=True, no_explanation=True, detail=alt_detail)
                if reads_without_reason(cells[3], cost, alt[3]):
                    cells, confidence, margin, _ = alt
                    detail, merged_reason = alt_detail, True
        pass_one_item = getattr(prow, "item", None)
        if pass_one_item is not None:
            # The item was printed whole in pass 1: what the cut gave the item is body text.
            cells = [[pass_one_item], cells[0] + cells[1], cells[2], cells[3]]
        body_lines = cells[1] + cells[2]
        put = text_columns(take, texts, bool(body_lines))
        pair_doubts: list[Doubt] = []
        if "before" in put and "after" in put:
            cells, pair_doubts = beside_pair(cells, put, body_lines)
        elif "before" in put:
            cells = [cells[0], [put["before"]], body_lines, cells[3]]
        elif "after" in put:
            cells = [cells[0], body_lines, [put["after"]], cells[3]]
        if "explanation" in put:
            cells[3] = [put["explanation"]]
        put_cells(row, cells, min(confidence, explanation_cut_confidence(margin)), margin)
        if merged_reason:
            share_reason(row, out[-1])
        row.doubts += (close_cut_doubts(detail, put, settings) if detail else []) + pair_doubts
        if any((cl.page, cl.line_no) in crowded for cl in texts):
            row.doubts.append(Doubt("column_guess", "before", CROWDED_WHY))
        if getattr(prow, "why", ""):
            row.confidence = min(row.confidence, AMBIGUOUS_CONFIDENCE)
            row.doubts.append(Doubt("row_split_guess", None, prow.why))
        doubt_plan(row, take.unsure, take.open, take.tied and not merged_reason, settings, take.share)
        if not fixed_expl and runs_into_explanation(row, expl, settings, tok):
            row.confidence = min(row.confidence, RUN_ON_CONFIDENCE)
            row.doubts.append(Doubt("column_guess", None, RUN_ON_WHY))
        row.widths = {"item": narrow, "before": body, "after": body, "explanation": expl}
        row.set_pages()
        row.flags = sorted(set(row.flags))
        out.append(row)
    rest = give_untaken_dates(filled, page.singles[k:], AMBIGUOUS_CONFIDENCE)
    doubt_untaken_timings(out[first:], rest)
    if page.rows and out:
        last_date = (out[-1].cells["change_date"] or [last_date])[0]
    for cl in rest:
        # Pass-1 pieces no row took (less the dates given to rows that printed none): kept, and doubted.
        row = RawRow()
        key = {"d": "change_date", "t": "timing"}.get(kind(cl), "explanation")
        row.cells[key] = [cl]
        row.flags = ["column_guess", "row_split_guess"]
        row.confidence = AMBIGUOUS_CONFIDENCE / 2
        row.set_pages()
        out.append(row)
    return last_date, last_timing
