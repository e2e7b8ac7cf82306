"""The lines a row printed on the next page (a Word / Writer row broken over a page), cut into
the rest of its item, before and after cells.

Flattened page by page (``pdftotext -raw``, pypdfium2), a broken row prints on the next page,
after the repeated header row, the rest of each of its cells in column order: item, before,
after.  The partition's scores (``partition.BlockScorer``) judge the cut as for any block; the
page-one ends of the cells add what they know.  Writer breaks every cell of the row at the same
height, so a cell whose page-one part ends on a full line that wraps on (no sentence end) goes
on over the page with the rest of its paragraph (a line that opens no paragraph), and a cell
that ended its text on page one has nothing more, or a new paragraph.  A cut against those ends
costs ``CONTINUATION_END_COST`` per cell (settings); the best cut is kept and, when it still
goes against an end or the runner-up comes within ``CONTINUATION_MARGIN``, the row is doubted.
"""

from __future__ import annotations

from collections.abc import Callable

from piatable.models import CellLine
from piatable.settings import RejoinSettings, Settings
from piatable.text_thresholds import (
    CONTINUATION_END_COST,
    CONTINUATION_MARGIN,
    CONTINUATION_PAGE_CUTS,
    CONTINUATION_RESCORED,
    CONTINUED_EXPLANATION_SLACK,
)
from piatable.vocabulary import SECTION_NUMERALS

from .chars import display_width, starts_paragraph
from .partition import BlockScorer
from .rejoin import is_soft_break
from .tokenizer import Tokenizer

CELLS = ("item", "before", "after")
# A page-one line that ends so ends its paragraph, however full.
CLOSING = "。．.）)」』】"


def runs_on(tail: CellLine | None, width: int | None, rejoin: RejoinSettings) -> bool | None:
    """Whether a cell's last line on page one wraps on over the page: True (full, no sentence
    end), False (short or closed), None (no line, or no width to judge by)."""
    if tail is None or not width:
        return None
    text = tail.text.rstrip()
    if not text:
        return None
    full = display_width(text) >= width - rejoin.full_slack_units
    return full and text[-1] not in CLOSING


def _end_cost(run: bool | None, part: list[CellLine]) -> float:
    """Cells against their page-one end: 1 for each (a cell that runs on, given nothing or a new
    paragraph; a closed cell going on with a line that opens no paragraph), else 0."""
    if run is None:
        return 0.0
    if run:
        return 0.0 if part and not starts_paragraph(part[0].text) else 1.0
    return 1.0 if part and not starts_paragraph(part[0].text) else 0.0


def _tails(lines: list[CellLine], i: int, j: int) -> dict[str, CellLine | None]:
    n = len(lines)
    return {
        "item": lines[i - 1] if i > 0 else None,
        "before": lines[j - 1] if j > i else None,
        "after": lines[n - 1] if j < n else None,
    }


def _cuts(scorer: BlockScorer, lo: int = 0) -> list[tuple[float, int, int]]:
    n = scorer.n
    return sorted((scorer.cost(i, j), i, j) for i in range(lo, n + 1) for j in range(i, n + 1))


def ends_against(
    pre: list[CellLine],
    cont: list[CellLine],
    cut: tuple[int, int],
    cont_cut: tuple[int, int],
    widths: dict[str, int | None],
    rejoin: RejoinSettings,
) -> int:
    """How many cells of the reading (``cut`` of the page-one lines, ``cont_cut`` of the rest)
    go against their page-one ends (``runs_on``, ``_end_cost``)."""
    (i, j), (i2, j2) = cut, cont_cut
    parts = {"item": cont[:i2], "before": cont[i2:j2], "after": cont[j2:]}
    tails = _tails(pre, i, j)
    return int(sum(_end_cost(runs_on(tails[key], widths.get(key), rejoin), parts[key]) for key in CELLS))


def continued_cut(
    pre_scorer: BlockScorer,
    cont_scorer: BlockScorer,
    whole_scorer: Callable[[list[CellLine]], BlockScorer],
    widths: dict[str, int | None],
    rejoin: RejoinSettings,
    lo: int = 0,
) -> tuple[tuple[int, int], tuple[int, int], str]:
    """The cuts of a broken row's page-one lines (``pre_scorer.lines``) and of its lines on the
    next page (``cont_scorer.lines``), chosen together.

    Each pair of cuts is first scored by the two cuts' costs and ``CONTINUATION_END_COST`` per
    cell whose rest goes against its page-one end (``runs_on``); the ``CONTINUATION_RESCORED``
    best pairs that agree with every end, and as many of the best of all, are then scored as the
    whole row they make (each cell's page-one lines followed by its rest, scored by
    ``whole_scorer(lines)``: the cells' likeness, the wraps across the page) plus the ends'
    cost.  Only the ``CONTINUATION_PAGE_CUTS`` cheapest cuts of each page are paired (the pairs
    of long rows grow as the fourth power of their lines).  ``lo``: the least item length on
    page one.  Returns ((i, j) on page one, (i, j) on
    the next page, why the cut is in doubt: "" when every cell agrees with its page-one end and
    no other reading comes within ``CONTINUATION_MARGIN``)."""
    pre, cont = pre_scorer.lines, cont_scorer.lines
    cont_cuts = _cuts(cont_scorer)[:CONTINUATION_PAGE_CUTS]
    parts = {
        (i2, j2): {"item": cont[:i2], "before": cont[i2:j2], "after": cont[j2:]} for _, i2, j2 in cont_cuts
    }
    scored: list[tuple[float, int, tuple[int, int], tuple[int, int]]] = []
    for c1, i, j in _cuts(pre_scorer, lo)[:CONTINUATION_PAGE_CUTS]:
        runs = {key: runs_on(tail, widths.get(key), rejoin) for key, tail in _tails(pre, i, j).items()}
        for c2, i2, j2 in cont_cuts:
            against = sum(_end_cost(runs[key], part) for key, part in parts[(i2, j2)].items())
            scored.append((c1 + c2 + CONTINUATION_END_COST * against, against, (i, j), (i2, j2)))
    scored.sort(key=lambda s: s[0])
    agreeing = [s for s in scored if not s[1]][:CONTINUATION_RESCORED]
    pool = agreeing + [s for s in scored[:CONTINUATION_RESCORED] if s[1]]
    rescored = []
    for _, against, (i, j), (i2, j2) in pool:
        item, before, after = pre[:i] + cont[:i2], pre[i:j] + cont[i2:j2], pre[j:] + cont[j2:]
        whole = whole_scorer(item + before + after)
        cost = whole.cost(len(item), len(item) + len(before)) + CONTINUATION_END_COST * against
        rescored.append((cost, against, (i, j), (i2, j2)))
    rescored.sort(key=lambda s: s[0])
    best = rescored[0]
    reasons = []
    if best[1]:
        reasons.append("the cut of its lines on the next page goes against where its cells ended before")
    if len(rescored) > 1 and rescored[1][0] - best[0] < CONTINUATION_MARGIN:
        reasons.append("another cut of its lines on both pages scored within the margin")
    return best[2], best[3], "; ".join(reasons)


def continued_doubt(
    pre: list[CellLine],
    cont: list[CellLine],
    post: list[CellLine],
    cuts: tuple[tuple[int, int], tuple[int, int]],
    widths: dict[str, int],
    settings: Settings,
    tokenizer: Tokenizer | None,
) -> str:
    """Why the cells of a row broken over a page are in doubt ("" when nothing speaks against
    them).  ``pre``: its lines on page one (item, before, after), ``cont``: its lines on the
    next page, ``post``: its explanation; ``cuts``: the (item, before) cut of each, as the
    partition chose them one page at a time; ``widths``: the item and body columns' widths.
    In doubt when those cuts go against where the cells ended on page one, or when the reading
    of the whole row chosen over both pages (``continued_cut``) is another.  Measured on the
    Writer tuning texts (samples/office-writerraw and the other Writer sets), most continued
    rows were wrong and went unwarned; the cells themselves are left as the partition cut them
    (the joint reading was not more often right)."""
    explanation = "".join(cl.text for cl in post)

    def scorer(lines: list[CellLine], optional: bool = False) -> BlockScorer:
        return BlockScorer(
            lines,
            widths["item"],
            widths["before"],
            explanation,
            settings.stream,
            settings.rejoin,
            tokenizer,
            item_optional=optional,
        )

    # Cuts of the pool may join the lines in one order alike (nothing of the next page before
    # the after cell): each order is scored once.
    wholes: dict[tuple[int, ...], BlockScorer] = {}

    def whole(lines: list[CellLine]) -> BlockScorer:
        key = tuple(map(id, lines))
        if key not in wholes:
            wholes[key] = scorer(lines)
        return wholes[key]

    lo = 1 if pre and pre[0].text[:1] in SECTION_NUMERALS else 0
    wide = dict(widths)
    joint, joint_cont, _ = continued_cut(scorer(pre), scorer(cont, True), whole, wide, settings.rejoin, lo)
    reasons = []
    if ends_against(pre, cont, cuts[0], cuts[1], wide, settings.rejoin):
        reasons.append("its cut goes against where its cells ended on the page before")
    if (joint, joint_cont) != cuts:
        reasons.append("the whole row read over both pages is cut otherwise")
    return "; ".join(reasons)


def explanation_rest(
    last: CellLine,
    cont: list[CellLine],
    width: int,
    rejoin: RejoinSettings,
    tokenizer: Tokenizer | None,
) -> int:
    """How many of the last lines of ``cont`` (a broken row's lines on the next page, its
    explanation's rest last) continue the explanation whose page-one last line is ``last``
    (full, wrapping on): at least 1 (the caller found the last line to be its rest); more while
    the line before them is as wide as the explanation column (``width``, display units, within
    ``CONTINUED_EXPLANATION_SLACK``) and no wider, opens no paragraph, and its break to the next
    is a soft wrap; the first of them must be a soft wrap from ``last``."""
    k = 1
    while k < len(cont) - 1:
        line, nxt = cont[-k - 1], cont[-k]
        w = display_width(line.text)
        if not (width - CONTINUED_EXPLANATION_SLACK <= w <= width) or starts_paragraph(line.text):
            break
        if not is_soft_break(line, nxt, width, rejoin, tokenizer):
            break
        k += 1
    while k > 1 and not is_soft_break(last, cont[-k], width, rejoin, tokenizer):
        k -= 1
    return k


def explanation_tail(
    post: list[CellLine],
    cont: list[CellLine],
    expl_width: int,
    settings: Settings,
    tokenizer: Tokenizer | None,
) -> int:
    """(stream.py) How many of the last lines of ``cont`` (the lines a continued row printed on
    the next page) end its explanation, whose page-one lines are ``post``: 0 when none.

    The explanation's last page-one line must fill its column (``expl_width``, display units,
    within ``CONTINUED_EXPLANATION_SLACK``) and wrap softly into the rest.  The rest is then
    ``cont``'s last line when it is shorter than half the column and opens no paragraph (…に伴う
    変 / 更); or its last lines (``explanation_rest``) when two or more of them, each as wide as
    the explanation column and no wider, wrap softly one into the next: Writer breaks every cell
    of the row at the same height, so an explanation of several lines goes on over the page
    after the item, before and after cells' rests (set XVIII kind 5: ``番号法の改正`` /
    ``により、通知`` / ``カードが廃止`` / …)."""
    if not cont or not post or not expl_width:
        return 0
    last, tail = post[-1], cont[-1]
    if display_width(last.text) < expl_width - CONTINUED_EXPLANATION_SLACK or starts_paragraph(tail.text):
        return 0
    rejoin = settings.rejoin
    k = explanation_rest(last, cont, expl_width, rejoin, tokenizer)
    short = display_width(tail.text) <= expl_width // 2
    if short and is_soft_break(last, tail, expl_width, rejoin, tokenizer):
        return k
    fits = all(display_width(cl.text) <= expl_width for cl in cont[-k:])
    if k >= 2 and fits and is_soft_break(last, cont[-k], expl_width, rejoin, tokenizer):
        return k
    return 0
