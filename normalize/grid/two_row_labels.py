"""A label row printed as two rows: a spanning label over some columns' labels.

Writer, Calc (print titles of two rows) and AbiWord tables may print the column labels as a
two-row header: an upper row with a label spanning two or more columns (``変更箇所`` over
``変更前の記載`` / ``変更後の記載``, or over ``変更日`` / ``項目`` too) and the labels that span
both rows (``提出時期``, ``提出時期に係る説明``); a lower row with the spanned columns' own
labels.  The grid reads the row holding three labels or more as the label row
(``labels.is_header_row``) and drops it; the other row of the pair is read as a row of its own
(issue 12, set XIV t05: ``変更箇所`` appended to the 変更前 cell of the row continued from the
page before, since a header repeated at the top of a page puts it there).

The rows of a page next to its label row that are the header's other row are blanked here
(their text named in a note, never cell text):

- above the label row, at the top of the page's table: rows whose every cell with text holds a
  short text (``UPPER_LABEL_MAX_CHARS``) that is no date, timing or 項目 path — a row above the
  label row is never a body row (the label row heads the table on its page);
- under the label row: rows whose every cell with text holds a label or a piece of one (two
  cells, 変更前の記載 / 変更後の記載, fewer than the three ``is_header_row`` asks), or the
  labels of the columns a spanning 項目 heads (大項目 / 中項目・小項目: set XXIX t09), or, in the
  項目 column alone, one such label per sub-column with a word before 項目 (評価書の項目 / 細目:
  set XXXII u01, whose PDF made two extra empty rows of it, one per page's label row).
"""

from __future__ import annotations

import regex

from piatable.vocabulary import ITEM_OPENING, ITEM_PART_LABEL_ROW, TIMING, TIMING_WORD

from ..chars import without_whitespace
from ..dates import DATE_LINE
from .common import PageRows, cell_text
from .labels import is_header_row, is_label_cell
from .lines import Line

# The upper row of a two-row header holds spanning labels (変更箇所, 変更内容, 記載内容): a cell
# with more characters (whitespace aside) than this is a body cell's text.
UPPER_LABEL_MAX_CHARS = 10

TWO_ROW_NOTE = (
    "column labels of a label row printed as two rows, or stacked one character per line, read "
    "as the label row's, not as a row or a cell's text: {texts} (pages {pages})"
)


def _upper_label_cell(text: str) -> bool:
    """A short cell of the header's upper row: no date, timing or 項目 path."""
    t = without_whitespace(text)
    return (
        len(t) <= UPPER_LABEL_MAX_CHARS
        and not DATE_LINE.match(t)
        and not TIMING.match(t)
        and not TIMING_WORD.search(t)
        and not ITEM_OPENING.match(t)
    )


def _item_part_cell(text: str) -> bool:
    """A cell of the sub-header row under a spanning 項目 label: 大項目, 中項目・小項目 … (the
    lines of the item's sub-columns joined, ``sub_columns``)."""
    return bool(ITEM_PART_LABEL_ROW.match(without_whitespace(text)))


# The labels of a sub-label row's sub-columns, two or more, each maybe with a word before 項目
# (評価書の項目 | 細目, 様式の項目 | 細目, 項目名 | 細目), joined in column order: the 項目 cell's text on
# a ruled page (its lines joined: a narrow sub-column wraps 評価書の / 項目), or the cells' of a text
# read by places, which knows no sub-columns (評価書の項目 read as the item, 細目 as the before).
_NAMED_ITEM_PART = r"(?:[\p{Han}\p{Katakana}ー]{1,4}の?)?(?:[大中小]?項目|細目)名?"
_NAMED_ITEM_PARTS = regex.compile(rf"^(?:{_NAMED_ITEM_PART})(?:[・／/、]?(?:{_NAMED_ITEM_PART}))+$")
_NAMED_ITEM_CELL = regex.compile(rf"^(?:{_NAMED_ITEM_PART})(?:[・／/、]?(?:{_NAMED_ITEM_PART}))*$")


def _item_part_row(cells: dict[int, list[Line]]) -> bool:
    """A sub-label row under a spanning 項目: every cell with text made of sub-column labels
    (``_NAMED_ITEM_CELL``), two labels or more in all (``_NAMED_ITEM_PARTS``)."""
    texts = [without_whitespace(t) for t in _texts(cells)]
    return (
        bool(texts)
        and all(_NAMED_ITEM_CELL.match(t) for t in texts)
        and bool(_NAMED_ITEM_PARTS.match("".join(texts)))
    )


def _texts(cells: dict) -> list[str]:
    return [t for t in (cell_text(v) for _, v in sorted(cells.items())) if t.strip()]


def blank_label_band(pr: PageRows) -> list[str]:
    """Blank (in place) the rows of ``pr`` that are the other row of a two-row label row next to
    the page's first label row; returns their texts (for the note).  Rows are blanked, not
    removed, so that the page's row spans keep their indices."""
    h = next((r for r, cells in enumerate(pr.rows) if _texts(cells) and is_header_row(cells)), None)
    if h is None:
        # The label row read apart (text read by places): its sub-label row heads the rows.
        return _blank_item_part_rows(pr) if pr.header_seen else []
    taken: list[str] = []
    above = [r for r in range(h) if _texts(pr.rows[r])]
    if above and all(all(_upper_label_cell(t) for t in _texts(pr.rows[r])) for r in above):
        for r in above:
            taken += _texts(pr.rows[r])
            pr.rows[r] = {}
    r = h + 1
    while r < len(pr.rows):
        texts = _texts(pr.rows[r])
        if not texts:
            break
        if not all(is_label_cell(t) or _item_part_cell(t) for t in texts) and not _item_part_row(pr.rows[r]):
            break
        taken += texts
        pr.rows[r] = {}
        r += 1
    return taken


def _blank_item_part_rows(pr: PageRows) -> list[str]:
    """Blank (in place) the page's first rows with text that are a sub-label row
    (``_item_part_row``), their lines taken out of the page's lines too (the label row's, none
    left over); their texts."""
    taken: list[str] = []
    for r, cells in enumerate(pr.rows):
        texts = _texts(cells)
        if not texts:
            continue
        if not _item_part_row(cells):
            break
        taken += texts
        gone = {id(ln) for v in cells.values() for ln in v}
        pr.lines = [ln for ln in pr.lines if id(ln) not in gone]
        pr.rows[r] = {}
    return taken


# A label printed one character per line in a one-character column (提 / 出 / 時 / 期: 提出時期
# spanning a two-row header) leaves its last characters beside the page's first body line when
# the header is repeated shorter than it was first drawn (set XIV t05, -layout: ``⑧ ガバメントクラ
# 時``).  Only these characters, alone on a cell's first line: 事 / 前 / 後 are a timing's, 提
# opens the label on the header's own line.
STACKED_LABEL_CHARS = frozenset("出時期")


def drop_stacked_label_chars(pr: PageRows) -> list[str]:
    """Take (in place) from the page's first row with text, under a label row, each cell's first
    line that is one of ``STACKED_LABEL_CHARS`` alone and stands on the row's first printed line:
    the rest of a label stacked one character per line, not the row's text (before, the ``時``
    went to the explanation, flagged ``row_split_guess``).  Returns the characters taken."""
    if not pr.header_seen:
        return []
    r = next((r for r, cells in enumerate(pr.rows) if _texts(cells)), None)
    if r is None:
        return []
    cells = pr.rows[r]
    top = min(lines[0].top for lines in cells.values() if lines)
    taken: list[str] = []
    for c, lines in list(cells.items()):
        first = lines[0] if lines else None
        if first is not None and first.text.strip() in STACKED_LABEL_CHARS and first.top <= top:
            taken.append(first.text.strip())
            cells[c] = lines[1:]
            pr.lines = [ln for ln in pr.lines if ln is not first]
    return taken


def two_row_note(texts: list[str], pages: list[int]) -> str:
    """The note naming the label rows' other rows read as furniture."""
    shown = " / ".join(f"'{t}'" for t in dict.fromkeys(" ".join(t.split()) for t in texts))
    return TWO_ROW_NOTE.format(texts=shown, pages=", ".join(map(str, sorted(set(pages)))))
