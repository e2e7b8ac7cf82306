"""Thresholds of flattened-text reconstruction that ``--set`` does not change.

Each is a constant of one rule of ``normalize/``, named here with where it comes from; the
thresholds a user may change are the dataclasses of ``piatable.settings``.  Widths are in
display units (a full-width character is 2).
"""

from __future__ import annotations

# The before → after diff (normalize/diff.py): a kept run shorter than this many characters
# between two changes is folded into them (通知カード → 個人番号通知書 share only 通知).
DIFF_MIN_KEPT_CHARS = 3
# ... and a changed block of more tokens than this (both sides) is matched with difflib's junk
# heuristic, which bounds the time of very long, much-edited cells.
DIFF_MAX_TOKENS = 1000
# The pairing of column-ordered before/after boxes with rows (normalize/body_pairing.py): a
# reading may put at most this many rows without a before/after cell in a row between two boxes
# (any number after the last box).  Without the cap, every state of the search spawns a state
# for every row count up to the document's, which makes a long text's pairing quadratic.
EMPTY_ROW_RUN_MAX = 12
# ... and one cell is made of at most this many pieces of a box (a box is cut into pieces where
# a paragraph ends short of the wrap width; the most any sample's box has is 18): a longer box
# is read as several cells, each cut costing its price.  Without the cap, a huge box (text that
# is not a table's, or many tables' boxes run together) costs the square of its pieces.
CELL_FRAGMENTS_MAX = 24
# A row broken over a page (Word / Writer) prints the rest of its item, before and after cells
# on the next page (normalize/continuation.py): a cut of those lines that goes against where a
# cell ended on the page before (a full line that wraps on, given no rest; a closed cell given
# a line that opens no paragraph) costs this much per cell, in the partition's cost units; a
# runner-up cut within CONTINUATION_MARGIN of the best leaves the row in doubt.
CONTINUATION_END_COST = 4.0
CONTINUATION_MARGIN = 1.0
# ... the best this many pairs of cuts (page one, next page) that agree with the cells' ends,
# and as many of all, are scored again as the whole row they make.
CONTINUATION_RESCORED = 30
# Of each page's cuts of a broken row, only this many of the cheapest (by the page's own cost)
# are paired: all pairs of a row of 40 lines a page were 5 million (1.1 GB, 15 CPU s for a
# 17 KB text); a row of up to 11 lines a page has fewer cuts than this, so nothing changes there.
CONTINUATION_PAGE_CUTS = 80
# An explanation line this close to its column's width (display units: a full-width character
# is 2, and kinsoku may leave a line one character short) fills the column: its last word may
# run on onto the next page (normalize/stream.py, normalize/continuation.py).
CONTINUED_EXPLANATION_SLACK = 2
# Row-ordered flattened text (normalize/shared_lines.py): a cut between two cells printed on one
# line, mended by the cells' words, weighs this share of a ``cut_guess`` on the row's confidence
# (small: measured on samples/office-long, the mended rows are right as often as not-mended
# ones), and an explanation beside the after cell's last line is at least this many characters.
MENDED_CUT_STRENGTH = 0.25
SHARED_EXPLANATION_MIN_CHARS = 6
# ... and the most characters of a wrapped item heading's tail taken back from the body's opening.
ITEM_TAIL_MAX_CHARS = 4
# A value printed beside the item's last heading (``④主な意見の内容 意見なし``) narrower than this
# share of the body's widest line is a whole one-line cell, not a wrapped cell's first line
# (LibreOffice fills a wrapped cell's lines to its column's width).
ONE_LINE_CELL_MAX_SHARE = 0.7
# The after cell's last lines are moved to the explanation by the columns' widths only where the
# explanation column is narrower than this share of the after column.
EXPLANATION_HEAD_MIN_SHARE = 0.8
# An after cell of only ``上記を新規追加`` (``上記`` is the text above it in the same cell) beside an
# item whose last paragraphs are no headings of the form: those paragraphs are the after cell's
# (normalize/added_above.py) when each scores below this as a heading (``items.heading_score``:
# ``①特定個人情報は、…。`` scores 0.5, ``①保管場所`` 1.0) and one of them ends a sentence (。).
ADDED_ABOVE_HEADING_MAX = 0.75
# A row's before/after cut is warned of when moving one paragraph across it raises the cells'
# likeness (Jaccard index of character bigrams) by more than this (normalize/shared_line_checks).
BEFORE_AFTER_ALIKE_GAIN = 0.05
# A line narrower than this (display units, 8 full-width characters) shows no column width where
# a word runs on to the next line: a value or a heading of the form over a word's second half
# (normalize/wrap_conflicts.py, branch paragraphs65).
WRAP_MIN_UNITS = 16
# A cell takes its own wrap width only when its widest line is at most this share of the widest
# body column's (set XXV t08: 40 of 50 units); nearer, the body width is kept: a reader's spaces
# and half-width digits make the body width a few units off, and a cell's full lines read at a
# width a little narrower join its paragraph ends (office-paragraphs65, a Writer table of two
# equal columns: ``…確認している。`` + ``国民健康保険法に基づき…`` joined; branch paragraphs65).
OWN_WRAP_MAX_SHARE = 0.85
# ... and only when it is at least this share of the body column's: a before and an after column
# of one form differ by at most 1.5 times (office-paragraphs64's widths, set XXV t08 40 / 54 units),
# a cell narrower than that is another column's text read into it before the partition (an
# explanation's ``研修体制の強化に伴う修`` / ``正`` at 22 of 37 units, office-paragraphs65).
OWN_WRAP_MIN_SHARE = 0.65
# A before/after cut between unlike cells that another paragraph break could take as well
# (normalize/paragraph_choice.py) is doubted only where the partition took it with a confidence
# under this (a margin under about 1.6 cost units over its runner-up): on the tuning row-ordered
# sets (office-writerraw, -raw22, -raw47, -equalcols69) the shape's wrong rows with no other
# warning read at 0.665–0.868, 19 of its 35 right ones at 0.95 or more (branch equalcols69).
PARAGRAPH_CHOICE_MAX_CONFIDENCE = 0.9
