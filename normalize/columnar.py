"""Rows from text whose extractor emitted cells out of row order.

pdfminer and plain ``pdftotext`` give a page's cells as text boxes separated by blank lines,
grouped by column (all dates, then all items, …) or interleaved; vertically adjacent cells of one
column often come out as one box.  What can be done honestly:

1. cut boxes at what must start a cell: a date (rejoined when it wraps, ``令和4年4月1`` / ``日``),
   a 提出時期, a section of the form (Ⅰ…Ⅵ) opening an item, a line after 上記を新規追加 / 削除;
2. tell each box's column from its content: dates, timings, item paths, and the before/after
   boxes from the explanation boxes by their wrap width (estimated per document, full width
   counting 2) and by their words (paragraph markers, 新規追加 / 削除 close an after cell);
3. count the rows by the item paths; hand dates to them in order (a date box met before an item,
   a merged date printed once shared by the items that follow), timings and explanations in
   order or one per date group;
4. pair the before/after boxes with the rows (``body_pairing``): each column's cells come in
   row order, a row's before and after near each other (Calc: before, after; Writer: befores,
   then afters), a box may be cut where a paragraph ends short of the wrap width; a pair opening
   alike or sharing words, an addition's 新規追加, a deletion's 削除: the margin over the
   runner-up reading says how sure the pairing is.

Every row gets a confidence-only ``column_order`` doubt and, where its own evidence is weak
(``row_doubts``), a flagging ``column_guess`` saying why.  Leftover boxes: last row, ``unplaced_text``.
"""

from __future__ import annotations

import regex

from piatable.models import CellLine, Doubt, RawRow
from piatable.vocabulary import TIMING

from . import pairing_doubts as pd
from .body_pairing import EMPTY_ROW, Anchors, crossable_rows, pair_cells, uncross_by_endings
from .box_joins import (
    join_date_tails,
    join_explanation_tails,
    join_items_over_pages,
    join_lone_sections,
    join_sections_past_cells,
)
from .boxes import Box, is_single_box, lines_to_boxes
from .captions import is_caption
from .carried_dates import carried_date_doubts
from .cell_dates import with_cell_dates
from .chars import BODY_MARKER, ITEM_MARKER, display_width
from .column_fill import fill_column
from .crossed_widths import crossed_width_rows
from .dates import is_date_line
from .even_widths import doubt_even_rows, even_widths
from .explanation_excess import return_paired_explanations
from .item_intruders import read_other_columns
from .items import heading_score, opens_item
from .label_columns import labelled_kind
from .merged_column_cells import cut_merged_cells
from .merged_explanations import EXPLANATION_END
from .neighbour_kinds import settle_by_neighbours
from .page_continuations import doubt_joined_rows, join_rest_pages
from .page_date_order import unordered_date_doubts
from .page_lists import join_lists_over_pages
from .partition import ADDITION_MARKERS, DELETION_MARKERS
from .row_doubts import (
    ORDER_ALONE,
    bodies_in_own_run,
    cells_in_own_run,
    doubt_unshared_groups,
    doubt_unshared_timings,
    row_doubts,
    rows_in_row_order,
    spare_cells_in_own_run,
)
from .run_segments import doubted_rows
from .run_segments import segment_runs as _segment
from .run_together import doubt_cells_of_other_rows
from .sectionless_items import sectionless_items
from .side_columns import wide_lines
from .stock_explanations import ends_with_stock_sentence, explanation_width_contradicted
from .wrap_widths import SENTENCE_END, WIDTH_SLACK
from .wrap_widths import full_widths as _full_widths
from .wrap_widths import two_widths as _two_widths

COLUMN_ORDER_CONFIDENCE = 0.3
# When every column held exactly one box per row (or per date group) and the pairing of
# before/after boxes was clear, the reading is less of a guess.
COLUMN_ORDER_MATCHED_CONFIDENCE = 0.6
# A row emitted whole in row order (row_doubts.rows_in_row_order) with nothing against it is
# read as a row-ordered text's row is: the reader's confidence and the strength of its
# column_order doubt.  On the tuning sets (colorder, colorder13, outsider, outsider2, mixed;
# pdfminer and plain pdftotext) 67 such rows, all right; the 5 wrong rows emitted so carry
# doubts of their own.
ROW_ORDER_CONFIDENCE = 0.9
ROW_ORDER_STRENGTH = 0.1
# A box whose first paragraph scores at least this as a heading of the form is an item cell.
ITEM_HEADING_SCORE = 1.0
# Item boxes opening with a section (Ⅰ…Ⅵ) that show the document numbers its items.
NUMBERED_ITEMS_MIN = 2
# A box of at most EXPLANATION_MAX_LINES lines ending as an explanation's phrase ends (…に伴う
# 修正, …のため) is an explanation whatever its width (Writer's narrow columns wrap alike).
EXPLANATION_MAX_LINES = 4
# (An object of at most EXPLANATION_OBJECT_MAX characters may stand before the noun: ``…に伴う条項の修正``.)
EXPLANATION_OBJECT_MAX = 10
EXPLANATION_PHRASE_END = regex.compile(
    r"(?:に伴う|による|のため|ため)(?:修正|追加|追記|変更|削除|見直し|記載)?[。．]?$|"
    r"(?:に伴う|による)\p{Han}{1,6}[。．]?$|(?:該当しない|あたらない|当たらない)[。．]?$|"
    rf"(?:に伴う|による)[^。．、]{{1,{EXPLANATION_OBJECT_MAX}}}(?:の)(?:修正|追加|追記|変更|削除|見直し)[。．]?$"
)
SIDE_BY_SIDE_LINES = 2  # lines wider than the before/after column: cells printed side by side
ANCHOR_COLUMNS = ("timing", "explanation")  # boxes one per row: where a row's before/after come
# What a cell's text never opens with but a line cut mid-phrase may (a hiragana, a closing mark);
# a box opening so at the top of a page goes on from the page before (join_cells_over_pages).
OPENS_MID_PHRASE = regex.compile(r"^[\p{Hiragana}、。，．）」』】〕]")


def _is_item_box(box: Box) -> bool:
    """Whether a box is a 項目 cell: it opens an item (``items.opens_item``) and is not the
    label alone over 上記を新規追加 / 削除, which no item cell prints: such a box is the after
    cell of the row that adds what it names (``（別紙１）事務の流れ`` / ``上記を新規追加``).  A
    longer box closing so is an item whose row's after cell plain ``pdftotext`` printed into
    it (``read_other_columns`` parts them)."""
    if not opens_item(box.lines[0].text):
        return False
    return not _label_over_mark(box)


def _label_over_mark(box: Box) -> bool:
    last = box.lines[-1].text.strip()
    return len(box.lines) == 2 and bool(ADDITION_MARKERS.match(last) or DELETION_MARKERS.match(last))


def _open_class(box: Box, widths: tuple[int, int]) -> str | None:
    """ "wide" or "narrow" when the box's last line runs on (filled to the before/after or the
    explanation column's wrap width, no sentence end, no closing 新規追加 / 削除): a cell a page
    break may have cut; None otherwise (dates, timings and items are never cut so)."""
    if is_single_box(box) or _is_item_box(box):
        return None
    last = box.lines[-1].text.rstrip()
    if not last or last[-1] in SENTENCE_END or ADDITION_MARKERS.match(last) or DELETION_MARKERS.match(last):
        return None
    w = display_width(last)
    for name, wrap in zip(("wide", "narrow"), widths, strict=True):
        if wrap - WIDTH_SLACK <= w <= wrap + WIDTH_SLACK:
            return name
    return None


def _width_class(box: Box, widths: tuple[int, int]) -> str | None:
    """ "narrow" for a box no wider than the explanation column (a one-line box only when it
    fills it), "wide" for one no wider than the before/after column, else None."""
    wide, narrow = widths
    if box.width <= narrow + WIDTH_SLACK:
        return "narrow" if len(box.lines) > 1 or box.width >= narrow - WIDTH_SLACK else None
    return "wide" if box.width <= wide + WIDTH_SLACK else None


def join_cells_over_pages(boxes: list[Box], widths: tuple[int, int] | None) -> list[Box]:
    """A cell that a page break cut (Writer lets a tall row run on to the next page) goes on at
    the top of the next page in a box of its own that opens mid-phrase (a hiragana, a closing
    mark: ``めの関係法律の整備に関する``): such a box joins the last box of the page before that
    runs on (``_open_class``) in a column of its width (``_width_class``).  Boxes of a page
    with no such opening are left as they are.  ``widths``: (before/after, explanation) wrap
    widths (None: nothing is joined)."""
    if widths is None:
        return boxes
    out: list[Box] = []
    open_on: dict[int, list[tuple[Box, str]]] = {}
    for b in boxes:
        page = b.page
        if (
            page is not None
            and page - 1 in open_on
            and not is_single_box(b)
            and OPENS_MID_PHRASE.match(b.text)
        ):
            cls = _width_class(b, widths)
            partners = [x for x in open_on[page - 1] if cls is not None and x[1] == cls]
            if partners:
                open_on[page - 1].remove(partners[-1])
                partners[-1][0].lines.extend(b.lines)
                continue
        out.append(b)
        cls = _open_class(b, widths) if page is not None else None
        if cls is not None and page is not None:
            open_on.setdefault(page, []).append((b, cls))
    return out


def _kind(box: Box, widths: tuple[int, int] | None, numbered_items: bool) -> str:
    """The column of a box.  With ``numbered_items`` (the document's items open with a section
    Ⅰ…Ⅵ), a heading of the form without one is cell text (before/after cells quote headings
    such as （１．不適切な方法で入手が行われるリスクへの措置））."""
    first, last = box.lines[0].text, box.lines[-1].text
    if is_date_line(first) and len(box.lines) == 1:
        return "date"
    if TIMING.match(first) and len(box.lines) == 1:
        return "timing"
    if _is_item_box(box):
        return "item"
    if ends_with_stock_sentence(box):
        return "explanation"
    closes = ADDITION_MARKERS.match(last) or DELETION_MARKERS.match(last)
    if not numbered_items and heading_score(first) >= ITEM_HEADING_SCORE and not _label_over_mark(box):
        return "item"
    if closes and widths is not None and len(box.lines) > 1:
        # 削除 / 追加 wrapped from a line filled to the explanation column's width ends an
        # explanation (…の終了に伴う / 削除), not an after cell.
        narrow = widths[1]
        if box.width <= narrow + WIDTH_SLACK and display_width(box.lines[-2].text) >= narrow - WIDTH_SLACK:
            return "explanation"
    # (A choice cell torn over two lines, ``[ 50人以上100`` / ``人未満 ]``, is one too.)
    if closes or BODY_MARKER.match(first) or BODY_MARKER.match(box.text.strip()):
        return "body"
    # (its last words may wrap: ``…の終了に伴う削`` / ``除``; with or without widths: even_widths)
    tail = "".join(cl.text.strip() for cl in box.lines[-2:])
    if len(box.lines) <= EXPLANATION_MAX_LINES and EXPLANATION_PHRASE_END.search(tail):
        return "explanation"
    if widths is not None:
        narrow = widths[1]
        if box.width > narrow + WIDTH_SLACK:
            return "body"
        if len(box.lines) > 1 and box.width >= narrow - WIDTH_SLACK:
            return "explanation"
    if EXPLANATION_END.search(last):
        return "explanation"
    if widths is not None:
        return "body?" if box.width <= widths[1] + WIDTH_SLACK else "body"
    # No width to tell the columns apart: a short box with no evidence of its column is settled
    # by where the extractor emitted it (``_settle_weak_bodies``), as a one-line box is.
    return "body?" if len(box.lines) <= EXPLANATION_MAX_LINES else "body"


def _settle_weak_bodies(boxes: list[Box], kinds: dict[str, str], widths: tuple[int, int] | None) -> None:
    """Boxes read as before/after cells for want of other evidence (``"body?"``: no list marker,
    no closing 新規追加 / 削除, no explanation's ending, no wider than the explanation column)
    that open with no heading of the form and that the extractor emitted where a row's
    explanation is read are explanations: the box before it, past dates, is a timing or an
    explanation, and the next row starts after it (a date or an item) or the page ends, as a
    row's cells run date, item, before, after, timing, explanation, left to right.  The others
    are before/after cells.  ``kinds`` maps ``id(box)`` to its kind and is updated in place."""

    def settled(k: int) -> str:
        kind = kinds[id(boxes[k])]
        return "body" if kind == "body?" else kind

    for k, b in enumerate(boxes):
        if kinds[id(b)] != "body?":
            continue
        prev = next((settled(j) for j in range(k - 1, -1, -1) if settled(j) != "date"), None)
        if ITEM_MARKER.match(b.lines[0].text) or heading_score(b.lines[0].text) >= ITEM_HEADING_SCORE:
            # An item's heading (``② 法令上の根拠``) cut off its item box: no explanation.
            kinds[id(b)] = "body"
            continue
        if k + 1 == len(boxes) or boxes[k + 1].page != b.page:
            # The page's last box: an explanation's first part when it runs on (``_open_class``)
            # goes on over the page break, which a before/after cell's reading keeps whole.
            ends_row = widths is None or _open_class(b, widths) is None
        else:
            ends_row = settled(k + 1) in ("date", "item")
        same_page = k > 0 and boxes[k - 1].page == b.page
        right = prev in ("timing", "explanation") and ends_row and same_page
        kinds[id(b)] = "explanation" if right else "body"


def _new_row(date: Box | None) -> RawRow:
    row = RawRow()
    row.cells["change_date"] = list(date.lines) if date else []
    return row


def _rows_and_dates(
    boxes: list[Box], kinds: dict[str, list[Box]]
) -> tuple[list[RawRow], list[int], list[str]]:
    """One row per item box; the dates handed out page by page (a page's dates are printed on
    it): one each where the counts match, else cut into runs of merged dates (``_segment``),
    a page without a date sharing the last one (a merged date running over the page break).
    ``groups[k]`` numbers the date of row k, ``how[k]`` says how it was found (see
    ``column_fill.fill_column``).  Without item boxes, each date makes a row.
    Dates left over are kept in ``kinds["unplaced"]``."""
    if not kinds["item"]:
        rows = [_new_row(d) for d in kinds["date"]]
        kinds["unplaced"] = []
        return rows, list(range(len(rows))), ["none"] * len(rows)
    pos = {id(b): k for k, b in enumerate(boxes)}
    rows = []
    for b in kinds["item"]:
        row = _new_row(None)
        row.cells["item"] = list(b.lines)
        rows.append(row)
    row_page = [b.page or 0 for b in kinds["item"]]
    pages = list(dict.fromkeys(row_page))
    by_page: dict[int, list[Box]] = {}
    for b in kinds["date"]:
        page = b.page or 0
        owner = max((p for p in pages if p <= page), default=pages[0])
        by_page.setdefault(owner, []).append(b)
    groups = [0] * len(rows)
    how = ["none"] * len(rows)
    unplaced: list[Box] = []
    last: Box | None = None
    gid = -1
    for p in pages:
        idx = [k for k, rp in enumerate(row_page) if rp == p]
        ds = by_page.get(p, [])
        if not ds:
            for k in idx:
                if last is not None:
                    rows[k].cells["change_date"] = list(last.lines)
                    rows[k].flags.append("merged_cell_filled")
                    rows[k].doubts.append(
                        Doubt("column_guess", "change_date", "no date on the page: the last one shared")
                    )
                    how[k] = "shared"
                groups[k] = max(gid, 0)
            continue
        if len(ds) >= len(idx):
            for k, b in zip(idx, ds, strict=False):
                gid += 1
                rows[k].cells["change_date"] = list(b.lines)
                groups[k] = gid
                how[k] = "one" if len(ds) == len(idx) else "excess"
            unplaced += ds[len(idx) :]
            last = ds[len(idx) - 1] if idx else last
            continue
        item_pos = [pos[id(kinds["item"][k])] for k in idx]
        before = [sum(1 for q in item_pos if q < pos[id(b)]) for b in ds]
        starts, cost, tied = _segment(before, len(idx))
        # Only rows another cut as cheap would give another date are in doubt (run_segments).
        unsure = doubted_rows(before, len(idx), starts, bool(cost or tied), ORDER_ALONE)
        ends = [*starts[1:], len(idx)]
        for b, a, e in zip(ds, starts, ends, strict=True):
            gid += 1
            for m in range(a, e):
                k = idx[m]
                rows[k].cells["change_date"] = list(b.lines)
                groups[k] = gid
                how[k] = "segment_guess" if m in unsure else "segment"
                if e - a > 1:
                    rows[k].flags.append("merged_cell_filled")
                if m in unsure:
                    rows[k].doubts.append(Doubt("column_guess", "change_date", unsure[m]))
        last = ds[-1]
    kinds["unplaced"] = unplaced
    return rows, groups, how


def _anchors(
    rows: list[RawRow], key: str, found: list[Box], hows: list[str], pos: dict[int, int], bodies: list[Box]
) -> Anchors | None:
    """Where the ``key`` column (timing, explanation) places each row in the extractor's order,
    for the pairing of before/after boxes (``body_pairing.Anchors``): only when every row's box
    of it was found one per row or one per date group (``column_fill.fill_column``) and the extractor
    emitted body boxes between that column's boxes (an extractor that prints whole columns one
    after another tells nothing so); else None."""
    if not rows or any(h not in ("one", "group") for h in hows):
        return None
    by_first = {id(b.lines[0]): b for b in found}
    row_pos = []
    for r in rows:
        cell = r.cells[key]
        box = by_first.get(id(cell[0])) if cell else None
        if box is None:
            return None
        row_pos.append(pos[id(box)])
    places = sorted(set(row_pos))
    body_pos = [pos[id(b)] for b in bodies]
    if not any(places[0] < p < places[-1] for p in body_pos):
        return None
    first_row = {p: row_pos.index(p) for p in places}
    last_row = {p: len(row_pos) - 1 - row_pos[::-1].index(p) for p in places}
    windows = [
        (sum(1 for p in places if last_row[p] < r), sum(1 for p in places if first_row[p] < r))
        for r in range(len(rows))
    ]
    counts = [sum(1 for p in places if p < q) for q in body_pos]
    return Anchors(counts, windows)


def _item_pages(row: RawRow) -> set[int | None]:
    return {cl.page for cl in row.cells["item"]}


def column_order_rows(
    lines: list[CellLine], gaps: list[bool], weak_strength: float = 0.3, labelled: dict | None = None
) -> list[RawRow]:
    """Rows built column by column from boxes, in order (``weak_strength``: see row_doubts;
    ``labelled``: boxes a column's label opened, ``label_columns.labelled_openings``)."""
    boxes = join_date_tails(join_items_over_pages(join_lone_sections(lines_to_boxes(lines, gaps))))
    boxes = join_explanation_tails(join_sections_past_cells(boxes), lines)
    # Other columns' lines in item boxes or side by side (plain pdftotext) read apart: warned, row_doubts.
    boxes, intruded, apart, undecided = read_other_columns(boxes)
    if not any(not is_single_box(b) for b in boxes):
        return []
    item_boxes = [b for b in boxes if _is_item_box(b)]
    narrow_item = max((b.width for b in item_boxes), default=0)
    others = [b for b in boxes if not is_single_box(b) and b not in item_boxes]
    widths, one_width = even_widths(others, _two_widths(_full_widths(others)))
    if explanation_width_contradicted(others, widths, WIDTH_SLACK):
        widths = None
    boxes = join_lists_over_pages(join_cells_over_pages(boxes, widths), {id(b) for b in item_boxes})
    kinds: dict[str, list[Box]] = {"date": [], "timing": [], "item": [], "body": [], "explanation": []}
    numbered = len(item_boxes) >= NUMBERED_ITEMS_MIN
    # A box read apart from another column's lines is a before or after cell (side_columns).
    kind_of = {id(b): "body" if id(b) in apart else _kind(b, widths, numbered) for b in boxes}
    kind_of |= sectionless_items([b for b in boxes if id(b) not in apart], kind_of, narrow_item * numbered)
    kind_of |= {
        id(b): k for b in boxes if id(b) not in apart and (k := labelled_kind(b.lines[0], labelled or {}))
    }
    _settle_weak_bodies(boxes, kind_of, widths)
    return_paired_explanations(boxes, kind_of)
    settle_by_neighbours(boxes, kind_of)  # beside a bare 新規追加, right after an item
    for b in boxes:
        kinds[kind_of[id(b)]].append(b)
    boxes, kinds["body"] = cut_merged_cells(boxes, kinds["body"], undecided)  # a column's cells in a box
    rows, groups, date_how = with_cell_dates(_rows_and_dates, boxes, kinds)
    # Rows whose item box held other columns' lines (plain pdftotext, item_intruders).
    intruded_rows = {k for k, b in enumerate(kinds["item"][: len(rows)]) if id(b) in intruded}
    pos = {id(b): k for k, b in enumerate(boxes)}
    order = [pos[id(b)] for b in kinds["item"]] if kinds["item"] else [0] * len(rows)
    carried_date_doubts(rows, kinds["item"], kinds["date"], pos, groups)  # plain pdftotext
    if not rows:
        return []
    leftovers: list[Box] = list(kinds.get("unplaced", []))
    matched = not leftovers
    fill_how = {"change_date": date_how}
    for key in ("timing", "explanation"):
        rest, ok, fill_how[key] = fill_column(rows, groups, kinds[key], key, order, pos, kinds["timing"])
        leftovers += rest
        matched = matched and ok
    bodies, rest_pages = join_rest_pages(kinds["body"], kinds["item"] + kinds["date"] + kinds["timing"])
    kept = {id(b) for b in bodies}
    boxes = [b for b in boxes if id(b) in kept or b not in kinds["body"]]
    wrap = widths[0] if widths else one_width or max((b.width for b in bodies), default=None)
    row_pages = [{cl.page for cl in r.cells["item"]} for r in rows]
    anchor_of = {
        key: a
        for key in ANCHOR_COLUMNS
        if (a := _anchors(rows, key, kinds[key], fill_how[key], pos, bodies)) is not None
    }
    anchors = list(anchor_of.values())
    pairing = pair_cells([b.lines for b in bodies], row_pages, wrap, anchors)
    if pairing.score == float("-inf") and anchors:
        # The anchors' costs steered the beam off every reading that ends with all rows made
        # (a long Writer table): read by the order alone rather than leave every cell over.
        pairing = pair_cells([b.lines for b in bodies], row_pages, wrap, [])
    stream = [pos[id(b)] for b in bodies]
    pairing.cells, _ = uncross_by_endings(pairing.cells, [b.lines for b in bodies], stream)
    for row, (before, after) in zip(rows, pairing.cells, strict=True):
        if before is not None:
            row.cells["before"] = list(before)
        if after is not None:
            row.cells["after"] = list(after)
        if before is None and after is None:
            row.doubts.append(Doubt("column_guess", "after", "no before/after box was left for this row"))
    unordered_date_doubts(rows, kinds["item"], kinds["date"])  # cells' dates read as 変更日?
    doubt_joined_rows(rows, rest_pages)
    leftovers += [Box(lines) for lines in pairing.skipped]
    side_by_side = (
        bool(apart)
        or any(b.after_date for b in boxes)
        or wide_lines(others, widths[0] if widths else None) >= SIDE_BY_SIDE_LINES
    )
    moves = pairing.moves + [("empty", EMPTY_ROW, False)] * (len(rows) - len(pairing.moves))
    short_pages = {p for r, m in zip(rows, moves, strict=True) if m[0] == "empty" for p in _item_pages(r)}
    skipped_pages = {ls[0].page for ls in pairing.skipped if ls and not all(is_caption(cl.text) for cl in ls)}
    fill_how["explanation"] = doubt_unshared_groups(rows, fill_how["explanation"])  # empty 説明?
    fill_how["timing"] = doubt_unshared_timings(rows, fill_how["timing"])
    ordered = rows_in_row_order(rows, boxes, leftovers)
    spare_cells_in_own_run(rows, fill_how, cells_in_own_run(rows, boxes, ordered))
    local = bodies_in_own_run(rows, boxes, order, pairing.skipped)
    crossed = crossable_rows(pairing.cells, [b.lines for b in bodies], anchors, stream)
    lone_rows = pd.lone_cell_rows(moves, [_item_pages(r) for r in rows])
    reversed_rows = pd.reversed_deletions(pairing.cells, [b.lines for b in bodies])
    anchor_crossed = pd.anchor_order_rows(rows, boxes, list(anchor_of))
    width_crossed = crossed_width_rows(rows, WIDTH_SLACK)
    for k, row in enumerate(rows):
        short = bool(short_pages & _item_pages(row)) and moves[k][0] != "empty" and not local[k]
        skipped = bool(skipped_pages & _item_pages(row)) and not local[k]
        why, weak = row_doubts(fill_how, k, moves[k], skipped, side_by_side, short, ordered[k])
        lone = k in lone_rows and not local[k]
        why = pd.joined(
            why,
            "its before/after cells and a neighbouring row's could be crossed" if k in crossed else "",
            "its before and after cells wrap at each other's column's width" if k in width_crossed else "",
            "its before/after lines, side by side or merged, fit either cell"
            if any((cl.page, cl.line_no) in undecided for key in ("before", "after") for cl in row.cells[key])
            else "",
            pd.LONE_CELL_WHY if lone else "",
            pd.REVERSED_DELETION_WHY if k in reversed_rows else "",
            pd.ANCHOR_ORDER_WHY if k in anchor_crossed else "",
        )
        if k in intruded_rows:  # lines moved out of its item
            row.doubts.append(pd.item_cut_doubt(ordered[k], weak_strength))
        if why:
            row.confidence = COLUMN_ORDER_CONFIDENCE
            row.doubts.append(Doubt("column_guess", None, "cells paired with rows column by column; " + why))
        else:
            row.confidence = ROW_ORDER_CONFIDENCE if ordered[k] else COLUMN_ORDER_MATCHED_CONFIDENCE
        if weak:
            row.doubts.append(Doubt("cut_guess", None, f"cells paired by column; {weak}", weak_strength))
        # Cells paired column by column are never as sure as a row read in order: this lowers
        # the confidence of every row without a flag (normalize/confidence.py).
        how_read = "cells paired with rows column by column"
        how_read += "; its cells were emitted whole in row order" if ordered[k] else ""
        strength = ROW_ORDER_STRENGTH if ordered[k] else 1.0
        row.doubts.append(Doubt("column_order", None, how_read, strength))
    doubt_cells_of_other_rows(rows)  # a box holding two rows' cells (pdfminer, run_together)
    doubt_even_rows(rows, one_width)  # one wrap width for every column (even_widths)
    if leftovers:
        last = rows[-1]
        last.cells["explanation"] = last.cells["explanation"] + [cl for b in leftovers for cl in b.lines]
        last.flags.append("unplaced_text")
    expl = kinds["explanation"]
    expl_width = widths[1] if widths else one_width or max((b.width for b in expl), default=None)
    for row in rows:
        row.widths = {"item": narrow_item or None, "before": wrap, "after": wrap, "explanation": expl_width}
        row.set_pages()
    return rows
