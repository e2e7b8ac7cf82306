"""Mend a row-ordered text's rows where pieces of two cells were printed on one line.

pypdfium2 and ``pdftotext -raw`` put the cells printed on one baseline on one line, a space
between them.  In tables whose cells are centred or at the foot of their row (LibreOffice Calc
and Writer), a row's one-line cells share a line with a line of its long cells, and the item's
last heading may share one with the body's first line; the row's cuts (``partition``,
``twophase``, ``singlepass``) then leave both pieces in one cell.  Four such lines are told by
their words and cut at the gap between the cells:

* the after cell's last line ``削除 委託契約の見直しにより…`` (or ``上記を新規追加 …``): the words
  that close an after cell, then the explanation's first line;
* the explanation's first line ``…実施する。 外部監査の導入に伴う追記``: the after cell's last line,
  then the explanation, which ends as explanations do (``…に伴う追記``) where the first piece
  does not;
* the body's opening lines ``委託事項１`` / ``⑥委託先名 株式会社…`` when the item holds no heading
  of the lowest level (①…⑳, 委託事項N): the item's last headings, moved to the item;
* the body's first characters that complete the item's last, wrapped heading
  (``②所属長の役職`` | ``名 市民部市民課長``): moved back to it.

Each move leaves a ``cut_guess`` doubt on the row (the confidence says the cut was inferred);
the checks of ``shared_line_checks`` warn of the lines left as they were.  Measured with
``tools/eval_office.py`` on ``samples/office-long`` (tuning) and ``samples/heldout-long``.
"""

from __future__ import annotations

import regex

from piatable.models import CellLine, Doubt, RawRow
from piatable.settings import ITEM_TAIL_MAX_CHARS, MENDED_CUT_STRENGTH
from piatable.vocabulary import EXPLANATION_ENDING

from .cut_checks import INSTANCE_LINE, is_heading_line
from .items import is_form_heading
from .passone import ITEM_CUT_WHY
from .shared_line_checks import CELL_GAP, LEAF

# An item line that opens with a circled number (②所属長の役職): a heading of the lowest level.
NUMBERED_LEAF = regex.compile(r"^[①-⑳]")
_CLOSING_THEN_TEXT = regex.compile(r"^((?:上記を)?(?:新規追加|削除))[ 　]+(\S.*)$")


def _line(like: CellLine, text: str) -> CellLine:
    return CellLine(text, like.page, like.line_no, like.wraps, like.conf)


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
        if not head or not LEAF.match(head) or not (INSTANCE_LINE.match(head) or is_heading_line(head)):
            break
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


def mend_shared_lines(rows: list[RawRow]) -> list[RawRow]:
    """Every mend of this module on each row of row-ordered text (in place); the rows."""
    for row in rows:
        if row.ruled:
            continue
        mend_closing(row)
        mend_shared_explanation(row)
        mend_leaf(row)
        mend_item_tail(row)
    return rows
