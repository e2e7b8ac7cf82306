"""Rows from text whose extractor emitted cells out of row order.

pdfminer and plain ``pdftotext`` often give a page's cells grouped by column (all dates, then all
items, …) or interleaved.  pdfminer separates its text boxes, which are the table's cells, by a
blank line.  What can be done honestly: take each box as one cell, tell its column from its
content (a date, a timing, a heading path, wide body text, narrow explanation text), and hand the
boxes of each column to the rows in order.  Before/after pairs are formed in order, an addition
(新規追加) being an after cell with an empty before.  Every row gets a low confidence and the
flag ``column_order``; boxes left over are kept in the last row with ``unplaced_text``.
"""

from __future__ import annotations

from dataclasses import dataclass

from piatable.models import CellLine, RawRow
from piatable.vocabulary import SECTION_NUMERALS, TIMING

from .chars import BODY_MARKER, display_width
from .dates import DATE_THEN_ITEM, is_date_line
from .items import heading_score
from .partition import ADDITION_MARKERS, DELETION_MARKERS

COLUMN_ORDER_CONFIDENCE = 0.3
# When every column held exactly one box per date, the pairing is less of a guess.
COLUMN_ORDER_MATCHED_CONFIDENCE = 0.6
# A box whose first paragraph scores at least this as a heading of the form is an item cell.
ITEM_HEADING_SCORE = 0.5


@dataclass(slots=True)
class Box:
    lines: list[CellLine]
    # The rest of a line that began with a date: the first line of an item whose further lines
    # an extractor may have put into a box of their own.
    after_date: bool = False

    @property
    def width(self) -> int:
        return max(display_width(cl.text) for cl in self.lines)

    @property
    def text(self) -> str:
        return "".join(cl.text for cl in self.lines)


def lines_to_boxes(lines: list[CellLine], gaps: list[bool]) -> list[Box]:
    """Boxes of consecutive lines; ``gaps[k]`` is True when a blank line precedes line k.

    Dates and timings are boxes of their own, and a date printed before the first line of an
    item (``2022/10/17 Ⅱ…``) is split off.
    """
    boxes: list[Box] = []
    for cl, gap in zip(lines, gaps, strict=True):
        t = cl.text
        m = DATE_THEN_ITEM.match(t)
        if m and not is_date_line(t):
            boxes.append(Box([CellLine(t[: m.end()].strip(), cl.page, cl.line_no)]))
            boxes.append(Box([CellLine(t[m.end() :].strip(), cl.page, cl.line_no)], after_date=True))
            continue
        single = is_date_line(t) or bool(TIMING.match(t))
        if boxes and not single and _is_single(boxes[-1]) and boxes[-1].lines[0].line_no == cl.line_no:
            if is_date_line(boxes[-1].lines[0].text):  # split off a date by the stream step
                boxes.append(Box([cl], after_date=True))
                continue
        continues_item = boxes and boxes[-1].after_date and len(boxes[-1].lines) == 1
        if continues_item and not single and t[:1] not in SECTION_NUMERALS:
            boxes[-1].lines.append(cl)
        elif gap or single or not boxes or _is_single(boxes[-1]) or t[:1] in SECTION_NUMERALS:
            boxes.append(Box([cl]))
        else:
            boxes[-1].lines.append(cl)
    return boxes


def _is_single(box: Box) -> bool:
    return len(box.lines) == 1 and (is_date_line(box.lines[0].text) or bool(TIMING.match(box.lines[0].text)))


def _kind(box: Box, narrow: int) -> str:
    first = box.lines[0].text
    if is_date_line(first) and len(box.lines) == 1:
        return "date"
    if TIMING.match(first) and len(box.lines) == 1:
        return "timing"
    if first[:1] in SECTION_NUMERALS or heading_score(first) >= 1.0:
        return "item"
    if box.width > narrow or BODY_MARKER.match(first):
        return "body"
    if ADDITION_MARKERS.match(box.lines[-1].text) or DELETION_MARKERS.match(box.lines[-1].text):
        return "body"
    return "explanation"


def _new_row(date: Box | None) -> RawRow:
    row = RawRow()
    row.cells["change_date"] = list(date.lines) if date else []
    row.flags.append("column_order")
    return row


def _rows_from_items(boxes: list[Box], kinds: dict[str, list[Box]]) -> tuple[list[RawRow], list[int]]:
    """One row per item box, each with the date box met before it in the box stream.

    Dates wait in a queue until an item takes one; an item that finds the queue empty shares the
    previous row's date (a merged cell printed once).  ``groups[k]`` numbers the date of row k.
    Without item boxes, each date makes a row.
    """
    if not kinds["item"]:
        rows = [_new_row(d) for d in kinds["date"]]
        return rows, list(range(len(rows)))
    item_ids = {id(b) for b in kinds["item"]}
    date_ids = {id(b) for b in kinds["date"]}
    queue: list[Box] = []
    rows: list[RawRow] = []
    groups: list[int] = []
    last: Box | None = None
    for b in boxes:
        if id(b) in date_ids:
            queue.append(b)
        elif id(b) in item_ids:
            shared = not queue and last is not None
            date = last if shared else (queue.pop(0) if queue else None)
            row = _new_row(date)
            row.cells["item"] = list(b.lines)
            if shared:
                row.flags.append("merged_cell_filled")
            groups.append(groups[-1] if shared else len(set(groups)))
            rows.append(row)
            last = date
    # Dates no item took are kept with the other boxes left over.
    kinds["unplaced"] = queue
    return rows, groups


def _fill_column(rows: list[RawRow], groups: list[int], found: list[Box], key: str) -> list[Box]:
    """Hand boxes of one column to the rows: one each, or one per date group (merged cells)."""
    n_groups = len(set(groups))
    if len(found) == len(rows) or len(found) != n_groups:
        for k, b in enumerate(found[: len(rows)]):
            rows[k].cells[key] = list(b.lines)
        return found[len(rows) :]
    for row, g in zip(rows, groups, strict=True):
        row.cells[key] = list(found[g].lines)
        if groups.count(g) > 1 and "merged_cell_filled" not in row.flags:
            row.flags.append("merged_cell_filled")
    return []


def column_order_rows(lines: list[CellLine], gaps: list[bool]) -> list[RawRow]:
    """Rows built column by column from boxes, in order."""
    boxes = lines_to_boxes(lines, gaps)
    item_boxes = [b for b in boxes if b.lines[0].text[:1] in SECTION_NUMERALS]
    if not any(not _is_single(b) for b in boxes):
        return []
    # Item and explanation columns are narrow; before/after text is wider.
    narrow = max((b.width for b in item_boxes), default=0)
    kinds: dict[str, list[Box]] = {"date": [], "timing": [], "item": [], "body": [], "explanation": []}
    for b in boxes:
        kinds[_kind(b, narrow)].append(b)
    body_width = max((b.width for b in kinds["body"]), default=None)
    expl_width = max((b.width for b in kinds["explanation"]), default=None)
    rows, groups = _rows_from_items(boxes, kinds)
    if not rows:
        return []
    leftovers: list[Box] = list(kinds.get("unplaced", []))
    for key in ("timing", "explanation"):
        leftovers += _fill_column(rows, groups, kinds[key], key)
    matched = all(len(kinds[c]) == len(rows) for c in ("date", "timing", "item", "explanation"))
    for row in rows:
        row.confidence = COLUMN_ORDER_MATCHED_CONFIDENCE if matched else COLUMN_ORDER_CONFIDENCE
    bodies = kinds["body"]
    k = 0
    for row in rows:
        if k >= len(bodies):
            break
        first = bodies[k]
        if ADDITION_MARKERS.match(first.lines[-1].text) and len(first.lines) == 1:
            row.cells["after"] = list(first.lines)
            k += 1
            continue
        row.cells["before"] = list(first.lines)
        if k + 1 < len(bodies):
            row.cells["after"] = list(bodies[k + 1].lines)
        k += 2
    leftovers.extend(bodies[k:])
    if leftovers:
        last = rows[-1]
        last.cells["explanation"] = last.cells["explanation"] + [cl for b in leftovers for cl in b.lines]
        last.flags.append("unplaced_text")
    for row in rows:
        row.widths = {
            "item": narrow or None,
            "before": body_width,
            "after": body_width,
            "explanation": expl_width,
        }
        row.set_pages()
    return rows
