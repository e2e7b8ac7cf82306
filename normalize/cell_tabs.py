"""A tab inside a Writer cell, which row-ordered text cannot tell from the gap between cells
(issues 10/11/12, branch glyphs48).

Writer prints a tab inside a cell (``番号法第１９条第７号⇥別表第二``) as a wide gap; ``pdftotext
-raw`` and pypdfium2 write it as one space, as they write the gap between two cells of a printed
line.  Japanese text has no space between words, so a line whose full-width pieces are parted
by two or more such spaces holds a tab (or a U+3000) inside a cell besides the cut between cells,
and which space is the cut is a guess: the text after the tab may have moved to the next cell
(set X, W3: the before cell's ``別表第二`` opened the after cell, 0.624 with no flag).

``tab_gap_why`` names such a row when the reader cut it at one of those spaces and kept another
inside a cell (``cut_gaps.space_gap_doubt``); ``space_gap_doubts`` adds a ``column_guess`` (a
flag) to the row's ``cut_guess`` (confidence only) for ``normalize/stream.py``.
"""

from __future__ import annotations

import unicodedata
from itertools import pairwise

import regex

from piatable.models import CellLine, Doubt, RawRow
from piatable.vocabulary import BEFORE_MARK_PATTERN

from .cut_gaps import close_cut_at_space, space_gap_doubt, space_gap_why
from .diff import ADDED_MARKS, DELETED_MARKS
from .rejoin import same_printed_line

CELL_KEYS = ("item", "before", "after", "explanation")
# Spaces between full-width characters on one printed line from which a tab inside a cell is
# taken to be there besides the cut between two cells.
TAB_GAPS_MIN = 2
# A piece that is a whole mark of the form: a before cell's placeholder or new-item word, an
# after cell's 上記を新規追加 / 削除.
_WHOLE_MARK = regex.compile(rf"^(?:{BEFORE_MARK_PATTERN}|{'|'.join(ADDED_MARKS + DELETED_MARKS)})[。．]?$")
TAB_GAP_WHY = (
    "a printed line's full-width pieces are parted by several single spaces (a tab inside a cell "
    "prints as one, as the gap between cells does): which one is the cut is a guess"
)


def _full_width(ch: str) -> bool:
    return unicodedata.east_asian_width(ch) in ("W", "F")


def _japanese_gaps(text: str) -> int:
    """Single spaces of ``text`` with a full-width character on both sides."""
    return sum(
        1
        for k in range(1, len(text) - 1)
        if text[k] == " " and _full_width(text[k - 1]) and _full_width(text[k + 1])
    )


def tab_gap_why(row: RawRow) -> str:
    """Why the cut of ``row`` on one of its printed lines may be a tab inside a cell (module
    notes), or ``""``: the reader cut the line at a space and kept another inside a cell
    (``space_gap_doubt``), and on one printed line cut between cells at a space, the pieces,
    joined as printed, part full-width characters at ``TAB_GAPS_MIN`` spaces or more counting
    one cut: besides its cuts the line keeps a space inside a cell, and one of its cuts is not
    settled by the cells' text (``_inner_gaps``)."""
    if not space_gap_doubt(row):
        return ""
    order = [(key, cl) for key in CELL_KEYS for cl in row.cells[key]]
    before = "".join("".join(cl.text.split()) for cl in row.cells["before"])
    k = 0
    while k < len(order):
        run = [order[k]]
        while k + 1 < len(order) and same_printed_line(order[k][1], order[k + 1][1]):
            k += 1
            run.append(order[k])
        k += 1
        if len({key for key, _ in run}) < 2:
            continue
        if _inner_gaps(run, before) >= TAB_GAPS_MIN - 1:
            return TAB_GAP_WHY
    return ""


def _inner_gaps(run: list[tuple[str, CellLine]], before: str = "") -> int:
    """Spaces between full-width characters on one printed line (``run``: its pieces in order,
    each with the cell it went to) that the reader kept inside a cell, when the line also has a
    cut between cells at such a space that nothing settles; 0 when it has none.  A line of three
    cells has two cuts: counting every gap (``TAB_GAPS_MIN`` of them) took those two for a tab.
    Settled, not a guess (set XXIV, pypdfium2 / -raw / pypdf, 56 right rows):

    * a space beside a piece that is a whole mark of the form (記載なし, 上記を新規追加, 削除:
      ``_WHOLE_MARK``): the marks' own checks place it (``記載なし 上記を新規追加`` read into
      one after cell goes back to the before);
    * the cut between the before and the after cell where the after opens with the before's
      whole text (``before``, whitespace-free: ``市民課長 | 市民課長 山田 一郎``, a value kept and
      extended): no other cut there reads the line so."""
    settled = unsettled = inner = 0
    for text in (cl.text.strip() for _, cl in run):
        inner += _japanese_gaps(text)
    for (key_a, cl_a), (key_b, cl_b) in pairwise(run):
        left, right = cl_a.text.strip(), cl_b.text.strip()
        if not (left and right and _full_width(left[-1]) and _full_width(right[0])):
            continue
        if _WHOLE_MARK.match(left) or _WHOLE_MARK.match(right):
            settled += 1
        elif key_a == key_b:
            inner += 1
        elif (key_a, key_b) == ("before", "after") and before and "".join(right.split()) == before:
            settled += 1
        else:
            unsettled += 1
    return inner if unsettled else 0


def space_gap_doubts(row: RawRow) -> list[Doubt]:
    """The doubts of ``row``'s cuts at spaces (``cut_gaps.space_gap_why``: a ``cut_guess``) and,
    when they may part a cell at its tab (``tab_gap_why``), a ``column_guess``; [] when none."""
    why = space_gap_why(row)
    if not why:
        return []
    tab_why = tab_gap_why(row)
    tabs = [Doubt("column_guess", None, tab_why)] if tab_why else []
    return [Doubt("cut_guess", None, why), *tabs, *close_cut_at_space(row)]
