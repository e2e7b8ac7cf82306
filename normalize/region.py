"""Where the table is in a stream of lines, and which lines are page furniture.

The table region starts at its title or column-label row (not at a contents page that merely
names 変更箇所), extended back over row blocks that an extractor printed before the title.
Furniture (the title, the label row or its labels one per line, page numbers) is removed
wherever it stands.
"""

from __future__ import annotations

from dataclasses import replace

import regex

from piatable.models import CellLine
from piatable.vocabulary import (
    BARE_NUMBER,
    SECTION_NUMERALS,
    TIMING,
    TIMING_AT_END,
    TIMING_AT_START,
    TIMING_IN_MIDDLE,
    is_header_line,
    is_label_piece,
    is_page_number,
    is_table_start,
    is_title,
)

from .boxes import looks_boxed
from .compound import join_vertical_words
from .date_prefixes import join_date_prefixes
from .dates import DATE_AT_START, DATE_HEAD, DATE_THEN_ITEM, is_date_line
from .label_rows import (
    LABEL_TEXTS,
    LABELS_AMONG_CELLS_NOTE,
    cell_tail_above_labels,
    label_opens_pass_two,
    labels_among_cells,
    split_two_row_glue,
    two_row_label_runs,
    wrapped_labels,
)
from .pass_one_pieces import without_cells_above
from .qualified_dates import join_qualified_lines
from .rejoin import same_printed_line
from .stacked_heads import stacked_prints

# A run of this many label pieces, one per line, is the column-label row printed vertically.
LABEL_RUN_MIN = 3
# Label pieces this close to a title or label row belong to the header.
LABEL_NEAR_LINES = 3
# Label pieces near each other that open an untitled table's region in boxed text.
UNTITLED_LABELS_MIN = 3
# The date column's label: right before the first date, it opens an untitled table's region.
DATE_LABEL = "変更日"
# Lines of an item (from its section Ⅰ…Ⅵ on) that may stand between the title and the first
# date (pdfminer's order).
MAX_ITEM_LINES_BEFORE_DATE = 12
# Calc's pass 1 (a page's one-line cells, row by row, before its first wrapped row) may hold
# more printed lines than that when most of them hold a timing (one printed line per row,
# ``財務部市民税課 財政部市民税課 事後``): at most this many printed lines, of which at least
# this share hold a timing (a contents page holds none).
PASS_ONE_MAX_PRINTED_LINES = 60
PASS_ONE_TIMING_SHARE = 0.5
# ... or at least this share and this many, when no line opens a section (Ⅰ…Ⅵ): each of a row's
# one-line cells on a printed line of its own (``_pass_one_lines``).
PASS_ONE_LOOSE_SHARE = 0.25
PASS_ONE_MIN_TIMINGS = 3
# Lines that may stand between the title and the first date in boxed text (pdfminer, plain
# pdftotext: a page's first cells, interleaved, before the date).
BOXED_LINES_BEFORE_DATE = 150
# The first column's label: where a line goes on into it, a label row may be glued to the text
# before it (pypdfium2 gives no line break between a page's last text and the next page's label
# row: ``…に報告する。変更日 項目 変更前の記載 …``).
FIRST_LABEL = "変更日"
# An untitled label row opens Calc's two-pass text when a timing follows within this many lines
# (``_untitled_two_pass``): pass 1's one-line cells, a row's at most a few lines.
LABEL_TIMING_LINES = 6
# A block this long without a timing anchor is no table row (used when locating the table).
MAX_BLOCK_LINES = 200


# A label piece and a timing printed on one baseline with no space between (``時期事後``).
_LABEL_THEN_TIMING = regex.compile(r"^(\S+?)[ 　]?(事前|事後)$")


def split_glued_headers(lines: list[CellLine]) -> list[CellLine]:
    """Lines that end with the column-label row glued to other text, cut in two: the text, then
    the label row (the same printed line number), so that the row is seen as the page furniture
    it is and the table found where it starts."""
    out: list[CellLine] = []
    for cl in lines:
        k = cl.text.find(FIRST_LABEL, 1)
        glued = _LABEL_THEN_TIMING.match(cl.text)
        if k > 0 and cl.text[:k].strip() and is_header_line(cl.text[k:]):
            out += [replace(cl, text=cl.text[:k].rstrip()), replace(cl, text=cl.text[k:])]
        elif glued and is_label_piece(glued.group(1)):
            # A wrapped label's last line and pass 1's first timing on one baseline, joined with
            # no space by pypdfium2 (``提出`` / ``時期事後``: set XI c6_noexpl): label, then timing.
            out += [replace(cl, text=glued.group(1)), replace(cl, text=glued.group(2))]
        elif out and (piece := _label_rest_then_cell(out[-1].text, cl.text)):
            # Under a label row, a wrapped label's last line and the page's first pass-1 line
            # (or its first item line) on one baseline (pypdfium2: ``… 提出時`` / ``期 2017/04/01
            # 事後``, ``提出時`` / ``期 Ⅱ特定個人情報…``, branch pages51): the label's rest, then
            # the row's line.
            out += [replace(cl, text=piece), replace(cl, text=cl.text[len(piece) :].lstrip())]
        else:
            out.append(cl)
    return out


def _label_rest_then_cell(above: str, text: str) -> str | None:
    """The first piece of ``text`` when it completes the label that ``above`` ends with
    (``提出時`` + ``期``) and a date or an item's section (Ⅰ…Ⅵ) follows it, else None."""
    pieces = text.split(maxsplit=1)
    last = above.split()[-1] if above.split() else ""
    if len(pieces) < 2 or not is_label_piece(above) or last + pieces[0] not in LABEL_TEXTS:
        return None
    if DATE_AT_START.match(pieces[1]) or pieces[1][0] in SECTION_NUMERALS:
        return pieces[0]
    return None


# A row that breaks across pages (Writer) prints its first line at the foot of one page and
# goes on under the next page's repeated column labels: at most this many furniture lines (the
# labels, one per line when wrapped, a title, a page number) between a date's head and its rest,
# whose rest is at most this many pieces at the opening of its line (``月 1 日 対策``).
MAX_FURNITURE_IN_DATE = 12
MAX_DATE_TAIL_PIECES = 3
# ... or short pieces one per line (a date wrapped character by character): at most this many.
MAX_DATE_TAIL_LINES = 6
_DATE_PIECE = regex.compile(r"^[0-9０-９元年月日/.\-／．－]{1,6}$")


def dates_over_page_breaks(lines: list[CellLine]) -> list[CellLine]:
    """A date cut by a page break, put back together: a line that opens with a date's head at a
    page's foot (``令和３年９月 Ⅰ 基本情報 行政手続における…``, ``2021年4 Ⅳその他のリスク …``),
    then the next page's furniture (its column labels), then a line that opens with the date's
    rest (``１日``, ``月 1 日 対策``).  The furniture lines are moved before the date's head line,
    and the date's rest is joined to its head (``令和３年９月１日 Ⅰ 基本情報 …``): the row opens
    with its whole date instead of running into the row above.  Nothing is dropped (the
    furniture is removed later, as everywhere).  The cells' first lines on the first page stay
    side by side, before the cells' rest: the row's cuts are judged as any shared line's."""
    mask: list[bool] | None = None
    out: list[CellLine] = []
    k, n = 0, len(lines)
    while k < n:
        cl = lines[k]
        pieces = cl.text.split(maxsplit=1)
        head = pieces[0] if pieces else ""
        if not head or not DATE_HEAD.match(head) or is_date_line(head):
            out.append(cl)
            k += 1
            continue
        if mask is None:
            mask = furniture_mask(lines)
        j = k + 1
        while j < n and j - k <= MAX_FURNITURE_IN_DATE and mask[j]:
            j += 1
        found = _date_rest(lines, j, head) if j < n and j > k + 1 and lines[j].page != cl.page else None
        if found:
            whole, end, left = found
            out.extend(lines[k + 1 : j])
            out.append(replace(cl, text=f"{whole} {pieces[1]}" if len(pieces) > 1 else whole))
            if left:
                out.append(replace(lines[end], text=left))
            k = end + 1
            continue
        out.append(cl)
        k += 1
    return out


def _date_rest(lines: list[CellLine], j: int, head: str) -> tuple[str, int, str] | None:
    """The rest of the date ``head`` opening ``lines[j:]``: (the whole date, the index of the line
    where it ends, what that line holds after it), or None.  The rest is the first pieces of one
    line (``月 1 日 対策``), or short date pieces one per line (``８年１`` / ``０月１`` / ``日``)."""
    text = head
    best: tuple[str, int, str] | None = None
    for t in range(j, min(len(lines), j + MAX_DATE_TAIL_LINES)):
        tokens = lines[t].text.split()
        for m in range(1, min(len(tokens), MAX_DATE_TAIL_PIECES) + 1):
            if is_date_line(text + "".join(tokens[:m])):
                # The longest: ``…１０月１`` may go on with ``日``.
                best = (text + "".join(tokens[:m]), t, " ".join(tokens[m:]))
        if len(tokens) != 1 or not _DATE_PIECE.match(tokens[0]):
            break
        text += tokens[0]
    return best


def unbroken_lines(lines: list[CellLine]) -> list[CellLine]:
    """The text's lines with what page breaks did to them undone: a label row glued to the
    previous page's last line cut off (``split_glued_headers``), a label row wrapped one
    character per line (``提`` / ``出`` / ``時`` / ``期``) joined, so that it is seen as furniture, and
    a date cut by a page break put back together (``dates_over_page_breaks``), and a 変更日
    cell's prefix line (``第４版``) and a qualified date (``（公表日：令和5年3月15日）``) joined to its
    date (``date_prefixes``, ``qualified_dates``); vertical and stacked prints (``stacked_heads``)."""
    unglued = stacked_prints(join_vertical_words(split_glued_headers(split_two_row_glue(lines))))
    return join_qualified_lines(join_date_prefixes(dates_over_page_breaks(unglued)))


def labels_left_out(lines: list[CellLine]) -> list[str]:
    """The reader's note (none, or one) naming the column labels ``remove_furniture`` leaves out
    of ``lines`` after a page's pass 1 of one-line cells (``label_rows.labels_among_cells``)."""
    mask, _, among = _furniture(lines)
    labels = dict.fromkeys(labels_among_cells(lines, mask, among))
    return [LABELS_AMONG_CELLS_NOTE.format("、".join(f"「{t}」" for t in labels))] if labels else []


def furniture_mask(lines: list[CellLine]) -> list[bool]:
    """For each line, whether it is page furniture: a title, a column-label row (one line or one
    label per line), or a page number.

    A lone label piece (``変更日``, or ``提出時`` / ``期`` of a wrapped header cell) counts as
    furniture inside a run of three, near a title or label row, or before the first date.
    """
    return _furniture(lines)[0]


def _furniture(lines: list[CellLine]) -> tuple[list[bool], set[int], set[int]]:
    """``furniture_mask``, the label pieces found only after a page's pass 1 (the header's
    wrapped label drawn with the wrapped cells, after the one-line cells): no page break, and
    every label line found after a page's pass 1 (``labels_among_cells``)."""
    n = len(lines)
    hard = [is_title(cl.text) or is_header_line(cl.text) or is_page_number(cl.text) for cl in lines]
    for k, cl in enumerate(lines):
        if BARE_NUMBER.match(cl.text):
            page_edge = (
                k == 0
                or k == n - 1
                or lines[k - 1].page != cl.page
                or lines[k + 1].page != cl.page
                or hard[k - 1]
                or hard[k + 1]
            )
            hard[k] = page_edge
    piece = [is_label_piece(cl.text) for cl in lines]
    for k, run in two_row_label_runs([cl.text for cl in lines]):  # 変更箇所 over 変更前 / 変更後
        piece[k:run] = [True] * (run - k)
    first_date = next((k for k, cl in enumerate(lines) if is_date_line(cl.text)), n)
    furniture = list(hard)
    pass_one = _pass_one_printed(lines)
    soft: set[int] = set()
    among: set[int] = set()
    k = 0
    while k < n:
        if not piece[k] or hard[k] or (k > first_date and cell_tail_above_labels(lines, k, hard, piece)):
            k += 1  # (a cell's last line 提出 right before a label row that holds 提出時期 whole)
            continue
        run = k
        while run < n and piece[run]:
            run += 1
        near = any(hard[m] for m in range(max(0, k - LABEL_NEAR_LINES), min(n, run + LABEL_NEAR_LINES)))
        # A wrapped label joined (``提出時`` / ``期``) after a page's pass 1 (``label_rows.wrapped_labels``).
        back = k - 1
        while back >= 0 and not hard[back] and pass_one[back]:
            back -= 1
        late = back < k - 1 and any(hard[m] for m in range(max(0, back - LABEL_NEAR_LINES + 1), back + 1))
        # ... or after the pass 1 that opens the lines (the header above it was left out with
        # the title: a region read from its first date on; set XIII t02, ``提出時`` / ``期``).
        late = late or back < 0 < k
        if run - k >= LABEL_RUN_MIN or near or late or run <= first_date:
            for m in range(k, run):
                furniture[m] = True
            if not (run - k >= LABEL_RUN_MIN or near or run <= first_date):
                soft.update(range(k, run))
            if back < k - 1:
                among.update(range(k, run))
        k = run
    for k, run in wrapped_labels(lines):
        # Calc prints a page's one-line cells (its dates and timings) before its wrapped ones,
        # the header's wrapped labels among these: they do not count as lines between.
        back = k - 1
        while back >= 0 and not furniture[back] and pass_one[back]:
            back -= 1
        near = any(
            furniture[m] for m in range(max(0, back - LABEL_NEAR_LINES + 1), min(n, run + LABEL_NEAR_LINES))
        )
        # ... also where that pass 1 opens the lines (the header above was cut off with the
        # title: a region read from its first date on): not a page break either.
        opening = back < 0 < k
        # ... or pass 1 ends with one-line text cells, the first wrapped row's item right after.
        late = label_opens_pass_two(lines, k, run, pass_one)
        if near or run <= first_date or opening or late:
            for m in range(k, run):
                furniture[m] = True
            if opening and not near:
                soft.update(range(k, run))
            if back < k - 1 or late:
                among.update(range(k, run))
    return furniture, soft, among


def _pass_one_printed(lines: list[CellLine]) -> list[bool]:
    """For each line, whether its printed line may be one of Calc's pass 1 (a page's one-line
    cells): it holds a date or a timing (``（別紙２）記録項目 事後 事務の流れを追加``)."""
    timed: set[tuple[int, int]] = set()
    for cl in lines:
        text = cl.text
        if (
            is_date_line(text)
            or TIMING.match(text)
            or TIMING_AT_END.match(text)
            or TIMING_AT_START.match(text)
            or TIMING_IN_MIDDLE.match(text)
        ):
            timed.add((cl.page, cl.line_no))
    return [(cl.page, cl.line_no) in timed for cl in lines]


# What the lines ``remove_furniture`` returns apart are, for the reader's note.
CELLS_ABOVE_TABLE = "read as the sheet's cells above the table (printed above its title)"


def remove_furniture(lines: list[CellLine]) -> tuple[list[CellLine], int, list[CellLine]]:
    """Drop titles, column-label rows (one line or one label per line) and page numbers
    (``furniture_mask``), and the cells of the sheet above a table opening mid-page that Calc
    drew after the table's pass 1 (``pass_one_pieces.without_cells_above``); returns the lines
    kept, how many were dropped, and those cells above (for the reader's note)."""
    mask = furniture_mask(lines)
    kept, above = without_cells_above([cl for cl, furn in zip(lines, mask, strict=True) if not furn])
    return kept, len(lines) - len(kept), above


def pages_from_furniture(lines: list[CellLine]) -> list[CellLine]:
    """The lines of a table region without page breaks, their pages counted from its furniture.

    A text without form feeds still shows where a printed page ended: the title or the
    column-label row repeated, or a page number.  Each run of furniture lines that has table
    text both before and after it is a page break, wherever the extractor put the header (at the
    top of each page, or at the end as in the seed).  Pages count on from the region's first
    page.  A region whose lines already carry several pages (form feeds) is returned as it is.
    """
    if len({cl.page for cl in lines}) > 1 or not lines:
        return lines
    mask, soft, _ = _furniture(lines)
    page = lines[0].page or 1
    out: list[CellLine] = []
    content_seen = pending = False
    for k, (cl, furn) in enumerate(zip(lines, mask, strict=True)):
        if furn and k in soft:
            pass
        elif furn:
            pending = pending or content_seen
        else:
            if pending:
                page += 1
                pending = False
            content_seen = True
        out.append(replace(cl, page=page))
    return out


def _labels_before(raw: list[CellLine], s: int) -> int:
    """The first line of the title's page when that page opens with a column label and holds a
    timing before the title: pdfminer may emit a page's last columns (提出時期, its explanation)
    before the title and the first columns.  Else ``s``."""
    page = raw[s].page
    k = s
    while k > 0 and raw[k - 1].page == page:
        k -= 1
    if k < s and is_label_piece(raw[k].text) and any(TIMING.match(raw[m].text) for m in range(k, s)):
        return k
    return s


def _page_start(raw: list[CellLine], s: int) -> CellLine:
    k = s
    while k > 0 and raw[k - 1].page == raw[s].page:
        k -= 1
    return raw[k]


def _block_has_anchor(lines: list[CellLine], start: int, end: int) -> bool:
    return any(TIMING.match(lines[k].text) for k in range(start, min(end, start + MAX_BLOCK_LINES)))


def _untitled_labels(raw: list[CellLine], first_date: int) -> int | None:
    """The first of ``UNTITLED_LABELS_MIN`` column-label pieces among ``LABEL_NEAR_LINES`` * 2
    lines before ``first_date`` (the labels of a table with no title line), when a timing
    follows them; or the 変更日 label right before the first date (labels only between), when a
    timing follows; None otherwise."""
    for k in range(first_date):
        if not is_label_piece(raw[k].text):
            continue
        near = raw[k : min(first_date, k + 2 * LABEL_NEAR_LINES)]
        if sum(is_label_piece(cl.text) for cl in near) >= UNTITLED_LABELS_MIN and any(
            TIMING.match(cl.text) for cl in raw[k:]
        ):
            return k
        # The 変更日 label opening its column's box of dates (Calc's date column, as pdfminer and
        # plain pdftotext print it: ``変更日`` / ``2019/5/1`` / blank / ``2020/4/1`` …), only
        # labels between: its dates are the table's, though no other label is near.
        dates_label = any(cl.text.strip() == DATE_LABEL for cl in raw[k:first_date])
        only_labels = all(is_label_piece(cl.text) for cl in raw[k:first_date])
        if dates_label and only_labels and any(TIMING.match(cl.text) for cl in raw[first_date:]):
            return k
        return None
    return None


def _pass_one_lines(lines: list[CellLine]) -> bool:
    """Whether ``lines`` (between a title or label row and the first date) read as Calc's pass 1
    of a page: at most ``PASS_ONE_MAX_PRINTED_LINES`` printed lines, at least
    ``PASS_ONE_TIMING_SHARE`` of them holding a timing (事前 / 事後) among their pieces.  Column
    labels do not count: Calc prints a two-line label (``変更前の`` / ``記載``) among the wrapped
    cells, after the page's one-line cells (set VIII c1: ``変更日 項目``, the one-line cells, then
    the labels; branch stream48)."""
    printed: dict[tuple[int, int | None], bool] = {}
    for cl in lines:
        if is_label_piece(cl.text):
            continue
        key = (cl.page, cl.line_no)
        timed = any(TIMING.match(piece) for piece in cl.text.split())
        printed[key] = printed.get(key, False) or timed
    if not printed or len(printed) > PASS_ONE_MAX_PRINTED_LINES:
        return False
    timed = sum(printed.values())
    if timed >= PASS_ONE_TIMING_SHARE * len(printed):
        return True
    # A tall row sets its one-line cells at other heights (before / after at its top, the timing
    # and the explanation below): a printed line each, a third of them timed (set X C1).  Pass 1
    # prints no wrapped item: no line opens a section of the form (Ⅰ…Ⅵ).
    sections = any(cl.text[:1] in SECTION_NUMERALS for cl in lines)
    return not sections and timed >= PASS_ONE_MIN_TIMINGS and timed >= PASS_ONE_LOOSE_SHARE * len(printed)


def _untitled_two_pass(raw: list[CellLine]) -> int | None:
    """The column-label row of a table with no title whose dates all wrap (Calc's two-pass text:
    pass 1's timings and one-line cells under the labels, then each row's wrapped 変更日,
    ``令和６年４月１`` / ``日``, before its item): the first label row followed by a timing within
    ``LABEL_TIMING_LINES`` lines and by a date's head later; None otherwise.  Without it, no line
    of such a table is a whole date and none of its rows was read (set X C5: 0 of 7)."""
    for k, cl in enumerate(raw):
        if not is_header_line(cl.text):
            continue
        near = raw[k + 1 : k + 1 + LABEL_TIMING_LINES]
        if any(TIMING.match(x.text) for x in near) and any(DATE_HEAD.match(x.text) for x in raw[k + 1 :]):
            return k
        return None
    return None


def _dated_pass_one_lines(raw: list[CellLine]) -> set[int]:
    """Indices of the pieces that open, with their row's date, a printed line of Calc's pass 1
    holding the row's timing too: a row whose before / after / explanation cells all fit one line
    prints them there (``2022/4/1 市民部市民課`` / ``市民生活部市民窓口課`` / ``事後`` /
    ``組織改編に伴う変更``, one printed line cut at its gaps; ``pdftotext -raw`` and pypdfium2
    alike: set XI c4_midpage).  Such a line starts a row as a date line does, though no line of
    the page holds a date alone."""
    timed = {(cl.page, cl.line_no) for cl in raw if cl.line_no is not None and TIMING.match(cl.text)}
    out: set[int] = set()
    for k, cl in enumerate(raw):
        first = k == 0 or not same_printed_line(raw[k - 1], cl)
        if first and (cl.page, cl.line_no) in timed and DATE_AT_START.match(cl.text):
            out.add(k)
    return out


def find_table_start(raw: list[CellLine]) -> int:
    """Index of the first line of the table region in the raw (unfiltered) lines.

    The region starts at the first title or column-label row that is followed by table rows,
    extended back over date-led blocks with an anchor printed before it (an extractor may put the
    title after the first page's rows, as in the seed).  A contents page that merely names 変更箇所
    is followed by no row and does not count.  Without any title, the first date line whose
    block has an anchor starts the region.  When nothing above fits but a title with its column
    labels right after it is followed by date lines and 事前/事後, the region starts at that
    title (an order no rule foresaw: its rows are read and doubted rather than lost).
    """
    pass_one_dated = _dated_pass_one_lines(raw)
    dates = [
        k
        for k, cl in enumerate(raw)
        if is_date_line(cl.text) or DATE_THEN_ITEM.match(cl.text) or k in pass_one_dated
    ]
    starts = [k for k, cl in enumerate(raw) if is_table_start(cl.text)]
    seen: list[bool] = []

    def boxed() -> bool:
        """pdfminer's and plain pdftotext's boxes (see columnar.looks_boxed), told once."""
        if not seen:
            gaps = [
                k == 0 or cl.page != raw[k - 1].page or (cl.line_no or 0) - (raw[k - 1].line_no or 0) > 1
                for k, cl in enumerate(raw)
            ]
            seen.append(looks_boxed(raw, gaps))
        return seen[0]

    def block_end(d: int) -> int:
        later = [x for x in dates if x > d]
        return later[0] if later else len(raw)

    for s in starts:
        following = [d for d in dates if d > s]
        if boxed():
            # Plain pdftotext joins a date with the line printed beside it (2016/10/01 り扱う事務).
            following = sorted(
                {*following, *(k for k in range(s + 1, len(raw)) if DATE_AT_START.match(raw[k].text))}
            )
        if not boxed() and is_label_piece(_page_start(raw, s).text):
            # Calc draws a page's one-line cells (its label row, the first rows' dates, short
            # cells and timings) before a title that sits in a taller row of its own; the label
            # row only in part when some labels are set on two lines (``変更日 項目`` first,
            # ``変更前の`` / ``記載`` among the wrapped cells: branch stream48).
            lead = _labels_before(raw, s)
            if lead < s:
                return lead
        if not following:
            continue
        first = following[0]
        between = [cl.text for cl in raw[s + 1 : first]]
        # Timings may come before the dates: LibreOffice Calc draws a page's one-line cells
        # first, and its date cells (numbers) with the wrapped ones.
        # pdfminer may also put the first item (a section Ⅰ…Ⅵ and the lines after it) before
        # its date.
        opening = len(between)
        if boxed():
            opening = next((m for m, t in enumerate(between) if t[:1] in SECTION_NUMERALS), opening)
        paths = between[opening:]
        # pdfminer and plain pdftotext may give a page's first cells before its first date: a
        # title followed by column labels or a timing, a date within two pages of lines and a
        # timing after it opens the table (a contents page shows neither so soon).
        # The labels or timing must be this title's own: not those of a later title (a contents
        # page's 変更箇所 line names the table pages before its real title).
        own = between[: next((m for m, t in enumerate(between) if is_table_start(t)), len(between))]
        if (
            boxed()
            and len(between) <= BOXED_LINES_BEFORE_DATE
            and any(is_label_piece(t) or TIMING.match(t) for t in own)
            and _block_has_anchor(raw, s, len(raw))
        ):
            return s
        # Calc may also draw a page's one-line before / after / explanation cells, with their
        # timings, before its first date: a few lines among which a timing stands (a contents
        # page has none).
        one_line_cells = len(between) <= MAX_ITEM_LINES_BEFORE_DATE and any(TIMING.match(t) for t in between)
        one_line_cells = one_line_cells or _pass_one_lines(raw[s + 1 : first])
        if not one_line_cells and (
            len(paths) > MAX_ITEM_LINES_BEFORE_DATE
            or any(
                not (is_table_start(t) or is_label_piece(t) or is_page_number(t) or TIMING.match(t))
                for t in between[:opening]
            )
        ):
            continue
        # Out of row order (pdfminer), a page's timings may come anywhere on it, even before.
        lead = _labels_before(raw, s) if boxed() else s
        if lead < s:
            return lead
        if not (_block_has_anchor(raw, first, len(raw)) or any(TIMING.match(t) for t in between)):
            continue
        start = s
        earlier = [d for d in dates if d < s]
        while earlier:
            d = earlier.pop()
            # The block's own anchor, before the title: the table's timings after it are no
            # anchor of a cover's or body's date (a whole assessment's 公表日 line).
            if _block_has_anchor(raw, d, min(block_end(d), s)) and not any(
                is_table_start(raw[m].text) for m in range(d, s)
            ):
                start = d
                s = d
            else:
                break
        return start
    if not starts and dates and boxed():
        # No title: pdfminer may give a page's before/after boxes, then its dates, after the
        # column labels (``変更日 項目`` / ``変更前の記載`` / …), so no date's block holds a
        # timing; labels opening the text, with dates and timings after them, open the table.
        label = _untitled_labels(raw, dates[0])
        if label is not None:
            return label
    for d in dates:
        if _block_has_anchor(raw, d, block_end(d)):
            return d
    untitled = _untitled_two_pass(raw)
    if untitled is not None:
        return untitled
    # No reading above fits, yet a title with its column labels right after it is followed by
    # dates and timings: the table is there, in an order none of the rules above foresaw
    # (pypdfium2 on some LibreOffice Calc pages).  Its rows are read from there and judged by
    # the readers' own checks, rather than lost.
    for s in starts:
        near = raw[s + 1 : s + 1 + LABEL_NEAR_LINES]
        labelled = any(is_label_piece(cl.text) or is_header_line(cl.text) for cl in near)
        later = raw[s + 1 :]
        dated = any(is_date_line(cl.text) for cl in later)
        if labelled and dated and any(TIMING.match(cl.text) for cl in later):
            return s
    return len(raw)
