"""Rows of text whose one-line cells were emitted before the wrapped ones.

LibreOffice Calc draws a page's cells that do not wrap (the dates and the timings) first, then
the wrapped cells row by row.  pypdfium2's ``get_text_range`` and ``pdftotext -raw`` follow that
order, so a page reads::

    2023/2/6 事後            ← the dates and timings of the page's rows, one line per row
    2022/10/17 事後
    Ⅱ特定個人情報ファイルの概要  ← then each row: item, before, after, explanation
    …

What the text gives honestly: the date lines count the rows and give their dates in order; the
form's section headings (Ⅰ…Ⅵ) open each row's item cell; within a row the wrapped cells follow in
column order, so a row's lines are cut into item / before / after / explanation by the same
scored partition as row-ordered text, the explanation being the narrow cell at the end.  Where the
counts disagree (a date or timing printed once for several rows, a merged cell), the rows get the
dates in order and the flag ``column_guess`` with a lower confidence.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from itertools import pairwise
from math import exp

import regex

from piatable.models import CellLine, Doubt, RawRow
from piatable.settings import Settings
from piatable.vocabulary import TIMING

from .cell_shapes import marks_beside_text, mid_phrase_start
from .chars import NO_LINE_START, display_width, starts_paragraph
from .dates import is_date_line
from .items import opens_item
from .partition import PIECE_JOIN_PENALTY, BlockScorer, Partition, best_partition
from .period_lines import PERIOD_CUT_PENALTY, period_goes_on
from .rejoin import is_soft_break, opens_paragraph, same_printed_line
from .tokenizer import Tokenizer, default_tokenizer

# Confidence of a row whose date or timing was handed out by order alone (counts disagreed).
GUESS_CONFIDENCE = 0.4
GUESSED_GROUP_WHY = "a group's dates, timings and rows do not come in equal numbers: shared by guess"
# A row's explanation is looked for among its last lines that fit the narrow columns' width.
MAX_EXPLANATION_STARTS = 30
# Cost of an explanation break that is neither a soft wrap nor a new paragraph, of an empty
# explanation, and of an explanation opening with a character kinsoku keeps off a line start.
EXPLANATION_BREAK_COST = 1.0
EMPTY_EXPLANATION_COST = 6.0
KINSOKU_START_COST = 8.0
# The narrow columns (item, explanation) are at most this share of the widest (before/after).
NARROW_MAX_SHARE = 0.9
# ... and at least this share: narrower run-on lines are pieces of a line an extractor broke up
# (pypdfium2 breaks some justified lines into single characters), not a column's width.
NARROW_MIN_SHARE = 0.3
# The item and explanation columns differ by a character or two: explanation lines may be this
# much wider than the narrow width.
EXPLANATION_SLACK_UNITS = 4
# A column's wrap width: a width seen at least WIDTH_MIN_COUNT times and at least this share as
# often as the commonest; the narrow width is the commonest narrow one, or up to
# WIDTH_SPREAD_UNITS wider (half-width characters leave odd widths).
WIDTH_MIN_COUNT = 2
WIDTH_MIN_SHARE = 0.1
WIDTH_SPREAD_UNITS = 2
WIDTH_TOLERANCE_UNITS = 1
# A piece beside the cell before it is a full line of the explanation column when its width is
# within this many display units of the column's (``explanation_beside``).
BESIDE_FULL_UNITS = 1
# Cost of an explanation that would begin on the line after such a full line running on into it
# (the explanation's first line given to the after cell: one line too late).
LATE_START_COST = 3.0
# How a cell's last line ends (a sentence, a bracketed choice, a closing note).
CELL_ENDINGS = ("。", "．", "]", "］", ")", "）", "追加", "削除")
# Margin (cost units) of a row's explanation start that makes the row's confidence 1 - 0.5/e.
EXPLANATION_MARGIN_SCALE = 2.0
# Two readings of a row closer than this are a guess: flag column_guess.
GUESS_MARGIN = 0.5
# 上記を新規追加 / 新規追加 / 削除 printed as a line of its own closes the after cell: an
# explanation that would begin later (the after cell going on past its closing word) costs this
# much, and the line after the closing word is tried as a start whatever its width.  Over the
# tuning samples' 6,000 expected rows none has text after such a line but the explanation.
CLOSED_AFTER_RUN_ON_PENALTY = 6.0
CLOSING_LINE = regex.compile(r"^(?:上記を)?(?:新規追加|削除)$")
ABOVE_ADDED = regex.compile(r"^上記(?:を|の通り)?新規追加$")


@dataclass(slots=True)
class _Group:
    dates: list[CellLine] = field(default_factory=list)
    timings: list[CellLine] = field(default_factory=list)
    content: list[CellLine] = field(default_factory=list)
    inline: bool = False  # each row's date opens its content instead of standing in the run


def _single(cl: CellLine) -> bool:
    return is_date_line(cl.text) or bool(TIMING.match(cl.text))


def single_pass_groups(region: list[CellLine]) -> list[_Group] | None:
    """The region as runs of date/timing lines, each followed by its rows' wrapped cells; None
    when the text is not in this order.

    A run holds a timing, or two dates or more, and the lines after it open an item (Ⅰ…Ⅵ): text
    printed row by row has one date, then the item, and its timing only after before and after.
    """
    groups: list[_Group] = []
    k = 0
    n = len(region)
    while k < n:
        if not _single(region[k]) or (groups and groups[-1].inline and is_date_line(region[k].text)):
            if not groups:
                return None
            groups[-1].content.append(region[k])
            k += 1
            continue
        g = _Group()
        while k < n and _single(region[k]) and (g.dates or not _date_opens_item(region, k)):
            (g.dates if is_date_line(region[k].text) else g.timings).append(region[k])
            k += 1
            # The first line of an item printed on the date's line, the timing after it
            # (``2018/04/01 Ⅰ基本情報 事後``): the item's line opens the content.
            if (
                k + 1 < n
                and opens_item(region[k].text)
                and same_printed_line(region[k - 1], region[k])
                and same_printed_line(region[k], region[k + 1])
                and TIMING.match(region[k + 1].text)
            ):
                g.timings.append(region[k + 1])
                g.content.append(region[k])
                k += 2
                break
        if not g.dates and g.timings and k < n and _date_opens_item(region, k):
            # Only the timings first; each row's date opens its wrapped cells, beside the
            # item's first line (Calc draws a date cell with a number format with them).
            g.inline = True
            groups.append(g)
            continue
        if not g.dates or (not g.timings and len(g.dates) < 2):
            return None
        if k < n and not g.content and not opens_item(region[k].text):
            return None
        groups.append(g)
    return groups or None


def _date_opens_item(lines: list[CellLine], k: int) -> bool:
    """A date followed by the first line of its row's item, beside it (``2019年5月1日 Ⅰ…``) or
    on the next line."""
    return is_date_line(lines[k].text) and k + 1 < len(lines) and opens_item(lines[k + 1].text)


def _opens_row(lines: list[CellLine], k: int) -> bool:
    if is_date_line(lines[k].text):  # a row's date among its wrapped cells (inline dates)
        return True
    after_date = k > 0 and is_date_line(lines[k - 1].text)
    return (
        opens_item(lines[k].text)
        and not after_date
        and (k == 0 or not same_printed_line(lines[k - 1], lines[k]))
    )


def _segments(content: list[CellLine]) -> list[list[CellLine]]:
    """The content cut at each line that opens a section of the form (or at the date printed
    beside it): one segment per row."""
    segs: list[list[CellLine]] = []
    for k, cl in enumerate(content):
        if not segs or _opens_row(content, k):
            segs.append([])
        segs[-1].append(cl)
    return segs


def _widths(groups: list[_Group]) -> tuple[int, int]:
    """(narrow, body) of the groups' wrapped cells (see ``widths_of_lines``)."""
    return widths_of_lines([g.content for g in groups])


def widths_of_lines(blocks: list[list[CellLine]]) -> tuple[int, int]:
    """(narrow, body): the wrap widths of the item/explanation columns and of before/after, in
    display units, from blocks of consecutive printed lines.

    Lines that run on (the next starts no paragraph) are full: their widths cluster at the
    columns' wrap widths; the widest cluster is before/after, the widest below it the narrow one.
    """
    counts: Counter[int] = Counter()
    for content in blocks:
        for a, b in pairwise(content):
            if not starts_paragraph(b.text) and not same_printed_line(a, b):
                counts[display_width(a.text)] += 1
    if not counts:
        return 0, 0
    top = max(counts.values())
    common = [w for w, c in counts.items() if c >= max(WIDTH_MIN_COUNT, WIDTH_MIN_SHARE * top)] or list(
        counts
    )
    body = max(common)
    narrow_counts = {
        w: c for w, c in counts.items() if NARROW_MIN_SHARE * body <= w <= body * NARROW_MAX_SHARE
    }
    if not narrow_counts:
        return body, body
    mode = max(narrow_counts, key=lambda w: (narrow_counts[w], w))
    near = [
        w for w, c in narrow_counts.items() if mode <= w <= mode + WIDTH_SPREAD_UNITS and c >= WIDTH_MIN_COUNT
    ]
    return max(near, default=mode), body


def width_peaks(blocks: list[list[CellLine]], body: int, min_share: float = NARROW_MIN_SHARE) -> list[int]:
    """The wrap widths seen often among run-on lines (display units), from ``min_share`` of
    ``body`` up to ``body``: each a candidate width of a column."""
    counts: Counter[int] = Counter()
    for content in blocks:
        for a, b in pairwise(content):
            if not starts_paragraph(b.text) and not same_printed_line(a, b):
                counts[display_width(a.text)] += 1
    return sorted(w for w, c in counts.items() if c >= WIDTH_MIN_COUNT and min_share * body <= w <= body)


def _explanation_cost(lines: list[CellLine], width: int, settings: Settings, tok: Tokenizer) -> float:
    if not lines:
        return EMPTY_EXPLANATION_COST
    cost = 0.0
    if lines[0].text[:1] in NO_LINE_START and not starts_paragraph(lines[0].text):
        cost += KINSOKU_START_COST
    for a, b in pairwise(lines):
        if same_printed_line(a, b):
            cost += PIECE_JOIN_PENALTY
        elif not (
            starts_paragraph(b.text)
            or opens_paragraph(b.text)
            or is_soft_break(a, b, width, settings.rejoin, tok)
        ):
            cost += EXPLANATION_BREAK_COST
    return cost


def printed_lines(lines: list[CellLine]) -> int:
    """How many printed lines the cell's lines (pieces of lines) span."""
    return len({(cl.page, cl.line_no) for cl in lines})


def cut_beside_allowed(left: list[CellLine], right: list[CellLine]) -> bool:
    """Whether a cell (``left``) may end beside the next cell's first piece on one printed line:
    office software draws each cell from the row's top, or centred in it, so the left cell is
    one line high, or two beside a one-line cell (centred: half a line apart, which pdftotext
    -raw and pypdfium2 still join)."""
    n = printed_lines(left)
    return n <= 1 or (n == 2 and printed_lines(right) <= 1)


def _late_explanation_cut(
    lines: list[CellLine], e: int, p: Partition, settings: Settings, width: int | None, tok: Tokenizer
) -> float:
    """``StreamSettings.item_in_line_cut_penalty`` when the explanation would begin beside the
    cell before it on one printed line although that cell may not end so
    (``cut_beside_allowed``), unless the piece there is a full line of the explanation column
    (``width``) that wraps on into the next printed line (``explanation_beside``)."""
    if not 0 < e < len(lines) or not same_printed_line(lines[e - 1], lines[e]):
        return 0.0
    start = p.before if p.before < e else p.item if p.item < e else 0
    if cut_beside_allowed(lines[start:e], lines[e:]):
        return 0.0
    if width and explanation_beside(lines[e:], width, settings, tok):
        return 0.0
    return settings.stream.item_in_line_cut_penalty


def explanation_beside(post: list[CellLine], width: int, settings: Settings, tok: Tokenizer) -> bool:
    """Whether ``post`` opens with the last piece of a printed line that fills the explanation
    column (``width``, within ``BESIDE_FULL_UNITS``) and runs on as one phrase into the next
    printed line: an explanation's first line printed on the baseline of the cell before it.
    A user who leaves the text cells at the top and centres the explanation (or sets it at the
    bottom) gets such rows from Calc and Writer alike; office software wraps a line at the
    column's width, and a cell's own line would not stop at a space there."""
    if len(post) < 2 or same_printed_line(post[0], post[1]):
        return False
    first = post[0]
    if abs(display_width(first.text) - width) > BESIDE_FULL_UNITS or starts_paragraph(post[1].text):
        return False
    if first.text.rstrip().endswith(CELL_ENDINGS):
        return False  # a cell's whole last line (``[ 10人以上50人未満 ]``), not a line wrapped on
    return is_soft_break(first, post[1], width, settings.rejoin, tok)


def _opens_explanation(
    lines: list[CellLine], k: int, width: int, body: int, settings: Settings, tok: Tokenizer
) -> bool:
    """Whether ``lines[k]`` reads as an explanation's first line: a full line of the explanation
    column (``width``) running on into the next (``explanation_beside``) that the line before
    does not run on into at the body column's width (it stands beside that line on one printed
    line, or the break before it is hard)."""
    if not explanation_beside(lines[k:], width, settings, tok):
        return False
    prev = lines[k - 1]
    if same_printed_line(prev, lines[k]):
        return True
    return prev.text.rstrip().endswith(CELL_ENDINGS) and not is_soft_break(
        prev, lines[k], body, settings.rejoin, tok
    )


# Why a row whose explanation begins beside a taller cell's last line is a guess (``put_cells``).
BESIDE_WHY = (
    "the explanation's first line shares a printed line with the cell before it, which spans more"
    " lines: the cut is read from the explanation column's width, a guess"
)
BESIDE_CONFIDENCE = 0.6


def closing_line(lines: list[CellLine]) -> int | None:
    """Index of the last line (not the row's first nor its last) that is a closing word of an
    after cell alone (``CLOSING_LINE``: 上記を新規追加, 新規追加, 削除), or None."""
    for k in range(len(lines) - 2, 0, -1):
        if CLOSING_LINE.match("".join(lines[k].text.split())):
            return k
    return None


def split_row(
    lines: list[CellLine],
    narrow: int,
    body: int,
    settings: Settings,
    tok: Tokenizer,
    explanation_width: int | None = None,
) -> tuple[list[list[CellLine]], float, float]:
    """(item, before, after, explanation) lines of one row's cells printed one after another,
    the row's confidence and the margin of the best reading over the next.  ``narrow`` is the
    item's wrap width; the explanation's is ``explanation_width`` (default: ``narrow``)."""
    cells, confidence, margin, _ = split_row_scored(lines, narrow, body, settings, tok, explanation_width)
    return cells, confidence, margin


def split_row_scored(
    lines: list[CellLine],
    narrow: int,
    body: int,
    settings: Settings,
    tok: Tokenizer,
    explanation_width: int | None = None,
    strict: bool = False,
    no_explanation: bool = False,
    detail: dict | None = None,
    closing: bool = True,
    kept: dict[tuple[int, int], tuple[BlockScorer, Partition]] | None = None,
) -> tuple[list[list[CellLine]], float, float, float]:
    """``split_row`` with the cost of the best reading as well.  With ``strict``, the
    explanation's wrap width is ``explanation_width`` itself (its lines are judged full or short
    against it), not the widest of its lines, so that costs of two widths can be compared.
    ``no_explanation``: the explanation is known to be elsewhere (a one-line cell read apart):
    the lines hold none of it.  ``detail``, when given, is filled with the chosen reading's
    ``scorer`` (its ``BlockScorer``), partition ``p``, explanation start ``e`` and ``e_costs``
    (each start tried: its best cost; ``e`` and ``e_costs`` None with ``no_explanation``), so
    that a caller can weigh the runner-up of one boundary (``cut_checks.cut_margins``).
    ``closing``: an explanation starts at the latest after a line that closes the after cell
    (``CLOSED_AFTER_RUN_ON_PENALTY``); off where rows are read only to weigh column widths.
    ``kept``: the scorer and best partition of the lines before each explanation start, by
    (``id(lines)``, start), filled and reused by calls on the same line lists, narrow and body
    widths, settings and tokenizer under other explanation widths, on which they do not depend
    (``twophase.explanation_width``)."""
    n = len(lines)
    if no_explanation:
        sc = BlockScorer(lines, narrow, body, "", settings.stream, settings.rejoin, tok)
        p = best_partition(sc)
        if detail is not None:
            detail.update(scorer=sc, p=p, e=None, e_costs=None)
        return [lines[: p.item], lines[p.item : p.before], lines[p.before :], []], p.confidence, 5.0, p.score
    limit = (explanation_width if strict and explanation_width else max(narrow, explanation_width or 0)) + (
        WIDTH_TOLERANCE_UNITS if strict else EXPLANATION_SLACK_UNITS
    )
    starts = []
    for e in range(n, 0, -1):
        if e < n and display_width(lines[e].text) > limit:
            break
        starts.append(e)
        if len(starts) >= MAX_EXPLANATION_STARTS:
            break
    closed = closing_line(lines) if closing else None
    # The explanation column's width where it differs from the body's (``explanation_beside``);
    # not while widths are weighed (``closing`` off): a width tried matches some body lines.
    apart = (
        explanation_width
        if closing and strict and explanation_width and explanation_width <= body * NARROW_MAX_SHARE
        else None
    )
    if closed is not None and closed + 1 not in starts:
        starts.append(closed + 1)
    scored = []
    for e in starts:
        post = lines[e:]
        explanation = "".join(cl.text for cl in post)
        found = kept.get((id(lines), e)) if kept is not None else None
        if found is None:
            sc = BlockScorer(lines[:e], narrow, body, explanation, settings.stream, settings.rejoin, tok)
            found = (sc, best_partition(sc))
            if kept is not None:
                kept[(id(lines), e)] = found
        sc, p = found
        if strict and explanation_width:
            width = explanation_width
        else:
            width = max([narrow, *(display_width(cl.text) for cl in post)])
        # (Without the before/after echo: an explanation line read as the after's last lowers it.)
        cost = p.score + sc.echo.bonus(p.item, p.before) + _explanation_cost(post, width, settings, tok)
        cost += _late_explanation_cut(lines, e, p, settings, apart, tok)
        cost += marks_beside_text([cl.text for cl in post])
        if closing and 0 < e < n:  # not while widths are weighed: it would move them
            cost += mid_phrase_start(
                lines[e - 1], lines[e], body, settings.rejoin, settings.stream.split_word_penalty, tok
            )
        if apart and 1 < e < n and _opens_explanation(lines, e - 1, apart, body, settings, tok):
            # The line before is a full line of the explanation column running on into this one
            # and no run-on of the cell before: the explanation's first line, one line too late.
            cost += LATE_START_COST
        if closed is not None and e > closed + 1:
            cost += CLOSED_AFTER_RUN_ON_PENALTY
        if 0 < e < n and period_goes_on(lines[e - 1].text, lines[e].text):
            cost += PERIOD_CUT_PENALTY  # the explanation would open inside a period (period_lines)
        if closing and post and e > 1 and ABOVE_ADDED.match("".join(post[-1].text.split())):
            # 上記を新規追加 points at the text above it in its own cell: the after cell's last
            # line, never an explanation's (a lone 新規追加 may be a one-line after cell).
            cost += CLOSED_AFTER_RUN_ON_PENALTY
        scored.append((cost, e, p, sc))
    scored.sort(key=lambda x: x[0])
    cost, e, p, sc = scored[0]
    if detail is not None:
        detail.update(scorer=sc, p=p, e=e, e_costs={x[1]: x[0] for x in scored})
    margin = scored[1][0] - cost if len(scored) > 1 else 5.0
    pre = lines[:e]
    cells = [pre[: p.item], pre[p.item : p.before], pre[p.before :], lines[e:]]
    return cells, p.confidence, margin, cost


def width_costs(
    blocks: list[list[CellLine]],
    widths: list[int],
    narrow: int,
    body: int,
    settings: Settings,
    tok: Tokenizer,
) -> list[list[float]]:
    """For each explanation width of ``widths``, the cost of each block of ``blocks`` read under
    it (``split_row_scored``, ``strict``, ``closing`` off: rows read to weigh the widths).  A
    block's partitions before each explanation start do not depend on the width: made once
    (``kept``), not once a width."""
    kept: dict[tuple[int, int], tuple[BlockScorer, Partition]] = {}
    return [
        [
            split_row_scored(b, narrow, body, settings, tok, w, strict=True, closing=False, kept=kept)[3]
            for b in blocks
        ]
        for w in widths
    ]


def single_pass_rows(
    groups: list[_Group], settings: Settings, tokenizer: Tokenizer | None = None
) -> list[RawRow]:
    """Rows of text in the one-line-cells-first order (see the module's docstring)."""
    tok = tokenizer or default_tokenizer()
    narrow, body = _widths(groups)
    rows: list[RawRow] = []
    for g in groups:
        segs = _segments(g.content)
        if g.inline:
            # Each row's date is the first line of its segment; a segment without one shares
            # the date before it (a merged cell).
            for seg in segs:
                if seg and is_date_line(seg[0].text):
                    g.dates.append(seg.pop(0))
                elif g.dates:
                    g.dates.append(g.dates[-1])
        count = max(len(segs), len(g.dates))
        guessed = len(g.dates) != len(segs) or len(g.timings) not in (count, 1)
        for k in range(count):
            row = RawRow()
            seg = segs[k] if k < len(segs) else []
            if k < len(g.dates):
                row.cells["change_date"] = [g.dates[k]]
            elif g.dates:
                row.cells["change_date"] = [g.dates[-1]]
                row.flags.append("merged_cell_filled")
            if g.timings:
                row.cells["timing"] = [g.timings[min(k, len(g.timings) - 1)]]
                if k >= len(g.timings):
                    row.flags.append("merged_cell_filled")
            if seg:
                put_cells(row, *split_row(seg, narrow, body, settings, tok))
            if guessed:
                row.confidence = min(row.confidence, GUESS_CONFIDENCE)
                row.doubts.append(Doubt("cut_guess", None, GUESSED_GROUP_WHY))
            if not row.cells["timing"]:
                row.flags.append("timing_missing")
            row.widths = {"item": narrow, "before": body, "after": body, "explanation": narrow}
            row.set_pages()
            row.flags = sorted(set(row.flags))
            rows.append(row)
    return rows


def explanation_cut_confidence(margin: float) -> float:
    """The confidence a row's explanation start earns from its margin over the next-best start
    (cost units), on the scale of ``best_partition``'s: ``1 - 0.5 exp(-margin / scale)``."""
    return round(1.0 - 0.5 * exp(-margin / EXPLANATION_MARGIN_SCALE), 3)


def put_cells(row: RawRow, cells: list[list[CellLine]], confidence: float, margin: float) -> None:
    """Give ``row`` the item / before / after / explanation of a split and its confidence; a
    split that won by less than ``GUESS_MARGIN`` (cost units) is a ``column_guess`` whose
    confidence is at most 0.5 + margin."""
    for key, part in zip(("item", "before", "after", "explanation"), cells, strict=True):
        row.cells[key] = part
    row.confidence = confidence
    left = next((c for c in reversed(cells[:3]) if c), None)
    expl = cells[3]
    if left and expl and same_printed_line(left[-1], expl[0]) and not cut_beside_allowed(left, expl):
        row.confidence = min(row.confidence, BESIDE_CONFIDENCE)
        row.doubts.append(Doubt("column_guess", "explanation", BESIDE_WHY))
    if margin < GUESS_MARGIN:
        row.confidence = min(row.confidence, 0.5 + margin)
        # About the cells on either side of that start: on the tuning samples' rows with this
        # doubt, the after and explanation cells were wrong 116 and 123 times in 202, the item
        # and before 21 and 35 (cell_confidence).
        why = f"the explanation's start won by {margin:.2f} over the next-best"
        row.doubts += [Doubt("cut_guess", "after", why), Doubt("cut_guess", "explanation", why)]
