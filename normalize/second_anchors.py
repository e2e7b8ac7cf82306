"""Rows under a merged 項目 and a merged 変更日 in row-ordered text: a second 提出時期 opens a row.

Writer draws a table row by row, cell by cell; a cell merged over rows (vMerge) prints once, in
its first row.  Under a 変更日 merged over a block and a 項目 merged over a run inside it, the
rows after the run's first print neither a date nor a section (Ⅰ…Ⅵ) to open them, only their
own before, after, 提出時期 and explanation.  ``stream._blocks`` opens rows at dates and
sections, so such a row ran into the row above: its lines after the row above's explanation,
its 提出時期 a second anchor among them, and every later cell one row off (set XXIII: 10 rows of
a Writer and a Calc table wrong, unwarned; ``samples/office-merged62``).

Each row prints one 提出時期, so a second one alone on a line after a row's anchor is the next
row's.  Between the two anchors stand the row's explanation and the next row's body; where one
ends, the text shows by the explanation column: the row's explanation lines fit its width
(``expl_width``, the widest width the blocks' first explanation lines share), and its last line
ends as a reason ends (``EXPLANATION_ENDING``: …による修正, …に該当しない; not 削除 / 上記を
新規追加, which close an after cell) at a hard break: no soft wrap into the next line, or a next
line too wide for the column (the next row's body, which no explanation line runs into).  The cut
is the last such line before a line too wide for the column (the next row's before or after)
or before the anchor, and never before a stock sentence of the column (``重大な変更に該当しない``:
the explanation's second paragraph).  Where another line before it could end the explanation
as well (``explanation_ends`` gives more than one cut), both rows get ``row_split_guess``
(``CUT_DOUBT_WHY``): the text does not decide.  No such line: the lines are left as they are
(the row stays one, and ``undated_runs`` warns it where the 提出時期 outnumber the rows).

The rows so opened print no 項目 of their own when the item is merged: ``stream`` carries the
row above's item into them (``merged_cell_filled``, as the readers fill every merged cell).

A row under a merged 変更日 prints no date: where the lines before the second anchor print one
(``prints_own_row_head``: a line opening with a date or a date's head, ``R5.10.1 ２．…``,
``令和６年１０`` / ``月１５日``, or with a date's piece before a section, ``2022/ Ⅴ 開示請求…``),
the rows are no merged block but a row printing its own date that ``stream._blocks`` did not
open (a row glued onto one line across the columns, a date torn by the column's wrap or glued
to a page number): the block is left whole, as before branch merged62 (branch merged64: Writer,
pandoc and Calc samples of office-itemkey55, -writerraw, -shift20, -split15 and x21-reversed60
were cut so, and the row above's item carried into a row printing its own).  Nor is text made
of boxes parted by blank lines (``boxes.looks_boxed``: plain pdftotext, pdfminer) cut so: its
cells need not follow each other row by row (heldout-raw40 hr40wrap-calc-koseki_fuhyo-pdftotext,
a Calc table whose boxes print several rows' items before their cells, lost its first row's item).
"""

from __future__ import annotations

from collections.abc import Callable
from difflib import SequenceMatcher
from typing import TYPE_CHECKING

import regex

from piatable.models import CellLine, Doubt, RawRow
from piatable.settings import RejoinSettings, Settings
from piatable.vocabulary import (
    BEFORE_MARK_PATTERN,
    EXPLANATION_ENDING,
    EXPLANATION_PHRASES,
    SECTION_NUMERAL_CLASS,
    TIMING,
)

from .chars import display_width
from .dates import (
    DATE_AT_START,
    DATE_HEAD,
    DATE_IN_SENTENCE_NEXT,
    DATE_SEPARATORS_CLASS,
    ERA_PATTERN,
    torn_before_day,
)
from .items import heading_score
from .partition import ADDITION_MARKERS, DELETION_MARKERS
from .rejoin import is_soft_break, same_printed_line
from .tokenizer import Tokenizer

if TYPE_CHECKING:
    from .stream import _Block

# Display units an explanation line may run wider than the column's width (half-width
# characters and a closing bracket leave lines a unit or two over).
EXPLANATION_SLACK_UNITS = 2
CUT_DOUBT_WHY = (
    "a second 提出時期 opened a row under a merged 項目, but the explanation before it could end "
    "at more than one line: where this row and its neighbour part is a guess"
)
# The item width a partition is given for a row that prints no item (every item line too wide).
NO_ITEM_WIDTH = 1
# Below this likeness (difflib ratio) a row opened by a second 提出時期 prints before and after
# cells that are no two versions of one value (``unlike_cut_doubts``).
UNLIKE_CUT_MAX_LIKENESS = 0.2
UNLIKE_CUT_WHY = (
    "a row under a merged 項目 (no item of its own) parted into before and after cells that share "
    "almost nothing: the before cell may be empty and its text the after cell's first paragraph"
)
# Lines a stock sentence of the explanation column wraps over at most.
STOCK_SENTENCE_LINES = 3
# How a wrapped sentence's next line opens and no cell does: a hiragana, a closing bracket or stop.
SENTENCE_GOES_ON = regex.compile(r"[\p{Hiragana}）)」』。、，．]")
BEFORE_MARK = regex.compile(rf"{BEFORE_MARK_PATTERN}(?:[\s　]|$)")
# A line opening with a date or a piece of one (an era, digits, 年月日, separators) and then,
# after a space, a section of the form (Ⅰ…Ⅵ): a row's own 変更日 printed on its item's first line
# (``2022/ Ⅴ 開示請求…``, ``令和６年１０ Ⅰ 基本情報…``, ``102022年1月4 Ⅳ…`` glued to a page number).
DATE_PIECE_THEN_SECTION = regex.compile(
    rf"^\s*(?:{ERA_PATTERN})?\s*[0-9０-９][0-9０-９元年月日{DATE_SEPARATORS_CLASS}\s]*?"
    rf"[\s　]{SECTION_NUMERAL_CLASS}"
)


def is_anchor(cl: CellLine) -> bool:
    """Whether ``cl`` is a 提出時期 alone on its line (``事前`` / ``事後``)."""
    return bool(TIMING.match(cl.text))


def prints_own_row_head(lines: list[CellLine]) -> bool:
    """Whether ``lines`` (a would-be row's, before its 提出時期) print a 変更日 of their own,
    which no row under a merged 変更日 prints: a line opening with a date or a date's head
    (``DATE_AT_START``, ``DATE_HEAD``: ``R5.10.1 ２．…``, ``令和６年１０``) or with a date's
    piece before a section of the form (``DATE_PIECE_THEN_SECTION``: ``2021 Ⅰ 基本情報 …``).  A
    date a sentence goes on after (``令和3年4月1日 時点``: ``DATE_IN_SENTENCE_NEXT``) or torn
    before its 日 (``令和元年6月1`` / ``日から…``: ``torn_before_day``) is a text cell's, no
    row's.  A section alone is no evidence: a row under a merged 変更日 prints its own item
    where the 項目 is not merged."""
    for k, cl in enumerate(lines):
        text = cl.text.strip()
        nxt = lines[k + 1].text if k + 1 < len(lines) else ""
        if torn_before_day(text, nxt):
            continue
        m = DATE_AT_START.match(text)
        if (m and not DATE_IN_SENTENCE_NEXT.match(text[m.end() :])) or (not m and DATE_HEAD.match(text)):
            return True
        if DATE_PIECE_THEN_SECTION.match(text):
            return True
    return False


def _ends_reason(lines: list[CellLine]) -> bool:
    """Whether ``lines`` (an explanation's, joined: a reason wrapped …の変 / 更) end as a reason
    ends, or with a stock sentence of the column (重要な変更に当 / たらない: ``EXPLANATION_PHRASES``,
    the explanation's last paragraph), their last line no closing word of an after cell (削除,
    上記を新規追加)."""
    last = lines[-1].text.strip()
    if ADDITION_MARKERS.match(last) or DELETION_MARKERS.match(last):
        return False
    joined = "".join("".join(cl.text.split()) for cl in lines).rstrip("。.")
    return bool(EXPLANATION_ENDING.search(joined)) or joined.endswith(EXPLANATION_PHRASES)


def _goes_on(line: CellLine) -> bool:
    """Whether ``line`` opens as a sentence goes on, never as a cell opens: with a hiragana (に伴う
    修正 after 認証方式の変更, the explanation's wrap) or a closing bracket or stop, unless it is a
    placeholder a before cell prints (なし: ``BEFORE_MARK_PATTERN``)."""
    text = line.text.strip()
    return bool(SENTENCE_GOES_ON.match(text)) and not BEFORE_MARK.match(text)


def _opens_stock_sentence(lines: list[CellLine]) -> bool:
    """Whether ``lines`` open with a stock sentence of the explanation column (重大な変更に該当
    しない, 特定個人情報保護評価の再実施には該当しない: ``EXPLANATION_PHRASES``), wrapped or not:
    an explanation's second paragraph, never a before or after cell's opening."""
    head = "".join("".join(cl.text.split()) for cl in lines[:STOCK_SENTENCE_LINES])
    return head.startswith(EXPLANATION_PHRASES)


def explanation_end(
    lines: list[CellLine], expl_width: int, rejoin: RejoinSettings, tokenizer: Tokenizer | None
) -> int | None:
    """Where the explanation opening ``lines`` ends and the next row's body begins (1 to
    len(lines) - 1), or None when the text does not show it (module notes).  ``lines`` are a
    row's lines after its anchor up to the next row's anchor; ``expl_width`` is in display
    units (0: unknown, no cut)."""
    cuts = explanation_ends(lines, expl_width, rejoin, tokenizer)
    return cuts[0] if cuts else None


def explanation_ends(
    lines: list[CellLine], expl_width: int, rejoin: RejoinSettings, tokenizer: Tokenizer | None
) -> list[int]:
    """Every cut ``explanation_end`` would take, the one it takes first (the last line that
    ends a reason, module notes): more than one means the text leaves the cut in doubt (a
    reason ending inside the explanation, or the next row's first lines ending as one does)."""
    cuts: list[int] = []
    if expl_width <= 0 or len(lines) < 2:
        return cuts
    limit, wide = len(lines) - 1, False
    for k, cl in enumerate(lines):
        if display_width(cl.text) > expl_width + EXPLANATION_SLACK_UNITS:
            limit, wide = min(limit, k), k <= limit
            break
    for c in range(limit, 0, -1):
        prev, nxt = lines[c - 1], lines[c]
        if not _ends_reason(lines[:c]) or same_printed_line(prev, nxt) or _opens_stock_sentence(lines[c:]):
            continue
        if _goes_on(nxt):  # …の変更 / に伴う修正: one reason wrapped, not the next row's body
            continue
        # A line too wide for the explanation column is no wrap of it (the next row's body),
        # nor is the line after one ending a reason whole (…による修正).
        whole = EXPLANATION_ENDING.search(prev.text.strip()) or (wide and c == limit)
        if not whole and is_soft_break(prev, nxt, expl_width, rejoin, tokenizer):
            continue
        cuts.append(c)
    return cuts


def item_width_of(b: _Block, item_width: int, settings: Settings) -> int:
    """The item width (display units) to partition the block with: ``item_width``, or
    ``NO_ITEM_WIDTH`` for a block a second 提出時期 opened (``carried_item``) whose first line
    scores below ``quality.item_min_heading_score`` as a heading of the form
    (``items.heading_score``): it prints no item of its own, its lines are its before and after."""
    if not b.carried_item or (
        b.pre and heading_score(b.pre[0].text) >= settings.quality.item_min_heading_score
    ):
        return item_width
    return NO_ITEM_WIDTH


def split_at_second_anchors(
    blocks: list[_Block],
    expl_width: int,
    settings: Settings,
    tokenizer: Tokenizer | None,
    make_block: Callable[..., _Block],
) -> list[_Block]:
    """The blocks (``stream._blocks``' date-led blocks, in reading order) with each block holding
    a second 提出時期 alone on a line after its own anchor cut in two where its explanation ends
    (``explanation_ends``; ``expl_width`` in display units): the second block, made by
    ``make_block`` (``stream._Block``), shares the date and may carry the item
    (``carried_item``).  A block sharing a merged timing, or one whose explanation's end the text
    does not show, or whose next row prints a date or section of its own
    (``prints_own_row_head``), is left whole.  Blocks are cut in place (their ``post`` lists shortened)."""
    out: list[_Block] = []
    for b in blocks:
        while b.timing is not None and not b.shared_rest:
            j = next((i for i, cl in enumerate(b.post) if is_anchor(cl)), None)
            # Not across a page break: a row run onto the next page prints its rest there, after
            # its explanation (``_split_continuation``), where the next row's lines would be.
            if j is None or any(cl.page != b.timing.page for cl in b.post[: j + 1]):
                break
            cuts = explanation_ends(b.post[:j], expl_width, settings.rejoin, tokenizer)
            if not cuts or prints_own_row_head(b.post[cuts[0] : j]):
                break
            c = cuts[0]
            rest = b.post[c:]
            del b.post[c:]  # in place: rows sharing a merged explanation hold this list
            out.append(b)
            k = j - c
            nb = make_block(b.date, rest[:k], rest[k], rest[k + 1 :], shared_date=True, carried_item=True)
            if len(cuts) > 1:  # another line could end the explanation: the cut is a guess
                b.doubts.append(Doubt("row_split_guess", None, CUT_DOUBT_WHY))
                nb.doubts.append(Doubt("row_split_guess", None, CUT_DOUBT_WHY))
            b = nb
        out.append(b)
    return out


def unlike_cut_doubts(row: RawRow) -> list[Doubt]:
    """``column_guess`` for a row a second 提出時期 opened (no item of its own to anchor its
    cuts) whose before and after cells both hold text alike in less than
    ``UNLIKE_CUT_MAX_LIKENESS`` (``difflib`` ratio, whitespace removed), neither a mark (a before
    placeholder, 削除, 上記を新規追加): a changed value's two versions share their words, so the
    cut between two unrelated paragraphs is a guess (the before cell may be empty and both the
    after's: ``市ホームページ…に掲載し…`` / ``・予診票の…``).  Measured on the row-ordered rows of
    office-/heldout-merged62, raw47, writer47, raw49 and writer52 holding both cells: 86 wrong
    rows and 7 right ones below it, the right ones all a mark or a column-ordered text."""
    before, after = (row.cells.get(f) or [] for f in ("before", "after"))
    if not before or not after:
        return []
    a = "".join("".join(cl.text.split()) for cl in before)
    b = "".join("".join(cl.text.split()) for cl in after)
    if BEFORE_MARK.match(before[0].text.strip()) or ADDITION_MARKERS.match(b) or DELETION_MARKERS.match(b):
        return []
    if SequenceMatcher(None, a, b, autojunk=False).ratio() >= UNLIKE_CUT_MAX_LIKENESS:
        return []
    return [Doubt("column_guess", "before", UNLIKE_CUT_WHY)]
