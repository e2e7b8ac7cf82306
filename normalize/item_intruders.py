"""Lines of other columns printed inside an item box of column-ordered text (plain ``pdftotext``).

Plain ``pdftotext`` reads a row's cells line by line in the order of their baselines, so an item
box (``Ⅰ関連情報`` / ``１．特定個人情報ファイルを取り`` / ``扱う事務`` / ``①事務の名称``) may hold
a before/after line printed between two of its lines (``国民健康保険に関する事務``), or beside
one of them after a space (``１．特定個人情報ファイルを取り (1)被保険者の…``).  An item's lines
are headings of the form: each opens with a numbering (Ⅰ, １．, ①, （１）…), reads as a heading
of the forms' lexicon, or goes on from a line wrapped at the item column's width or mid-phrase
(``く。）``: LibreOffice applies no kinsoku), or makes the heading above read more as one (measured on
the tuning sets' expected items: every heading line opens or reads so).  A line that does none
of these is another column's; it is taken out of the item box into a box of its own right after
it, for the before/after pairing, and the item box says so (``intruders``) so that its row is
warned.  Nothing is dropped: every character stays in one box or the other.  Used by
``columnar``.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

import regex

from piatable.models import CellLine
from piatable.vocabulary import SECTION_NUMERALS

from .boxes import Box, is_single_box
from .chars import BODY_MARKER, ITEM_MARKER, display_width
from .items import heading_score
from .side_columns import SIDE_MIN_WIDTH, line_pieces, shows_side_columns, split_side_columns

# A line reading at least this much as a heading of the form opens a heading of the item (a
# key found inside a longer heading of the lexicon scores 0.25).
ITEM_LINE_SCORE = 0.25
# A heading whose next line makes it read as a whole heading (score 1) wrapped there; the item
# column's wrap width is the commonest width of such lines, seen at least this often.
ITEM_WRAP_MIN_SEEN = 2
# Display units a wrapped item line may fall short of (or pass) the item column's wrap width.
ITEM_WRAP_SLACK = 2
_SPACE = regex.compile(r"[ 　]+")
# Pieces (joined by a space, see side_columns) an item's own line may hold: a numbering and its
# words (``Ⅰ 関連情報``); more long ones beside a numbered heading are other columns' lines.
ITEM_LINE_MAX_PIECES = 2
# What no cell opens with but a wrapped line may (LibreOffice applies no kinsoku): a line of an
# item box opening so goes on from the line above.
MID_PHRASE = regex.compile(r"^[\p{Hiragana}、。，．）」』】〕ー・]")


def _is_heading_line(text: str) -> bool:
    """A line that opens a heading of an item: a section, a numbering, or a heading's words."""
    if not text:
        return False
    if text[:1] in SECTION_NUMERALS:
        return True
    if BODY_MARKER.match(text):
        return False
    return bool(ITEM_MARKER.match(text)) or heading_score(text) >= ITEM_LINE_SCORE


def _opens_heading(text: str) -> bool:
    """A line opening with a section or a numbering of the form's headings."""
    return text[:1] in SECTION_NUMERALS or (bool(ITEM_MARKER.match(text)) and not BODY_MARKER.match(text))


def item_wrap_width(boxes: list[Box]) -> int | None:
    """The item column's wrap width: the commonest width of item lines that the next line of
    their box finishes into a whole heading of the lexicon (``１．特定個人情報ファイルを取り`` +
    ``扱う事務``), seen at least ``ITEM_WRAP_MIN_SEEN`` times; None when too few show."""
    widths: Counter[int] = Counter()
    for b in boxes:
        if is_single_box(b) or b.lines[0].text[:1] not in SECTION_NUMERALS:
            continue
        for a, nxt in zip(b.lines, b.lines[1:], strict=False):
            if heading_score(a.text) < 1.0 and heading_score(a.text + nxt.text) >= 1.0:
                widths[display_width(a.text)] += 1
    if not widths:
        return None
    width, seen = max(widths.items(), key=lambda wc: (wc[1], wc[0]))
    return width if seen >= ITEM_WRAP_MIN_SEEN else None


def _fills(text: str, wrap: int | None) -> bool:
    return wrap is not None and abs(display_width(text) - wrap) <= ITEM_WRAP_SLACK


def _side_by_side(
    cl: CellLine, wrap: int | None, first: bool, columns_side: bool = False
) -> tuple[CellLine, CellLine] | None:
    """An item line with another column's line beside it after a space: the item's part is
    filled to the item column's wrap width and the line is wider than it; or, for the item's
    first line (a section, seldom wrapped), the part reads as a whole heading of the lexicon
    and the rest opens no heading; or the rest opens as no heading's words do (a list marker,
    mid-phrase after a space: ``…リスクへの措置 ている。``) and joined it makes the heading read no
    more as one."""
    pieces = line_pieces(cl.text)
    if (
        columns_side
        and len(pieces) >= ITEM_LINE_MAX_PIECES + 1
        and _opens_heading(pieces[0])
        and all(display_width(p) >= SIDE_MIN_WIDTH for p in pieces[1:])
    ):
        # A heading's line with two more long pieces beside it (``６．情報提供ネットワークシステム
        # 行政手続における…ための 行政手続における…``): the before and after cells' lines.
        head = pieces[0]
        return replace(cl, text=head), replace(cl, text=cl.text[len(head) :].lstrip())
    if wrap is not None and display_width(cl.text) <= wrap + ITEM_WRAP_SLACK:
        return None
    for m in _SPACE.finditer(cl.text):
        head, rest = cl.text[: m.start()], cl.text[m.end() :]
        if not rest:
            continue
        other = bool(BODY_MARKER.match(rest) or MID_PHRASE.match(rest))
        if (
            _fills(head, wrap)
            or (first and heading_score(head) >= 1.0 and not _is_heading_line(rest))
            or (other and heading_score(head) >= heading_score(head + rest))
        ):
            return replace(cl, text=head), replace(cl, text=rest)
    return None


def _goes_on(para: str, text: str, wrapped: bool) -> bool:
    """Whether ``text`` goes on with the heading ``para``: it makes the heading read more as
    one of the lexicon, or, after a line that ``wrapped`` (filled to the item column's width,
    or ``text`` opening mid-phrase), reads no less as one (``町一丁目１番１号`` after a wrapped
    ``１．特定個人情報の開示・訂正`` is an address's line, not the heading's)."""
    joined, alone = heading_score(para + text), heading_score(para)
    unclosed = (text.count("（") + text.count("(")) - (text.count("）") + text.count(")"))
    if unclosed > 0:
        # A note opening on this line and closed on a later one (``（委託に伴うものを除く。`` /
        # ``）``): closed here, the lexicon's keys leave it out; opening the line, it may
        # follow a line short of the column's width.
        joined = max(joined, heading_score(para + text + "）" * unclosed))
        wrapped = wrapped or text[:1] in "（("
    return joined >= alone if wrapped else joined > alone


def split_item_intruders(boxes: list[Box], columns_side: bool = False) -> tuple[list[Box], set[int]]:
    """The boxes with other columns' lines taken out of each item box (one opening with a
    section Ⅰ…Ⅵ) into a box right after it; and the ``id`` of each item box that lost lines.
    ``columns_side``: the text prints two columns side by side (side_columns), so a numbered
    heading's line with two more long pieces beside it holds their lines."""
    wrap = item_wrap_width(boxes)
    out: list[Box] = []
    touched: set[int] = set()
    for b in boxes:
        if is_single_box(b) or b.lines[0].text[:1] not in SECTION_NUMERALS:
            out.append(b)
            continue
        kept: list[CellLine] = []
        moved: list[CellLine] = []
        para = ""
        last: CellLine | None = None
        for cl in b.lines:
            text = cl.text
            runs_on = last is not None and _fills(last.text, wrap)
            side = _side_by_side(cl, wrap, last is None, columns_side)
            rest: CellLine | None = None
            if side is not None:
                cl, rest = side
                text = cl.text
            if last is None or _opens_heading(text):
                kept.append(cl)
                para, last = text, cl
            elif _is_heading_line(text):
                # Words of a heading without its numbering: a heading of its own or the rest
                # of the one above; either way the item's.
                kept.append(cl)
                para, last = para + text, cl
            elif _goes_on(
                para, text, not BODY_MARKER.match(text) and (runs_on or bool(MID_PHRASE.match(text)))
            ):
                # (a line opening with a list marker, ``・USBメモリ等の…``, goes on a heading only
                # when it makes it read more as one: ``…漏えい`` + ``・滅失・毀損リスク``)
                kept.append(cl)
                para, last = para + text, cl
            else:
                moved.append(cl)
            if rest is not None:
                moved.append(rest)
        if not moved:
            out.append(b)
            continue
        item = Box(kept, b.after_date)
        out.append(item)
        out.append(Box(moved))
        touched.add(id(item))
    return out, touched


def _adjacent(above: CellLine, below: CellLine) -> bool:
    """Two lines printed one right after the other (no blank line between, same page)."""
    if above.page != below.page or above.line_no is None or below.line_no is None:
        return False
    return 0 <= below.line_no - above.line_no <= 1


def join_lines_above_items(boxes: list[Box], intruded: set[int]) -> list[Box]:
    """Another column's lines printed above an item's section line in the same block (plain
    ``pdftotext`` prints a row's lines by baseline, and an item centred or bottom-aligned in a
    tall row starts below the top lines of the row's before/after cells) are put with the lines
    taken out of that item (``split_item_intruders``), in front of them, so that the cell they
    start is read whole: a box of neither a date, a timing nor an item, right before an item box
    that lost lines (a date or timing box between), its last line printed right above the
    item's first."""
    out: list[Box] = []
    k = 0
    while k < len(boxes):
        b = boxes[k]
        j = k + 1
        while j < len(boxes) and is_single_box(boxes[j]):  # a timing taken out of the block
            j += 1
        item = boxes[j] if j < len(boxes) else None
        moved = boxes[j + 1] if j + 1 < len(boxes) else None
        if (
            item is not None
            and moved is not None
            and id(item) in intruded
            and not is_single_box(b)
            and not b.after_date
            and b.lines[0].text[:1] not in SECTION_NUMERALS
            and not (k > 0 and id(boxes[k - 1]) in intruded)  # the lines taken out of the item above
            and _adjacent(b.lines[-1], item.lines[0])
        ):
            out += [*boxes[k + 1 : j], item, Box(b.lines + moved.lines)]
            k = j + 2
            continue
        out.append(b)
        k += 1
    return out


def read_other_columns(
    boxes: list[Box],
) -> tuple[list[Box], set[int], set[int], set[tuple[int | None, int | None]]]:
    """The boxes with other columns' lines read out of item boxes (``split_item_intruders``)
    and, where the text prints two columns side by side (plain ``pdftotext``), the lines
    printed above an item joined to them (``join_lines_above_items``) and the boxes holding
    both columns read apart (``side_columns``); also the ``id`` of each item box that lost
    lines and of each box read apart, and the (page, line number) of the lines read apart on
    undecided evidence."""
    items = {id(b) for b in boxes if b.lines[0].text[:1] in SECTION_NUMERALS}
    columns_side = shows_side_columns(boxes, items)
    boxes, intruded = split_item_intruders(boxes, columns_side)
    if columns_side:
        boxes = join_lines_above_items(boxes, intruded)
    items = {id(b) for b in boxes if b.lines[0].text[:1] in SECTION_NUMERALS}
    boxes, apart, undecided = split_side_columns(boxes, items)
    return boxes, intruded, apart, undecided
