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
top-aligned before cells) print 4 right rows' values on two lines: each pair is alike
(``ONE_LINE_ALIKE``), as a changed value's before and after are, and is left alone.  Only for
text read without positions (the caller, ``stream_cut_checks.stream_cut_doubts``).
"""

from __future__ import annotations

from piatable.models import Doubt, RawRow

from .chars import bigrams

# Two values at least this alike (the Jaccard index of their character pairs, whitespace
# removed) are a changed value's before and after (``財務部市民税課`` / ``財政部市民税課``,
# ``[ 10人未満 ]`` / ``[ 10人以上50人未満 ]``), printed on two lines when the after cell is
# centred and the before cell not (samples/office-rawexpl19): no doubt.
ONE_LINE_ALIKE = 0.3
SPLIT_WHY = "the before and after cells are one line each on two printed lines: one cell's two lines?"


def one_line_pair_doubts(row: RawRow) -> list[Doubt]:
    """``column_guess`` on before and after when each is one printed line and the two lines
    differ (see the module notes); [] when a line carries no position to tell by."""
    before, after = row.cells["before"], row.cells["after"]
    if len(before) != 1 or len(after) != 1:
        return []
    b, a = before[0], after[0]
    if b.line_no is None or a.line_no is None or (b.page, b.line_no) == (a.page, a.line_no):
        return []
    pb, pa = bigrams("".join(b.text.split())), bigrams("".join(a.text.split()))
    if pb and pa and len(pb & pa) / len(pb | pa) >= ONE_LINE_ALIKE:
        return []
    return [Doubt("column_guess", "before", SPLIT_WHY), Doubt("column_guess", "after", SPLIT_WHY)]
