"""An added row of row-ordered text whose after cell was cut in two (issues 10 and 12, branch
raw46): ``column_guess`` when the before and after cells are one printed line each, on two
printed lines.

In ``pdftotext -raw`` and pypdfium2 text the cells printed on one baseline come out on one line,
a space between them: two one-line cells of one row, in columns of one vertical alignment, share
their line (LibreOffice Writer prints a row's cells side by side; Calc prints a page's one-line
cells together in its pass 1).  A before cell and an after cell of one line each on two printed
lines are then two lines of one cell: most often an added row's after cell (変更前 empty) whose
two paragraphs the reader parted into before and after (``国民健康保険情報ファイル`` /
``中間サーバー副本ファイル``), the cells shifted one column left.

Measured on the row-ordered texts of the tuning sets (samples/office, office-raw20/21/22/23/40/46,
office-writerraw; 1,621 rows): of the 284 rows with a one-line before and a one-line after on
one printed line, 254 are right; of the 30 on two printed lines, all 30 are wrong (2 of them
warned by nothing else).  The texts of samples/office-rawexpl19 (after cells centred beside
top-aligned before cells) print right rows' one-line values on two lines; their documents also
print alike pairs (a changed value's before and after, ``ONE_LINE_ALIKE``) apart, which tells
that the columns are aligned apart: ``doubt_split_pairs`` keeps quiet on such a document (a
check row by row, quiet only on the alike pairs, warned a held-out right row of
heldout-rawexpl19 whose pair is not alike).  Only for text read without positions.
"""

from __future__ import annotations

from itertools import pairwise

from piatable.models import CellLine, Doubt, RawRow

from .chars import bigrams

# Two values at least this alike (the Jaccard index of their character pairs, whitespace
# removed) are a changed value's before and after (``財務部市民税課`` / ``財政部市民税課``,
# ``[ 10人未満 ]`` / ``[ 10人以上50人未満 ]``): printed on two lines, they show that the document's
# after column is aligned otherwise than its before column (samples/office-rawexpl19), and the
# check keeps quiet on the whole document.
ONE_LINE_ALIKE = 0.3
SPLIT_WHY = "the before and after cells are one line each on two printed lines: one cell's two lines?"


def _pair(row: RawRow) -> tuple[CellLine, CellLine] | None:
    """The row's before and after lines when each cell is one line with a position."""
    before, after = row.cells["before"], row.cells["after"]
    if len(before) != 1 or len(after) != 1 or before[0].line_no is None or after[0].line_no is None:
        return None
    return before[0], after[0]


def _apart(b: CellLine, a: CellLine) -> bool:
    return (b.page, b.line_no) != (a.page, a.line_no)


def _alike(b: CellLine, a: CellLine) -> bool:
    pb, pa = bigrams("".join(b.text.split())), bigrams("".join(a.text.split()))
    return bool(pb and pa) and len(pb & pa) / len(pb | pa) >= ONE_LINE_ALIKE


def doubt_split_pairs(rows: list[RawRow]) -> None:
    """``column_guess`` on before and after of each row of row-ordered text whose one-line
    before and after stand on two printed lines, where the document shows that its one-line
    pairs share a line: some pair does, and no alike pair (a changed value's before and after)
    stands apart (an after column aligned otherwise than the before column prints them apart:
    samples/office-rawexpl19); in place.  See the module notes."""
    pairs = [(row, p) for row in rows if not row.positioned and not row.ruled and (p := _pair(row))]
    if not any(not _apart(b, a) for _, (b, a) in pairs):
        return
    if any(_apart(b, a) and _alike(b, a) for _, (b, a) in pairs):
        return
    for row, (b, a) in pairs:
        if _apart(b, a):
            row.doubts += [
                Doubt("column_guess", "before", SPLIT_WHY),
                Doubt("column_guess", "after", SPLIT_WHY),
            ]


UNEXPLAINED_WHY = (
    "no 説明 printed for the row while the row above has one: a 説明 cell merged over both"
    " (printed once, in the row above) may be this row's too"
)


def doubt_unexplained_rows(rows: list[RawRow]) -> None:
    """``column_guess`` on the explanation of each row of row-ordered text that has a timing and
    no explanation while the row read before it has one; in place.  A 説明 cell merged over
    several rows (Writer) prints once, in the first of them: text read without positions shows
    the later rows with none, and nothing tells them from rows whose 説明 is empty (branch
    rawtear57: samples/office-block46 k46-writer-v4, rows read right but for it, unwarned)."""
    for above, row in pairwise(rows):
        if row.positioned or row.ruled or not row.cells["timing"] or row.cells["explanation"]:
            continue
        if above.cells["explanation"] and "merged_cell_filled" not in row.flags:
            row.doubts.append(Doubt("column_guess", "explanation", UNEXPLAINED_WHY))
