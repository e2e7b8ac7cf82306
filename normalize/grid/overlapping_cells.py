"""Layout text whose neighbouring cells of one row overlap, or whose cell line swallowed the text
of an empty neighbour: which column a piece belongs to is a guess (doubts, ``column_guess``).

``pdftotext -layout``, pdfplumber ``layout=True`` and pypdf's layout mode place each line's pieces
at offsets proportional to where the PDF printed them, rounded to text columns.  A very narrow
column (a 変更前 of 8 characters, python-docx's unequal widths; set XXV t04) whose wrapped line
holds a full-width space prints it as a gap: ``項  別表第一の１`` then reaches past the next
column's start, and the piece after the gap is read as the 変更後's (``番号法第９条第１項`` /
``６の項`` left in the 変更前, ``別表第一の１`` added to the 変更後).  The rows' own lines say so:
in one row, a column's text never starts left of where the column to its left printed text on
another line (a column boundary lies between them), so a cell line opening left of its column's
start, at least ``OVERLAP_MIN_CHARS`` inside the extent of the previous column's lines of the
same row, was placed by guess (``overlap_doubts``).

A very narrow 項目 column (set XXV t05, pypdf's layout) shifts the whole 変更前 column's offsets
so that the 変更前's only line is read into the 項目's first line across a column gap
(``Ⅰ基本情デジタル推進部デジタル推進課報``), leaving the 変更前 empty.  A cell line made of pieces
joined across a gap wider than one space (``Line.gap_joined``: ``squeezed_gaps.joined_across_gap``),
in a row whose next column holds nothing, may hold that column's text (``swallowed_doubts``).

Moving such pieces back by rule made other tables worse before (``squeezed_gaps``: a number one
space after a label, Writer's autospace); these rules only warn.  Used by ``grid.rows`` on
layout text (lines whose ``column`` is set).
"""

from __future__ import annotations

from piatable.models import COLUMNS

from .lines import Line

# How far (characters of the page's reading) a cell line must open inside the extent of the
# previous column's lines of its row to read as placed by guess.  Proportional offsets move a
# cell's lines a character or two; at 3 set XXV's t04 lines (5 and 7 inside) are caught.
OVERLAP_MIN_CHARS = 3.0
# ... and opens at least this many characters left of its own column's start (``Line.left``): a
# line of the previous cell running wide (half-width letters in pdfplumber's layout text,
# ``ISMAPに登録``) overlaps a line of this one standing at its column's start, and the rows are
# right (branch layout64: 4 right rows of samples/heldout-cellsplit58 so warned at 5–6 inside).
OPEN_LEFT_MIN_CHARS = 4.0
# The columns checked against the column to their left: 変更前 / 変更後.  Not the 項目 against
# the 変更日: a date merged over rows is handed to each (``merged_cell_filled``) from a line
# printed beside another row, and pypdf's layout mode prints it over the 項目's offsets (set
# XXV t06 / t08 pypdf_layout: 5 right rows warned, and 6 rows read by guess made a text partial).
OVERLAP_COLUMNS = (2, 3)
# The columns whose line may swallow the next column's text (the 項目 the 変更前's, the 変更前
# the 変更後's).
SWALLOW_COLUMNS = (1, 2)
# Cell texts that say a cell holds nothing on purpose are not empty (the next column printed
# them): only a cell with no line at all counts as empty.

OVERLAP_WHY = (
    "the {column} cell's line ({line!r}) opens {inside:.0f} characters inside the {prev} cell's "
    "text of the same row: the two columns overlap, a wrapped line of one may be read into the other"
)
SWALLOWED_WHY = (
    "the {column} cell's line ({line!r}) joins pieces across a column gap ({piece!r} after it) "
    "while the row's {next} cell is empty: the {next} cell's text may be read into the {column}"
)


def overlap_doubts(cells: dict[int, list[Line]]) -> dict[str, str]:
    """Field → why, for each 変更前 / 変更後 cell of one row (``cells``: column index →
    its lines, in one page's text units) holding a line that opens at least
    ``OVERLAP_MIN_CHARS`` left of the right end of a line of the previous column's cell on
    the same page, and at least ``OPEN_LEFT_MIN_CHARS`` left of its own column's start."""
    out: dict[str, str] = {}
    for c in OVERLAP_COLUMNS:
        prev = cells.get(c - 1) or []
        for ln in cells.get(c) or []:
            ends = [p.x1 for p in prev if p.page == ln.page and p.line_no != ln.line_no]
            inside = max(ends, default=ln.x0) - ln.x0
            if inside >= OVERLAP_MIN_CHARS and ln.x0 <= ln.left - OPEN_LEFT_MIN_CHARS:
                out[COLUMNS[c]] = OVERLAP_WHY.format(
                    column=COLUMNS[c], line=ln.text.strip()[:24], inside=inside, prev=COLUMNS[c - 1]
                )
                break
    return out


def swallowed_doubts(cells: dict[int, list[Line]]) -> dict[str, str]:
    """Field → why, for each 項目 / 変更前 cell of one row (``cells``: column index → its lines)
    with a line joined across a column gap (``Line.gap_joined``) while the next column's cell
    of the row has no line."""
    out: dict[str, str] = {}
    for c in SWALLOW_COLUMNS:
        if cells.get(c + 1):
            continue
        joined = next((ln for ln in cells.get(c) or [] if ln.gap_joined), None)
        if joined is not None:
            name, line, piece = COLUMNS[c], joined.text.strip()[:24], joined.gap_joined[:16]
            out[name] = SWALLOWED_WHY.format(column=name, line=line, piece=piece, next=COLUMNS[c + 1])
    return out
