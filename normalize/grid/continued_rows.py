"""A record printed over two sheet rows, read back as one (branch tworow69, set XXX).

An author whose cell text is too long for one spreadsheet row goes on in the next sheet row:
that row prints no 変更日, 項目 nor 提出時期 of its own and holds the rest of 変更前 / 変更後 /
説明 (one, two or all three).  The grid reads it as a row of its own: on a ruled page with empty
date, item and timing (a ``timing_missing`` row of text fragments), in layout text with the
values above copied in as if merged (``merged_cell_filled``).

A row under merged cells (a new change sharing a merged 変更日 / 項目 / 提出時期 with the row
above: each of its values the same as the row above's) looks alike.  What tells them apart:

* every column holding the row's own text holds text in the row above too (a cell is continued,
  never begun, in the next sheet row), and the row prints no 変更日 / 項目 / 提出時期 of its own;
* a change prints a 説明 of its own or shares the merged one: a row holding a 説明 of its own is
  a change of its own (beside merged cells a row may print only its explanation:
  ``lone_explanations``) unless that 説明 goes on from the one above: it opens mid-phrase (a
  particle, 、, ー, a dependent word: ``phrase_openings.starts_mid_phrase``) or the one above ends
  on 、 or a particle (``組織改正に`` / ``よる部署名の変更``; not で: ``…30日まで`` ends values),
  or the row prints no 変更日, 項目 nor 提出時期 and none is filled in as merged (branch order74:
  the 説明's last paragraph typed in the next sheet row; a guess when the row holds a 変更前 /
  変更後; without them settled when its 説明 is a remark on the change's weight the 説明 above
  lacks, ``weight_remarks``, else kept apart with both rows in doubt, ``LONE_EXPLANATION_WHY``:
  a change may print only its reason, samples/office-twotables50, branch order74b);
* a row without a 説明 of its own is joined where each of its cells goes on so from the cell above;
* on a ruled page a row under merged cells has their values filled in; a row whose 変更日, 項目
  and 提出時期 are all empty, none filled, is joined, in doubt (a ruling's lack of a merge is the
  only evidence);
* a change prints both 変更前 and 変更後 (a side left empty says 新規追加 / 削除 on the other): a
  row holding only one side, not closing with such a mark, is joined, in doubt; a row holding both
  is a change of its own.

Every join is flagged ``row_continued`` on the row kept; a join the text does not settle carries
``row_split_guess`` with the reason (``JOIN_GUESS_WHY``).
"""

from __future__ import annotations

from typing import Protocol

import regex

from piatable.vocabulary import BEFORE_MARK_PATTERN

from ..phrase_openings import starts_mid_phrase
from .common import cell_text
from .lines import Line
from .weight_remarks import holds_weight_remark, is_weight_remark

DATE, ITEM, BEFORE, AFTER, TIMING, EXPLANATION = range(6)
ANCHORS = (DATE, ITEM, TIMING)
TEXT_COLUMNS = (BEFORE, AFTER, EXPLANATION)
# How a change's own 変更前 / 変更後 cell ends when the change adds or deletes a whole entry.
_CHANGE_MARK_END = regex.compile(rf"(?:{BEFORE_MARK_PATTERN}|削除)[。.]?\s*$")
# A cell holding only such a mark (``上記を新規追加``, ``削除``): the rest of a 変更前 / 変更後 above.
_ONLY_CHANGE_MARK = regex.compile(rf"^\s*(?:上記を)?(?:{BEFORE_MARK_PATTERN}|削除)+[。.]?\s*$")
# How a line that leaves its phrase open ends: 、 or a particle (not で: ``…まで`` ends values).
_OPEN_ENDINGS = frozenset("、のをにがへとは")

JOIN_GUESS_WHY = (
    "the next sheet row, with no 変更日, 項目 nor 提出時期 of its own, was read as the rest of this "
    "row's {cells}; a change of its own under merged cells would print so too"
)
TORN_ABOVE_WHY = (
    "the {cell} of the upper of two rows ends open (on 、 or a particle) while the lower row prints "
    "its own: the lower row's first lines may be the upper cell's rest (a record printed over two "
    "sheet rows)"
)
LISTING_REST_WHY = (
    "the lower of two rows holds no 変更日, 項目, 提出時期 nor 説明 of its own and goes on with the"
    " lists of the 変更前 and 変更後 above it: the rest of one record printed over two sheet rows,"
    " or a change of its own under merged cells; kept apart"
)
COPIED_ANCHORS_WHY = (
    "the lower of two rows prints no 変更日, 項目 nor 提出時期 of its own (the row above's copied in"
    " as merged) but text of its own: a change of its own under merged cells, or the rest of the"
    " record above printed in the next sheet row; kept apart"
)
LONE_EXPLANATION_WHY = (
    "the lower of two rows prints only a 提出時期に係る説明 (no 変更日, 項目, 提出時期, 変更前 nor"
    " 変更後, none merged): a change printing only its reason, or the rest of the 説明 above"
    " printed in the next sheet row; kept apart"
)
LONE_REASON_WHY = (
    "the lower of two rows holds only a 提出時期に係る説明 (its 変更日 copied in as merged): a change"
    " printing only its reason beside merged cells, or the rest of the 説明 above printed in the"
    " next sheet row; kept apart"
)
_NAMES = {ITEM: "項目", BEFORE: "変更前", AFTER: "変更後", EXPLANATION: "説明"}
# A 項目 line opening a part of the form (Ⅰ基本情報, Ⅱ…): a row of its own, never a cell's rest.
_PART_OPENING = regex.compile(r"^\s*[Ⅰ-Ⅻ]")


class GridRow(Protocol):
    """What this module needs of a grid row (``rows._Row``)."""

    cells: dict[int, list[Line]]
    page_start: int
    page_end: int
    flags: list[str]
    doubt: str | None
    table: int


def _own(row: GridRow, above: GridRow, c: int) -> str:
    """The row's own text in column ``c``: "" when empty or the same as the row above's (a merged
    cell's value copied in)."""
    text = cell_text(row.cells.get(c))
    return "" if text == cell_text(above.cells.get(c)) else text


def _stops_open(lines: list[Line]) -> bool:
    """The cell's last line ends on 、 or a particle that leaves the phrase open (``組織改正に``,
    ``…の取扱いを``: no value or sentence ends so; ``…30日まで`` may)."""
    last = lines[-1].text.rstrip(" \u3000") if lines else ""
    return last[-1:] in _OPEN_ENDINGS


# A list item's mark at a line's start: a check box (［○］, ［ ］), a bullet or a dash.
_LIST_MARK = regex.compile(r"^\s*(［[^］]{0,2}］|[・●○■□◆◇－―])")


def _list_mark(text: str) -> str:
    """The mark the list item opens with, "" for a line that opens no list item."""
    m = _LIST_MARK.match(text)
    return m.group(1).replace("○", "").replace(" ", "").replace("\u3000", "") if m else ""


def _goes_on_listing(lines: list[Line], above: list[Line]) -> bool:
    """``lines`` open with a list item marked as the items of the cell ``above`` are."""
    mark = _list_mark(lines[0].text) if lines else ""
    return bool(mark) and any(_list_mark(ln.text) == mark for ln in above)


def _listing_rest(row: GridRow, above: GridRow) -> str:
    """Why ``row`` (kept apart from ``above``) may be ``above``'s rest, or "": it holds no 変更日,
    項目, 提出時期 nor 説明 of its own (the values above filled in as merged, ``merged_cell_filled``)
    and opens both its 変更前 and 変更後 with the list mark the cells above list with
    (``［○］庁内連携システム`` under ``［○］紙``, ``・連絡先：…`` under ``・個人番号：…``): the next
    sheet row's rest of both lists (set XXXII u02) or a change of its own under merged cells
    listing alike; the text does not tell."""
    if "merged_cell_filled" not in row.flags or any(_own(row, above, c) for c in (*ANCHORS, EXPLANATION)):
        return ""
    if all(
        _own(row, above, c) and _goes_on_listing(row.cells[c], above.cells.get(c, []))
        for c in (BEFORE, AFTER)
    ):
        return LISTING_REST_WHY
    return ""


def _item_rest(row: GridRow, above: GridRow) -> tuple[list[int], bool]:
    """The columns of ``row`` holding the rest of ``above``'s 項目 (and of its 説明, 変更前,
    変更後) and whether the text settles it, or ([], False).  A Calc author goes on with a
    record's last lines in the next sheet row, 項目 included (set XXXIII w04: the item's last
    heading, the explanation's last paragraph); that row prints no 変更日 nor 提出時期 of its own,
    and a 項目 that opens no part of the form (Ⅰ…, Ⅱ…) under a 項目 above.

    Without 変更前 and 変更後 the row is no change of its own (no change prints neither side):
    settled.  A row holding a side too may be a change of its own in a table that leaves a
    date and timing like the one above unwritten: it is joined only when no date nor timing
    is printed or filled in as merged, each side under a side above, and settled only when
    each side goes on from the one above (mid-phrase, the cell above open, the same list mark)
    or is only a closing mark (上記を新規追加, 削除)."""
    if row.table != above.table or any(_own(row, above, c) for c in (DATE, TIMING)):
        return [], False
    item = _own(row, above, ITEM)
    if not item or _PART_OPENING.match(item) or not cell_text(above.cells.get(ITEM)):
        return [], False
    own = [c for c in (ITEM, BEFORE, AFTER, EXPLANATION) if _own(row, above, c)]
    if any(not cell_text(above.cells.get(c)) for c in own):
        return [], False
    body = [c for c in (BEFORE, AFTER) if cell_text(row.cells.get(c))]
    if not body:
        return own, True
    if any(cell_text(row.cells.get(c)) for c in (DATE, TIMING)):
        return [], False
    if "merged_cell_filled" in row.flags and row.page_start <= above.page_end:
        # (A page's first row with neither date nor timing filled in: the flag says nothing of a
        # merge with the row above, printed on the page before; set XXXIV's continuation rows
        # opening a page, branch order74.)
        return [], False
    if any(c not in own for c in body):
        return [], False

    def goes_on(c: int) -> bool:
        text = cell_text(row.cells.get(c))
        return (
            bool(starts_mid_phrase(text))
            or _stops_open(above.cells[c])
            or _goes_on_listing(row.cells[c], above.cells[c])
            or bool(_ONLY_CHANGE_MARK.match(text))
        )

    return own, all(goes_on(c) for c in body)


def _copied_anchors(row: GridRow, above: GridRow) -> bool:
    """``row`` (layout text) prints no 変更日, 項目 nor 提出時期 of its own, its 項目 and the others
    copied in from ``above`` as if merged (``merged_cell_filled``), and holds a 説明 of its own
    (a row sharing the 説明 too is one under merged cells): a change of its own under merged
    cells, or the next sheet row going on with the record above (branch order74:
    No.｜項目｜変更前｜変更後｜変更日｜提出時期｜説明 sheets whose continuation rows print no number
    nor date); without rulings the text does not tell.  A row holding a 変更前 and a 変更後 of
    its own besides is a change of its own under merged anchors (tests/data/layout_merged49
    merged_items, samples/office-splitrows69) unless its 説明 is a remark on the change's weight
    the 説明 above lacks (``weight_remarks``: or74-calc-3's rest of 変更前, 変更後 and 説明)."""
    return (
        row.table == above.table
        and "merged_cell_filled" in row.flags
        and bool(cell_text(row.cells.get(ITEM)))
        and not any(_own(row, above, c) for c in ANCHORS)
        and bool(_own(row, above, EXPLANATION))
        and (not all(_own(row, above, c) for c in (BEFORE, AFTER)) or _weight_remark_rest(row, above))
    )


def _lone_reason(row: GridRow, above: GridRow) -> bool:
    """``row`` (layout text) holds a 説明 of its own and nothing else but a 変更日 copied in
    from ``above`` as merged: a change printing only its reason beside merged cells
    (``lone_explanations``), or the 説明's last paragraph the author typed in the next sheet row
    (branch order74); the text does not tell."""
    return (
        row.table == above.table
        and "merged_cell_filled" in row.flags
        and bool(_own(row, above, EXPLANATION))
        and not any(cell_text(row.cells.get(c)) for c in (ITEM, BEFORE, AFTER, TIMING))
    )


def _unprinted_lone_explanation(row: GridRow, above: GridRow) -> bool:
    """``row`` prints a 説明 of its own and nothing else, no 変更日, 項目, 提出時期, 変更前 nor
    変更後, none filled in as merged, under a row of the same table holding a 説明."""
    return (
        row.table == above.table
        and "merged_cell_filled" not in row.flags
        and not any(cell_text(row.cells.get(c)) for c in (*ANCHORS, BEFORE, AFTER))
        and bool(_own(row, above, EXPLANATION))
        and bool(cell_text(above.cells.get(EXPLANATION)))
    )


def _weight_remark_rest(row: GridRow, above: GridRow) -> bool:
    """``row``'s own 説明 is a remark on the change's weight and the 説明 above names none
    (``weight_remarks``): what the 説明's next paragraph, typed in the next sheet row, holds."""
    return is_weight_remark(_own(row, above, EXPLANATION)) and not holds_weight_remark(
        cell_text(above.cells.get(EXPLANATION))
    )


def _weight_rest(row: GridRow, above: GridRow) -> bool:
    """``row`` is an unprinted lone 説明 (``_unprinted_lone_explanation``) that is a remark on the
    change's weight while the 説明 above names none: the 説明's last paragraph the author typed
    in the next sheet row (set XXXIV, samples/order74; ``weight_remarks``)."""
    return _unprinted_lone_explanation(row, above) and _weight_remark_rest(row, above)


def continuation_of(row: GridRow, above: GridRow) -> tuple[list[int], bool] | None:
    """The columns of ``row`` that continue ``above``'s cells and whether the text settles it
    (True) or the join is a guess (False); None when ``row`` is a row of its own."""
    item_rest, settled = _item_rest(row, above)
    if item_rest:
        return item_rest, settled
    if row.table != above.table or any(_own(row, above, c) for c in ANCHORS):
        return None
    own = [c for c in TEXT_COLUMNS if _own(row, above, c)]
    if not own or any(not cell_text(above.cells.get(c)) for c in own):
        return None

    def goes_on(c: int) -> bool:  # the cell opens mid-phrase or the cell above stops open
        return bool(starts_mid_phrase(cell_text(row.cells.get(c)))) or _stops_open(above.cells[c])

    unprinted = "merged_cell_filled" not in row.flags and not any(
        cell_text(row.cells.get(c)) for c in ANCHORS
    )
    if EXPLANATION in own:
        # A 説明 of its own is a change of its own unless it goes on from the 説明 above (beside
        # merged cells a row may print only its explanation: ``lone_explanations``).
        if goes_on(EXPLANATION):
            return own, True
        if unprinted and any(cell_text(row.cells.get(c)) for c in (BEFORE, AFTER)):
            # No 変更日, 項目 nor 提出時期 printed or filled in as merged (a ruled page shows no
            # merge) beside a side: the author's next sheet row holding the cells' last lines
            # (set XXXIV's No.｜項目｜変更前｜変更後｜変更日｜提出時期｜説明 sheets), or a change whose
            # anchors were left blank: a guess.
            return own, False
        if unprinted and _weight_rest(row, above):
            return own, True
        # (An unprinted lone 説明 of another kind, a reason: a change printing only its reason,
        # samples/office-twotables50, or the 説明's rest; kept apart, ``LONE_EXPLANATION_WHY``.)
        return None
    if all(goes_on(c) for c in own):
        # (Every cell: a row of its own may open one cell with a line torn from the row above,
        # ``る。）。＜住民基本台帳…`` beside an after cell opening afresh.)
        return own, True
    if unprinted:
        return own, False  # a ruled page shows no merge: the values above are not this row's
    body = [c for c in own if c in (BEFORE, AFTER)]
    if len(body) == 1 and not _CHANGE_MARK_END.search(cell_text(row.cells.get(body[0]))):
        # One side only: a change prints both (a side left empty says 新規追加 / 削除 on the other).
        return own, False
    return None


def join_continued_rows(rows: list[GridRow], layout: bool = False) -> None:
    """Join each row that continues the row above into it (``continuation_of``), in place: its
    own 変更前 / 変更後 / 説明 lines appended to the row above's cells, its pages added.

    ``layout`` (text read by positions without rulings): a row of its own below a 変更前 /
    変更後 cell ending on 、 or a particle may hold that cell's rest at the top of its own (a
    centred row takes the lines between two rows' anchors): both rows get ``row_split_guess``
    (``TORN_ABOVE_WHY``)."""
    k = 1
    while k < len(rows):
        row, above = rows[k], rows[k - 1]
        found = continuation_of(row, above)
        if found is None:
            torn = [c for c in (BEFORE, AFTER) if _own(row, above, c) and _stops_open(above.cells.get(c, []))]
            why = _listing_rest(row, above)
            if layout and torn:
                why = TORN_ABOVE_WHY.format(cell=_NAMES[torn[0]])
            elif layout and not why and _copied_anchors(row, above):
                why = COPIED_ANCHORS_WHY
            elif layout and not why and _lone_reason(row, above):
                why = LONE_REASON_WHY
            elif not why and _unprinted_lone_explanation(row, above):
                why = LONE_EXPLANATION_WHY
            if why and row.table == above.table:
                above.doubt = above.doubt or why
                row.doubt = row.doubt or why
            k += 1
            continue
        own, settled = found
        for c in own:
            above.cells[c] = [*above.cells.get(c, []), *row.cells[c]]
        above.page_end = max(above.page_end, row.page_end)
        if "row_continued" not in above.flags:
            above.flags.append("row_continued")
        if not settled:
            cells = " / ".join(_NAMES[c] for c in own)
            above.doubt = above.doubt or JOIN_GUESS_WHY.format(cells=cells)
        del rows[k]
