"""Layout text (``pdftotext -layout``): does a page go on with the row the page before ended
with?  Word and Writer let a tall row break over a page: its cells go on at the top of the next
page, under the repeated header row.  A spreadsheet never does (``Reading.rows_whole``).

The page's lines are read again with the held-back row (``prepend_carry``) when the page opens
with the rest of a row: its first 項目 line opens no path of its own (``continues_row``), the
row's 変更日 ends with a date's first part (``date_cut``).  Else a text cell's tail that runs
on over the break is moved to the held-back row (``take_tail``).
"""

from __future__ import annotations

import unicodedata
from dataclasses import replace

import regex

from piatable.models import COLUMNS
from piatable.settings import GridSettings
from piatable.vocabulary import ITEM_OPENING

from ..chars import SENTENCE_END, display_width, starts_paragraph
from ..dates import is_date_head
from .layout_words import wrap_width
from .lines import Line

# The text columns whose cell a page break may cut (変更前, 変更後, 説明).
TEXT_COLUMNS = (2, 3, 5)
# A line within this many display units of its column's wrap width is full (it wrapped).
FULL_LINE_SLACK = 1.0
# The columns every row prints itself (never merged over rows), and the fewest lines of a block
# of theirs standing above the page's first 項目 line that make a tail (``_whole_block_above``).
OWN_TEXT_COLUMNS = (2, 3)
TAIL_BLOCK_MIN_LINES = 2
# What closes a before / after cell's edit: 上記を新規追加, 上記を削除, 削除.
EDIT_CLOSE = regex.compile(r"^(?:上記(?:を|の)?(?:とおり)?(?:新規)?(?:追加|削除)|削除|新規追加)$")
# A blank line between two lines of a column: a gap of at least this many line heights.
BLANK_GAP_EM = 0.5


def date_cut(carry: dict[int, list[Line]]) -> bool:
    """True when the row's 変更日 cell ends with the first part of a date, its rest not printed."""
    dates = sorted(carry.get(0, []), key=lambda ln: ln.top)
    return bool(dates) and is_date_head(dates[-1].text)


def continues_row(cols: dict[int, list[Line]], hy: float) -> bool:
    """True when the page opens with the rest of a row: its first 項目 line does not open a path
    of its own (Ⅰ…Ⅵ).  (Cells centred in a tall row may print other columns' lines above the
    first path: they are that row's, not the previous one's.)"""
    if not any(cols.values()):
        return False
    item = sorted(cols.get(1, []), key=lambda ln: ln.top)
    return not item or not ITEM_OPENING.match(item[0].text.strip())


# Why the rows on both sides of a tail moved over a page break are in doubt.
TAIL_WHY = (
    "the {column} cell runs on over the page break: {n} line(s) at the top of the next page were "
    "taken as its tail, and where the tail ends and the next row's cell begins is a guess"
)


def _runs_on(last: str, first: str, width: float) -> bool:
    """``last`` (a cell's last line on a page) is full to ``width`` and ends no sentence, and
    ``first`` (the next page's first line of the column) opens no paragraph."""
    return (
        bool(last and first)
        and display_width(last) >= width - FULL_LINE_SLACK
        and last[-1] not in SENTENCE_END
        and not starts_paragraph(first)
    )


# A paragraph's numbering: a circled numeral, or a number closed by ．/.) (``（２．``, ``２．``),
# in brackets or not (as ``cut_checks``' paragraph numbers).
_NUMBERED = regex.compile(r"^(?P<open>[（(＜<]?)(?:(?P<c>[①-⑳])|(?P<d>[0-9０-９]{1,2})[．.）)])")


def _numbering(text: str) -> tuple[int, str] | None:
    """(the number, its style: the opening bracket, circled or not) of a numbered line."""
    m = _NUMBERED.match(text.strip())
    if not m:
        return None
    if m.group("c"):
        return ord(m.group("c")) - ord("①") + 1, "c" + m.group("open")
    return int(unicodedata.normalize("NFKC", m.group("d"))), "d" + m.group("open")


def _goes_on_listing(theirs: list[Line], above: list[Line]) -> bool:
    """The page's lines of a 変更前 / 変更後 column above its first 項目 line (``above``) go on
    with the numbered list whose paragraph k (k ≥ 1) is the held-back row's last numbered line
    in that column: the first of them opens paragraph k+1 in the same style (``②…`` / ``③…``),
    or it ends the held-back row's last paragraph (that line ends no sentence, this one opens
    no paragraph) and the next numbered one opens k+1 (``④…へ`` / ``送信する。`` / ``⑤…``).  The
    list goes on over the break, whatever alignment the page's rows seem to show (a row's own
    cell opens its own list at ``①``).  Set XIX's t07 (-layout text of a top-aligned table):
    ``③…`` / ``④…`` of the row broken over the page went to the next page's first row, unwarned
    (its page read as centred)."""
    if not theirs or not above:
        return False
    nxt = _numbering(above[0].text)
    last = theirs[-1].text.strip()
    if not nxt and last and last[-1] not in SENTENCE_END and not starts_paragraph(above[0].text.strip()):
        nxt = next((n for ln in above[1:] if (n := _numbering(ln.text))), None)
    if not nxt or nxt[0] < 2:
        return False
    same = [n for ln in theirs if (n := _numbering(ln.text)) and n[1] == nxt[1]]
    return bool(same) and same[-1][0] == nxt[0] - 1


def _whole_block_above(block: list[Line], item_top: float) -> bool:
    """A block of a 変更前 / 変更後 column's lines (no blank line between) that holds whole
    paragraphs and stands wholly above the page's first 項目 line: at least
    ``TAIL_BLOCK_MIN_LINES`` lines, the last ending a sentence (。) or closing an edit
    (上記を新規追加, 削除).  A row's own cell starts at, is centred on or ends with its row's
    lines, so no row of this page holds such a block: it is the rest of the row broken over the
    break.  (One line above the 項目, or lines ending mid-sentence, may be a centred cell's first
    line that the extractor set half a line high, as -layout text of Calc tables shows.)"""
    last = block[-1].text.strip()
    return (
        len(block) >= TAIL_BLOCK_MIN_LINES
        and block[-1].top < item_top
        and bool(last)
        and (last[-1] in SENTENCE_END or bool(EDIT_CLOSE.match(last)))
    )


def take_tail(
    cols: dict[int, list[Line]],
    carry: dict[int, list[Line]] | None,
    align: str | None,
    hy: float,
    settings: GridSettings,
    whole_blocks: bool = False,
) -> str | None:
    """Move the tail of a 変更前 / 変更後 / 説明 cell that runs on over a page break from this
    page's ``cols`` to the held-back row ``carry`` (the previous page's last row, read as its
    page left it).  Writer prints such a tail at the top of the next page under the repeated
    header; with cells centred or at the foot it stands above the next row's 項目, whose path
    opens the page (``continues_row`` is False), and would open the next row's cell.  The cell
    runs on when its last line is full to the column's wrap width (``FULL_LINE_SLACK``) and ends
    no sentence, and the page's first line of the column stands above the page's first 項目
    line and opens no paragraph.  The tail is that line and the lines right below it up to the
    first that ends a sentence (or before one that opens a paragraph), all above the first 項目
    line.  With ``whole_blocks`` (the page shows Word's / Writer's autospace: ``Ⅰ 基本情報``), a
    変更前 / 変更後 block of whole paragraphs standing wholly above the page's first 項目 line
    is a tail too (``_whole_block_above``; -layout text of Calc's centred cells shows such
    blocks of a row's own, office4 calc-mergebreak-t3).  Returns why
    the two rows are in doubt (``TAIL_WHY``) unless a blank line or the column's end follows the
    tail; None when no tail was moved.  Cells at the top of their rows
    show a continued row as the lines above the page's first date instead (``align`` "top"),
    but a numbered list going on over the break (``_goes_on_listing``) is a tail whatever the
    alignment: its lines above the page's first 項目 line, the ends of the tail in doubt."""
    if not carry:
        return None
    item_top = min((ln.top for ln in cols.get(1, [])), default=float("inf"))
    why = None
    for c in TEXT_COLUMNS:
        mine = sorted(cols.get(c, []), key=lambda ln: ln.top)
        theirs = sorted(carry.get(c, []), key=lambda ln: ln.top)
        if not mine or not theirs or mine[0].top >= item_top:
            continue
        width = wrap_width([float(display_width(ln.text.strip())) for ln in [*theirs, *mine]], settings)
        block = 1  # the column's first block of lines, no blank line between
        while block < len(mine) and mine[block].top - mine[block - 1].bottom < BLANK_GAP_EM * hy:
            block += 1
        above = [ln for ln in mine[:block] if ln.top < item_top]
        listing = c in OWN_TEXT_COLUMNS and _goes_on_listing(theirs, above)
        if align == "top" and not listing:
            continue  # top-aligned cells: the lines above the page's first date (docstring)
        if align != "top" and _runs_on(theirs[-1].text.strip(), mine[0].text.strip(), width):
            n = 1
            while (
                n < block
                and mine[n].top < item_top
                and mine[n - 1].text.strip()[-1] not in SENTENCE_END
                and not starts_paragraph(mine[n].text.strip())
            ):
                n += 1
            sure = n == block
        elif whole_blocks and c in OWN_TEXT_COLUMNS and _whole_block_above(mine[:block], item_top):
            n, sure = block, False
        elif listing:
            n, sure = sum(ln.top < item_top for ln in mine[:block]), False
        else:
            continue
        tail = set(map(id, mine[:n]))
        carry[c] = [*carry[c], *mine[:n]]
        cols[c] = [ln for ln in cols[c] if id(ln) not in tail]
        if not sure:
            why = why or TAIL_WHY.format(column=COLUMNS[c], n=n)
    return why


def carries(
    cols: dict[int, list[Line]],
    carry: dict[int, list[Line]] | None,
    align: str | None,
    hy: float,
) -> bool:
    """True when the page goes on with the held-back row ``carry`` (module docstring); a page
    of cells at the top shows such a row as the lines above its first date instead."""
    if not carry:
        return False
    if date_cut(carry):
        return True
    if align == "top":
        return False
    return continues_row(cols, hy)


def prepend_carry(cols: dict[int, list[Line]], carry: dict[int, list[Line]]) -> None:
    """Put the previous page's last row (``carry``) right above this page's first body line:
    a row that runs on across the page break (Word, Writer) is then read as one, its date
    (令和３年９月 / １日) and cells joined over the break."""
    page_lines = [ln for lines in cols.values() for ln in lines]
    carried = [ln for lines in carry.values() for ln in lines]
    if not carried:
        return
    first = min((ln.top for ln in page_lines), default=0.0)
    shift = first - max(ln.bottom for ln in carried)
    for c, lines in carry.items():
        moved = [replace(ln, top=ln.top + shift, bottom=ln.bottom + shift) for ln in lines]
        cols[c] = moved + cols.get(c, [])
