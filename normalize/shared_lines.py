"""Mend a row-ordered text's rows where pieces of two cells were printed on one line.

pypdfium2 and ``pdftotext -raw`` put the cells printed on one baseline on one line, a space
between them.  In tables whose cells are centred or at the foot of their row (LibreOffice Calc
and Writer), a row's one-line cells share a line with a line of its long cells, and the item's
last heading may share one with the body's first line; the row's cuts (``partition``,
``twophase``, ``singlepass``) then leave both pieces in one cell.  Five such lines are told by
their words and cut at the gap between the cells (whether the line is still whole or the
extractor's gaps already parted it into pieces of one printed line):

* the after cell's last line ``削除 委託契約の見直しにより…`` (or ``上記を新規追加 …``): the words
  that close an after cell, then the explanation's first line;
* the explanation's first line ``…実施する。 外部監査の導入に伴う追記``: the after cell's last line,
  then the explanation, which ends as explanations do (``…に伴う追記``) where the first piece
  does not;
* the body's opening lines ``委託事項１`` / ``⑥委託先名 株式会社…`` when the item holds no heading
  of the lowest level (①…⑳, 委託事項N): the item's last headings, moved to the item;
* the body's first characters that complete the item's last, wrapped heading
  (``②所属長の役職`` | ``名 市民部市民課長``): moved back to it;
* the item's last heading with the body's first values beside it (``①実施日 平成28年8月25日
  令和2年11月20日``, ``④主な意見の内容 意見なし``): the values go to the body, placed by the
  widths of its lines (a wrapped cell's lines are full, a one-line cell's may be short).

Each move leaves a ``cut_guess`` doubt on the row (the confidence says the cut was inferred);
the checks of ``shared_line_checks`` warn of the lines left as they were.  Measured with
``tools/eval_office.py`` on ``samples/office-long`` (tuning) and ``samples/heldout-long``.
"""

from __future__ import annotations

import regex

from piatable.models import CellLine, Doubt, RawRow
from piatable.settings import Settings
from piatable.text_thresholds import (
    EXPLANATION_HEAD_MIN_SHARE,
    ITEM_TAIL_MAX_CHARS,
    MENDED_CUT_STRENGTH,
    ONE_LINE_CELL_MAX_SHARE,
)
from piatable.vocabulary import EXPLANATION_ENDING

from .added_above import mend_added_above, mend_repeated_label
from .added_checks import doubt_split_pairs, doubt_unexplained_rows
from .block_lines import opens_block_body
from .body_subheads import mend_body_subheads
from .bracket_lists import doubt_bracket_cuts
from .chars import display_width
from .cut_checks import INSTANCE_LINE, is_heading_line
from .item_explanation import mend_item_explanation
from .items import is_form_heading
from .own_reasons import mend_own_reasons
from .paired_values import doubt_undecided_pairs, mend_deleted_text, mend_paired_values, same_printed_line
from .paragraph_cuts import doubt_paragraph_cuts
from .passone import (
    _HIRAGANA,
    _KATAKANA,
    ITEM_CUT_WHY,
    RUN_ON_ENDINGS,
    RUN_ON_SLACK_UNITS,
    RUN_ON_WHY,
    runs_into_explanation,
)
from .period_lines import closes_period
from .placeholder_cells import mend_placeholder_before
from .reason_tails import mend_reason_run_on, mend_reason_tail, mend_value_tail
from .rejoin import is_soft_break
from .repeat_pairs import mend_item_repeat, mend_repeat_pair
from .shared_line_checks import CELL_GAP, LEAF
from .tokenizer import Tokenizer, default_tokenizer
from .twin_versions import mend_twin_versions

# A reference mark alone (``①入手元 ※``: the form marks a heading that a note explains) is the
# heading's, never a cell's value (branch raw21: LibreOffice Calc -raw / pypdfium2).
_REFERENCE_MARK = regex.compile(r"^[※＊*][0-9０-９]{0,2}$")
# An item line that opens with a circled number (②所属長の役職): a heading of the lowest level.
NUMBERED_LEAF = regex.compile(r"^[①-⑳]")
# A heading of the lowest level wrapped over at most this many more lines of a narrow item column.
LEAF_WRAP_MAX_LINES = 2
# One full-width character in display units: the slack of a cell's line against its column.
FULL_WIDTH_UNITS = 2
_CLOSING_THEN_TEXT = regex.compile(r"^((?:上記を)?(?:新規追加|削除))[ 　]+(\S.*)$")


def _line(like: CellLine, text: str) -> CellLine:
    return CellLine(text, like.page, like.line_no, like.wraps, like.conf, unsure=like.unsure)


def _guess(row: RawRow, field: str, why: str) -> None:
    row.doubts.append(Doubt("cut_guess", field, why, MENDED_CUT_STRENGTH))


def mend_closing(row: RawRow) -> None:
    """The after cell's last line ``削除 …``: its rest opens the explanation."""
    after = row.cells["after"]
    if not after:
        return
    m = _CLOSING_THEN_TEXT.match(after[-1].text.strip())
    if m is None or not CELL_GAP.search(after[-1].text.strip()):
        return
    last = after[-1]
    after[-1] = _line(last, m.group(1))
    row.cells["explanation"].insert(0, _line(last, m.group(2)))
    _guess(row, "explanation", f"the explanation's first line cut from beside the after cell's {m.group(1)}")


def mend_shared_explanation(row: RawRow) -> None:
    """The explanation's first line ``<after's last line> <explanation>``: the first piece goes
    to the end of the after cell (only when the after cell holds text, and the line has one gap)."""
    expl, after = row.cells["explanation"], row.cells["after"]
    if not expl or not after:
        return
    if len(expl) > 1 and same_printed_line(expl[0], expl[1]):
        # The line was already parted at its gap (``split_compound_lines``): two pieces.
        left, right = expl[0].text.strip(), expl[1].text.strip()
        if EXPLANATION_ENDING.search(right) and not EXPLANATION_ENDING.search(left):
            after.append(expl.pop(0))
            _guess(row, "after", "the after cell's last line cut from beside the explanation")
        return
    t = expl[0].text.strip()
    gaps = list(CELL_GAP.finditer(t))
    if len(gaps) != 1:
        return
    left, right = t[: gaps[0].start()], t[gaps[0].end() :]
    if not EXPLANATION_ENDING.search(right) or EXPLANATION_ENDING.search(left):
        return
    after.append(_line(expl[0], left))
    expl[0] = _line(expl[0], right)
    _guess(row, "after", "the after cell's last line cut from beside the explanation")


def mend_leaf(row: RawRow) -> None:
    """The body's opening headings (``委託事項１``, ``⑥委託先名``) moved to the end of an item that
    holds no heading of the lowest level; a value beside the last one stays in the body."""
    item = row.cells["item"]
    if not item or any(LEAF.match(cl.text.strip()) for cl in item):
        return
    before, after = row.cells["before"], row.cells["after"]
    body = before if before else after
    other = after if before else []
    if not body:
        return
    if other and other[0].text.strip()[:2] == body[0].text.strip()[:2]:
        return
    moved = 0
    while body:
        t = body[0].text.strip()
        head, _, rest = t.partition(" ")
        if opens_block_body([cl.text for cl in item], t):
            break  # a block's own line after the path it is printed under (block_lines)
        if not head or not LEAF.match(head) or not (INSTANCE_LINE.match(head) or is_heading_line(head)):
            wrapped = _wrapped_leaf(body)
            if not wrapped:
                break
            item.extend(body[:wrapped])
            del body[:wrapped]
            moved += 1
            continue
        item.append(_line(body[0], head))
        moved += 1
        if rest.strip():
            body[0] = _line(body[0], rest.strip())
            break
        body.pop(0)
    if moved:
        # The headings decided the item's cut: the reader's doubt of its margin is spent.
        row.doubts = [d for d in row.doubts if not d.why.startswith(ITEM_CUT_WHY)]
        field = "before" if body is before else "after"
        _guess(row, "item", f"the item's last headings taken from the {field} cell's opening")


def mend_after_leaf(row: RawRow) -> None:
    """The item's last heading (``②監査``, ``③入手の時期・頻度``: numbered, of the form) printed alone
    as the after cell's first line, the before cell opening otherwise: moved to the end of an item
    that holds no heading of the lowest level and whose lines are each a heading.  Calc's two-pass
    order (pypdfium2, ``-raw``) prints a short before in the page's first pass and the item's last
    line over the after in its second, and the reader cut the item above it (session 65's new
    user: 5 rows of one set, warned only by ``column_guess``).  A before opening with the same
    heading keeps both (the cells' own)."""
    item, before, after = row.cells["item"], row.cells["before"], row.cells["after"]
    if not item or not before or len(after) < 2 or any(LEAF.match(cl.text.strip()) for cl in item):
        return
    head = after[0].text.strip()
    if not NUMBERED_LEAF.match(head) or CELL_GAP.search(head) or not is_heading_line(head):
        return
    if before[0].text.strip()[:2] == head[:2]:
        return
    if not _whole_path([cl.text.strip() for cl in item]):
        return  # an item torn inside a heading (``…における担``): its cut is wrong elsewhere
    item.append(after.pop(0))
    row.doubts = [d for d in row.doubts if not d.why.startswith(ITEM_CUT_WHY)]
    _guess(row, "item", "the item's last heading taken from the after cell's opening")


def _whole_path(lines: list[str]) -> bool:
    """Whether an item's lines read as whole headings of the form, a heading's wrapped lines
    joined (``１．特定個人情報ファイルを取り扱`` + ``う事務``)."""
    i = 0
    while i < len(lines):
        text, i = lines[i], i + 1
        while not is_heading_line(text) and i < len(lines):
            text, i = text + lines[i], i + 1
        if not is_heading_line(text):
            return False
    return True


def _wrapped_leaf(body: list[CellLine]) -> int:
    """How many of ``body``'s first lines make one heading of the lowest level wrapped in a
    narrow item column (``①システムの名`` / ``称``: Writer's text, branch raw47), each line
    whole (no space: no value beside it); 0 when they make none."""
    text = ""
    for k, cl in enumerate(body[: 1 + LEAF_WRAP_MAX_LINES]):
        t = cl.text.strip()
        if not t or " " in t or "\u3000" in t:
            return 0
        text += t
        if k and LEAF.match(text) and is_heading_line(text):
            return k + 1
    return 0


def mend_item_tail(row: RawRow) -> None:
    """The item's last heading wrapped (``②所属長の役職`` / ``名``) with its last characters
    read as the body's opening (``名 市民部市民課長``): when the item's last line is no heading of
    the form and it makes one with the body's first 1–``ITEM_TAIL_MAX_CHARS`` characters, they
    are moved back to it."""
    item = row.cells["item"]
    body = row.cells["before"] or row.cells["after"]
    if not item or not body:
        return
    last, first = item[-1].text.strip(), body[0].text.strip()
    if not NUMBERED_LEAF.match(last) or is_form_heading(last):
        return
    for k in range(1, min(ITEM_TAIL_MAX_CHARS, len(first)) + 1):
        if first[k - 1].isspace():
            return
        if is_form_heading(last + first[:k]):
            item[-1] = _line(item[-1], last + first[:k])
            rest = first[k:].strip()
            if rest:
                body[0] = _line(body[0], rest)
            else:
                body.pop(0)
            _guess(row, "item", f"the item's last heading completed from the body's opening ({first[:k]})")
            return


def _item_value(item: list[CellLine]) -> tuple[str, list[str]] | None:
    """The item's last heading (a heading of the form) and the values printed beside it on its
    line (``①実施日``, [``平成28年8月25日``, ``令和2年11月20日``]), whether the line is still
    whole or already parted at its gaps; None when the item's last line is no such line."""
    if len(item) > 1 and same_printed_line(item[-2], item[-1]):
        k = len(item) - 1
        while k > 0 and same_printed_line(item[k - 1], item[-1]):
            k -= 1
        pieces = [cl.text.strip() for cl in item[k:]]
        head, rest = pieces[0], " ".join(pieces[1:])
    else:
        head, _, rest = item[-1].text.strip().partition(" ")
    if not rest.strip() or not is_heading_line(head):
        return None
    values = [v for v in CELL_GAP.split(rest.strip()) if v.strip()]
    if not values or any(LEAF.match(v) or is_heading_line(v) or _REFERENCE_MARK.match(v) for v in values):
        return None
    return head, values


def mend_item_value(row: RawRow) -> None:
    """The item's last heading with the row's first body line beside it (``④主な意見の内容
    意見なし``, centred or bottom-aligned rows): the values go to the body.  Two values beside an
    item whose row has no body are the before and after cells; one value beside a row without
    a before cell opens the after cell; one narrower than ``ONE_LINE_CELL_MAX_SHARE`` of the
    body's widest line is the whole one-line before cell, the lines read as before being the
    after cell's (a wrapped cell's first line is full), else it opens the before cell."""
    item = row.cells["item"]
    if not item:
        return
    found = _item_value(item)
    if found is None:
        return
    head, values = found
    before, after = row.cells["before"], row.cells["after"]
    last = item[-1]
    if len(values) > 2 or (len(values) == 2 and (before or after)):
        return
    while len(item) > 1 and same_printed_line(item[-2], last):
        item.pop()
    item[-1] = _line(last, head)
    if len(values) == 2:
        before.append(_line(last, values[0]))
        after.append(_line(last, values[1]))
        where = "the before and after cells"
    elif not before:
        after.insert(0, _line(last, values[0]))
        where = "the after cell's first line"
    else:
        widest = max(display_width(cl.text.strip()) for cl in before + after)
        width = display_width(values[0])
        if width > max(display_width(cl.text.strip()) for cl in before) + FULL_WIDTH_UNITS:
            # Wider than any line of the before cell: a line of the after column.
            after.insert(0, _line(last, values[0]))
            where = "the after cell's first line (wider than the before cell's lines)"
        elif width < ONE_LINE_CELL_MAX_SHARE * widest:
            after[:0] = before
            before[:] = [_line(last, values[0])]
            where = "the one-line before cell"
        else:
            before.insert(0, _line(last, values[0]))
            where = "the before cell's first line"
    row.doubts = [d for d in row.doubts if not d.why.startswith(ITEM_CUT_WHY)]
    _guess(row, "before", f"{where} taken from beside the item's last heading")


def _opens_word_inside(a: str, b: str) -> bool:
    """Whether ``b`` goes on inside ``a``'s last word or phrase (kana that continue a word or
    follow a particle, a katakana word cut in two, a line ending on a particle or comma)."""
    if not a or not b:
        return False
    x, y = a[-1], b[0]
    return bool(_HIRAGANA.match(y) or (_KATAKANA.match(x) and _KATAKANA.match(y)) or x in RUN_ON_ENDINGS)


def mend_explanation_head(row: RawRow, settings: Settings, tok: Tokenizer) -> None:
    """The explanation's first lines read as the after cell's last ones (``…保管している。`` /
    ``既存住基システムのデータセ`` | ``ンターへの移設に伴う修正``).  LibreOffice wraps each cell
    at its own column's width, so a wrapped cell's lines are full but for each paragraph's last.
    The after cell's last line moves to the explanation when it opens a paragraph of the after
    cell (the break before it is no wrap at the after column's width), is full at the
    explanation column's width (at least ``EXPLANATION_HEAD_MIN_SHARE`` of the after column's
    narrower), and runs on into the explanation's first line inside a word or phrase; then
    again for the line before, while the same holds.  Each move leaves a ``cut_guess`` doubt."""
    expl, after = row.cells["explanation"], row.cells["after"]
    w_after, w_expl = row.widths.get("after"), row.widths.get("explanation")
    if (
        not expl
        or len(after) < 2
        or not w_after
        or not w_expl
        or w_expl >= w_after * EXPLANATION_HEAD_MIN_SHARE
    ):
        return
    slack = settings.rejoin.full_slack_units
    moved = 0
    while len(after) >= 2:
        prev, last, first = after[-2], after[-1], expl[0]
        width = display_width(last.text.strip())
        if not (w_expl - slack <= width <= w_expl + RUN_ON_SLACK_UNITS):
            break
        if not _opens_word_inside(last.text.strip(), first.text.strip()) or closes_period(last.text):
            break
        if not is_soft_break(last, first, w_expl, settings.rejoin, tok):
            break
        if is_soft_break(prev, last, w_after, settings.rejoin, tok):
            break
        expl.insert(0, after.pop())
        moved += 1
    if moved:
        _guess(
            row,
            "explanation",
            "the explanation's first line taken from the after cell's end by the columns' widths",
        )


def mend_shared_lines(
    rows: list[RawRow],
    settings: Settings | None = None,
    tokenizer: Tokenizer | None = None,
    boxed: bool = False,
) -> list[RawRow]:
    """Every mend of this module on each row of row-ordered text (in place); the rows.
    ``boxed``: the text is made of boxes (pdfminer, plain pdftotext), whose cuts
    ``doubt_paragraph_cuts`` (single-stream text: pypdfium2, ``-raw``) does not judge."""
    settings = settings or Settings()
    tok = tokenizer or default_tokenizer()
    mend_own_reasons(rows)
    for row in rows:
        if row.ruled:
            continue
        was = _body_end(row)
        mend_repeated_label(row)
        mend_placeholder_before(row)
        mend_closing(row)
        mend_shared_explanation(row)
        mend_explanation_head(row, settings, tok)
        mend_item_value(row)
        mend_leaf(row)
        mend_after_leaf(row)
        mend_item_tail(row)
        mend_added_above(row)
        mend_item_explanation(row)
        mend_reason_tail(row)
        mend_reason_run_on(row, tok)
        mend_value_tail(row)
        mend_paired_values(row)
        mend_repeat_pair(row)
        mend_item_repeat(row)
        mend_deleted_text(row)
        mend_twin_versions(row)
        mend_body_subheads(row)
        if _body_end(row) != was:
            _recheck_run_on(row, settings, tok)
    doubt_undecided_pairs([r for r in rows if not r.ruled and not r.positioned])
    doubt_bracket_cuts(rows)
    doubt_split_pairs(rows)
    doubt_unexplained_rows(rows)
    if not boxed:
        doubt_paragraph_cuts(rows)
    return rows


def _body_end(row: RawRow) -> tuple[list[str], list[str]]:
    return [cl.text for cl in row.cells["after"] or row.cells["before"]], [
        cl.text for cl in row.cells["explanation"]
    ]


def _recheck_run_on(row: RawRow, settings: Settings, tok: Tokenizer) -> None:
    """Drop the reader's run-on doubt (``passone.RUN_ON_WHY``: the after cell's last line runs on
    into the explanation's first) when a mend moved the cut between the two and the new cut no
    longer runs on: the doubt was about the old one (the mend leaves its own ``cut_guess``).
    Measured on the tuning -raw / pypdfium2 samples: the stale doubt was the only warning of
    right rows (``…結果の`` / ``反映`` mended to ``…あった。`` / ``再評価に伴う…の反映``)."""
    width = row.widths.get("explanation")
    if width and not runs_into_explanation(row, width, settings, tok):
        row.doubts = [d for d in row.doubts if d.why != RUN_ON_WHY]
