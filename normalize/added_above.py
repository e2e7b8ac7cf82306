"""An after cell that says only ``上記を新規追加`` while the item runs on with the after cell's text.

``上記を新規追加`` (``上記を追加``, ``上記を追記``) closes an after cell whose text stands above it in
the same cell: the new text, then the words that say it is new.  A row-ordered reading
(pypdfium2, ``pdftotext -raw``) of a row whose before cell is empty and whose item and after
columns are about as wide cannot tell from the widths where the item ends, and may read the
whole new text as the item's last lines, leaving the after cell the closing words alone::

    Ⅱ特定個人情報ファイルの概要          ← item
    ６．特定個人情報の保管・消去
    ①保管場所
    ＜ガバメントクラウドにおける措置＞    ← the after cell's text, read as the item's
    ①特定個人情報は、…構築する。
    上記を新規追加                        ← the after cell

The item cell holds the form's headings only: its last paragraphs that are no headings
(``ADDED_ABOVE_HEADING_MAX``) and hold a sentence go to the after cell, and the row says the
cut was moved (a weak ``cut_guess``).
"""

from __future__ import annotations

from itertools import pairwise

from piatable.models import CellLine, Doubt, RawRow
from piatable.text_thresholds import ADDED_ABOVE_HEADING_MAX, MENDED_CUT_STRENGTH
from piatable.vocabulary import ATTACHMENT_LABEL

from .chars import starts_paragraph, without_whitespace
from .items import heading_score, opens_item

# The closing words that refer to the text above them in their own cell.
ADDED_ABOVE = frozenset({"上記を新規追加", "上記を追加", "上記を追記", "上記を新設"})
# The fewest characters of a line that repeats an attachment's label (``別紙２``) to count as it.
LABEL_REPEAT_MIN_CHARS = 3
# Closing words of an after cell beside which a repeated label is the before cell (a deletion).
DELETED = frozenset({"削除", "上記を削除"})
LABEL_WHY = "the attachment's label printed again in the item: the body's first line, moved to the {} cell"
WHY = (
    "the item's last paragraphs are no headings of the form: moved to the after cell, whose only text was {}"
)


def _paragraph_starts(lines: list[CellLine]) -> list[int]:
    return [k for k, cl in enumerate(lines) if k == 0 or starts_paragraph(cl.text.strip())]


def item_tail_start(item: list[CellLine]) -> int | None:
    """Where the after cell's text begins among ``item``'s lines: the first paragraph (not the
    item's first) from which every paragraph scores below ``ADDED_ABOVE_HEADING_MAX`` as a
    heading and one of them ends a sentence; None when there is none."""
    starts = _paragraph_starts(item)
    bounds = [*starts, len(item)]
    paragraphs = ["".join(cl.text.split()) for cl in item]
    texts = ["".join(paragraphs[a:b]) for a, b in pairwise(bounds)]
    for i in range(len(texts) - 1, 0, -1):
        if heading_score(texts[i]) >= ADDED_ABOVE_HEADING_MAX:
            break
    else:
        i = 0
    first = i + 1
    if first >= len(texts) or not any("。" in t for t in texts[first:]):
        return None
    return starts[first]


def mend_added_above(row: RawRow) -> None:
    """Move the after cell's text back from the item's end (see the module's docstring): only
    when the before cell is empty and the after cell is one of ``ADDED_ABOVE`` alone."""
    after, item = row.cells["after"], row.cells["item"]
    if row.cells["before"] or not after or not item:
        return
    words = "".join("".join(cl.text.split()) for cl in after)
    if words not in ADDED_ABOVE:
        return
    k = item_tail_start(item)
    if k is None:
        return
    row.cells["after"] = [*item[k:], *after]
    row.cells["item"] = item[:k]
    row.doubts.append(Doubt("cut_guess", "item", WHY.format(words), MENDED_CUT_STRENGTH))


def repeats_label(item: str, line: str) -> bool:
    """Whether ``line`` prints again the attachment's label that opens ``item`` (whitespace-free
    text): the label, or a wrapped piece of it at least ``LABEL_REPEAT_MIN_CHARS`` long.  A row
    that adds or deletes an attachment names it as its item and again as its after (before) cell's
    first line; a row-ordered reading must not open a row there."""
    text = without_whitespace(line)
    if (
        len(text) < LABEL_REPEAT_MIN_CHARS
        or not item
        or not ATTACHMENT_LABEL.match(item)
        or not opens_item(line)
    ):
        return False
    return item.startswith(text) or text.startswith(item)


def mend_repeated_label(row: RawRow) -> None:
    """An item that prints its attachment's label twice (``（別紙１）事務の流れ`` / ``（別紙１）事務の``
    / ``流れ``): from the second on, the lines are the body's first (the after cell's, or the
    before cell's when the after cell is 削除 alone or the before cell holds text), and the row
    says the cut was moved."""
    item = row.cells["item"]
    if len(item) < 2:
        return
    head = without_whitespace(item[0].text)
    for k in range(1, len(item)):
        if repeats_label(head, item[k].text):
            moved, row.cells["item"] = item[k:], item[:k]
            before, after = row.cells["before"], row.cells["after"]
            deleted = "".join(without_whitespace(cl.text) for cl in after) in DELETED
            field = "before" if before or deleted else "after"
            row.cells[field] = moved + row.cells[field]
            row.doubts.append(Doubt("cut_guess", field, LABEL_WHY.format(field), MENDED_CUT_STRENGTH))
            return
