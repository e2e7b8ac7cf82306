"""A one-line before cell and the after cell's first line printed on one line, parted again.

LibreOffice Writer prints a row's cells side by side, and pypdfium2's ``get_text_range`` and
``pdftotext -raw`` put the pieces printed on one baseline on one line, a space between them: a
one-line 変更前 cell comes out on the line of the 変更後 cell's first line (issue 12, kind 2 of
branch silent47; a Writer table with a 0.75 cm 提出時期 column)::

    番号法第９条第１項　 番号法第９条第１項　別表第一の３０の項    ← before | after's first line
    番号法別表第一の主務省令で定める事務を                        ← the after cell runs on

The row's cut then keeps the line whole in one cell: the before cell with the after's first
paragraph attached, or an empty before and the line opening the after cell.  The order is
what tells them apart: on such a line the before comes first, and an amendment's after most often
opens with its before's words (``REPEAT_PAIR_MIN_CHARS`` or more), so a line whose piece after a
cell gap (``shared_line_checks.CELL_GAP``) opens with the whole piece before it is the two cells.
The row is parted there and says the cut was moved (a weak ``cut_guess``).

The same order tells a body's opening line read into the 項目 cell (kind 3): when before and
after both open with a list's name (``提供先３``, ``委託事項２``, ``リスク２：…リスク``) under an
item that stops at its section heading, a cut between item and before that falls one paragraph
late leaves the item ending with the after cell's first paragraph while the before cell lacks it.
An item's own last heading is not printed again at the head of the after cell alone, so that
paragraph is given back to the before cell (``mend_item_repeat``, a weak ``cut_guess``).
"""

from __future__ import annotations

from dataclasses import replace

from piatable.models import CellLine, Doubt, RawRow
from piatable.text_thresholds import MENDED_CUT_STRENGTH

from .shared_line_checks import CELL_GAP

# The fewest characters (whitespace left out) of the before piece that the after piece must
# open with: a short word (``削除``, a numeral) repeats by chance.
REPEAT_PAIR_MIN_CHARS = 5
ITEM_WHY = "the item's last paragraph opens the after cell but not the before cell: moved to the before cell"
WHY = "a one-line before cell printed on the after cell's first line, which opens with its words: parted"


def _squeezed(text: str) -> str:
    return "".join(text.split())


def repeat_cut(text: str) -> tuple[str, str] | None:
    """``text`` parted at the first cell gap whose right piece opens with the whole left piece
    (``REPEAT_PAIR_MIN_CHARS`` or more, whitespace left out); None when no gap does."""
    for m in CELL_GAP.finditer(text):
        left, right = text[: m.start()], text[m.end() :]
        head = _squeezed(left)
        if len(head) >= REPEAT_PAIR_MIN_CHARS and _squeezed(right).startswith(head):
            return left, right
    # The before's own trailing ideographic space keeps CELL_GAP from matching: ``…項　 番号…``.
    k = text.find("　 ")
    if k > 0:
        left, right = text[: k + 1], text[k + 2 :].lstrip()
        head = _squeezed(left)
        if len(head) >= REPEAT_PAIR_MIN_CHARS and _squeezed(right).startswith(head):
            return left, right
    return None


def _line(cl: CellLine, text: str) -> CellLine:
    out = CellLine(text=text, page=cl.page, line_no=cl.line_no, wraps=cl.wraps, conf=cl.conf)
    return out


def mend_repeat_pair(row: RawRow) -> None:
    """Part a before cell's or (before empty) an after cell's first line that holds the one-line
    before and the after's first line (see the module's docstring), in place."""
    before, after = row.cells["before"], row.cells["after"]
    if before:
        first, rest, field = before[0], before[1:], "before"
    elif after:
        first, rest, field = after[0], after[1:], "after"
    else:
        return
    cut = repeat_cut(first.text)
    if cut is None:
        return
    left, right = cut
    if field == "before":
        row.cells["before"] = [_line(first, left)]
        row.cells["after"] = [_line(first, right), *rest, *after]
    else:
        row.cells["before"] = [_line(first, left)]
        row.cells["after"] = [_line(first, right), *rest]
    row.doubts.append(Doubt("cut_guess", "before", WHY, MENDED_CUT_STRENGTH))


def _lines_prefix(lines: list[CellLine], text: str) -> int | None:
    """How many of ``lines`` joined (whitespace left out) make exactly ``text``; None when no
    count does."""
    joined = ""
    for m, cl in enumerate(lines, 1):
        joined += _squeezed(cl.text)
        if joined == text:
            return m
        if not text.startswith(joined):
            return None
    return None


def _lines_suffix(lines: list[CellLine], text: str) -> int | None:
    """How many of ``lines``' last lines joined (whitespace left out) make exactly ``text``;
    None when no count does."""
    joined = ""
    for m, cl in enumerate(reversed(lines), 1):
        joined = _squeezed(cl.text) + joined
        if joined == text:
            return m
        if not text.endswith(joined):
            return None
    return None


def _one_paragraph(lines: list[CellLine]) -> list[CellLine]:
    """``lines`` marked as one paragraph's wrapped lines (each but the last reaches the edge):
    the after cell prints the same words as one paragraph, so the breaks are wraps."""
    return [replace(cl, wraps=True) if k < len(lines) - 1 else cl for k, cl in enumerate(lines)]


def mend_item_repeat(row: RawRow) -> None:
    """Give the item's last paragraph back to the before cell when the after cell opens with it
    and the before cell does not (see the module's docstring), in place."""
    item, before, after = row.cells["item"], row.cells["before"], row.cells["after"]
    if len(item) < 2 or not before or not after:
        return
    whole_before = "".join(_squeezed(cl.text) for cl in before)
    tail = ""
    for k in range(len(item) - 1, 0, -1):
        tail = _squeezed(item[k].text) + tail  # the item's lines k … on, squeezed
        if len(tail) < REPEAT_PAIR_MIN_CHARS:
            continue
        if whole_before.startswith(tail):
            return
        if _lines_prefix(after, tail) is not None:
            row.cells["item"], row.cells["before"] = item[:k], [*_one_paragraph(item[k:]), *before]
        else:
            # Both cuts one paragraph late: the after's first paragraph closes the before cell.
            m = _lines_suffix(before, tail)
            if m is None or m >= len(before):
                continue
            moved = _one_paragraph(item[k:])
            row.cells["item"] = item[:k]
            row.cells["before"] = [*moved, *before[:-m]]
            row.cells["after"] = [*before[-m:], *after]
        row.doubts.append(Doubt("cut_guess", "item", ITEM_WHY, MENDED_CUT_STRENGTH))
        return
