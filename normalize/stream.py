"""Stream reconstruction: a sequence of printed lines (no positions) → raw table rows.

Rows start at date lines; 事前/事後 anchors the end of the before/after cells; the explanation runs to
the next date.  Page furniture is removed wherever the extractor put it.  Column wrap widths are
estimated from the document's own lines, then ``partition`` gives item / before / after their lines.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from itertools import pairwise
from math import exp

from piatable.models import CellLine, Doubt, PageWords, RawRow
from piatable.settings import Settings
from piatable.vocabulary import EXPLANATION_ENDING, TIMING

from . import region as page_region
from .added_above import repeats_label
from .block_dates import (
    date_in_cell,
    date_in_explanation,
    date_torn_in_text,
    dates_open_items,
    lists_date_above,
)
from .captions import cut_captions
from .cell_tabs import space_gap_doubts
from .chars import display_width, starts_paragraph, without_whitespace
from .closing_text import cut_page_text
from .conservation import dates_before_region, paths_before_region
from .continuation import continued_doubt, explanation_tail
from .dates import is_date_line
from .items import opens_item
from .label_order import lines_in_label_order, read_by_labels
from .partition import ADDITION_MARKERS, DELETION_MARKERS, BlockScorer, Partition, best_partition
from .printed_lines import (
    flag_copy_holders,
    flag_lost_lines,
    flag_untaken_anchors,
    lines_after_title,
    lines_in_no_row,
    lines_short_of_copies,
    lost_lines_note,
    put_back_opening_copies,
    quote,
    untaken_anchor_lines,
)
from .prose_after import cut_prose_after_table
from .prose_pages import prose_kept_out
from .reading_choice import column_order_wins, flag_undecided, two_phase_or_columns
from .region import CELLS_ABOVE_TABLE, find_table_start, pages_from_furniture, remove_furniture
from .rejoin import is_soft_break, same_printed_line
from .run_on_rows import doubt_rows_run_on
from .second_anchors import item_width_of, split_at_second_anchors, unlike_cut_doubts
from .shared_lines import mend_shared_lines
from .singlepass import single_pass_groups, single_pass_rows, split_row
from .timing_cells import take_qualifiers
from .timing_span import timing_across_doubts
from .tokenizer import Tokenizer, default_tokenizer
from .twophase import SPACE_GAP_CONFIDENCE, two_phase_pages, two_phase_rows
from .wrap_conflicts import own_wrap_widths

# Below this share of well-formed row blocks, the text is taken as emitted out of row order.
ROW_ORDER_MIN_SHARE = 0.3
# What the note of a boxed text read column by column though it looked two-phase adds, and why
# rows the two readings read otherwise are a guess when the text did not tell them apart.
TWO_PHASE_LEFT = " (it also read as if each page gave its one-line cells first, but {})"
UNDECIDED_WHY = "boxed text read as if each page gave its one-line cells first, or column by column: "
# The item column is at least this share of the body column's width.
ITEM_WIDTH_MIN_SHARE = 0.3
MAX_ITEM_WIDTH_CANDIDATES = 6
# Rows sampled to choose the item width of a long document.
WIDTH_SAMPLE_BLOCKS = 40
# Confidence of a row whose own explanation was told from a merged one by its widths.
OWN_EXPLANATION_CONFIDENCE = 0.6
# Why a row whose timing was printed once for several rows is a guess (its explanation its own,
# or the merged one: the widths decided, not the text).
OWN_EXPLANATION_WHY = "the row's own explanation told from a merged one by the lines' widths"
MERGED_EXPLANATION_WHY = "the explanation taken to be a merged one, the row's last lines its after cell"
# Why the first row read is in doubt when text between the title and it is in no row.
EARLY_WHY = "text between the table's title (or column labels) and this first row read was taken by no row: "
# Most frequent widths: the largest width seen at least this often is the column's wrap width.
WIDTH_MIN_COUNT = 2


@dataclass(slots=True)
class StreamResult:
    rows: list[RawRow]
    furniture: int = 0  # lines removed on purpose
    skipped_before_table: int = 0
    notes: list[str] = field(default_factory=list)
    column_order: bool = False  # the extractor emitted whole columns one after another
    region: list[str] = field(default_factory=list)  # text of the table region, furniture removed
    paths_skipped: int = 0  # item paths after the table's head but before the region (rows lost)
    lost_lines: list[str] = field(default_factory=list)  # printed lines of the region in no row
    after_title: list[CellLine] = field(default_factory=list)  # lines between title and region
    dates_before: int = 0  # dates printed between the table's head and the region (rows lost)


def pages_to_cell_lines(pages: list[PageWords], release: bool = False) -> list[CellLine]:
    """One CellLine per text word (stream text has one word per printed line).  With
    ``release``, each page's words are dropped once read (a long text's memory)."""
    out: list[CellLine] = []
    for page in pages:
        for w in page.words:
            text = w.text.strip()
            if text:
                out.append(CellLine(text, page.page, w.line, None, w.conf))
        if release:
            page.words = []
    return out


def item_width_candidates(blocks: list[_Block], body_width: int) -> list[int]:
    """Plausible wrap widths of the 項目 column, to be tried in turn.

    Lines that run on into the next line (the next one starts no paragraph) are full: their widths
    cluster at the columns' wrap widths.  The body width is the widest; the item column is one
    of the other clusters, or the same width.
    """
    counts: Counter[int] = Counter()
    for b in blocks:
        for a, nxt in pairwise(b.pre):
            if not starts_paragraph(nxt.text):
                counts[display_width(a.text)] += 1
    floor = body_width * ITEM_WIDTH_MIN_SHARE
    peaks = [w for w, c in counts.most_common() if c >= WIDTH_MIN_COUNT and floor <= w < body_width]
    return [body_width, *peaks[:MAX_ITEM_WIDTH_CANDIDATES]]


def robust_max_width(widths: list[int]) -> int:
    """The column's wrap width: the largest width seen at least twice (else the largest)."""
    if not widths:
        return 0
    counts = Counter(widths)
    repeated = [w for w, c in counts.items() if c >= WIDTH_MIN_COUNT]
    return max(repeated) if repeated and len(widths) >= 5 else max(widths)


@dataclass(slots=True)
class _Block:
    date: CellLine
    pre: list[CellLine]
    timing: CellLine | None
    post: list[CellLine]
    shared_date: bool = False  # the date was printed once for this row and the one before
    shared_rest: bool = False  # so were the timing and the explanation
    # The timing was taken from the row above, the row's date group having none of its own.
    timing_from_above: bool = False
    qualifier: list[CellLine] = field(default_factory=list)  # timing_cells.take_qualifiers
    qualifier_doubts: list[Doubt] = field(default_factory=list)
    listed: list[CellLine] = field(default_factory=list)  # dates above ``date`` in its cell
    # Opened by a second 提出時期 after the row above's (second_anchors): its item may be merged.
    carried_item: bool = False
    doubts: list[Doubt] = field(default_factory=list)  # where the row was parted from its neighbour


def _blocks(lines: list[CellLine]) -> list[_Block]:
    """Date-led blocks: date, the lines before the anchor, the anchor, the lines after it.

    Rows may share one printed date, timing or explanation (merged cells print once).  A line
    that opens a section of the form (Ⅰ…Ⅵ) after an explanation has begun starts the next row:
    it shares the date; when it reaches the next date without an anchor of its own, it also
    shares the timing and the explanation of the row before.
    """
    blocks: list[_Block] = []
    dated_items = dates_open_items(lines)
    for k, cl in enumerate(lines):
        if (
            is_date_line(cl.text)
            and not date_in_cell(blocks, lines, k)
            and not date_torn_in_text(blocks, lines, k)
            and not (dated_items and date_in_explanation(blocks, lines, k))
        ):
            listed = [blocks.pop().date] if lists_date_above(blocks, lines, k) else []
            blocks.append(_Block(cl, [], None, [], listed=listed))
        elif not blocks:
            continue
        elif blocks[-1].timing is None and TIMING.match(cl.text):
            blocks[-1].timing = CellLine(cl.text.strip(), cl.page, cl.line_no)
        elif opens_item(cl.text) and _opens_next_row(blocks[-1], cl):
            blocks.append(_Block(blocks[-1].date, [cl], None, [], shared_date=True))
        elif blocks[-1].timing is None:
            blocks[-1].pre.append(cl)
        else:
            blocks[-1].post.append(cl)
    # A row without its own timing shares the merged timing and explanation of its date group.
    for k, b in enumerate(blocks):
        if b.timing is None and (b.shared_date or (k + 1 < len(blocks) and blocks[k + 1].shared_date)):
            group = [o for o in blocks if o.date is b.date and o.timing is not None]
            if group:
                b.timing, b.post, b.shared_rest = group[0].timing, group[0].post, True
                continue
        if (
            b.timing is None
            and b.pre
            and k > 0
            and blocks[k - 1].timing is not None
            and not any(cl.text.endswith(("事前", "事後")) for cl in b.pre)
            and not any(TIMING.match(cl.text) for cl in blocks[k - 1].post)
        ):
            # A row (of its own date, or of a date group none of whose rows has a timing)
            # without a timing: the timing cell is merged with the row above (Writer prints a
            # merged cell once, in its first row); so may the explanation be, which
            # _own_explanation tells.  Not when a timing is glued to a line of the row, or
            # printed after the row above's explanation: the text is out of row order
            # (columns read across) and the timing is there.
            prev = blocks[k - 1]
            b.timing, b.post, b.shared_rest, b.timing_from_above = prev.timing, prev.post, True, True
    return blocks


def _split_continuation(block: _Block) -> list[CellLine]:
    """Remove and return the lines a row printed on the page after its anchor's page.

    A row that runs onto the next page prints, there, the rest of its item, before and after
    cells; flattened page by page, those lines come after the explanation.
    """
    if block.timing is None or block.timing.page is None or block.shared_rest:
        # A row sharing a merged timing and explanation: those lines are another row's.
        return []
    for k, cl in enumerate(block.post):
        if cl.page is not None and cl.page > block.timing.page and k > 0:
            cont = block.post[k:]
            del block.post[k:]  # in place: the rows sharing a merged explanation hold this list
            return cont
    return []


def _opens_next_row(block: _Block, cl: CellLine) -> bool:
    """Whether ``cl``, opening a section of the form (Ⅰ…Ⅵ), starts a new row sharing the date.

    An item path holds one such line, at its start: a second one, or one after the explanation
    has begun, belongs to the next row.  Not a piece printed beside the block's last line (a row
    printed in order starts a printed line), nor the item's attachment label again before any
    body text (``added_above.repeats_label``: a row adding it prints it as its after cell too)."""
    last = (block.post or block.pre or [None])[-1]
    if last is not None and same_printed_line(last, cl):
        return False
    pre = without_whitespace("".join(x.text for x in block.pre))
    if block.timing is None and repeats_label(pre, cl.text):
        return False
    return any(opens_item(cl.text) for cl in block.pre)


def row_order_share(lines: list[CellLine]) -> float:
    """Share of date-led blocks shaped like a row printed in order: lines, an anchor, lines."""
    blocks = _blocks(lines)
    if not blocks:
        return 1.0
    good = sum(1 for b in blocks if b.pre and b.timing is not None and b.post)
    return good / len(blocks)


def _blank_line_before(lines: list[CellLine]) -> list[bool]:
    """For each line, whether a blank line (or a page break) came before it in the input."""
    out = []
    prev: CellLine | None = None
    for cl in lines:
        gap = (
            prev is None
            or cl.page != prev.page
            or cl.line_no is None
            or prev.line_no is None
            or cl.line_no - prev.line_no > 1
        )
        out.append(gap)
        prev = cl
    return out


def lines_to_rows(
    pages: list[PageWords],
    settings: Settings,
    tokenizer: Tokenizer | None = None,
    release: bool = False,
    in_table: bool = False,
    paged: bool = False,
    spaces_lost: bool = False,
) -> StreamResult:
    """The stream strategy from pages of line-words to raw rows.  With ``release`` the pages'
    words are dropped as they are read: the caller needs them no more (memory of long texts).
    ``in_table``: the pages continue a table whose region began earlier (a later part of a long text), so the
    region starts at their first line.  ``paged``: the region goes on in other parts, over several pages: its
    pages are the text's own, not counted from its furniture.  ``spaces_lost``: as ``between.without_prose``.

    Every printed line of the region must be found in some row (``printed_lines``): the rows
    next to a line found in none are flagged ``unplaced_text``, and ``lost_lines`` names it."""
    raw, roles, why = lines_in_label_order(pages_to_cell_lines(pages, release))
    result, region = _read_rows(raw, settings, tokenizer, in_table, paged, spaces_lost)
    read_by_labels(result, roles, why)
    region, closing = cut_page_text(result.rows, region)  # page text, notes after the table
    region, prose = cut_prose_after_table([] if result.column_order else result.rows, region)
    closing += prose
    start, title = result.skipped_before_table, result.after_title
    region, result.after_title, captions = cut_captions(result.rows, region, raw, start, title)
    if closing or captions:
        result.region = [cl.text for cl in region]
        result.notes.extend(closing + captions)
    lost = lines_in_no_row(region, result.rows)
    # Text between the table's head (title or labels) and the first line read (region found late).
    early = lines_in_no_row(result.after_title, result.rows) if result.after_title else []
    head_lines, result.after_title = result.after_title, []
    if early and result.rows:
        result.rows[0].flags.append("unplaced_text")
        result.rows[0].doubts.append(Doubt("unplaced_text", None, EARLY_WHY + quote(early[0].text)))
    lost = early + lost
    # Text found inside another cell while its own printed line went to no row.
    taken = {id(cl) for cl in lost}
    short = [cl for cl in lines_short_of_copies(head_lines + region, result.rows) if id(cl) not in taken]
    short = put_back_opening_copies(short, result.rows)
    flag_copy_holders(short, result.rows)
    lost += short
    if lost:
        flag_lost_lines(lost, result.rows)
        result.lost_lines = [cl.text for cl in lost]
    flag_untaken_anchors(untaken_anchor_lines(region, result.rows), result.rows)
    return result


def _read_rows(
    raw: list[CellLine], settings: Settings, tok: Tokenizer | None, in_table: bool, paged: bool, lost: bool
) -> tuple[StreamResult, list[CellLine]]:
    """``lines_to_rows`` without the lost lines' check, the text in the form's order: (result, region)."""
    start = 0 if in_table else find_table_start(raw)
    tail, prose_notes = prose_kept_out(raw, start, in_table, lost)
    paged_tail = tail if paged else pages_from_furniture(tail)
    region, furniture, above = remove_furniture(paged_tail)
    prose_notes += [lost_lines_note([cl.text for cl in above], CELLS_ABOVE_TABLE)] if above else []
    label_notes = page_region.labels_left_out(paged_tail)  # named where the two-pass order is read
    result = StreamResult([], furniture, start, region=[cl.text for cl in region], notes=prose_notes)
    result.paths_skipped = paths_before_region(raw[: start + 1], start)
    result.dates_before = dates_before_region(raw[: start + 1], start)
    result.after_title = lines_after_title(raw, start)
    from .boxes import looks_boxed, without_label_boxes
    from .columnar import column_order_rows
    from .label_columns import labelled_openings

    boxed_text = looks_boxed(region, _blank_line_before(region))
    pages = two_phase_pages(region, by_breaks=not boxed_text)
    if pages:
        rows = mend_shared_lines(two_phase_rows(pages, settings, tok), settings, tok, boxed_text)
        if boxed_text:
            # Boxes printed column by column may look like the two-pass order: build the
            # column-order reading too and keep the one the text bears out (reading_choice).
            boxed_region, gaps = without_label_boxes(region, _blank_line_before(region))
            labelled = labelled_openings(region, _blank_line_before(region))
            boxed = column_order_rows(
                boxed_region, gaps, settings.quality.column_order_weak_strength, labelled
            )
            verdict = two_phase_or_columns(rows, boxed, region)
            if verdict.column_order:
                return _column_order_result(
                    result, region, boxed_region, boxed, TWO_PHASE_LEFT.format(verdict.why)
                )
            if not verdict.decided:
                flag_undecided(rows, boxed, UNDECIDED_WHY + verdict.why)
        result.rows = rows
        result.notes.append(
            "each page gives its one-line cells (dates, timings) before its wrapped cells;"
            " rows were read in that order"
        )
        result.notes += label_notes
        return result, region
    groups = single_pass_groups(region)
    if groups:
        result.rows = mend_shared_lines(single_pass_rows(groups, settings, tok), settings, tok)
        result.notes.append(
            "the text gives each page's dates and timings before its wrapped cells;"
            " rows were read in that order"
        )
        return result, region
    share = row_order_share(region)
    in_order = _rows_in_order(region, settings, tok, boxed_text) if share >= ROW_ORDER_MIN_SHARE else []
    if share < 1.0 or boxed_text:
        # Some blocks are not shaped like rows, or the text is made of boxes: cells may be out
        # of row order.  Build rows from cell boxes too and keep the more plausible reading.
        boxed_region, gaps = without_label_boxes(region, _blank_line_before(region))
        labelled = labelled_openings(region, _blank_line_before(region))
        boxed = column_order_rows(boxed_region, gaps, settings.quality.column_order_weak_strength, labelled)
        # Text boxes separated by blank lines (pdfminer, plain pdftotext) are read as boxes
        # unless the in-order reading looks clearly better (reading_choice).
        if column_order_wins(in_order, region, boxed, boxed_region, boxed_text):
            return _column_order_result(result, region, boxed_region, boxed)
    result.rows = mend_shared_lines(in_order, settings, tok, boxed_text)
    return result, region


def _column_order_result(
    result: StreamResult,
    region: list[CellLine],
    boxed_region: list[CellLine],
    boxed: list[RawRow],
    why: str = "",
) -> tuple[StreamResult, list[CellLine]]:
    """``result`` holding the column-order reading ``boxed`` of ``boxed_region`` (the region
    without its label boxes, which count as furniture), with a note (and ``why`` it was chosen
    over the two-phase reading, when it was); the result and the region read."""
    result.column_order = True
    doubt_rows_run_on(boxed)
    result.rows = boxed
    result.furniture += len(region) - len(boxed_region)
    result.region = [cl.text for cl in boxed_region]
    result.notes.append("the text is not in row order; cells were paired with rows column by column" + why)
    return result, boxed_region


def partition_doubts(p: Partition, n: int, max_margin: float) -> list[Doubt]:
    """``close_cut`` on the cells whose lines the runner-up cut assigns otherwise, when its
    score comes within ``max_margin`` of the best; strength ``exp(-margin)``.  Measured, a close
    cut alone does not tell a wrong row from a right one, so it only lowers the confidence."""
    if p.runner_up is None or p.margin >= max_margin:
        return []
    (i, j), (i2, j2) = (p.item, p.before), p.runner_up
    spans = {"item": ((0, i), (0, i2)), "before": ((i, j), (i2, j2)), "after": ((j, n), (j2, n))}
    moved = [f for f, (a, b) in spans.items() if a != b]
    why = f"the runner-up cut between item, before and after scored within {p.margin:.2f}"
    return [Doubt("close_cut", f, why, round(exp(-p.margin), 3)) for f in moved]


def _rows_in_order(
    region: list[CellLine], settings: Settings, tokenizer: Tokenizer | None, boxed_text: bool = False
) -> list[RawRow]:
    """Rows of a text printed row by row: date-led blocks, partitioned (boxed text: no second_anchors cut)."""
    rows: list[RawRow] = []
    blocks = _blocks(region)
    if not blocks:
        return rows
    firsts = [display_width(b.post[0].text) for b in blocks if b.post]
    if len(firsts) >= WIDTH_MIN_COUNT and not boxed_text:
        blocks = split_at_second_anchors(blocks, robust_max_width(firsts), settings, tokenizer, _Block)

    # Split off what a row printed on the next page (Word tables let a tall row run on).
    continued = [_split_continuation(b) for b in blocks]
    take_qualifiers(blocks)  # a 提出時期 cell's （重要な変更） under its 事前: the timing's
    # The first line of an explanation is the one most surely in that column.
    firsts = [display_width(b.post[0].text) for b in blocks if b.post]
    expl_width = robust_max_width(firsts) if len(firsts) >= WIDTH_MIN_COUNT else 0
    expl_width = expl_width or robust_max_width([display_width(cl.text) for b in blocks for cl in b.post])
    body_width = robust_max_width([display_width(cl.text) for b in blocks for cl in b.pre])

    # Scorers of the sampled rows, by row: facts not depending on the item width computed once.
    scorers: dict[int, BlockScorer] = {}

    def partition(
        lines: list[CellLine], post: list[CellLine], width: int, optional: bool = False, key: int = -1
    ) -> Partition:
        explanation = "".join(cl.text for cl in post)
        scorer = BlockScorer(
            lines,
            width,
            body_width,
            explanation,
            settings.stream,
            settings.rejoin,
            tokenizer,
            item_optional=optional,
            like=scorers.get(key),
        )
        if key >= 0:
            scorers.setdefault(key, scorer)
        return best_partition(scorer)

    # The item width that explains the document best, judged on an even sample of its rows.
    step = max(1, len(blocks) // WIDTH_SAMPLE_BLOCKS)
    tried: dict[int, list[Partition]] = {}
    for w in item_width_candidates(blocks, body_width):
        if w not in tried:
            tried[w] = [
                partition(b.pre, b.post, w, b.carried_item, key=k)
                for k, b in enumerate(blocks)
                if k % step == 0
            ]
    scored = [(sum(p.score for p in parts), w) for w, parts in tried.items()]
    item_width = min(scored)[1]
    sampled = dict(zip(range(0, len(blocks), step), tried[item_width], strict=True))
    # A row a second 提出時期 opened holds no item unless its first line opens one (a heading
    # of the form: ``①…``); else its lines are its before and after (second_anchors).
    partitions = [
        (None if b.carried_item else sampled.get(k))
        or partition(b.pre, b.post, item_width_of(b, item_width, settings), b.carried_item)
        for k, b in enumerate(blocks)
    ]
    scorers.clear()

    explained: dict[int, list[CellLine]] = {}  # a merged explanation's lines, as its row read it
    for b, p, cont, across in zip(blocks, partitions, continued, timing_across_doubts(blocks), strict=True):
        row = RawRow()
        row.cells["change_date"] = [*b.listed, b.date]
        row.cells["item"] = b.pre[: p.item]
        row.cells["before"] = b.pre[p.item : p.before]
        row.cells["after"] = b.pre[p.before :]
        if b.carried_item and not row.cells["item"] and rows:
            # A row a second 提出時期 opened, printing no item: under a merged 項目 (second_anchors).
            row.cells["item"] = list(rows[-1].cells["item"])  # flagged merged_cell_filled below
            row.doubts.extend(unlike_cut_doubts(row))
        row.cells["timing"] = [b.timing, *b.qualifier] if b.timing else []
        # timing_span: a merged timing across a row; second_anchors: where the row was parted
        row.doubts.extend([*b.qualifier_doubts, *across, *b.doubts])
        row.cells["explanation"] = list(explained.get(id(b.post), b.post)) if b.shared_rest else b.post
        k = explanation_tail(b.post, cont, expl_width, settings, tokenizer)
        if k:
            # The explanation wrapped onto the next page too (…に伴う変 / 更): its rest is the
            # continuation's last lines, after the item, before and after cells' (continuation.py).
            row.cells["explanation"] = [*b.post, *cont[-k:]]
            cont = cont[:-k]
        if not b.shared_rest:
            explained[id(b.post)] = row.cells["explanation"]
        if cont:
            q = partition(cont, b.post, item_width, optional=True)
            row.cells["item"] = row.cells["item"] + cont[: q.item]
            row.cells["before"] = row.cells["before"] + cont[q.item : q.before]
            row.cells["after"] = row.cells["after"] + cont[q.before :]
            row.flags.append("row_continued")
            widths = {"item": item_width, "before": body_width, "after": body_width}
            cuts = ((p.item, p.before), (q.item, q.before))
            why = continued_doubt(b.pre, cont, b.post, cuts, widths, settings, tokenizer)
            if why:
                row.doubts.append(Doubt("column_guess", None, "a row continued on the next page: " + why))
        row.widths = {
            "item": item_width,
            **own_wrap_widths(row.cells, body_width, tokenizer),
            "explanation": expl_width,
        }
        row.set_pages()
        row.confidence = p.confidence
        row.doubts.extend(partition_doubts(p, len(b.pre), settings.quality.column_guess_margin))
        if b.shared_rest and b.pre and not cont:
            own = _own_explanation(b.pre, item_width, body_width, expl_width, settings, tokenizer)
            if own is not None:
                cells, confidence = own
                for key, part in zip(("item", "before", "after", "explanation"), cells, strict=True):
                    row.cells[key] = part
                row.confidence = min(confidence, OWN_EXPLANATION_CONFIDENCE)
                row.doubts.append(Doubt("cut_guess", None, OWN_EXPLANATION_WHY))
            elif b.timing_from_above:
                # The explanation is taken to be the merged one, and the row's last lines its
                # after cell: the widths did not tell, so this is a guess too.  Measured on the
                # LibreOffice tuning texts (Writer), most such rows were wrong.
                row.confidence = min(row.confidence, OWN_EXPLANATION_CONFIDENCE)
                row.doubts.append(Doubt("column_guess", None, MERGED_EXPLANATION_WHY))
        if gap_doubts := space_gap_doubts(row):  # a tab inside a Writer cell too (cell_tabs)
            row.confidence = min(row.confidence, SPACE_GAP_CONFIDENCE)
            row.doubts.extend(gap_doubts)
        if b.timing is None:
            row.flags.append("timing_missing")
        if b.shared_date or b.shared_rest:
            row.flags.append("merged_cell_filled")
        rows.append(row)
    return rows


def _own_explanation(
    pre: list[CellLine],
    item_width: int,
    body_width: int,
    expl_width: int,
    settings: Settings,
    tokenizer: Tokenizer | None,
) -> tuple[list[list[CellLine]], float] | None:
    """The cells of a row whose timing was printed once for several rows (a merged cell) but
    whose explanation is its own, printed at the end of its lines; None when the lines hold no
    explanation (the explanation is merged too).

    Taken only on evidence: the explanation shares its first printed line with the after cell
    (cells side by side), or its lines all fit the explanation column, at least one of them
    full, and the break before it is no soft wrap of the after cell.
    """
    tok = tokenizer or default_tokenizer()
    cells, confidence, _ = split_row(pre, item_width, body_width, settings, tok, expl_width)
    own = cells[3]
    if not own or not cells[2]:
        return None
    prev = cells[2][-1]
    if same_printed_line(prev, own[0]):
        return cells, confidence
    widths = [display_width(cl.text) for cl in own]
    fits = all(w <= expl_width + 1 for w in widths)
    full = any(w >= expl_width - settings.rejoin.full_slack_units for w in widths)
    hard = not is_soft_break(prev, own[0], body_width, settings.rejoin, tok)
    if fits and full and hard:
        return cells, confidence
    if hard and _reads_as_explanation(own):
        # Most rows without a timing of their own share only the timing (a timing merged
        # over rows of one kind is far commoner than a merged explanation: 171 and 29 of the
        # tuning tables' neighbouring rows): lines that end as a reason ends are the row's own.
        return cells, confidence
    return None


def _reads_as_explanation(lines: list[CellLine]) -> bool:
    """Whether lines end as an explanation does (``EXPLANATION_ENDING``) and are no closing
    word of an after cell (上記を新規追加, 削除)."""
    text = "".join(cl.text for cl in lines)
    if ADDITION_MARKERS.match(text) or DELETION_MARKERS.match(text):
        return False
    return bool(EXPLANATION_ENDING.search(lines[-1].text))
