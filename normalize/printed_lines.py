"""No printed line lost: every line of a flattened table region must be found in some row.

The character check of ``conservation.lost_and_invented`` compares counts over the whole region,
so a merged cell's value copied into each row it covers (or any repeated text) can make up for
a whole cell that no row took.  This check works line by line: each printed line of the region,
whitespace removed, must be found in the cells of the rows read, whole or in at most
``MAX_PIECES`` pieces of at least ``MIN_PIECE_CHARS`` characters (a line a reader cut between two
cells, or cells an extractor printed on one baseline).  A line found nowhere is lost text: the
rows printed next to it are flagged ``unplaced_text`` and the document says which text it was.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from piatable.models import CellLine, Doubt, RawRow
from piatable.vocabulary import TIMING

from .brackets import CLOSER_RUN
from .chars import FALLBACK_MARKS
from .conservation import table_head_before
from .dates import is_date_line
from .region import furniture_mask

# A line (whitespace-free) shorter than this is not checked: so short a text (事後, 新規追加, a
# date) is found somewhere by chance, and the date and item checks count those.
MIN_LINE_CHARS = 8
# A line not found whole may be found in this many consecutive pieces (cut between cells) ...
MAX_PIECES = 3
# ... each at least this long (shorter pieces are found anywhere by chance).
MIN_PIECE_CHARS = 4
# Rows on pages this far from the line's page are searched too (a row continued over a break).
PAGE_REACH = 1
# Characters of a lost line quoted in the note.
QUOTE_CHARS = 24
# Lost lines quoted in one note.
QUOTED_LINES = 3
UNPLACED_WHY = "a printed line next to this row was taken by no row: "
_NO_MARKS = str.maketrans("", "", FALLBACK_MARKS)


def _squash(text: str) -> str:
    return "".join(text.split())


def _row_texts(row: RawRow) -> list[str]:
    return ["".join(_squash(cl.text) for cl in cells) for cells in row.cells.values() if cells]


def found_in(piece: str, corpus: str) -> bool:
    """Whether ``piece`` is in ``corpus`` whole, or in at most ``MAX_PIECES`` consecutive pieces
    of at least ``MIN_PIECE_CHARS`` characters each (the longest prefix found is taken first).
    A piece opening with closing punctuation (``）。知対象者…``: a layout extractor's piece of the
    cell on its left, put back there by ``grid/displaced_closers.py``) is looked for without it;
    one holding a form's marks (``○［］紙``, put back as ［○］紙 by ``grid/fallback_marks.py``)
    is looked for without the marks in a corpus without them too."""
    if piece in corpus:
        return True
    if (m := CLOSER_RUN.match(piece)) and m.end() < len(piece):
        return found_in(piece[m.end() :], corpus)
    if any(c in piece for c in FALLBACK_MARKS) and (bare := piece.translate(_NO_MARKS)):
        return found_in(bare, corpus.translate(_NO_MARKS))
    rest, pieces = piece, 0
    while rest:
        pieces += 1
        if pieces > MAX_PIECES:
            return False
        if rest in corpus:
            return True
        lo, hi = 0, len(rest)  # the longest prefix of rest in corpus: lo found, hi not
        while hi - lo > 1:
            mid = (lo + hi) // 2
            if rest[:mid] in corpus:
                lo = mid
            else:
                hi = mid
        if lo < MIN_PIECE_CHARS:
            return False
        rest = rest[lo:]
    return True


def _line_found(text: str, corpus: str) -> bool:
    # Cells an extractor printed on one baseline are joined with a space: each piece apart.
    parts = [p for p in text.split() if p]
    whole = "".join(parts)
    if found_in(whole, corpus):
        return True
    return all(len(p) < MIN_PIECE_CHARS or found_in(p, corpus) for p in parts)


def lines_in_no_row(region: list[CellLine], rows: Iterable[RawRow]) -> list[CellLine]:
    """The printed lines of ``region`` (``MIN_LINE_CHARS`` or more, whitespace-free) that are in
    no cell of ``rows`` on their page or the pages next to it, whole or in a few pieces."""
    rows = list(rows)
    by_page: dict[int | None, list[str]] = defaultdict(list)
    paged = all(r.page_start is not None for r in rows)
    for r in rows:
        texts = _row_texts(r)
        if paged and r.page_start is not None and r.page_end is not None:
            for p in range(r.page_start - PAGE_REACH, r.page_end + PAGE_REACH + 1):
                by_page[p].extend(texts)
        else:
            by_page[None].extend(texts)
    corpora: dict[int | None, str] = {}
    everything: list[str] = []
    lost: list[CellLine] = []
    for cl in region:
        if len(_squash(cl.text)) < MIN_LINE_CHARS:
            continue
        key = cl.page if paged else None
        if key not in corpora:
            corpora[key] = "\x00".join(by_page.get(key, []))
        if _line_found(cl.text, corpora[key]):
            continue
        if paged:  # a row whose pages were told wrong: the whole document decides
            if not everything:
                everything.append("\x00".join(t for r in rows for t in _row_texts(r)))
            if _line_found(cl.text, everything[0]):
                continue
        lost.append(cl)
    return lost


def lines_short_of_copies(lines: list[CellLine], rows: Iterable[RawRow]) -> list[CellLine]:
    """The lines of ``lines`` (one cell's text each: no inner whitespace, ``MIN_LINE_CHARS`` or
    more) whose text ``lines`` print more often than the cells of ``rows`` hold it.  A one-line cell
    whose text opens another cell (国民健康保険の被保険者 beside 国民健康保険の被保険者及び…) is
    found inside that other cell by ``lines_in_no_row`` while no row took it; counting the copies
    tells.  Copies a reader adds (a merged cell's value in each row it covers) only raise the
    rows' count.  The lines returned are the last printed lines that read exactly that text."""
    texts = [_squash(cl.text) for cl in lines]
    cells = [t for r in rows for t in _row_texts(r)]
    # Counted in one string each: a text without the separator matches across none.
    all_texts, all_cells = "\x00".join(texts), "\x00".join(cells)
    short: list[CellLine] = []
    seen: set[str] = set()
    for cl, t in zip(lines, texts, strict=True):
        if len(t) < MIN_LINE_CHARS or t in seen or len(cl.text.split()) != 1:
            continue
        seen.add(t)
        if "\x00" in t:
            printed = sum(x.count(t) for x in texts)
            missing = printed - sum(c.count(t) for c in cells)
        else:
            missing = all_texts.count(t) - all_cells.count(t)
        if missing > 0:
            exact = [x for x, xt in zip(lines, texts, strict=True) if xt == t]
            short.extend(exact[-missing:])
    return short


COPY_WHY = (
    "a printed line that this row also holds was taken by no row (which copy is its own is not known): "
)


PUT_BACK_WHY = (
    "a one-line before printed out of row order ({}) opened this row's after cell; the after's "
    "first paragraph, read as the before, went back to the after"
)


def put_back_opening_copies(short: list[CellLine], rows: list[RawRow]) -> list[CellLine]:
    """Give each line of ``short`` (``lines_short_of_copies``) back to the one row whose before
    cell opens with its text and goes on, while the after cell does not open with it: Calc's
    one-line before printed out of row order (under the labels), its after cell's first
    paragraph read as the before (before 住民基本台帳に記録された住民 / after 住民基本台帳に記録
    された住民及び…).  The before cell becomes the line; its old lines open the after cell; a
    ``cut_guess`` names the move.  Returns the lines not put back (in place on ``rows``)."""
    left = []
    for cl in short:
        t = _squash(cl.text)
        fits = []
        for row in rows:
            before = "".join(_squash(x.text) for x in row.cells["before"])
            after = "".join(_squash(x.text) for x in row.cells["after"])
            if before.startswith(t) and len(before) > len(t) and not after.startswith(t):
                fits.append(row)
        if len(fits) != 1:
            left.append(cl)
            continue
        row = fits[0]
        row.cells["after"] = [*row.cells["before"], *row.cells["after"]]
        row.cells["before"] = [cl]
        row.doubts.append(Doubt("cut_guess", "before", PUT_BACK_WHY.format(quote(cl.text))))
    return left


def flag_copy_holders(short: list[CellLine], rows: list[RawRow]) -> None:
    """Flag ``unplaced_text`` on the rows whose cells hold the text of a line of
    ``lines_short_of_copies``: one of them took a copy that was not its own, or cut around it."""
    for cl in short:
        t = _squash(cl.text)
        for row in rows:
            if any(t in x for x in _row_texts(row)):
                if "unplaced_text" not in row.flags:
                    row.flags.append("unplaced_text")
                row.doubts.append(Doubt("unplaced_text", None, COPY_WHY + quote(cl.text)))


def lines_after_title(raw: list[CellLine], start: int) -> list[CellLine]:
    """The lines between the table's head (its title with its column labels right after it; for
    a table with no title, its column labels: ``conservation.table_head_before``) and ``start``,
    the first line of the region read, furniture aside: text the region does not hold, which
    must be found in the rows or be named as lost.  [] when no head precedes ``start``."""
    head = table_head_before([cl.text for cl in raw], start)
    if head is None:
        return []
    between = raw[head + 1 : start]
    return [cl for cl, furn in zip(between, furniture_mask(between), strict=True) if not furn]


def rows_near(line: CellLine, rows: list[RawRow]) -> list[int]:
    """Indices of the rows printed next to ``line``: those whose printed lines span its line
    number, else the nearest row before it and the nearest after it (on its page when known)."""
    spans = []
    for k, r in enumerate(rows):
        nos = [cl.line_no for cells in r.cells.values() for cl in cells if cl.line_no is not None]
        if nos:
            spans.append((min(nos), max(nos), k))
    if line.line_no is None or not spans:
        page = line.page or 0
        return [k for k, r in enumerate(rows) if (r.page_start or 0) <= page <= (r.page_end or 0)][:2]
    n = line.line_no
    inside = [k for lo, hi, k in spans if lo <= n <= hi]
    if inside:
        return inside
    before = max(((hi, k) for lo, hi, k in spans if hi < n), default=None)
    after = min(((lo, k) for lo, hi, k in spans if lo > n), default=None)
    return [x[1] for x in (before, after) if x is not None]


def flag_lost_lines(lost: list[CellLine], rows: list[RawRow]) -> None:
    """Flag the rows next to each lost line ``unplaced_text``, with the text in the evidence."""
    for cl in lost:
        for k in rows_near(cl, rows):
            row = rows[k]
            if "unplaced_text" not in row.flags:
                row.flags.append("unplaced_text")
            row.doubts.append(Doubt("unplaced_text", None, UNPLACED_WHY + quote(cl.text)))


def quote(text: str) -> str:
    """The text, whitespace-free, cut to ``QUOTE_CHARS`` characters (… when cut)."""
    s = _squash(text)
    return f"「{s[:QUOTE_CHARS]}…」" if len(s) > QUOTE_CHARS else f"「{s}」"


def lost_lines_note(texts: list[str], which: str = "of the table region") -> str:
    """The document's note for lines no row took (``which``: what lines they are), quoting the
    first few (shortened)."""
    quoted = "、".join(quote(t) for t in texts[:QUOTED_LINES])
    more = f" and {len(texts) - QUOTED_LINES} more" if len(texts) > QUOTED_LINES else ""
    return f"{len(texts)} printed lines {which} are in no record: {quoted}{more}"


UNTAKEN_WHY = "a printed {what} line on this row's page was taken by no row: "


def untaken_anchor_lines(region: list[CellLine], rows: list[RawRow]) -> list[tuple[CellLine, str]]:
    """Date lines and 提出時期 lines (事前/事後) of ``region`` that are in no cell of any row:
    (line, "date" or "timing").  A date line counts as taken by a cell of its own printed line
    that it opens (a date the reader made whole: 令和4年4月1 … 日).  Lines without a line number
    are not judged (their identity is unknown)."""
    taken: dict[tuple[int | None, int], list[str]] = {}
    for r in rows:
        for cells in r.cells.values():
            for cl in cells:
                if cl.line_no is not None:
                    taken.setdefault((cl.page, cl.line_no), []).append(_squash(cl.text))
    out = []
    for cl in region:
        if cl.line_no is None:
            continue
        what = "date" if is_date_line(cl.text) else "timing" if TIMING.fullmatch(cl.text.strip()) else None
        if not what:
            continue
        text = _squash(cl.text)
        if not any(t.startswith(text) for t in taken.get((cl.page, cl.line_no), [])):
            out.append((cl, what))
    return out


def _line_span(row: RawRow, page: int | None) -> tuple[int, int] | None:
    """The first and last line numbers of ``row``'s cells on ``page``, or None (none known)."""
    nos = [
        cl.line_no
        for cells in row.cells.values()
        for cl in cells
        if cl.page == page and cl.line_no is not None
    ]
    return (min(nos), max(nos)) if nos else None


def _rows_beside(cl: CellLine, page_rows: list[RawRow]) -> list[RawRow]:
    """The rows of ``page_rows`` (one page's, in order) next to the untaken line ``cl``: when the
    line lies inside a row's lines (between its first and last), that row and the rows just above
    and below it (the cut that left the line out is one of theirs); when it lies below some row's
    lines, the nearest row above it and the row after that one (a line in the gap between two
    rows, or below the page's last row: a row lost there, or the cut of the rows around the gap);
    else all of them (a line above every row's lines, a pass-1 line of Calc's two-pass text
    printed before the page's rows: which row it was cut from is not known).  Until branch
    calib67 a line below or between rows doubted every row of its page: on set XXVIII's
    column-order texts (pypdfium2, pypdf, pdf.js) 20 right rows far above such lines were warned
    by it alone, against 2 wrong rows."""
    above = None
    for k, r in enumerate(page_rows):
        span = _line_span(r, cl.page)
        if not span or cl.line_no is None:
            continue
        if span[0] < cl.line_no < span[1]:
            return page_rows[max(0, k - 1) : k + 2]
        if span[1] < cl.line_no and (above is None or span[1] >= above[1]):
            above = (k, span[1])
    if above is None:
        return page_rows
    return page_rows[above[0] : above[0] + 2]


def flag_untaken_anchors(untaken: list[tuple[CellLine, str]], rows: list[RawRow]) -> None:
    """Doubt ``row_split_guess`` on the rows next to a date or timing line no row took
    (``_rows_beside``): the rows were cut without it.  Until branch calib66 (issue 12) every row
    of the line's page was doubted, also rows far from the line whose cuts it does not touch."""
    for cl, what in untaken:
        why = UNTAKEN_WHY.format(what=what) + quote(cl.text)
        page_rows = [
            r
            for r in rows
            if r.page_start is not None and r.page_start <= (cl.page or 0) <= (r.page_end or r.page_start)
        ]
        for r in _rows_beside(cl, page_rows):
            r.doubts.append(Doubt("row_split_guess", None, why))
