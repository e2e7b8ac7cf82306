"""Part a row-ordered text's lone before/after cell that holds two one-line values side by side.

pypdfium2 and ``pdftotext -raw`` print a row's one-line cells on one line, a space between them
(``50人以上100人未満 100人以上500人未満``, ``市民部市民課 市民生活部市民課``, ``[ 10人未満 ] [ 10人以上
50人未満 ]``).  When the row's cut gives that line to one cell and leaves the other empty, both
values land in one column (issue 12, kind 2 of unseen set G: both went into 変更後).  A before
and after cell are most often one value amended, so the two pieces read alike; a cell's own text
parted by a space (``番号法第１９条第８号 別表第二の４２の項…``, a full-width space the extractor
printed half-width) seldom does.  A lone before/after cell that is one printed line is parted at a cell
gap (``shared_line_checks.CELL_GAP``, a half-width space between Japanese text; or the first two
pieces of one printed line, when the extractor parted it there already) when the two pieces are
alike (``alike_pieces``): the first piece becomes the before cell, the rest the after
cell, and the row gets a ``cut_guess`` (the cut was inferred).

A lone after cell (before empty, no 新規追加 / 削除 in it) under an explanation that speaks of
removing and not of adding (``shared_line_checks.DELETION_REASON`` / ``ADDITION_REASON``:
…を削除, 廃止, 再委託を行わないこととしたため) is the before cell of a deletion whose after cell was
left empty (``mend_deleted_text``; the row gets a ``cut_guess``).  On the tuning office sets' texts
(samples/office*, office-del24) such text was the before cell's in 4 rows of 6 and the after
cell's in none (the other 2 were cut wrong whichever way).

Measured with ``tools/eval_office.py`` on the row-ordered texts of the tuning office sets
(samples/office*) and the held-out ones (samples/heldout*), see the README.
"""

from __future__ import annotations

import regex

from piatable.models import CellLine, Doubt, RawRow
from piatable.text_thresholds import MENDED_CUT_STRENGTH

from .dates import PLAIN_DATE_PATTERN
from .passone import AMBIGUOUS_CONFIDENCE
from .shared_line_checks import ADDITION_REASON, CELL_GAP, DELETION_REASON
from .spaced_pairs import shares_affix_or_pairs, undecided_pair

# A bracketed choice of the form (``[ 再委託する ]``, ``［○］委託する``) or a date: two such pieces
# are one kind of value.
_CHOICE = regex.compile(r"^[\[［].*[\]］]$")
_DATE = regex.compile(rf"^{PLAIN_DATE_PATTERN}$")
# A whole after cell's word: beside another piece on one printed line it is the after cell.
_AFTER_WORD = regex.compile(r"^(?:上記を)?(?:新規追加|削除)$")
# A run of half-width spaces inside a line.
_SPACES = regex.compile(r"(?<=\S) +(?=\S)")
# A paragraph marker or heading opening the second piece is a list's next item, not a value.
_MARKER = regex.compile(r"^[・①-⑳※(（]")
_EDIT_WORD = regex.compile(r"新規追加|削除")
DELETED_WHY = "a lone text under an explanation that speaks of removing: moved to the before cell"
WHY = "two one-line values printed side by side ({}|{}): parted into before and after"


def alike_pieces(a: str, b: str) -> bool:
    """Whether two pieces of one printed line read as a before and an after cell: the second is
    a word that makes a whole after cell (削除, (上記を)新規追加), or both are a bracketed choice or
    both a date, or they share an opening or ending, or character pairs
    (``spaced_pairs.shares_affix_or_pairs``)."""
    if _AFTER_WORD.match(b) or (_CHOICE.match(a) and _CHOICE.match(b)) or (_DATE.match(a) and _DATE.match(b)):
        return True
    return shares_affix_or_pairs(a, b)


def _split(text: str) -> tuple[str, str] | None:
    """The line parted at its one cell gap (or, where it has none, at its one run of spaces:
    ``…50人未満 50人以上…``, a digit after the gap) into two alike pieces, or None."""
    gaps = list(CELL_GAP.finditer(text)) or list(_SPACES.finditer(text))
    if len(gaps) != 1:
        return None
    a, b = text[: gaps[0].start()].strip(), text[gaps[0].end() :].strip()
    if not a or not b or _MARKER.match(b) or not alike_pieces(a, b):
        return None
    return a, b


def same_printed_line(a: CellLine, b: CellLine) -> bool:
    """Whether two pieces come from one printed line (the extractor parted it at a gap between
    cells)."""
    return a.line_no is not None and a.page == b.page and a.line_no == b.line_no


def mend_paired_values(row: RawRow) -> None:
    """Part the lone before/after cell's first printed line into before and after (in place)
    when it holds two alike one-line values (see the module notes): a line parted at a cell gap,
    or two pieces of one printed line the extractor already parted."""
    before, after = row.cells["before"], row.cells["after"]
    if bool(before) == bool(after):
        return
    lone = before or after
    first = lone[0]
    if not all(same_printed_line(first, cl) for cl in lone[1:]):
        return  # a wrapped cell: its own text may hold a space (a full-width one printed half-width)
    if len(lone) == 2:
        a, b = first.text.strip(), lone[1].text.strip()
        if not a or not b or _MARKER.match(b) or not alike_pieces(a, b):
            return
        row.cells["before"], row.cells["after"] = [first], lone[1:]
    elif len(lone) == 1:
        pieces = _split(first.text)
        if pieces is None:
            return
        a, b = pieces
        head, tail = (CellLine(p, first.page, first.line_no, False, first.conf) for p in pieces)
        row.cells["before"], row.cells["after"] = [head], [tail]
    else:
        return
    why = WHY.format(a[:12], b[:12])
    row.doubts.append(Doubt("cut_guess", "before", why, MENDED_CUT_STRENGTH))


def mend_deleted_text(row: RawRow) -> None:
    """Move a lone after cell to the before cell (in place) when the explanation speaks of
    removing and not of adding, and the cell holds no 新規追加 / 削除 (see the module notes)."""
    before, after = row.cells["before"], row.cells["after"]
    if before or not after or _EDIT_WORD.search("".join(cl.text for cl in after)):
        return
    expl = "".join(cl.text for cl in row.cells["explanation"])
    if not DELETION_REASON.search(expl) or ADDITION_REASON.search(expl):
        return
    row.cells["before"], row.cells["after"] = after, []
    row.doubts.append(Doubt("cut_guess", "before", DELETED_WHY, MENDED_CUT_STRENGTH))


UNDECIDED_WHY = "two one-line values with spaces side by side ({}) that no word tells apart: parted by guess"
SHIFT_WHY = "after a guessed parting of one-line values on this page: the row's blocks may be a row off"
_BODY = ("item", "before", "after", "explanation")


def _printed_lines(row: RawRow) -> list[str]:
    """The texts of the row's printed lines that the extractor's gaps parted into pieces (the
    pieces joined, in the columns' order), the first line of each cell included."""
    pieces: dict[tuple[int | None, int], list[str]] = {}
    for field in _BODY:
        for cl in row.cells[field]:
            if cl.line_no is not None:
                pieces.setdefault((cl.page, cl.line_no), []).append(cl.text.strip())
    return [" ".join(p) for p in pieces.values()]


def doubt_undecided_pairs(rows: list[RawRow]) -> None:
    """Flag, in place, a row whose printed line holds two alike one-line values with spaces that
    no word tells apart (``spaced_pairs.undecided_pair``: where they part is a guess) with a
    ``column_guess``, and the rows after it on its page with a ``row_split_guess`` until one
    prints its own date (the text's blocks and the rows are back in step there, or on the next
    page): words left over from a wrong parting push the later rows' blocks a row on (issue 12,
    kind 2 of unseen set G: such rows came out at 0.875 with no flag).  Each keeps a confidence
    of at most ``AMBIGUOUS_CONFIDENCE`` (below the 0.5 that warns)."""
    shifted: int | None = None
    for row in rows:
        page = row.cells["change_date"][0].page if row.cells["change_date"] else None
        pages = [cl.page for f in _BODY for cl in row.cells[f]]
        first = pages[0] if pages else page
        if shifted is not None and (row.cells["change_date"] or first != shifted):
            shifted = None
        undecided = next((t for t in _printed_lines(row) if undecided_pair(t)), None)
        if undecided is not None:
            row.doubts.append(Doubt("column_guess", "before", UNDECIDED_WHY.format(undecided[:24])))
            row.confidence = min(row.confidence, AMBIGUOUS_CONFIDENCE)
            shifted = first
        elif shifted is not None:
            row.doubts.append(Doubt("row_split_guess", None, SHIFT_WHY))
            row.confidence = min(row.confidence, AMBIGUOUS_CONFIDENCE)
