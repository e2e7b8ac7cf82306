"""A placeholder cell of 変更前 (○○, －, ―, 該当なし) read into its neighbour, put back in its column.

Tables on presentation slides and HTML tables (office-slides54: LibreOffice Impress, Chromium)
print an addition's 変更前 as a placeholder rather than leave it empty: ``○○``, ``－``, ``―``,
``該当なし``; an added row's before cell prints ``新規`` the same way (set XXI t04 / t09:
``新規 住民基本台帳に…`` read whole into the after cell, unwarned at 0.717).  It is one short
line, printed on one baseline with the after cell's first line, so row-ordered text
(``pdftotext -raw``, pypdfium2, pypdf) gives ``○○ ・個人番号の入力時には…``, and
the row's cuts take the line whole into one cell: the after cell (変更前 empty) or the before
cell with the after cell's opening words (``○○ 令和3年4月1日`` | ``時点``).  The placeholder then
moved across columns with a confidence above 0.9 and no doubt.

``mend_placeholder_before`` parts such a line at its gap: the placeholder is the before cell, the
rest opens the after cell.  A run of ○ is the forms' stand-in for a name too (``○○ 情報システム
株式会社``, where a font without ○ printed the marks apart), so it is parted only where the rest
opens a cell (a bullet, a bracket, a number, a date); a dash or 該当なし always.  Each move leaves a
``cut_guess`` doubt.  A placeholder on a line of its own above the after cell's text (PyMuPDF)
moves to the before cell the same way, and so does what follows a placeholder the reader already
set apart on its printed line (``記載なし`` | ``市ホームページ…``, branch merged63: a row under a
merged 項目 that ``second_anchors`` opened).
"""

from __future__ import annotations

import regex

from piatable.models import CellLine, Doubt, RawRow
from piatable.text_thresholds import MENDED_CUT_STRENGTH
from piatable.vocabulary import BEFORE_MARK_PATTERN

# A cell that says "nothing" or that the row adds its item (``vocabulary.BEFORE_MARK_PATTERN``:
# －, 記載なし, 新規, 追加 …), then a gap, then text.  No truth row of the samples (14,738 with an
# empty before cell of 87,930) opens its after cell with one of them and a space or a line end.
_NOTHING = regex.compile(BEFORE_MARK_PATTERN)
_MARKS = regex.compile(r"[○〇◯]{2,}")
_NOTHING_THEN_TEXT = regex.compile(rf"^\s*({_NOTHING.pattern})[ 　]+(\S.*)$")
_MARKS_THEN_TEXT = regex.compile(rf"^\s*({_MARKS.pattern})[ 　]+(\S.*)$")
# What opens a cell rather than goes on with a word: a bullet or bracket, a numbered mark, a
# digit or an era's date.
_OPENS_CELL = regex.compile(
    r"^(?:[・･※＊*●■□◆◇（(＜<【［\[「『①-⑳]|[0-9０-９]|(?:令和|平成|昭和)[0-9０-９元])"
)


def _parted(text: str) -> tuple[str, str] | None:
    """(placeholder, rest) of a line that opens with a placeholder cell, else None."""
    m = _NOTHING_THEN_TEXT.match(text)
    if m:
        return m.group(1), m.group(2)
    m = _MARKS_THEN_TEXT.match(text)
    if m and _OPENS_CELL.match(m.group(2)):
        return m.group(1), m.group(2)
    return None


def _alone(line: str, below: str) -> bool:
    """A placeholder cell on a line of its own (PyMuPDF prints each cell's lines apart) above
    the after cell's text: a dash or 該当なし, or a run of ○ above a line that opens a cell."""
    text = line.strip()
    if _NOTHING.fullmatch(text):
        return True
    return bool(_MARKS.fullmatch(text)) and bool(_OPENS_CELL.match(below.strip()))


def _one_line(a: CellLine, b: CellLine) -> bool:
    """Whether ``a`` and ``b`` are pieces of one printed line (page and line number known)."""
    return a.line_no is not None and (a.page, a.line_no) == (b.page, b.line_no)


def _line(like: CellLine, text: str) -> CellLine:
    return CellLine(text, like.page, like.line_no, like.wraps, like.conf, unsure=like.unsure)


def _item_line(item: list[CellLine]) -> int | None:
    """The first line after the item's first that opens with a placeholder cell (no heading of
    the form does), else None."""
    return next((k for k in range(1, len(item)) if _parted(item[k].text)), None)


def mend_placeholder_before(row: RawRow) -> None:
    """The placeholder that opens a line of the row's item (its before empty), its after cell
    (its before empty) or its before cell becomes the whole before cell; what followed it on its
    line and in its cell goes to the after cell's front (in place)."""
    item, before, after = row.cells["item"], row.cells["before"], row.cells["after"]
    k = _item_line(item) if not before else None
    if k is not None and (parts := _parted(item[k].text)):
        moved = [_line(item[k], parts[1]), *item[k + 1 :]]
        before.append(_line(item[k], parts[0]))
        del item[k:]
        after[:0] = moved
    elif not before and len(after) > 1 and _alone(after[0].text, after[1].text):
        parts = (after[0].text.strip(), "")
        before.append(after.pop(0))
    elif not before and after and (parts := _parted(after[0].text)):
        before.append(_line(after[0], parts[0]))
        after[0] = _line(after[0], parts[1])
    elif len(before) > 1 and _NOTHING.fullmatch(before[0].text.strip()) and _one_line(before[0], before[1]):
        # The placeholder and the after cell's first line already parted on their printed line
        # (``記載なし`` | ``市ホームページ及び…``): the before cell is the placeholder alone.
        parts = (before[0].text.strip(), "")
        after[:0] = before[1:]
        del before[1:]
    elif before and after and (parts := _parted(before[0].text)):
        line, rest = before[0], before[1:]
        before[:] = [_line(line, parts[0])]
        if (
            not rest
            and after[0].line_no is not None
            and (after[0].page, after[0].line_no) == (line.page, line.line_no)
        ):
            after[0] = _line(after[0], parts[1] + " " + after[0].text.lstrip())
        else:
            after[:0] = [_line(line, parts[1]), *rest]
    else:
        return
    why = f"the placeholder {parts[0]} parted from the after cell's text printed beside it"
    row.doubts.append(Doubt("cut_guess", "before", why, MENDED_CUT_STRENGTH))
