"""A row at the top of a page under cells merged over the page break: a row of its own, or the
rest of the row above broken over the break?  (Issues 11 / 12, pagecarry50.)

Writer prints a merged 変更日 / 項目 / 提出時期 cell once, on the page where it opens, so a new
row at the top of the next page under it prints no date and no 項目, as the rest of a row the
page break cut does.  The rulings do not tell them apart either: under a repeated label row
Writer draws the label row's foot, and at the page's foot the table's, across every column in
both cases (LibreOffice 7/24 PDFs measured for this module).  The text does: Writer breaks a
row only when its text does not fit, and then fills the page before to its foot, so every cell
whose text goes on at the top of the next page prints its last line there at the cell's foot
(``Line.reaches_bottom``).  A 変更前 / 変更後 / 説明 cell at the top of the page whose column's
cell above ended short of the foot of its page (its text whole there) opens a new row, unless
a 変更前 / 変更後 cell's text runs on mid-sentence over the break (``runs_on``).

Such a new row shares the merged cells of the row above: its 変更日, 提出時期 and 説明 where empty
(as ``rows._take_row`` gives a row under a date merged over the break), and its 項目 where
empty when the page before ended with a 項目 cell merged over two or more rows (``MERGED_ITEM``):
every row a merged cell covers carries its text (``merged_cell_filled``).
"""

from __future__ import annotations

from ..chars import SENTENCE_END, starts_paragraph
from ..hidden_items import level_by_patterns
from .common import cell_text
from .lines import Line
from .page_carry import EDIT_CLOSE
from .path_opening import opens_path

# The cells a row prints of its own, whose text at the top of a page shows where a row starts.
OWN_TEXT_COLUMNS = (2, 3, 5)
# The cells whose text is written in sentences (。), whose end shows where a cell's text ends.
SENTENCE_COLUMNS = (2, 3)
# A line whose right end is within this many glyph heights of its cell's right edge is full.
FULL_ROOM_EM = 2.0
# The 項目 column: merged over rows, it is printed once, on the page where the cell opens.
MERGED_ITEM = 1


def ended_above(prev: dict[int, list[Line]], cells: dict[int, list[Line]], page: int) -> tuple[int, ...]:
    """Columns of ``OWN_TEXT_COLUMNS`` where the page's first row (``cells``) prints text while
    the row above (``prev``) printed its cell's text whole on the page before (its last line
    short of the cell's foot): text of a new row, not the rest of the row above.  A cell the
    row above left empty on the page before tells nothing (its whole text may have gone on)."""
    out = []
    for c in OWN_TEXT_COLUMNS:
        mine = cells.get(c)
        theirs = [ln for ln in prev.get(c) or [] if ln.page is None or ln.page < page]
        if cell_text(mine) and cell_text(theirs) and not theirs[-1].reaches_bottom:
            out.append(c)
    return tuple(out)


def merged_at_foot(spans: list[dict[int, tuple[int, int]]]) -> tuple[int, ...]:
    """Columns whose last cell on a ruled page spans two or more rows (a merged cell that may go
    on over the page break): ``spans`` as ``PageRows.spans``."""
    if not spans:
        return ()
    return tuple(c for c, (a, b) in spans[-1].items() if b - a > 1)


def new_row_below(
    prev: dict[int, list[Line]], cells: dict[int, list[Line]], page: int, merged_foot: tuple[int, ...]
) -> bool:
    """True when the page's first row (``cells``, no date of its own) is a row of its own under
    cells merged over the break, not the rest of the row above (``prev``): a text cell starts
    afresh (``ended_above``), and the row has a 項目 of its own or the page before ended with a
    merged 項目 cell (``merged_foot``) that gives it one.  A 項目 that goes on with the path of
    the row above (``rest_of_item``) is no 項目 of its own."""
    item = cells.get(MERGED_ITEM)
    if cell_text(item):
        has_item = not rest_of_item(prev.get(MERGED_ITEM), item)
    else:
        has_item = MERGED_ITEM in merged_foot
    return has_item and bool(ended_above(prev, cells, page)) and not runs_on(prev, cells, page)


def rest_of_item(above: list[Line] | None, item: list[Line] | None) -> bool:
    """True when a 項目 cell at the top of a page (``item``) is the rest of the path of the row
    above (``above``, its lines on the page before), not a 項目 of its own: it opens no path
    (Ⅰ…Ⅵ, an attachment) and either opens no level of the form at all (``管・消去``: a line of
    the path going on) or opens one deeper than every level the row above printed (``３．特定個人
    情報の使用`` under ``Ⅲ特定個人情報ファイルの取扱いプロセスにおけるリスク対策``).  A row of its
    own prints a path that leaves out the levels it shares with the row above, so it opens at a
    level the row above printed or a shallower one (``２．…`` under ``Ⅰ…`` / ``１．…`` /
    ``②…``: office-loss25 l25-writer-zeimu).  AbiWord breaks a row's cells at a paragraph and
    leaves room at the page's foot, so ``ended_above`` alone takes its rest for a new row
    (office-flow55 f55-ab-juki)."""
    if not cell_text(above) or not cell_text(item) or opens_path(item):
        return False
    level = level_by_patterns(item[0].text.strip())
    if level is None:
        return True
    printed = [lv for ln in above or [] if (lv := level_by_patterns(ln.text.strip())) is not None]
    return bool(printed) and level > max(printed)


def runs_on(prev: dict[int, list[Line]], cells: dict[int, list[Line]], page: int) -> bool:
    """True when a 変更前 / 変更後 cell's text runs on over the break: the row above's last line
    on the page before is full (``_full``), ends no sentence (nor closes an edit: 上記を新規追加,
    削除) and the page's first line of the column opens no paragraph (``…としてい`` / ``る。``).
    Writer may leave a line or two of room under a cell it broke (widow and orphan control, spacing after each
    paragraph), so a cell short of the foot may still go on (office-boxes49 b49-writer-v2).
    Explanations are phrases without a 。 (``…による修正``): no sign either way."""
    for c in SENTENCE_COLUMNS:
        mine = cells.get(c) or []
        theirs = [ln for ln in prev.get(c) or [] if ln.page is None or ln.page < page]
        if not cell_text(mine) or not cell_text(theirs):
            continue
        last, first = theirs[-1].text.strip(), mine[0].text.strip()
        ends = not last or last[-1] in SENTENCE_END or bool(EDIT_CLOSE.match(last))
        if _full(theirs[-1]) and not ends and not starts_paragraph(first):
            return True
    return False


def _full(ln: Line) -> bool:
    """True when a line runs to its cell's right edge (within ``FULL_ROOM_EM`` of its glyphs'
    height: the cell's padding, a character that did not fit and one kinsoku kept back): a
    text broken there goes on, one that ended short did not.  A line of no known cell (rows
    anchored at dates) counts as full: nothing shows its text ended."""
    if ln.left is None or ln.width is None:
        return True
    return ln.left + ln.width - ln.x1 < FULL_ROOM_EM * (ln.bottom - ln.top)


def carried_below(cells: dict[int, list[Line]], below: bool, merged_foot: tuple[int, ...]) -> tuple[int, ...]:
    """Columns a page's first row takes from the row above: a new row under merged cells
    (``below``) takes 変更日, 提出時期 and 説明 where empty; any first row with an empty 項目 takes
    the 項目 of a cell merged over rows at the foot of the page before (``merged_foot``)."""
    out = [0, 4, 5] if below else []
    if MERGED_ITEM in merged_foot and not cell_text(cells.get(MERGED_ITEM)):
        out.append(MERGED_ITEM)
    return tuple(out)
